// name: schema_node_id
// description: Uniqueness of ids across every node kind (the common Node label).
// params:
// mode: write
CREATE CONSTRAINT actorgraph_node_id IF NOT EXISTS
FOR (n:Node) REQUIRE n.id IS UNIQUE
