// name: meta_bump
// description: Move the data version on; last statement of a write that changed something.
// params:
// mode: write
MATCH (m:ActorgraphMeta {key: 'store'})
SET m.version = m.version + 1
RETURN m.version AS version
