// The dated claims behind each pair key, for the time aggregates (loaders/tenures.py) the
// writer recomputes: terms of HOLDS_OFFICE/MEMBER_OF/ALLIED_WITH pairs, turnarounds of
// CRITICIZED/SUPPORTED pairs. Found by the indexed `pair` key; undated claims left out.
// params: $pairs (pair keys)
// columns: pair, claims [{id, type, date, status, stated_start, stated_start_precision,
//          stated_end, stated_end_precision}]
UNWIND $pairs AS pair
OPTIONAL MATCH (c:Claim {pair: pair})
WHERE c.date IS NOT NULL
RETURN pair,
       collect(c {.id, .type, .date, .status, .stated_start, .stated_start_precision,
                  .stated_end, .stated_end_precision}) AS claims
