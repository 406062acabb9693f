// name: actor_names
// description: Id, name and aliases of every actor, by id.
// params:
// mode: read
MATCH (a:{{Actor}})
RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases
ORDER BY id
