// name: actors_recheck_intermediary
// description: Recomputes the intermediary flag of these actors from their relations of the
// description: intermediary type labels (after a deletion removed some).
// params: ids, types
// mode: write
UNWIND $ids AS id
MATCH (a:{{Actor}} {id: id})
WITH a, EXISTS { MATCH (a)-[r]->() WHERE type(r) IN $types } AS still
SET a.intermediary = CASE WHEN still THEN true ELSE null END
