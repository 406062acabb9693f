// name: wipe_batch
// description: Delete up to $limit data nodes with their relationships (test helper; keeps the schema;
// description: Neo4jStore.wipe deletes the relationships first, with wipe_relationships).
// params: limit
// mode: write
MATCH (n:Node)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
