// Every claim behind each pair key, dated or not: the one read from which the writer derives
// a touched pair's aggregated edge, terms, turnarounds and per-day stance counts
// (loaders/aggregates.py, loaders/tenures.py). Found by the indexed `pair` key, so the cost
// is the pair's own claims, not the two entities' other ones.
// params: $pairs (pair keys)
// columns: pair, claims [{id, type, date, status, confidence, stated_start,
//          stated_start_precision, stated_end, stated_end_precision}]
UNWIND $pairs AS pair
MATCH (c:Claim {pair: pair})
RETURN pair,
       collect(c {.id, .type, .date, .status, .confidence, .stated_start,
                  .stated_start_precision, .stated_end, .stated_end_precision}) AS claims
