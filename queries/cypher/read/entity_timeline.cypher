// Dated events of one entity, oldest first: the claims it is subject or object of (offices,
// parties, alliances, criticism and support, given and received) and, when $quotes is true, the
// quotes it gave and the quotes about it. direction: 'out' when the entity acts (subject,
// speaker), 'in' when it is acted on (object, quoted about), 'undirected' for ALLIED_WITH.
// params: $id, $types (fact types), $quotes (boolean), $since, $until (dates or null), $offset,
//         $limit
// columns: kind ('claim' or 'quote'), id, type (fact type or 'QUOTE'), direction, date,
//          counterparts [{id, name, type}], sentence, start, end (the sentence's offsets in the
//          article text), text, text_start, text_end (quotes: the quoted words' offsets),
//          status, confidence, article {id, title, url}
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)<-[role:SUBJECT|OBJECT]-(c:Claim)
  WHERE c.type IN $types
    AND ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
  MATCH (c)-[:SUBJECT|OBJECT]->(other:Entity) WHERE other <> e
  RETURN 'claim' AS kind, c AS item, c.type AS type,
         CASE WHEN c.type = 'ALLIED_WITH' THEN 'undirected'
              WHEN type(role) = 'SUBJECT' THEN 'out' ELSE 'in' END AS direction,
         [other] AS others
  UNION ALL
  MATCH (e)<-[:SAID_BY]-(q:Quote)
  WHERE $quotes AND ($since IS NULL OR q.date >= $since) AND ($until IS NULL OR q.date <= $until)
  RETURN 'quote' AS kind, q AS item, 'QUOTE' AS type, 'out' AS direction,
         COLLECT { MATCH (q)-[:ABOUT]->(t:Entity) RETURN t } AS others
  UNION ALL
  MATCH (e)<-[:ABOUT]-(q:Quote)-[:SAID_BY]->(speaker:Entity)
  WHERE $quotes AND ($since IS NULL OR q.date >= $since) AND ($until IS NULL OR q.date <= $until)
  RETURN 'quote' AS kind, q AS item, 'QUOTE' AS type, 'in' AS direction, [speaker] AS others
}
WITH kind, item, type, direction, others
ORDER BY item.date IS NULL, item.date, kind, item.id, direction
SKIP $offset LIMIT $limit
OPTIONAL MATCH (item)-[:IN]->(art:Article)
RETURN kind, item.id AS id, type, direction, item.date AS date,
       [x IN others | {id: x.id, name: x.name,
                       type: [l IN labels(x) WHERE l <> 'Entity'][0]}] AS counterparts,
       item.sentence AS sentence,
       CASE kind WHEN 'quote' THEN item.sentence_start ELSE item.start END AS start,
       CASE kind WHEN 'quote' THEN item.sentence_end ELSE item.end END AS end,
       CASE kind WHEN 'quote' THEN item.text ELSE null END AS text,
       CASE kind WHEN 'quote' THEN item.start ELSE null END AS text_start,
       CASE kind WHEN 'quote' THEN item.end ELSE null END AS text_end,
       item.status AS status, item.confidence AS confidence,
       CASE WHEN art IS NULL THEN null ELSE {id: art.id, title: art.title, url: art.url} END
         AS article
ORDER BY date IS NULL, date, kind, id, direction
