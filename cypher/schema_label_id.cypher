// name: schema_label_id
// description: Uniqueness of ids per node kind label (rendered once per vocabulary node label).
// params:
// slots: label
// mode: write
CREATE CONSTRAINT actorgraph_{{label}}_id IF NOT EXISTS
FOR (n:{{label}}) REQUIRE n.id IS UNIQUE
