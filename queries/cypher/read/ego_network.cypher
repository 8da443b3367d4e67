// The ego network of one entity over all time: entities within $depth (1..3) fact edges of the
// given types, ring by ring (within a ring, the most strongly linked first), cut to the first
// $max_nodes; then every edge of those types among the kept nodes. All time means the aggregated
// edges already hold the counts and dates (the writer keeps them in step with their claims), so
// no claim is read: on a 10k-article graph this is ~100x cheaper than recounting them (a
// person's ring can hold 25k edges and 110k claims). With since/until, queries.read uses
// ego_network_window, which counts the claims in the window.
// Each kept node's degree (distinct neighbours over the same types) is its expansion hint
// (queries.read subtracts the neighbours among the returned edges).
// params: $center (entity id), $depth, $types (fact types), $max_nodes
// columns: nodes [{id, name, type, distance, degree}], edges [{id (the claim pair key), source,
//          target, type, claims, first_seen, last_seen, status, confidence}], total_nodes
//          (before the cut)
MATCH (center:Entity {id: $center})
CALL (center) {
  MATCH (center)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
  WHERE type(r) IN $types
  WITH n, sum(r.claims) AS weight
  ORDER BY weight DESC, n.id
  RETURN collect(n) AS ring1
}
CALL (center, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS m
  MATCH (m)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
  WHERE type(r) IN $types AND n <> center AND NOT n IN ring1
  WITH n, sum(r.claims) AS weight
  ORDER BY weight DESC, n.id
  RETURN collect(n) AS ring2
}
CALL (center, ring1, ring2) {
  UNWIND CASE WHEN $depth >= 3 THEN ring2 ELSE [] END AS m
  MATCH (m)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
  WHERE type(r) IN $types AND n <> center AND NOT n IN ring1 AND NOT n IN ring2
  WITH n, sum(r.claims) AS weight
  ORDER BY weight DESC, n.id
  RETURN collect(n) AS ring3
}
WITH [{node: center, distance: 0}] + [n IN ring1 | {node: n, distance: 1}]
     + [n IN ring2 | {node: n, distance: 2}] + [n IN ring3 | {node: n, distance: 3}] AS ranked
WITH ranked[0..$max_nodes] AS kept, size(ranked) AS total_nodes
WITH kept, total_nodes, [k IN kept | k.node] AS members
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]->(y:Entity)
  WHERE type(r) IN $types AND y IN members
  WITH x, y, r ORDER BY x.id, type(r), y.id
  RETURN collect({id: x.id + '|' + type(r) + '|' + y.id, source: x.id, target: y.id,
                  type: type(r), claims: r.claims, first_seen: r.first_seen,
                  last_seen: r.last_seen, confidence: r.confidence,
                  status: CASE WHEN type(r) = 'HOLDS_OFFICE'
                               THEN coalesce(r.status, 'current') ELSE null END}) AS edges
}
CALL (kept) {
  UNWIND kept AS k
  CALL (k) {
    WITH k.node AS x
    MATCH (x)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
    WHERE type(r) IN $types
    RETURN count(DISTINCT n) AS degree
  }
  RETURN collect({id: k.node.id, name: k.node.name, distance: k.distance,
                  type: [l IN labels(k.node) WHERE l <> 'Entity'][0],
                  degree: degree}) AS nodes
}
RETURN nodes, edges, total_nodes
