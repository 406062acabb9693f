// name: write_begin
// description: First statement of every write transaction. Moves the data version on, which also
// description: takes the write lock on the meta node, so concurrent writers serialize and each
// description: merges against committed data (a write that changes nothing is rolled back, so the
// description: version only moves with the data). Returns the new version and whether the store
// description: holds no node (a count from the count store), which is how a writer learns that it
// description: knows all the store holds (Neo4jStore's first-load path): it knows it while each
// description: of its writes finds the version one past its last.
// params:
// mode: write
MERGE (m:ActorgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
SET m.version = m.version + 1
WITH m.version AS version
CALL () {
  MATCH (n:Node)
  RETURN count(n) AS nodes
}
RETURN version, nodes = 0 AS empty
