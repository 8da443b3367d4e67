// One Claim per assertion, linked to its subject, object and article.
// params: $rows [{id, pair, type, subject, object, article, sentence, start, end, date, confidence,
//                 status, rule, extractor_version}]. columns: claims
UNWIND $rows AS r
MATCH (s:Entity {id: r.subject})
MATCH (o:Entity {id: r.object})
MATCH (a:Article {id: r.article})
MERGE (c:Claim {id: r.id})
SET c.type = r.type, c.pair = r.pair, c.sentence = r.sentence, c.start = r.start, c.end = r.end,
    c.date = CASE WHEN r.date IS NULL THEN null ELSE date(r.date) END,
    c.confidence = r.confidence, c.status = r.status, c.rule = r.rule,
    c.extractor_version = r.extractor_version
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
MERGE (c)-[:IN]->(a)
RETURN count(c) AS claims
