// name: version_and_names
// description: The data version and, for each needle, the actors it names (as names_lookup: a key
// description: framed by newlines, matched against keys_text through its text index), in one query
// description: (one round trip): [needle, actor id, its properties, its degree] rows, none for a
// description: needle that names no actor (the properties name a path answer's ends without a read
// description: of their own). The degree counts the actor's relationships of {{types}} (the path
// description: questions' default types) from the node's own counts: an end with none has no path
// description: over them, and a path question need not read its hops.
// params: needles
// slots: types
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
WITH coalesce(m.version, 0) AS version
CALL () {
  UNWIND $needles AS needle
  MATCH (a:{{Actor}})
  WHERE a.keys_text CONTAINS needle
  RETURN collect([needle, a.id, properties(a), COUNT { (a)-[:{{types}}]-() }]) AS found
}
RETURN version, found
