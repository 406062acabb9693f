// name: kinds_by_ids
// description: The labels of each id that exists (the kind is the vocabulary label among them).
// params: ids
// mode: read
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, labels(n) AS labels
