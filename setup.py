"""Build hook for the optional compiled matcher (everything else is in pyproject.toml).

With ``MATERIEL_COMPILE=1`` the name matcher's modules are compiled to C extensions with mypyc
(the compiler of mypy, which compiles type-annotated Python): same code, same scores, about
1.6-1.9 times faster (benchmarks/README.md, "Screening"). Without it, materiel installs as plain
Python. ``bash scripts/setup.sh compiled`` makes such a build in ``.venv-compiled``.
"""

from __future__ import annotations

import os

from setuptools import setup

# the modules a comparison runs through; glossaries.py (Arabic-script organisation names, read once
# per name) stays Python: compiled, its test of a forty-word name ran out of memory
COMPILED = (
    "normalise",
    "vocab",
    "translit",
    "phonetic",
    "parts",
    "arabic_names",
    "orgnames",
    "features",
    "entry_names",
    "qualifiers",
    "match",
)

ext_modules = []
if os.environ.get("MATERIEL_COMPILE") == "1":
    from mypyc.build import mypycify

    ext_modules = mypycify([f"src/materiel/screen/{name}.py" for name in COMPILED], opt_level="3")

setup(ext_modules=ext_modules)
