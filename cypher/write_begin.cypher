// name: write_begin
// description: First statement of every write transaction. Takes the write lock on the meta node,
// description: so concurrent writers serialize and each merges against committed data; then
// description: returns, of the given relation ends, those that are not actors (missing ids with
// description: no labels, nodes of another kind with their labels). Every other end is an actor.
// params: ends
// mode: write
MERGE (m:ActorgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
SET m.locked = true
WITH count(m) AS locked
UNWIND $ends AS id
OPTIONAL MATCH (n:Node {id: id})
WITH id, n
WHERE n IS NULL OR NOT n:{{Actor}}
RETURN id, CASE WHEN n IS NULL THEN [] ELSE labels(n) END AS labels
