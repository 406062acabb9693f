// name: version_and_names
// description: The data version and, for each needle, the actors it names (as names_lookup: a key
// description: framed by newlines, matched against keys_text through its text index), in one query
// description: (one round trip): [needle, actor id] pairs, none for a needle that names no actor.
// params: needles
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
WITH coalesce(m.version, 0) AS version
CALL () {
  UNWIND $needles AS needle
  MATCH (a:{{Actor}})
  WHERE a.keys_text CONTAINS needle
  RETURN collect([needle, a.id]) AS found
}
RETURN version, found
