// Recompute the aggregated fact edge of each (subject, type, object) from its claims:
// created, updated, or removed when no claim is left.
// Claims are found by their indexed `pair` key, so the cost does not grow with how
// many other claims the two entities have.
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
OPTIONAL MATCH (s)-[old:$(r.t)]->(o)
CALL (s, o, r, n, first_seen, last_seen, confidence, status) {
  WITH * WHERE n > 0
  MERGE (s)-[e:$(r.t)]->(o)
  SET e.claims = n, e.first_seen = first_seen, e.last_seen = last_seen,
      e.confidence = confidence, e.status = status
  RETURN count(e) AS kept
}
CALL (old, n) {
  WITH * WHERE n = 0 AND old IS NOT NULL
  DELETE old
  RETURN count(*) AS removed
}
RETURN sum(kept) AS kept, sum(removed) AS removed
