// One speaker's quotes, newest first, read page by page from the (speaker, date) index: the
// index gives the date order, so Neo4j stops after $offset + $limit quotes (plus ties on the
// last date) instead of sorting every quote of a famous speaker (issue 14). Undated quotes come last, read only when the
// dated ones run out (and never with a date bound). Same columns as list_statements.
// params: $speaker, $about (entity id or null), $lo, $hi (dates, inclusive; never null),
//         $dated_only (true when since/until was given), $offset, $limit
// columns: id, text, start, end, sentence, sentence_start, sentence_end, date, confidence,
//          rule, score, speaker {id, name, type}, about [{id, name, type}], article {id, title, url}
CALL () {
  // ORDER BY the whole index key, with the hint: Neo4j then reads the index in order and
  // stops (PartialTop: only ties on the last date are read past the page). Ordering by the
  // date alone let the planner sort every row, since its row estimate is a speaker average.
  MATCH (quote:Quote)
  USING INDEX SEEK quote:Quote(speaker, date)
  WHERE quote.speaker = $speaker AND quote.date >= $lo AND quote.date <= $hi
    AND ($about IS NULL OR EXISTS { (quote)-[:ABOUT]->(:Entity {id: $about}) })
  WITH quote
  ORDER BY quote.speaker DESC, quote.date DESC, quote.id
  LIMIT $offset + $limit
  RETURN collect(quote) AS dated
}
CALL (dated) {
  // the list is empty unless the dated quotes ran out: no index read at all otherwise
  UNWIND CASE WHEN NOT $dated_only AND size(dated) < $offset + $limit
              THEN [$speaker] ELSE [] END AS speaker
  MATCH (quote:Quote)
  WHERE quote.speaker = speaker AND quote.date IS NULL
    AND ($about IS NULL OR EXISTS { (quote)-[:ABOUT]->(:Entity {id: $about}) })
  WITH quote
  ORDER BY quote.id
  LIMIT $offset + $limit
  RETURN collect(quote) AS undated
}
UNWIND dated + undated AS quote
WITH quote, null AS score
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
ORDER BY date IS NULL, date DESC, id
