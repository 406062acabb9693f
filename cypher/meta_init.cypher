// name: meta_init
// description: Create the bookkeeping node holding the data version, if missing.
// params:
// mode: write
MERGE (m:ActorgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
RETURN m.version AS version
