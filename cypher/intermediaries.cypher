// name: intermediaries
// description: Ids of the actors at the source of an intermediary relation type (mediates): the
// description: flag the writes keep on each actor (actors_mark_intermediary, rechecked after
// description: deletions), not a scan of every relationship (20.9 s at 1M relations).
// params:
// mode: read
MATCH (a:{{Actor}})
WHERE a.intermediary = true
RETURN a.id AS id
