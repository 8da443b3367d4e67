// One entity's profile: offices held, parties, alliances (ALLIED_WITH, read undirected), and
// counts of quotes it gave and that are about it, and of claims of criticism and support it
// gave and received. A null status on an office edge means the articles never called it former.
// Counts never walk the evidence: articles and quotes are relationship degrees, and claims
// are summed from the aggregated edges (one per counterpart), so a profile costs the same
// for a name in ten articles as for one in ten thousand.
// Offices, parties and alliances carry their latest claims as evidence (sentence, offsets,
// article): read newest first from the (pair, date) index, ordered by the whole index key
// with the hint so Neo4j stops after $evidence_limit claims (PartialTop) instead of sorting
// the thousands of claims of a famous tie; undated claims come after the dated ones and are
// read only when those run out (issue 12). Their stored terms come in the same
// answer (`terms`, the body of read/pair_terms for the ties' pair keys; queries.read joins
// them to the ties): one round trip for the profile instead of two.
// params: $id, $evidence_limit (claims per office, party or alliance).
// columns: id, name, type, aliases, offices, parties, alliances, counts,
//          terms [{pair, terms [term as in read/pair_terms]}]
MATCH (e:Entity {id: $id})
CALL (e) {
  OPTIONAL MATCH (e)-[r:CRITICIZED]->()
  RETURN sum(r.claims) AS criticisms_given
}
CALL (e) {
  OPTIONAL MATCH (e)<-[r:CRITICIZED]-()
  RETURN sum(r.claims) AS criticisms_received
}
CALL (e) {
  OPTIONAL MATCH (e)-[r:SUPPORTED]->()
  RETURN sum(r.claims) AS support_given
}
CALL (e) {
  OPTIONAL MATCH (e)<-[r:SUPPORTED]-()
  RETURN sum(r.claims) AS support_received
}
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       coalesce(e.aliases, []) AS aliases,
       COLLECT {
         MATCH (e)-[r:HOLDS_OFFICE]->(o:Entity)
         CALL (r) {
           // the tie's latest claims: see the header
           CALL (r) {
             MATCH (c:Claim)
             USING INDEX SEEK c:Claim(pair, date)
             WHERE c.pair = startNode(r).id + '|' + type(r) + '|' + endNode(r).id
               AND c.date IS NOT NULL
             WITH c ORDER BY c.pair DESC, c.date DESC, c.id LIMIT $evidence_limit
             RETURN collect(c) AS dated
           }
           CALL (r, dated) {
             UNWIND CASE WHEN size(dated) < $evidence_limit
                         THEN [startNode(r).id + '|' + type(r) + '|' + endNode(r).id]
                         ELSE [] END AS pair
             MATCH (c:Claim {pair: pair})
             WHERE c.date IS NULL
             WITH c ORDER BY c.id LIMIT $evidence_limit
             RETURN collect(c) AS undated
           }
           UNWIND (dated + undated)[..$evidence_limit] AS c
           RETURN collect({claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end,
                           date: c.date, confidence: c.confidence, status: c.status,
                           article: [(c)-[:IN]->(a:Article) | {id: a.id, title: a.title,
                                                                url: a.url}][0]}) AS evidence
         }
         WITH o, r, evidence ORDER BY r.last_seen DESC, o.id
         RETURN {entity: {id: o.id, name: o.name, type: 'Office'}, claims: r.claims,
                 first_seen: r.first_seen, last_seen: r.last_seen,
                 status: coalesce(r.status, 'current'),
                 evidence: evidence}
       } AS offices,
       COLLECT {
         MATCH (e)-[r:MEMBER_OF]->(p:Entity)
         CALL (r) {
           // the tie's latest claims: see the header
           CALL (r) {
             MATCH (c:Claim)
             USING INDEX SEEK c:Claim(pair, date)
             WHERE c.pair = startNode(r).id + '|' + type(r) + '|' + endNode(r).id
               AND c.date IS NOT NULL
             WITH c ORDER BY c.pair DESC, c.date DESC, c.id LIMIT $evidence_limit
             RETURN collect(c) AS dated
           }
           CALL (r, dated) {
             UNWIND CASE WHEN size(dated) < $evidence_limit
                         THEN [startNode(r).id + '|' + type(r) + '|' + endNode(r).id]
                         ELSE [] END AS pair
             MATCH (c:Claim {pair: pair})
             WHERE c.date IS NULL
             WITH c ORDER BY c.id LIMIT $evidence_limit
             RETURN collect(c) AS undated
           }
           UNWIND (dated + undated)[..$evidence_limit] AS c
           RETURN collect({claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end,
                           date: c.date, confidence: c.confidence, status: c.status,
                           article: [(c)-[:IN]->(a:Article) | {id: a.id, title: a.title,
                                                                url: a.url}][0]}) AS evidence
         }
         WITH p, r, evidence ORDER BY r.last_seen DESC, p.id
         RETURN {entity: {id: p.id, name: p.name, type: 'Party'}, claims: r.claims,
                 first_seen: r.first_seen, last_seen: r.last_seen,
                 evidence: evidence}
       } AS parties,
       COLLECT {
         MATCH (e)-[r:ALLIED_WITH]-(x:Entity)
         CALL (r) {
           // the tie's latest claims: see the header
           CALL (r) {
             MATCH (c:Claim)
             USING INDEX SEEK c:Claim(pair, date)
             WHERE c.pair = startNode(r).id + '|' + type(r) + '|' + endNode(r).id
               AND c.date IS NOT NULL
             WITH c ORDER BY c.pair DESC, c.date DESC, c.id LIMIT $evidence_limit
             RETURN collect(c) AS dated
           }
           CALL (r, dated) {
             UNWIND CASE WHEN size(dated) < $evidence_limit
                         THEN [startNode(r).id + '|' + type(r) + '|' + endNode(r).id]
                         ELSE [] END AS pair
             MATCH (c:Claim {pair: pair})
             WHERE c.date IS NULL
             WITH c ORDER BY c.id LIMIT $evidence_limit
             RETURN collect(c) AS undated
           }
           UNWIND (dated + undated)[..$evidence_limit] AS c
           RETURN collect({claim_id: c.id, sentence: c.sentence, start: c.start, end: c.end,
                           date: c.date, confidence: c.confidence, status: c.status,
                           article: [(c)-[:IN]->(a:Article) | {id: a.id, title: a.title,
                                                                url: a.url}][0]}) AS evidence
         }
         WITH x, r, evidence ORDER BY r.last_seen DESC, x.id
         RETURN {entity: {id: x.id, name: x.name,
                          type: [l IN labels(x) WHERE l <> 'Entity'][0]},
                 claims: r.claims, first_seen: r.first_seen, last_seen: r.last_seen,
                 evidence: evidence}
       } AS alliances,
       {
         articles: COUNT { (e)-[:MENTIONED_IN]->() },
         quotes_given: COUNT { (e)<-[:SAID_BY]-() },
         quotes_about: COUNT { (e)<-[:ABOUT]-() },
         criticisms_given: criticisms_given, criticisms_received: criticisms_received,
         support_given: support_given, support_received: support_received
       } AS counts,
       COLLECT {
         MATCH (e)-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH]-()
         WHERE startNode(r) = e OR type(r) = 'ALLIED_WITH'
         WITH startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS pair
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
         WITH pair,
              collect({status: t.status, claims: t.claims,
                       start: [b IN bounds WHERE b.name = 'start'][0].bound,
                       last_observed: [b IN bounds WHERE b.name = 'last_observed'][0].bound,
                       end: [b IN bounds WHERE b.name = 'end'][0].bound}) AS terms
         RETURN {pair: pair, terms: terms}
       } AS terms
