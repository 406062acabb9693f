"""actorgraph: a knowledge graph of actors, statements and relations.

The project's folders (``graph/``, ``ingest/``, ``api/``, ``cli/``, ``reports/``, ``cypher/``)
stay at the top of the repository, as the design card puts them, but are installed as
sub-packages of this one (``actorgraph.graph``, ``actorgraph.api``, ...; see the
``package-dir`` mapping in ``pyproject.toml``). So installing actorgraph adds a single
top-level name to an environment and cannot shadow, or be shadowed by, another distribution's
``graph`` or ``api`` package.
"""
