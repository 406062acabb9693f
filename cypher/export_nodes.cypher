// name: export_nodes
// description: One page of the nodes of a kind after an id (keyset pagination on the id index).
// params: after, limit
// slots: label
// mode: read
MATCH (n:{{label}})
WHERE n.id > $after
RETURN n.id AS id, properties(n) AS props
ORDER BY n.id
LIMIT $limit
