// Stance over time of one entity: CRITICIZED and SUPPORTED claims it gave (subject) and
// received (object), counted per period (month, quarter or year of the claim's date) and per
// counterpart, with the claims themselves as evidence, oldest first. Undated claims cannot be
// placed in a period and are left out.
// Counts come from the per-day claim counts the writer stores on each aggregated edge
// (`days`, oldest first, and `day_claims`: loaders/tenures.stance_days), so no claim is read
// to count; only the page's rows read their evidence, up to $evidence_limit claims each,
// through the composite (pair, date) index bounded to the row's period.
// Bounded by the page, not by fame: rows come in (period, counterpart) order, and each
// counterpart has a row in the period of its first claim in the window (its first row). A
// counterpart whose first row comes after the first rows of $offset + $limit others has all
// its rows past the page, so only those $offset + $limit counterparts (in order of first
// row) are read further, and the page ends at the latest with the period of the last one's
// first row. Only their days up to the end of that period are unwound and summed: a famous
// entity's other counterparts and later years are never read past one property per edge.
// params: $id, $toward (entity id or null), $by ('month' | 'quarter' | 'year'),
//         $lo, $hi (dates, inclusive; never null), $evidence_limit, $offset, $limit
// columns: entity {id, name, type}, period (e.g. '2024-01', '2024-Q1', '2024'), period_start,
//          period_end (dates), counterpart {id, name, type}, criticized_given,
//          criticized_received, supported_given, supported_received, evidence [{claim_id,
//          type, direction, sentence, start, end, date, confidence, article {id, title, url}}]
MATCH (e:Entity {id: $id})-[r:CRITICIZED|SUPPORTED]-(other:Entity)
WHERE ($toward IS NULL OR other.id = $toward) AND r.last_seen >= $lo AND r.first_seen <= $hi
// the first day in the window: the edge's first day (`days` starts at first_seen) unless the
// window starts later; only then is the edge's day list read here
WITH e, r, other,
     CASE WHEN r.first_seen >= $lo THEN r.first_seen
          ELSE head([d IN r.days WHERE d >= $lo AND d <= $hi]) END AS first
WHERE first IS NOT NULL
WITH e, other, collect({r: r, first: first}) AS edges, min(first) AS first
WITH e, collect({other: other, edges: edges, period: date.truncate($by, first)}) AS counterparts
// the counterparts whose first row is among the first $offset + $limit: see the header
WITH e, COLLECT {
          UNWIND counterparts AS c
          WITH c ORDER BY c.period, c.other.id LIMIT $offset + $limit
          RETURN c
        } AS chosen
WITH e, chosen,
     CASE WHEN size(chosen) < $offset + $limit THEN $hi
          ELSE last(chosen).period + CASE $by WHEN 'year' THEN duration({years: 1})
                                              WHEN 'quarter' THEN duration({months: 3})
                                              ELSE duration({months: 1}) END
               - duration({days: 1})
     END AS page_end
WITH e, chosen, CASE WHEN page_end < $hi THEN page_end ELSE $hi END AS upto
UNWIND chosen AS c
UNWIND c.edges AS x
WITH e, x.r AS r, c.other AS other, x.first AS first, upto
WHERE first <= upto
// `days` holds distinct days in order, so the days from `first` (at i0) to `upto` lie within
// the next (upto - first) places: only that slice is unwound, not the edge's whole history
WITH e, r, other, first, upto,
     CASE WHEN r.first_seen >= $lo THEN 0 ELSE size([d IN r.days WHERE d < $lo]) END AS i0
WITH e, r, other, upto, i0, i0 + duration.inDays(first, upto).days + 1 AS i1
WITH e, other, upto, type(r) AS type,
     CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
     startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS pair,
     r.days[i0..i1] AS days, r.day_claims[i0..i1] AS day_claims
UNWIND [i IN range(0, size(days) - 1) WHERE days[i] <= upto] AS i
WITH e, other, type, direction, pair, days[i] AS day, day_claims[i] AS n
WITH e, other, date.truncate($by, day) AS period_start, type, direction, pair, sum(n) AS n
WITH e, period_start, other,
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
    AND c.date >= CASE WHEN $lo > period_start THEN $lo ELSE period_start END
    AND c.date <= CASE WHEN $hi < period_end THEN $hi ELSE period_end END
  WITH c, p.direction AS direction ORDER BY c.date, c.id LIMIT $evidence_limit
  OPTIONAL MATCH (c)-[:IN]->(a:Article)
  RETURN collect({claim_id: c.id, type: c.type, direction: direction, sentence: c.sentence,
                  start: c.start, end: c.end, date: c.date, confidence: c.confidence,
                  article: CASE WHEN a IS NULL THEN null
                                ELSE {id: a.id, title: a.title, url: a.url} END}) AS evidence
}
RETURN {id: e.id, name: e.name, type: [l IN labels(e) WHERE l <> 'Entity'][0]} AS entity,
       CASE $by WHEN 'year' THEN toString(period_start.year)
                WHEN 'quarter' THEN toString(period_start.year) + '-Q'
                                    + toString(period_start.quarter)
                ELSE substring(toString(period_start), 0, 7) END AS period,
       period_start, period_end,
       {id: other.id, name: other.name,
        type: [l IN labels(other) WHERE l <> 'Entity'][0]} AS counterpart,
       criticized_given, criticized_received, supported_given, supported_received, evidence
ORDER BY period_start, counterpart.id
