// name: statements_all
// description: Statements filtered by topic, document, dates and casefolded text; the total and one
// description: page ordered by date (undated first) then id.
// params: topic, document, since, until, text, offset, limit
// mode: read
MATCH (s:{{Statement}})
WHERE ($topic IS NULL OR $topic IN s.about)
  AND ($document IS NULL OR s.document = $document)
  AND ($since IS NULL OR s.date >= $since)
  AND ($until IS NULL OR s.date <= $until)
  AND ($text IS NULL OR s.text_cf CONTAINS $text)
WITH s
ORDER BY coalesce(s.date, ''), s.id
WITH collect(s) AS hits
RETURN size(hits) AS total, [x IN hits[$offset..($offset + $limit)] | properties(x)] AS page
