// name: relations_write
// description: Create or update relations of one vocabulary type: one relationship per
// description: (type, source, target), its evidence list replaced by the merged one.
// params: rows
// slots: rel_type
// mode: write
UNWIND $rows AS row
MATCH (s:Node {id: row.source})
MATCH (t:Node {id: row.target})
MERGE (s)-[r:{{rel_type}}]->(t)
SET r = row.props
