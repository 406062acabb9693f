// name: counts_nodes
// description: Number of nodes of one kind (from the count store).
// params:
// slots: label
// mode: read
MATCH (n:{{label}})
RETURN count(n) AS n
