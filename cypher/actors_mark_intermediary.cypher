// name: actors_mark_intermediary
// description: Flags actors at the source of an intermediary relation (intermediary = true), the
// description: property the paths query tests for "only through intermediaries".
// params: ids
// mode: write
UNWIND $ids AS id
MATCH (a:{{Actor}} {id: id})
WHERE a.intermediary IS NULL
SET a.intermediary = true
