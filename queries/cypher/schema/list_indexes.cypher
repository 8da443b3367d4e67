// Every index and constraint-backing index with its state (ONLINE, POPULATING, ...).
// params: none. columns: name, state
SHOW INDEXES YIELD name, state RETURN name, state
