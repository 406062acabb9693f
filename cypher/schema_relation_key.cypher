// name: schema_relation_key
// description: Range index on the relation key of one vocabulary relationship type (ordered export).
// params:
// slots: rel_type
// mode: write
CREATE INDEX actorgraph_{{rel_type}}_key IF NOT EXISTS
FOR ()-[r:{{rel_type}}]-() ON (r.key)
