// name: notes_write
// description: Keep notes (key, value) next to the data; a null value removes the note.
// params: rows
// mode: write
UNWIND $rows AS row
MERGE (n:ActorgraphNote {key: row.key})
SET n.value = row.value
WITH n WHERE n.value IS NULL
DELETE n
