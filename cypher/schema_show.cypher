// name: schema_show
// description: Names of the indexes and constraints that exist (to create only the missing ones).
// params:
// mode: read
SHOW INDEXES YIELD name
RETURN name
