"""materiel.screen: sanctions lists, name matching across scripts, candidate index, screening.

Library entry points: :func:`materiel.screen.match.compare` and ``match_names`` (explained scores),
:class:`materiel.screen.index.NameIndex` (candidate retrieval) and
:func:`materiel.screen.screening.screen` (queries → ``{"query", "matches"}`` results).
"""
