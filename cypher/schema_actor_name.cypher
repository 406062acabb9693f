// name: schema_actor_name
// description: Range index on actor display names.
// params:
// mode: write
CREATE INDEX actorgraph_actor_name IF NOT EXISTS
FOR (a:{{Actor}}) ON (a.name)
