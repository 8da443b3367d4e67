// Add the forms new mentions used to their entities' aliases (sorted, distinct). An
// incremental union: it reads only the entity, not every article that mentions it, so
// the cost does not grow with the corpus. Replaced or merged articles still go through
// refresh_aliases, which recomputes from all mentions (aliases can then shrink).
// params: $rows [{id, aliases}]. columns: refreshed
UNWIND $rows AS r
MATCH (e:Entity {id: r.id})
CALL (e, r) {
  UNWIND coalesce(e.aliases, []) + r.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET e.aliases = aliases
RETURN count(e) AS refreshed
