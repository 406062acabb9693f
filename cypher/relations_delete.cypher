// name: relations_delete
// description: Delete relations of one vocabulary type by key (a merge or a retraction
// description: re-writes what is left of them in the same transaction).
// params: keys
// slots: rel_type
// mode: write
UNWIND $keys AS k
MATCH ()-[r:{{rel_type}} {key: k}]->()
DELETE r
