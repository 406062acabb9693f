// name: intermediaries
// description: Ids of the sources of intermediary relation types (mediates).
// params: types
// mode: read
MATCH (a:Node)-[r]->()
WHERE type(r) IN $types
RETURN DISTINCT a.id AS id
