// name: meta_support
// description: Whether every relationship of the store holds its support (meta_support_done, once
// description: relations_support_fill has been through every type; writes store it since).
// params:
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
RETURN coalesce(m.support_stored, false) AS stored
