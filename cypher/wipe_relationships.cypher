// name: wipe_relationships
// description: Delete up to $limit relationships of data nodes (test helper, before wipe_batch
// description: deletes the nodes: a hub's thousands of relationships go over several
// description: transactions, each within the server's transaction memory limit).
// params: limit
// mode: write
MATCH (:Node)-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
