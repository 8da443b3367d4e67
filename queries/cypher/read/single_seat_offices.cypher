// Offices with a single seat: those whose name starts (case-insensitively) with one of the
// prefixes in graph_schema.SINGLE_SEAT_OFFICE_PREFIXES, for the tenure checks.
// params: $prefixes (lower-case name prefixes)
// columns: id
MATCH (o:Office)
WHERE any(p IN $prefixes WHERE toLower(o.name) STARTS WITH p)
  AND EXISTS { (o)<-[:HOLDS_OFFICE]-() }
RETURN o.id AS id
ORDER BY id
