// name: nodes_create
// description: Create nodes of one kind that the writing store knows are new (a first load:
// description: Neo4jStore._Seen holds every node the store has): a plain CREATE, no MERGE's
// description: look-up and lock of the id first. The id's uniqueness constraint still holds:
// description: a node that did exist fails the whole transaction, nothing half-written.
// params: rows
// slots: label
// mode: write
UNWIND $rows AS row
CREATE (n:Node:{{label}} {id: row.id})
SET n += row.props
