// name: meta_version
// description: The data version (changes whenever the data changes).
// params:
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
RETURN coalesce(m.version, 0) AS version
