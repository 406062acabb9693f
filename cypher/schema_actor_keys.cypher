// name: schema_actor_keys
// description: Text index on the newline-framed normalized names, aliases and id of each actor
// description: (keys_text), so that an exact case-insensitive name lookup is an index CONTAINS scan.
// params:
// mode: write
CREATE TEXT INDEX actorgraph_actor_keys IF NOT EXISTS
FOR (a:{{Actor}}) ON (a.keys_text)
