// The terms of one entity's offices (HOLDS_OFFICE), parties (MEMBER_OF) and alliances
// (ALLIED_WITH, read undirected), for its profile.
// Terms are derived at read time from the pair's dated claims (found by the indexed `pair`
// key), oldest first: a current claim (or one without a status) opens a term when none is
// open, a `former` claim ends the open term (end bound: that claim's date, day precision,
// with the claim as evidence), and a current claim after an end opens the next term
// (re-appointed, returned). A `former` claim with no term open before it is a term of unknown
// start that ended by then. The start bound is `observed`: the first claim calling the
// holding current, not a stated start. status: ended (has an end), current (open, and some
// claim said current), unknown (open, no claim stated a status). Undated claims are left out.
// Each term: {status, claims, start, last_observed, end}; a bound is {date, kind ('observed'
// or 'former'), precision ('day'), evidence {claim_id, sentence, start, end, date,
// confidence, status, article {id, title, url}}}. The same fold is in entity_terms and
// office_terms (one query per file); change both together.
// params: $id
// columns: type, counterpart {id, name, type}, terms [term], latest first by last claim
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r:HOLDS_OFFICE|MEMBER_OF]->(x:Entity)
  RETURN r, x
  UNION
  MATCH (e)-[r:ALLIED_WITH]-(x:Entity)
  RETURN r, x
}
CALL (r) {
  MATCH (c:Claim {pair: startNode(r).id + '|' + type(r) + '|' + endNode(r).id})
  WHERE c.date IS NOT NULL
  WITH c ORDER BY c.date, coalesce(c.status, 'current') = 'former', c.id
  WITH collect({claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end,
                date: c.date, confidence: c.confidence, status: c.status,
                article: [(c)-[:IN]->(a:Article) | {id: a.id, title: a.title,
                                                     url: a.url}][0]}) AS cs
  WITH reduce(ts = [], x IN cs |
    CASE
      WHEN coalesce(x.status, 'current') <> 'former' AND size(ts) > 0 AND ts[-1].end IS NULL
        THEN ts[..-1] + [{start: ts[-1].start, last: x, end: null, claims: ts[-1].claims + 1,
                          stated: ts[-1].stated OR coalesce(x.status, '') = 'current'}]
      WHEN coalesce(x.status, 'current') <> 'former'
        THEN ts + [{start: x, last: x, end: null, claims: 1,
                    stated: coalesce(x.status, '') = 'current'}]
      WHEN size(ts) > 0 AND ts[-1].end IS NULL
        THEN ts[..-1] + [{start: ts[-1].start, last: ts[-1].last, end: x,
                          claims: ts[-1].claims + 1, stated: true}]
      WHEN size(ts) = 0
        THEN [{start: null, last: null, end: x, claims: 1, stated: true}]
      ELSE ts[..-1] + [{start: ts[-1].start, last: ts[-1].last, end: ts[-1].end,
                        claims: ts[-1].claims + 1, stated: true}]
    END) AS raw
  RETURN [t IN raw | {
    status: CASE WHEN t.end IS NOT NULL THEN 'ended' WHEN t.stated THEN 'current'
                 ELSE 'unknown' END,
    claims: t.claims,
    start: CASE WHEN t.start IS NULL THEN null
                ELSE {date: t.start.date, kind: 'observed', precision: 'day',
                      evidence: t.start} END,
    last_observed: CASE WHEN t.last IS NULL THEN null
                        ELSE {date: t.last.date, kind: 'observed', precision: 'day',
                              evidence: t.last} END,
    end: CASE WHEN t.end IS NULL THEN null
              ELSE {date: t.end.date, kind: 'former', precision: 'day',
                    evidence: t.end} END}] AS terms
}
RETURN type(r) AS type,
       {id: x.id, name: x.name, type: [l IN labels(x) WHERE l <> 'Entity'][0]} AS counterpart,
       terms
ORDER BY type, r.last_seen DESC, counterpart.id
