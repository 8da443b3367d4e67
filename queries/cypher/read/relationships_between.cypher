// Every claim (of the given fact types, either direction) and every quote (one speaking about
// the other) that directly links two entities, in date order; since/until bound the article date.
// params: $a, $b (entity ids), $types (fact types), $since, $until (dates or null), $offset, $limit
// columns: kind ('claim' or 'quote'), id, type (fact type, or 'QUOTE'), subject {id, name, type},
//          object {id, name, type}, date, sentence, start, end, text, confidence, status,
//          article {id, title, url}
CALL () {
  UNWIND $types AS t
  UNWIND [$a + '|' + t + '|' + $b, $b + '|' + t + '|' + $a] AS pair
  MATCH (c:Claim {pair: pair})
  WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  MATCH (c)-[:SUBJECT]->(s:Entity), (c)-[:OBJECT]->(o:Entity)
  RETURN 'claim' AS kind, c AS item, c.type AS type, s, o, c.sentence AS sentence
  UNION ALL
  UNWIND [[$a, $b], [$b, $a]] AS ends
  MATCH (s:Entity {id: ends[0]})<-[:SAID_BY]-(q:Quote)-[:ABOUT]->(o:Entity {id: ends[1]})
  WHERE ($since IS NULL OR q.date >= $since) AND ($until IS NULL OR q.date <= $until)
  RETURN 'quote' AS kind, q AS item, 'QUOTE' AS type, s, o, q.sentence AS sentence
}
WITH kind, item, type, s, o, sentence
ORDER BY item.date IS NULL, item.date, kind, item.id
SKIP $offset LIMIT $limit
OPTIONAL MATCH (item)-[:IN]->(art:Article)
RETURN kind, item.id AS id, type,
       {id: s.id, name: s.name, type: [l IN labels(s) WHERE l <> 'Entity'][0]} AS subject,
       {id: o.id, name: o.name, type: [l IN labels(o) WHERE l <> 'Entity'][0]} AS object,
       item.date AS date, sentence, item.start AS start, item.end AS end,
       CASE kind WHEN 'quote' THEN item.text ELSE null END AS text,
       item.confidence AS confidence, item.status AS status,
       CASE WHEN art IS NULL THEN null ELSE {id: art.id, title: art.title, url: art.url} END
         AS article
ORDER BY date IS NULL, date, kind, id
