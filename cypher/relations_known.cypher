// name: relations_known
// description: Of the given [source, target] pairs, those already joined by a relationship of this
// description: type, with the evidence keys it holds. Run by a write under its write lock, so the
// description: answer holds until it commits: the store creates the relationships not found
// description: (relations_create) and appends to the found ones only the evidence whose key they
// description: do not hold (relations_append). An expand between two bound nodes: a hub's
// description: relationships are not walked.
// params: pairs
// slots: rel_type
// mode: read
UNWIND $pairs AS pair
MATCH (s:Node {id: pair[0]})
MATCH (t:Node {id: pair[1]})
CALL (s, t) {
  MATCH (s)-[r:{{rel_type}}]->(t)
  RETURN r
}
RETURN s.id AS source, t.id AS target, coalesce(r.evidence_keys, []) AS keys
