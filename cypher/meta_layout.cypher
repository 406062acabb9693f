// name: meta_layout
// description: What the meta node says of the store's layout: whether every relationship holds its
// description: support (support_stored: relations_support_fill went through every type), the layout
// description: version (layout: 1 when every relationship holds its evidence ranks and dates,
// description: relations_ranks_fill; 0 for a store written before), and where an upgrade cut off
// description: stopped ([type label, last key], or null).
// params:
// mode: read
OPTIONAL MATCH (m:ActorgraphMeta {key: 'store'})
RETURN coalesce(m.support_stored, false) AS stored, coalesce(m.layout, 0) AS layout,
       m.ranks_cursor AS cursor
