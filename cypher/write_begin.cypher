// name: write_begin
// description: First statement of every write transaction. Moves the data version on, which also
// description: takes the write lock on the meta node, so concurrent writers serialize and each
// description: merges against committed data (a write that changes nothing is rolled back, so the
// description: version only moves with the data). Then returns, of the given relation ends, those
// description: that are not actors (missing ids with no labels, nodes of another kind with their
// description: labels); every other end is an actor.
// params: ends
// mode: write
MERGE (m:ActorgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
SET m.version = m.version + 1
WITH count(m) AS locked
UNWIND $ends AS id
OPTIONAL MATCH (n:Node {id: id})
WITH id, n
WHERE n IS NULL OR NOT n:{{Actor}}
RETURN id, CASE WHEN n IS NULL THEN [] ELSE labels(n) END AS labels
