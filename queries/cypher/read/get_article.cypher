// One article as stored, with every fact written from it: the entities it mentions (with
// the forms it used), its claims and its quotes, each with offsets into `text`.
// An Article without text_sha256 is a write in progress (write/lock_articles), not an article.
// params: $id. columns: id, title, url, published, dateline, text, text_sha256,
//         extractor_version, entities [{id, name, type, mentions, aliases}],
//         claims [{id, type, subject, object, sentence, start, end, confidence, status}],
//         quotes [{id, text, start, end, sentence, sentence_start, sentence_end, confidence,
//                  speaker, about}]
MATCH (a:Article {id: $id})
WHERE a.text_sha256 IS NOT NULL
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published,
       a.dateline AS dateline, a.text AS text, a.text_sha256 AS text_sha256,
       a.extractor_version AS extractor_version,
       COLLECT {
         MATCH (e:Entity)-[m:MENTIONED_IN]->(a)
         WITH e, m ORDER BY e.id
         RETURN {id: e.id, name: e.name, type: [l IN labels(e) WHERE l <> 'Entity'][0],
                 mentions: m.count, aliases: coalesce(m.aliases, [])}
       } AS entities,
       COLLECT {
         MATCH (c:Claim)-[:IN]->(a)
         MATCH (c)-[:SUBJECT]->(s:Entity)
         MATCH (c)-[:OBJECT]->(o:Entity)
         WITH c, s, o ORDER BY c.start, c.type, c.id
         RETURN {id: c.id, type: c.type,
                 subject: {id: s.id, name: s.name, type: [l IN labels(s) WHERE l <> 'Entity'][0]},
                 object: {id: o.id, name: o.name, type: [l IN labels(o) WHERE l <> 'Entity'][0]},
                 sentence: c.sentence, start: c.start, end: c.end, confidence: c.confidence,
                 status: c.status}
       } AS claims,
       COLLECT {
         MATCH (q:Quote)-[:IN]->(a)
         MATCH (q)-[:SAID_BY]->(sp:Entity)
         WITH q, sp ORDER BY q.start, q.id
         RETURN {id: q.id, text: q.text, start: q.start, end: q.end, sentence: q.sentence,
                 sentence_start: q.sentence_start, sentence_end: q.sentence_end,
                 confidence: q.confidence,
                 speaker: {id: sp.id, name: sp.name,
                           type: [l IN labels(sp) WHERE l <> 'Entity'][0]},
                 about: COLLECT {
                   MATCH (q)-[:ABOUT]->(t:Entity)
                   WITH t ORDER BY t.id
                   RETURN {id: t.id, name: t.name,
                           type: [l IN labels(t) WHERE l <> 'Entity'][0]}
                 }}
       } AS quotes
