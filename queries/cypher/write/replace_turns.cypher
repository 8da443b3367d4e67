// Replace the stored turnarounds of each (subject, object) pair with the ones
// loaders/tenures.py derived from its CRITICIZED and SUPPORTED claims.
// params: $rows [{pair, turns [{id, pair, subject, object, from_type, to_type, date, days,
//         before_claim, after_claim}]}]
// columns: turns
UNWIND $rows AS r
CALL (r) {
  MATCH (old:Turn {pair: r.pair})
  DELETE old
}
CALL (r) {
  UNWIND r.turns AS t
  MERGE (n:Turn {id: t.id})
  SET n = t
  RETURN count(n) AS turns
}
RETURN sum(turns) AS turns
