// The entities linked to one entity by fact edges, one row per counterpart: how many claims in
// the date window link them, the types involved, the first and last dates; most claims first.
// params: $id, $types (fact types), $direction ('out', 'in' or 'both'), $since, $until (dates or
//         null), $offset, $limit
// columns: counterpart {id, name, type}, types, claims, first_seen, last_seen
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
WHERE type(r) IN $types
  AND ($direction = 'both' OR type(r) = 'ALLIED_WITH' OR ($direction = 'out') = (startNode(r) = e))
CALL (r) {
  MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  RETURN count(c) AS n, min(c.date) AS first_seen, max(c.date) AS last_seen
}
WITH other, r, n, first_seen, last_seen
WHERE n > 0
WITH other, collect(DISTINCT type(r)) AS types, sum(n) AS claims,
     min(first_seen) AS first_seen, max(last_seen) AS last_seen
RETURN {id: other.id, name: other.name,
        type: [l IN labels(other) WHERE l <> 'Entity'][0]} AS counterpart,
       types, claims, first_seen, last_seen
ORDER BY claims DESC, last_seen DESC, counterpart.id
SKIP $offset LIMIT $limit
