// Every claim behind each pair key, dated or not: the one read from which the writer derives
// a touched pair's aggregated edge, terms, turnarounds and per-day stance counts
// (loaders/aggregates.py, loaders/tenures.py). Found by the indexed `pair` key, so the cost
// is the pair's own claims, not the two entities' other ones.
// Dates travel as ISO text: a famous pair has thousands of claims, and the driver's Date
// hydration took longer than the query (issue 14: 13 s of a 200-article batch at 100k
// articles; Python's date.fromisoformat of the same values, 0.3 s).
// params: $pairs (pair keys)
// columns: pair, claims [{id, type, date, status, confidence, stated_start,
//          stated_start_precision, stated_end, stated_end_precision}]
UNWIND $pairs AS pair
MATCH (c:Claim {pair: pair})
RETURN pair,
       collect(c {.id, .type, .status, .confidence, .stated_start_precision,
                  .stated_end_precision, date: toString(c.date),
                  stated_start: toString(c.stated_start),
                  stated_end: toString(c.stated_end)}) AS claims
