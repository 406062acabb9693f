// name: nodes_list
// description: A page of the nodes of one kind, ordered by id.
// params: offset, limit
// slots: label
// mode: read
MATCH (n:{{label}})
RETURN properties(n) AS props
ORDER BY n.id
SKIP $offset
LIMIT $limit
