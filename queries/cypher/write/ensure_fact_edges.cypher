// Make sure each fact edge exists, without its aggregate properties: what a deferred write
// (`polikg load`) does per batch, so that entity resolution in the next batches sees the
// MEMBER_OF and HOLDS_OFFICE ties it would see after a full refresh; the properties come
// with write/merge_fact_edges when the pending triples are refreshed. Static types, one
// branch each, for the reason write/merge_fact_edges gives.
// Every fact type of graph_schema.FACT_TYPES has a branch (a unit test checks).
// params: $rows [{s, t, o}]. columns: edges
UNWIND $rows AS r
MATCH (s:Entity {id: r.s})
MATCH (o:Entity {id: r.o})
CALL (s, o, r) {
  WITH * WHERE r.t = 'HOLDS_OFFICE'
  MERGE (s)-[:HOLDS_OFFICE]->(o)
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'MEMBER_OF'
  MERGE (s)-[:MEMBER_OF]->(o)
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'ALLIED_WITH'
  MERGE (s)-[:ALLIED_WITH]->(o)
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'CRITICIZED'
  MERGE (s)-[:CRITICIZED]->(o)
}
CALL (s, o, r) {
  WITH * WHERE r.t = 'SUPPORTED'
  MERGE (s)-[:SUPPORTED]->(o)
}
RETURN count(*) AS edges
