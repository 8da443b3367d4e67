// Stance over time of one entity: CRITICIZED and SUPPORTED claims it gave (subject) and
// received (object), counted per period (month, quarter or year of the claim's date) and per
// counterpart, with the claims themselves as evidence, oldest first. Undated claims cannot be
// placed in a period and are left out.
// Counts come from the per-day claim counts the writer stores on each aggregated edge
// (`days`, `day_claims`: loaders/tenures.stance_days), so no claim is read to count; only the
// page's rows read their evidence, up to $evidence_limit claims each, through the composite
// (pair, date) index bounded to the row's period.
// params: $id, $toward (entity id or null), $by ('month' | 'quarter' | 'year'),
//         $since, $until (dates or null), $evidence_limit, $offset, $limit
// columns: period (e.g. '2024-01', '2024-Q1', '2024'), period_start, period_end (dates),
//          counterpart {id, name, type}, criticized_given, criticized_received,
//          supported_given, supported_received, evidence [{claim_id, type, direction,
//          sentence, start, end, date, confidence, article {id, title, url}}]
MATCH (e:Entity {id: $id})-[r:CRITICIZED|SUPPORTED]-(other:Entity)
WHERE ($toward IS NULL OR other.id = $toward)
  AND ($since IS NULL OR r.last_seen >= $since) AND ($until IS NULL OR r.first_seen <= $until)
WITH r, other, type(r) AS type, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
     startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS pair
UNWIND range(0, size(coalesce(r.days, [])) - 1) AS i
WITH other, type, direction, pair, r.days[i] AS day, r.day_claims[i] AS n
WHERE ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
WITH other, date.truncate($by, day) AS period_start, type, direction, pair, sum(n) AS n
WITH period_start, other,
     sum(CASE WHEN type = 'CRITICIZED' AND direction = 'out' THEN n ELSE 0 END)
       AS criticized_given,
     sum(CASE WHEN type = 'CRITICIZED' AND direction = 'in' THEN n ELSE 0 END)
       AS criticized_received,
     sum(CASE WHEN type = 'SUPPORTED' AND direction = 'out' THEN n ELSE 0 END)
       AS supported_given,
     sum(CASE WHEN type = 'SUPPORTED' AND direction = 'in' THEN n ELSE 0 END)
       AS supported_received,
     collect({pair: pair, direction: direction}) AS pairs
ORDER BY period_start, other.id
SKIP $offset LIMIT $limit
WITH *, period_start + CASE $by WHEN 'year' THEN duration({years: 1})
                                WHEN 'quarter' THEN duration({months: 3})
                                ELSE duration({months: 1}) END - duration({days: 1})
          AS period_end
CALL (pairs, period_start, period_end) {
  UNWIND pairs AS p
  MATCH (c:Claim)
  WHERE c.pair = p.pair
    AND c.date >= CASE WHEN $since > period_start THEN $since ELSE period_start END
    AND c.date <= CASE WHEN $until < period_end THEN $until ELSE period_end END
  WITH c, p.direction AS direction ORDER BY c.date, c.id LIMIT $evidence_limit
  OPTIONAL MATCH (c)-[:IN]->(a:Article)
  RETURN collect({claim_id: c.id, type: c.type, direction: direction, sentence: c.sentence,
                  start: c.start, end: c.end, date: c.date, confidence: c.confidence,
                  article: CASE WHEN a IS NULL THEN null
                                ELSE {id: a.id, title: a.title, url: a.url} END}) AS evidence
}
RETURN CASE $by WHEN 'year' THEN toString(period_start.year)
                WHEN 'quarter' THEN toString(period_start.year) + '-Q'
                                    + toString(period_start.quarter)
                ELSE substring(toString(period_start), 0, 7) END AS period,
       period_start, period_end,
       {id: other.id, name: other.name,
        type: [l IN labels(other) WHERE l <> 'Entity'][0]} AS counterpart,
       criticized_given, criticized_received, supported_given, supported_received, evidence
ORDER BY period_start, counterpart.id
