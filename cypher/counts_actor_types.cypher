// name: counts_actor_types
// description: Number of actors per actor type.
// params:
// mode: read
MATCH (a:{{Actor}})
RETURN a.type AS type, count(*) AS n
