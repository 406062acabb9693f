// name: relations_by_ends
// description: Relations looked up by their ends and type label ([source, target, label] rows):
// description: the row index, the evidence and the target's labels.
// params: rows
// mode: read
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
MATCH (s:Node {id: row[0]})-[r]->(t:Node {id: row[1]})
WHERE type(r) = row[2]
RETURN i, r.evidence AS evidence, labels(t) AS target_labels
