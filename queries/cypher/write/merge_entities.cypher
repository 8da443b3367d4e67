// Create entities (shared :Entity label + their type label) or update their names.
// params: $rows [{id, label, name, key}]. columns: created
UNWIND $rows AS r
MERGE (e:Entity {id: r.id})
ON CREATE SET e:$(r.label), e.name = r.name, e.key = r.key, e.aliases = [], e._new = true
ON MATCH SET e.name = CASE WHEN coalesce(e.name_locked, false) THEN e.name ELSE r.name END,
             e.key = CASE WHEN coalesce(e.name_locked, false) THEN e.key ELSE r.key END
WITH e, coalesce(e._new, false) AS created
REMOVE e._new
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
