// name: names_lookup
// description: Actors whose normalized id, name or alias equals a key; each needle is a key framed
// description: by newlines, matched against keys_text through its text index.
// params: needles
// mode: read
UNWIND $needles AS needle
MATCH (a:{{Actor}})
WHERE a.keys_text CONTAINS needle
RETURN needle, collect(a.id) AS ids
