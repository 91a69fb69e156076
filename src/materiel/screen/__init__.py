"""materiel.screen: sanctions lists, name matching across scripts, candidate index, screening.

Library entry points: :func:`materiel.screen.match.compare` and ``match_names`` (explained scores),
:class:`materiel.screen.index.NameIndex` (candidate retrieval) and
:func:`materiel.screen.screening.screen` (queries → ``{"query", "matches"}`` results).
"""


def matcher_build() -> str:
    """ "compiled" when the name matcher runs as C extensions built by mypyc (``setup.py``),
    else "plain Python"."""
    from materiel.screen import features

    return "compiled" if not features.__file__.endswith(".py") else "plain Python"
