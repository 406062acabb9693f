// name: nodes_by_ids
// description: Nodes by id with their labels and properties; label (a node kind label) or null for any.
// params: ids, label
// mode: read
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE $label IS NULL OR $label IN labels(n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
