// Stance over time of one entity: CRITICIZED and SUPPORTED claims it gave (subject) and
// received (object), counted per period (month, quarter or year of the claim's date) and per
// counterpart, with the claims themselves as evidence, oldest first. Undated claims cannot be
// placed in a period and are left out. Claims are found from the entity's aggregated
// CRITICIZED/SUPPORTED edges by their indexed `pair` key, so its other claims (offices,
// parties) are never read.
// params: $id, $toward (entity id or null), $by ('month' | 'quarter' | 'year'),
//         $since, $until (dates or null), $evidence_limit, $offset, $limit
// columns: period (e.g. '2024-01', '2024-Q1', '2024'), period_start, period_end (dates),
//          counterpart {id, name, type}, criticized_given, criticized_received,
//          supported_given, supported_received, evidence [{claim_id, type, direction,
//          sentence, start, end, date, confidence, article {id, title, url}}]
MATCH (e:Entity {id: $id})-[r:CRITICIZED|SUPPORTED]-(other:Entity)
WHERE ($toward IS NULL OR other.id = $toward)
  AND ($since IS NULL OR r.last_seen >= $since) AND ($until IS NULL OR r.first_seen <= $until)
MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
WITH c, other, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction
WHERE c.date IS NOT NULL
  AND ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
WITH c, other, direction, date.truncate($by, c.date) AS period_start
ORDER BY c.date, c.id
WITH period_start, other,
     count(CASE WHEN c.type = 'CRITICIZED' AND direction = 'out' THEN 1 END)
       AS criticized_given,
     count(CASE WHEN c.type = 'CRITICIZED' AND direction = 'in' THEN 1 END)
       AS criticized_received,
     count(CASE WHEN c.type = 'SUPPORTED' AND direction = 'out' THEN 1 END) AS supported_given,
     count(CASE WHEN c.type = 'SUPPORTED' AND direction = 'in' THEN 1 END)
       AS supported_received,
     collect({c: c, direction: direction})[..$evidence_limit] AS picked
ORDER BY period_start, other.id
SKIP $offset LIMIT $limit
CALL (picked) {
  UNWIND picked AS p
  WITH p.c AS c, p.direction AS direction
  OPTIONAL MATCH (c)-[:IN]->(a:Article)
  WITH c, direction, a ORDER BY c.date, c.id
  RETURN collect({claim_id: c.id, type: c.type, direction: direction, sentence: c.sentence,
                  start: c.start, end: c.end, date: c.date, confidence: c.confidence,
                  article: CASE WHEN a IS NULL THEN null
                                ELSE {id: a.id, title: a.title, url: a.url} END}) AS evidence
}
RETURN CASE $by WHEN 'year' THEN toString(period_start.year)
                WHEN 'quarter' THEN toString(period_start.year) + '-Q'
                                    + toString(period_start.quarter)
                ELSE substring(toString(period_start), 0, 7) END AS period,
       period_start,
       period_start + CASE $by WHEN 'year' THEN duration({years: 1})
                               WHEN 'quarter' THEN duration({months: 3})
                               ELSE duration({months: 1}) END - duration({days: 1})
         AS period_end,
       {id: other.id, name: other.name,
        type: [l IN labels(other) WHERE l <> 'Entity'][0]} AS counterpart,
       criticized_given, criticized_received, supported_given, supported_received, evidence
ORDER BY period_start, counterpart.id
