// One Claim per assertion, linked to its subject, object and article.
// params: $rows [{id, pair, type, subject, object, article, sentence, start, end, date, confidence,
//                 status, stated_start, stated_start_precision, stated_start_text, stated_end,
//                 stated_end_precision, stated_end_text, rule, extractor_version}]
// (stated_*: a term bound the sentence states, see loaders/stated_dates.py). columns: claims
UNWIND $rows AS r
MATCH (s:Entity {id: r.subject})
MATCH (o:Entity {id: r.object})
MATCH (a:Article {id: r.article})
MERGE (c:Claim {id: r.id})
SET c.type = r.type, c.pair = r.pair, c.sentence = r.sentence, c.start = r.start, c.end = r.end,
    c.date = CASE WHEN r.date IS NULL THEN null ELSE date(r.date) END,
    c.confidence = r.confidence, c.status = r.status, c.rule = r.rule,
    c.stated_start = CASE WHEN r.stated_start IS NULL THEN null ELSE date(r.stated_start) END,
    c.stated_start_precision = r.stated_start_precision, c.stated_start_text = r.stated_start_text,
    c.stated_end = CASE WHEN r.stated_end IS NULL THEN null ELSE date(r.stated_end) END,
    c.stated_end_precision = r.stated_end_precision, c.stated_end_text = r.stated_end_text,
    c.extractor_version = r.extractor_version
WITH c, s, o, a
CALL (c, s, o, a) {
  // A claim's id hashes its article, type, subject, object and offsets, and a replaced
  // article's claims were removed first: a claim without its IN edge is new, with every
  // edge still to make. CREATE, not MERGE: MERGE checked the famous entity's side for an
  // existing edge and locked twice per edge (issue 14).
  WITH * WHERE NOT EXISTS { (c)-[:IN]->() }
  CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:IN]->(a)
}
RETURN count(c) AS claims
