// Merge entity $drop into entity $keep: mentions, claims and quotes move over, $drop goes.
// Afterwards the caller refreshes aliases and the aggregated edges of the returned triples.
// params: $keep, $drop. columns: triples (list of {s, t, o})
MATCH (a:Entity {id: $keep})
MATCH (b:Entity {id: $drop})
WHERE a <> b
CALL (a, b) {
  MATCH (b)-[m:MENTIONED_IN]->(art:Article)
  MERGE (a)-[n:MENTIONED_IN]->(art)
  SET n.count = coalesce(n.count, 0) + m.count,
      n.aliases = reduce(acc = [], x IN coalesce(n.aliases, []) + m.aliases |
                         CASE WHEN x IN acc THEN acc ELSE acc + x END)
  DELETE m
  RETURN count(*) AS mentions
}
CALL (a, b) {
  MATCH (c:Claim)-[r:SUBJECT]->(b)
  MERGE (c)-[:SUBJECT]->(a)
  DELETE r
  RETURN count(*) AS subjects
}
CALL (a, b) {
  MATCH (c:Claim)-[r:OBJECT]->(b)
  MERGE (c)-[:OBJECT]->(a)
  DELETE r
  RETURN count(*) AS objects
}
CALL (a, b) {
  MATCH (q:Quote)-[r:SAID_BY]->(b)
  MERGE (q)-[:SAID_BY]->(a)
  DELETE r
  RETURN count(*) AS said
}
CALL (a, b) {
  MATCH (q:Quote)-[r:ABOUT]->(b)
  MERGE (q)-[:ABOUT]->(a)
  DELETE r
  RETURN count(*) AS about
}
SET a.merged_from = reduce(acc = [], x IN coalesce(a.merged_from, []) + [b.id] +
                           coalesce(b.merged_from, []) |
                           CASE WHEN x IN acc THEN acc ELSE acc + x END)
DETACH DELETE b
WITH a
CALL (a) {
  // the indexed copies of the speaker (quote) and speaker|target (ABOUT) follow the move
  MATCH (a)<-[:SAID_BY|ABOUT]-(q:Quote)
  WITH DISTINCT q
  MATCH (q)-[:SAID_BY]->(sp:Entity)
  SET q.speaker = sp.id
  WITH q, sp
  MATCH (q)-[ab:ABOUT]->(t:Entity)
  SET ab.pair = sp.id + '|' + t.id, ab.date = q.date
  RETURN count(*) AS keyed
}
CALL (a) {
  MATCH (a)<-[:SUBJECT|OBJECT]-(c:Claim)
  MATCH (c)-[:SUBJECT]->(s)
  MATCH (c)-[:OBJECT]->(o)
  SET c.pair = s.id + '|' + c.type + '|' + o.id
  RETURN collect(DISTINCT {s: s.id, t: c.type, o: o.id, pair: c.pair}) AS triples
}
RETURN triples
