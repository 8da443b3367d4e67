// Turnarounds: an actor who supported another and later criticised them, or the reverse.
// Pairs come from the aggregated edges (both a SUPPORTED and a CRITICIZED edge from a to b,
// one of them first seen before the other was last seen), so only candidate pairs have their
// claims read, by the indexed `pair` key. A pair's dated stance claims are grouped by day; a
// day with both stances says nothing about the order and is skipped; a turn is a day whose
// stance differs from the previous day's. `before` is the latest claim of the old stance,
// `after` the first claim of the new one; the turn is dated by `after`, and $since/$until
// bound that date. Oldest turn first.
// params: $since, $until (dates or null), $offset, $limit
// columns: subject {id, name, type}, object {id, name, type}, from_type, to_type, date,
//          days (between the two claims), before, after (each {claim_id, type, sentence,
//          start, end, date, confidence, article {id, title, url}})
MATCH (a:Entity)-[s:SUPPORTED]->(b:Entity)
MATCH (a)-[k:CRITICIZED]->(b)
WHERE (s.first_seen < k.last_seen OR k.first_seen < s.last_seen)
  AND ($since IS NULL OR s.last_seen >= $since OR k.last_seen >= $since)
  AND ($until IS NULL OR s.first_seen < $until OR k.first_seen < $until)
CALL (a, b) {
  MATCH (c:Claim)
  WHERE c.pair IN [a.id + '|SUPPORTED|' + b.id, a.id + '|CRITICIZED|' + b.id]
    AND c.date IS NOT NULL
  WITH c ORDER BY c.date, c.id
  WITH c.date AS day, collect(c) AS cs
  WHERE all(x IN cs WHERE x.type = cs[0].type)
  WITH day, cs ORDER BY day
  WITH collect({type: cs[0].type, first: cs[0], last: cs[-1]}) AS days
  UNWIND range(1, size(days) - 1) AS i
  WITH days[i - 1] AS prev, days[i] AS cur
  WHERE prev.type <> cur.type
  RETURN prev.last AS before, cur.first AS after
}
WITH a, b, before, after
WHERE ($since IS NULL OR after.date >= $since) AND ($until IS NULL OR after.date <= $until)
ORDER BY after.date, a.id, b.id
SKIP $offset LIMIT $limit
WITH a, b, before, after,
     [c IN [before, after] |
      {claim_id: c.id, type: c.type, sentence: c.sentence, start: c.start, end: c.end,
       date: c.date, confidence: c.confidence,
       article: [(c)-[:IN]->(art:Article) | {id: art.id, title: art.title,
                                              url: art.url}][0]}] AS ev
RETURN {id: a.id, name: a.name, type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS subject,
       {id: b.id, name: b.name, type: [l IN labels(b) WHERE l <> 'Entity'][0]} AS object,
       before.type AS from_type, after.type AS to_type, after.date AS date,
       duration.inDays(before.date, after.date).days AS days, ev[0] AS before, ev[1] AS after
ORDER BY date, subject.id, object.id
