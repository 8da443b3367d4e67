// Recompute the aggregated fact edge of each (subject, type, object) from its claims:
// created, updated, or removed when no claim is left.
// Claims are found by their indexed `pair` key, so the cost does not grow with how
// many other claims the two entities have.
// The edge is matched with type(e) = r.t and merged with one static type per branch: Neo4j
// 5.26 plans a dynamic type `-[:$(r.t)]-` as a scan of every relationship in the graph
// (DirectedAllRelationshipsScan + Filter) per row, which made each batch slower than the
// last (issue 14: 62 s for one 200-article batch); a static type is an Expand(Into) from s.
// Every fact type of graph_schema.FACT_TYPES has a branch (a unit test checks).
// params: $rows [{s, t, o, pair}]. columns: kept, removed
UNWIND $rows AS r
MATCH (s:Entity {id: r.s})
MATCH (o:Entity {id: r.o})
CALL (s, o, r) {
  OPTIONAL MATCH (c:Claim {pair: r.pair})
  WITH c ORDER BY c.date, c.id
  RETURN count(c) AS n, min(c.date) AS first_seen, max(c.date) AS last_seen,
         max(c.confidence) AS confidence, last(collect(c.status)) AS status
}
WITH s, o, r, {claims: n, first_seen: first_seen, last_seen: last_seen,
               confidence: confidence, status: status} AS agg
CALL (s, o, r, agg) {
  WITH * WHERE agg.claims > 0 AND r.t = 'HOLDS_OFFICE'
  MERGE (s)-[e:HOLDS_OFFICE]->(o)
  SET e += agg
  RETURN count(e) AS held
}
CALL (s, o, r, agg) {
  WITH * WHERE agg.claims > 0 AND r.t = 'MEMBER_OF'
  MERGE (s)-[e:MEMBER_OF]->(o)
  SET e += agg
  RETURN count(e) AS member
}
CALL (s, o, r, agg) {
  WITH * WHERE agg.claims > 0 AND r.t = 'ALLIED_WITH'
  MERGE (s)-[e:ALLIED_WITH]->(o)
  SET e += agg
  RETURN count(e) AS allied
}
CALL (s, o, r, agg) {
  WITH * WHERE agg.claims > 0 AND r.t = 'CRITICIZED'
  MERGE (s)-[e:CRITICIZED]->(o)
  SET e += agg
  RETURN count(e) AS criticized
}
CALL (s, o, r, agg) {
  WITH * WHERE agg.claims > 0 AND r.t = 'SUPPORTED'
  MERGE (s)-[e:SUPPORTED]->(o)
  SET e += agg
  RETURN count(e) AS supported
}
CALL (s, o, r, agg) {
  WITH * WHERE agg.claims = 0
  OPTIONAL MATCH (s)-[old:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]->(o)
  WHERE type(old) = r.t
  DELETE old
  RETURN count(old) AS removed
}
RETURN sum(held + member + allied + criticized + supported) AS kept, sum(removed) AS removed
