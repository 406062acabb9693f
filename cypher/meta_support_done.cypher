// name: meta_support_done
// description: Record that every relationship of the store holds its support (relations_support_fill
// description: went through every type).
// params:
// mode: write
MATCH (m:ActorgraphMeta {key: 'store'})
SET m.support_stored = true
RETURN m.version AS version
