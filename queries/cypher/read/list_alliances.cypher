// The party alliance network: ALLIED_WITH edges (symmetric, stored once) between parties and
// alliances with the claims, first and last dates inside the date window; edges without a claim
// in the window are left out. Oldest first.
// params: $since, $until (dates or null), $offset, $limit
// columns: source {id, name, type}, target {id, name, type}, claims, first_seen, last_seen,
//          confidence
MATCH (x:Entity)-[r:ALLIED_WITH]->(y:Entity)
CALL (r) {
  MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  RETURN count(c) AS claims, min(c.date) AS first_seen, max(c.date) AS last_seen,
         max(c.confidence) AS confidence
}
WITH x, y, claims, first_seen, last_seen, confidence
WHERE claims > 0
RETURN {id: x.id, name: x.name, type: [l IN labels(x) WHERE l <> 'Entity'][0]} AS source,
       {id: y.id, name: y.name, type: [l IN labels(y) WHERE l <> 'Entity'][0]} AS target,
       claims, first_seen, last_seen, confidence
ORDER BY first_seen, source.id, target.id
SKIP $offset LIMIT $limit
