// name: meta_layout_done
// description: Record that the upgrade went through every relationship type: the store is of this
// description: $layout (its writes keep it so); the upgrade's place is forgotten.
// params: layout
// mode: write
MATCH (m:ActorgraphMeta {key: 'store'})
SET m.layout = $layout
REMOVE m.ranks_cursor
RETURN m.layout AS layout
