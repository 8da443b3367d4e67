// Fill the indexed copies (q.speaker; each ABOUT's pair and date) on quotes written before
// issue 14, so the page-bounded statement and between reads see them. Idempotent: quotes
// that have their key are skipped. Runs in its own transactions (implicit transaction only).
// params: none. columns: quotes
MATCH (q:Quote)
WHERE q.speaker IS NULL
CALL (q) {
  MATCH (q)-[:SAID_BY]->(sp:Entity)
  SET q.speaker = sp.id
  WITH q, sp
  MATCH (q)-[ab:ABOUT]->(t:Entity)
  SET ab.pair = sp.id + '|' + t.id, ab.date = q.date
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(q) AS quotes
