// Turnarounds: an actor who supported another and later criticised them, or the reverse.
// The writer stores each turn as a Turn node (loaders/tenures.py: a pair's dated stance
// claims grouped by day, days with both stances skipped, a turn where a day's stance differs
// from the previous day's), so this reads the page of turns in date order from the indexed
// `date` and fetches the two claims of those turns only. `before` is the latest claim of the
// old stance, `after` the first claim of the new one; the turn is dated by `after`, and
// $since/$until bound that date. Oldest turn first.
// params: $since, $until (dates or null), $offset, $limit
// columns: subject {id, name, type}, object {id, name, type}, from_type, to_type, date,
//          days (between the two claims), before, after (each {claim_id, type, sentence,
//          start, end, date, confidence, article {id, title, url}})
MATCH (t:Turn)
WHERE t.date >= coalesce($since, date('0001-01-01'))
  AND t.date <= coalesce($until, date('9999-12-31'))
WITH t ORDER BY t.date, t.subject, t.object
SKIP $offset LIMIT $limit
MATCH (a:Entity {id: t.subject})
MATCH (b:Entity {id: t.object})
CALL (t) {
  UNWIND [t.before_claim, t.after_claim] AS claim_id
  MATCH (c:Claim {id: claim_id})
  RETURN collect({claim_id: c.id, type: c.type, sentence: c.sentence, start: c.start,
                  end: c.end, date: c.date, confidence: c.confidence,
                  article: [(c)-[:IN]->(art:Article) | {id: art.id, title: art.title,
                                                         url: art.url}][0]}) AS ev
}
RETURN {id: a.id, name: a.name, type: [l IN labels(a) WHERE l <> 'Entity'][0]} AS subject,
       {id: b.id, name: b.name, type: [l IN labels(b) WHERE l <> 'Entity'][0]} AS object,
       t.from_type AS from_type, t.to_type AS to_type, t.date AS date, t.days AS days,
       ev[0] AS before, ev[1] AS after
ORDER BY date, subject.id, object.id
