// Remove an article's claims, quotes and mentions before its new version is written.
// Returns what the removal touched so the writer can refresh edges, aliases and orphans.
// params: $ids (article ids). columns: triples (list of {s, t, o}), entities (list of ids)
UNWIND $ids AS id
MATCH (a:Article {id: id})
CALL (a) {
  OPTIONAL MATCH (c:Claim)-[:IN]->(a)
  OPTIONAL MATCH (c)-[:SUBJECT]->(s)
  OPTIONAL MATCH (c)-[:OBJECT]->(o)
  WITH collect(c) AS claims,
       collect(DISTINCT CASE WHEN s IS NULL THEN null
                        ELSE {s: s.id, t: c.type, o: o.id, pair: c.pair} END) AS triples
  FOREACH (c IN claims | DETACH DELETE c)
  RETURN triples
}
CALL (a) {
  OPTIONAL MATCH (q:Quote)-[:IN]->(a)
  DETACH DELETE q
  RETURN count(*) AS quotes
}
CALL (a) {
  OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(a)
  DELETE m
  RETURN collect(DISTINCT e.id) AS entities
}
RETURN triples, entities
