// name: projection_actors
// description: Every actor with its name and type (the nodes of the influence projection).
// params:
// mode: read
MATCH (a:{{Actor}})
RETURN a.id AS id, a.name AS name, a.type AS type
ORDER BY id
