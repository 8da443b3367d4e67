// Quotes with speaker, targets, date and article; newest first, or best full-text match first
// when $q is given. Candidates come from the narrowest filter given (full-text index, speaker,
// target), the other filters then apply; since/until bound the article date, inclusive.
// params: $q (Lucene query or null), $speaker, $about (entity ids or null), $since, $until
//         (dates or null), $offset, $limit
// columns: id, text, start, end, sentence, sentence_start, sentence_end, date, confidence,
//          rule, score, speaker {id, name, type}, about [{id, name, type}], article {id, title, url}
CALL () {
  WITH $q AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('quote_text', q) YIELD node, score
  RETURN node AS quote, score
  UNION ALL
  WITH $q AS q WHERE q IS NULL AND $speaker IS NOT NULL
  MATCH (:Entity {id: $speaker})<-[:SAID_BY]-(quote:Quote)
  RETURN quote, null AS score
  UNION ALL
  WITH $q AS q WHERE q IS NULL AND $speaker IS NULL AND $about IS NOT NULL
  MATCH (:Entity {id: $about})<-[:ABOUT]-(quote:Quote)
  RETURN quote, null AS score
  UNION ALL
  WITH $q AS q WHERE q IS NULL AND $speaker IS NULL AND $about IS NULL
  MATCH (quote:Quote)
  RETURN quote, null AS score
}
WITH quote, score
WHERE ($since IS NULL OR quote.date >= $since) AND ($until IS NULL OR quote.date <= $until)
  // a branch's own filter is not checked twice (the speaker branch has only that speaker's)
  AND ($speaker IS NULL OR $q IS NULL
       OR EXISTS { (quote)-[:SAID_BY]->(:Entity {id: $speaker}) })
  AND ($about IS NULL OR ($q IS NULL AND $speaker IS NULL)
       OR EXISTS { (quote)-[:ABOUT]->(:Entity {id: $about}) })
WITH quote, score
ORDER BY score DESC, quote.date IS NULL, quote.date DESC, quote.id
SKIP $offset LIMIT $limit
MATCH (quote)-[:SAID_BY]->(sp:Entity)
OPTIONAL MATCH (quote)-[:IN]->(a:Article)
RETURN quote.id AS id, quote.text AS text, quote.start AS start, quote.end AS end,
       quote.sentence AS sentence, quote.sentence_start AS sentence_start,
       quote.sentence_end AS sentence_end, quote.date AS date, quote.confidence AS confidence,
       quote.rule AS rule, score,
       {id: sp.id, name: sp.name, type: [l IN labels(sp) WHERE l <> 'Entity'][0]} AS speaker,
       COLLECT {
         MATCH (quote)-[:ABOUT]->(t:Entity)
         WITH t ORDER BY t.name, t.id
         RETURN {id: t.id, name: t.name, type: [l IN labels(t) WHERE l <> 'Entity'][0]}
       } AS about,
       CASE WHEN a IS NULL THEN null ELSE {id: a.id, title: a.title, url: a.url} END AS article
ORDER BY score DESC, date IS NULL, date DESC, id
