// name: meta_lock
// description: First statement of every write transaction: takes the write lock on the bookkeeping
// description: node, so concurrent writers serialize and each one merges against committed data.
// params:
// mode: write
MERGE (m:ActorgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0
SET m.locked = true
RETURN m.version AS version
