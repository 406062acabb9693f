// name: relations_by_ends
// description: Relations as stored, looked up by type label and ends (read before a write merges).
// params: rows
// mode: read
UNWIND $rows AS row
MATCH (s:Node {id: row.source})-[r]->(t:Node {id: row.target})
WHERE type(r) = row.label
RETURN row.key AS key, r.evidence AS evidence
