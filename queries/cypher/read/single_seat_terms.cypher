// The holders of the single-seat offices (those whose name starts, case-insensitively, with
// one of $prefixes: graph_schema.SINGLE_SEAT_OFFICE_PREFIXES) with their stored terms, in one
// round trip, for the tenure checks. The terms are bare: each bound is {date, kind,
// precision}, all the checks look at, and no claim behind a bound is read (a bound whose
// claim is gone is null, as in read/pair_terms). Every holder's terms are checked, but only
// the checks on the page need the bounds' text and evidence: queries.read.tenure_checks reads
// those afterwards through read/pair_terms for the page's pairs only (issue 12).
// params: $prefixes (lower-case name prefixes)
// columns: offices (single-seat offices with holders), office {id, name, type},
//          holder {id, name, type} (null when such an office has no entity holder), claims,
//          first_seen, last_seen, status, terms [{status, claims, start,
//          last_observed, end}]
MATCH (o:Office)
WHERE any(p IN $prefixes WHERE toLower(o.name) STARTS WITH p)
  AND EXISTS { (o)<-[:HOLDS_OFFICE]-() }
WITH collect(o) AS offices
UNWIND offices AS o
OPTIONAL MATCH (p:Entity)-[r:HOLDS_OFFICE]->(o)
WITH size(offices) AS offices, o, p, r, p.id + '|HOLDS_OFFICE|' + o.id AS pair
RETURN offices, {id: o.id, name: o.name, type: 'Office'} AS office,
       CASE WHEN p IS NULL THEN null
            ELSE {id: p.id, name: p.name, type: [l IN labels(p) WHERE l <> 'Entity'][0]}
       END AS holder,
       r.claims AS claims, r.first_seen AS first_seen, r.last_seen AS last_seen,
       coalesce(r.status, 'current') AS status,
       COLLECT {
         MATCH (t:Term {pair: pair})
         WITH t ORDER BY t.seq
         RETURN {status: t.status, claims: t.claims,
                 start: CASE WHEN t.start IS NULL
                               OR NOT EXISTS { (:Claim {id: t.start_claim}) } THEN null
                             ELSE {date: t.start, kind: t.start_kind,
                                   precision: t.start_precision} END,
                 last_observed: CASE WHEN t.last_observed IS NULL
                                       OR NOT EXISTS { (:Claim {id: t.last_observed_claim}) }
                                     THEN null
                                     ELSE {date: t.last_observed, kind: t.last_observed_kind,
                                           precision: t.last_observed_precision} END,
                 end: CASE WHEN t.end IS NULL
                             OR NOT EXISTS { (:Claim {id: t.end_claim}) } THEN null
                           ELSE {date: t.end, kind: t.end_kind, precision: t.end_precision} END}
       } AS terms
ORDER BY office.id, last_seen DESC, holder.id
