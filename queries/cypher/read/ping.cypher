// Readiness probe: proves a read transaction round-trips.
// params: none. columns: ok
RETURN 1 AS ok
