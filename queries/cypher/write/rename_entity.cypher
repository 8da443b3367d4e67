// Give an entity a human-chosen display name; later ingests will not overwrite it.
// params: $id, $name, $key. columns: id, name
MATCH (e:Entity {id: $id})
SET e.name = $name, e.key = $key, e.name_locked = true,
    e.aliases = CASE WHEN $name IN e.aliases THEN e.aliases ELSE e.aliases + $name END
RETURN e.id AS id, e.name AS name
