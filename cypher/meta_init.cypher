// name: meta_init
// description: Create the bookkeeping node holding the data version, if missing; a store created
// description: without relationships is of this version's $layout (its writes keep it so: see
// description: meta_layout), one that has some (written without the node) of layout 0.
// params: layout
// mode: write
WITH EXISTS { ()-[]->() } AS written
MERGE (m:ActorgraphMeta {key: 'store'})
  ON CREATE SET m.version = 0, m.layout = CASE WHEN written THEN 0 ELSE $layout END
RETURN m.version AS version
