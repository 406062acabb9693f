// name: ends_not_actors
// description: Of the given relation ends, those that are not actors: missing ids with no labels,
// description: nodes of another kind with their labels. Every other end is an actor. Run by a
// description: write under its write lock, for the ends it does not know already.
// params: ends
// mode: read
UNWIND $ends AS id
OPTIONAL MATCH (n:Node {id: id})
WITH id, n
WHERE n IS NULL OR NOT n:{{Actor}}
RETURN id, CASE WHEN n IS NULL THEN [] ELSE labels(n) END AS labels
