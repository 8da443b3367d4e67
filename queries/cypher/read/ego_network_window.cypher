// The ego network of one entity within a date window (queries.read uses ego_network, which reads
// the aggregated edges only, when there is no window): entities within $depth (1..3) fact edges
// of the given types,
// ring by ring (within a ring, the most strongly linked first), cut to the first $max_nodes;
// then every edge of those types among the kept nodes. An edge counts only with a claim in the
// date window; its claims, first_seen and last_seen are then counted inside the window.
// params: $center (entity id), $depth, $types (fact types), $since, $until (dates or null),
//         $max_nodes
// Each kept node's degree (distinct neighbours over the same types and window) is its expansion
// hint (queries.read subtracts the neighbours among the returned edges). Edges whose first..last
// seen span misses the window are skipped before their claims are looked up.
// columns: nodes [{id, name, type, distance, degree}], edges [{id (the claim pair key), source, target,
//          type, claims, first_seen, last_seen, status, confidence}], total_nodes (before the cut)
MATCH (center:Entity {id: $center})
CALL (center) {
  MATCH (center)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
  WHERE type(r) IN $types
  CALL (r) {
    MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
    WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
    RETURN count(c) AS k
  }
  WITH n, sum(k) AS weight WHERE weight > 0
  ORDER BY weight DESC, n.id
  RETURN collect(n) AS ring1
}
CALL (center, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS m
  MATCH (m)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
  WHERE type(r) IN $types AND n <> center AND NOT n IN ring1
  CALL (r) {
    MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
    WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
    RETURN count(c) AS k
  }
  WITH n, sum(k) AS weight WHERE weight > 0
  ORDER BY weight DESC, n.id
  RETURN collect(n) AS ring2
}
CALL (center, ring1, ring2) {
  UNWIND CASE WHEN $depth >= 3 THEN ring2 ELSE [] END AS m
  MATCH (m)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
  WHERE type(r) IN $types AND n <> center AND NOT n IN ring1 AND NOT n IN ring2
  CALL (r) {
    MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
    WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
    RETURN count(c) AS k
  }
  WITH n, sum(k) AS weight WHERE weight > 0
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
  CALL (r) {
    MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
    WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
    WITH c ORDER BY c.date IS NOT NULL, c.date, c.id
    RETURN count(c) AS claims, min(c.date) AS first_seen, max(c.date) AS last_seen,
           max(c.confidence) AS confidence, last(collect(c.status)) AS status
  }
  WITH x, y, r, claims, first_seen, last_seen, confidence, status WHERE claims > 0
  ORDER BY x.id, type(r), y.id
  RETURN collect({id: x.id + '|' + type(r) + '|' + y.id, source: x.id, target: y.id,
                  type: type(r), claims: claims, first_seen: first_seen, last_seen: last_seen,
                  confidence: confidence,
                  status: CASE WHEN type(r) = 'HOLDS_OFFICE'
                               THEN coalesce(status, 'current') ELSE null END}) AS edges
}
CALL (kept) {
  UNWIND kept AS k
  CALL (k) {
    WITH k.node AS x
    MATCH (x)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]-(n:Entity)
    WHERE type(r) IN $types
      AND ($since IS NULL OR r.last_seen >= $since) AND ($until IS NULL OR r.first_seen <= $until)
      AND EXISTS {
        MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
        WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until) }
    RETURN count(DISTINCT n) AS degree
  }
  RETURN collect({id: k.node.id, name: k.node.name, distance: k.distance,
                  type: [l IN labels(k.node) WHERE l <> 'Entity'][0],
                  degree: degree}) AS nodes
}
RETURN nodes, edges, total_nodes
