// name: version_and_names
// description: The data version and, for each needle, the actors it names (as names_lookup: a key
// description: framed by newlines, matched against keys_text through its text index), in one query
// description: (one round trip): [needle, actor id, its properties] rows, none for a needle that
// description: names no actor (the properties name a path answer's ends without a read of their own).
// params: needles
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
WITH coalesce(m.version, 0) AS version
CALL () {
  UNWIND $needles AS needle
  MATCH (a:{{Actor}})
  WHERE a.keys_text CONTAINS needle
  RETURN collect([needle, a.id, properties(a)]) AS found
}
RETURN version, found
