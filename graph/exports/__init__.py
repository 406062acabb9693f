"""Exports for the tools researchers use, each a function over the exchange-format record
stream (what ``GraphStore.iter_records`` yields), independent of the store behind it.

========== ==================================== =======================================
format     module                               for
========== ==================================== =======================================
gexf       :mod:`graph.exports.gexf`            Gephi, Gephi Lite (timeline: dynamic spells)
graphml    :mod:`graph.exports.graphml`         yEd, Cytoscape, igraph, networkx
csv        :mod:`graph.exports.tables`          pandas, R, spreadsheets (one file per table)
parquet    :mod:`graph.exports.tables`          pandas, R (arrow), DuckDB, Polars
plover     :mod:`graph.exports.plover`          event-data pipelines (PLOVER/POLECAT JSONL)
ftm        :mod:`graph.exports.ftm`             Aleph and FollowTheMoney tools (entities JSONL)
========== ==================================== =======================================

:mod:`graph.exports.stream` reads the stream once for all of them (see there what stays in
memory).
"""
