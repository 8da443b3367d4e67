// Write each aggregated fact edge as loaders/aggregates.py derived it from its claims:
// claims, first/last seen, best confidence, latest status, and on CRITICIZED/SUPPORTED the
// dated claims counted per day (`days`, `day_claims`), which read/entity_stance sums.
// One static-type branch per fact type: Neo4j 5.26 plans a dynamic type `-[:$(r.t)]-` as a
// scan of every relationship in the graph per row (issue 14: 62 s for one 200-article
// batch); a static type is an Expand(Into) from s. Edges whose last claim went are removed
// by write/delete_fact_edges.
// Every fact type of graph_schema.FACT_TYPES has a branch (a unit test checks).
// params: $rows [{s, t, o, claims, first_seen, last_seen, confidence, status, days,
//         day_claims}]. columns: edges
UNWIND $rows AS r
MATCH (s:Entity {id: r.s})
MATCH (o:Entity {id: r.o})
CALL (s, o, r) {
  WITH * WHERE r.t = 'HOLDS_OFFICE'
  MERGE (s)-[e:HOLDS_OFFICE]->(o)
  SET e.claims = r.claims, e.first_seen = r.first_seen, e.last_seen = r.last_seen,
      e.confidence = r.confidence, e.status = r.status
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'MEMBER_OF'
  MERGE (s)-[e:MEMBER_OF]->(o)
  SET e.claims = r.claims, e.first_seen = r.first_seen, e.last_seen = r.last_seen,
      e.confidence = r.confidence, e.status = r.status
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'ALLIED_WITH'
  MERGE (s)-[e:ALLIED_WITH]->(o)
  SET e.claims = r.claims, e.first_seen = r.first_seen, e.last_seen = r.last_seen,
      e.confidence = r.confidence, e.status = r.status
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'CRITICIZED'
  MERGE (s)-[e:CRITICIZED]->(o)
  SET e.claims = r.claims, e.first_seen = r.first_seen, e.last_seen = r.last_seen,
      e.confidence = r.confidence, e.status = r.status, e.days = r.days,
      e.day_claims = r.day_claims
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'SUPPORTED'
  MERGE (s)-[e:SUPPORTED]->(o)
  SET e.claims = r.claims, e.first_seen = r.first_seen, e.last_seen = r.last_seen,
      e.confidence = r.confidence, e.status = r.status, e.days = r.days,
      e.day_claims = r.day_claims
}
RETURN count(*) AS edges
