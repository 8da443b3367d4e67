// The fact subgraph for analytics: every edge of the given types with at least one claim in the
// date window (claims counted inside it), with both end entities; at most $max_edges edges, the
// caller says so when the cap is hit. Edges in a stable order so a capped sample is repeatable.
// params: $types (fact types), $since, $until (dates or null), $max_edges
// columns: source {id, name, type}, target {id, name, type}, type, claims
MATCH (x:Entity)-[r]->(y:Entity)
WHERE type(r) IN $types
CALL (r) {
  WITH r WHERE $since IS NULL AND $until IS NULL
  RETURN r.claims AS claims
  UNION ALL
  WITH r WHERE $since IS NOT NULL OR $until IS NOT NULL
  MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  WITH r, count(c) AS claims
  RETURN claims
}
WITH x, y, r, claims WHERE claims > 0
ORDER BY x.id, type(r), y.id
LIMIT $max_edges
RETURN {id: x.id, name: x.name, type: [l IN labels(x) WHERE l <> 'Entity'][0]} AS source,
       {id: y.id, name: y.name, type: [l IN labels(y) WHERE l <> 'Entity'][0]} AS target,
       type(r) AS type, claims
