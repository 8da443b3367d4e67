// An entity's aliases are the union of the forms of its mentions (sorted, distinct).
// params: $ids (entity ids). columns: refreshed
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (e)-[m:MENTIONED_IN]->()
  UNWIND coalesce(m.aliases, []) AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET e.aliases = aliases
RETURN count(e) AS refreshed
