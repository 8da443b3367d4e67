// One Quote node per quotation, with its speaker, the entities it is about and its article.
// q.speaker and each ABOUT's pair (speaker|target) and date copy the graph's shape into
// indexed keys, so a speaker's quotes and the quotes between two people are read in date
// order from an index, page by page, however famous the speaker (issue 14).
// params: $rows [{id, text, start, end, sentence, sentence_start, sentence_end, date,
//                 confidence, speaker, about (ids), article, rule}]. columns: quotes
UNWIND $rows AS r
MATCH (sp:Entity {id: r.speaker})
MATCH (a:Article {id: r.article})
MERGE (q:Quote {id: r.id})
SET q.text = r.text, q.start = r.start, q.end = r.end, q.sentence = r.sentence,
    q.sentence_start = r.sentence_start, q.sentence_end = r.sentence_end,
    q.date = CASE WHEN r.date IS NULL THEN null ELSE date(r.date) END,
    q.confidence = r.confidence, q.rule = r.rule, q.speaker = r.speaker
WITH q, r, sp, a
CALL (q, r, sp, a) {
  // As in merge_claims: a quote without its IN edge is new (ids hash the article, and a
  // replaced article's quotes were removed first), so its edges are created, not merged.
  WITH * WHERE NOT EXISTS { (q)-[:IN]->() }
  CREATE (q)-[:SAID_BY]->(sp), (q)-[:IN]->(a)
  WITH q, r
  UNWIND r.about AS target_id
  MATCH (t:Entity {id: target_id})
  MERGE (q)-[ab:ABOUT]->(t)
  SET ab.pair = r.speaker + '|' + target_id, ab.date = q.date
}
RETURN count(q) AS quotes
