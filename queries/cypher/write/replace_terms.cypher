// Replace the stored terms of each pair with the ones loaders/tenures.py derived (none when
// the pair has no dated claim left).
// params: $rows [{pair, terms [{id, pair, seq, status, claims, start, start_kind,
//         start_precision, start_claim, last_observed, last_observed_kind,
//         last_observed_precision, last_observed_claim, end, end_kind, end_precision,
//         end_claim}]}]
// columns: terms
UNWIND $rows AS r
CALL (r) {
  MATCH (old:Term {pair: r.pair})
  DELETE old
}
CALL (r) {
  UNWIND r.terms AS t
  MERGE (n:Term {id: t.id})
  SET n = t
  RETURN count(n) AS terms
}
RETURN sum(terms) AS terms
