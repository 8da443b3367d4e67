// Wait until every index is online (the schema statements return before they are).
// params: none. columns: none
CALL db.awaitIndexes(300)
