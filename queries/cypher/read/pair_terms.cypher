// The stored terms of each pair key (HOLDS_OFFICE, MEMBER_OF, ALLIED_WITH), oldest first,
// with the claim behind each bound. The writer derives and stores them (loaders/tenures.py)
// whenever a pair's claims change, so this reads a few Term nodes by the indexed `pair` key
// and never folds claims. The one read of terms: the profile and the office holders use it.
// Each term: {status, claims, start, last_observed, end}; a bound is {date, kind ('observed',
// 'former' or 'stated'), precision ('day', 'month' or 'year'), text (a stated bound's date
// phrase, else null), evidence {claim_id, sentence,
// start, end, date, confidence, status, article {id, title, url}}}.
// params: $pairs (pair keys)
// columns: pair, terms [term]
UNWIND $pairs AS pair
MATCH (t:Term {pair: pair})
WITH pair, t ORDER BY t.seq
CALL (t) {
  UNWIND [['start', t.start, t.start_kind, t.start_precision, t.start_claim],
          ['last_observed', t.last_observed, t.last_observed_kind,
           t.last_observed_precision, t.last_observed_claim],
          ['end', t.end, t.end_kind, t.end_precision, t.end_claim]] AS b
  OPTIONAL MATCH (c:Claim {id: b[4]})
  WITH b[0] AS name, CASE WHEN b[1] IS NULL OR c IS NULL THEN null ELSE
    {date: b[1], kind: b[2], precision: b[3],
     text: CASE b[2] WHEN 'stated' THEN
             CASE b[0] WHEN 'start' THEN c.stated_start_text ELSE c.stated_end_text END
           END,
     evidence: {claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end,
                date: c.date, confidence: c.confidence, status: c.status,
                article: [(c)-[:IN]->(a:Article) | {id: a.id, title: a.title,
                                                     url: a.url}][0]}} END AS bound
  RETURN collect({name: name, bound: bound}) AS bounds
}
RETURN pair,
       collect({status: t.status, claims: t.claims,
                start: [b IN bounds WHERE b.name = 'start'][0].bound,
                last_observed: [b IN bounds WHERE b.name = 'last_observed'][0].bound,
                end: [b IN bounds WHERE b.name = 'end'][0].bound}) AS terms
