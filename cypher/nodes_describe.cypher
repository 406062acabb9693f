// name: nodes_describe
// description: Labels and display name of nodes by id (neighbourhoods order what they admit by it).
// params: ids
// mode: read
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.title, n.id) AS name
