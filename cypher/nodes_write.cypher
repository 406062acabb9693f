// name: nodes_write
// description: Create or replace nodes of one kind: each row holds the node's merged state
// description: (merged in Python by graph.merge.merge_node against what the transaction read, so it
// description: holds every stored property; += keeps the derived intermediary flag).
// params: rows
// slots: label
// mode: write
UNWIND $rows AS row
MERGE (n:Node:{{label}} {id: row.id})
SET n += row.props
