// name: relations_count_after
// description: How many relationships of one vocabulary type have a key after $after (the key index:
// description: what the upgrade still has to go through, for its progress).
// params: after
// slots: rel_type
// mode: read
MATCH ()-[r:{{rel_type}}]->()
WHERE r.key > $after
RETURN count(r) AS n
