#!/usr/bin/env bash
# Set up the development environment: a virtual environment in .venv with materiel installed
# in editable mode, and the spaCy English model pinned by hash (requirements-model.txt).
#
#   bash scripts/setup.sh        # materiel and its runtime dependencies
#   bash scripts/setup.sh dev    # plus the test and lint tools (the [dev] extra)
#   bash scripts/setup.sh compiled   # .venv-compiled: the [dev] set, not editable, with the
#                                    # matcher compiled by mypyc (setup.py; optional, faster)
#
# Safe to run again: an existing .venv is reused and pip skips what is already installed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-}"
venv=.venv
case "$mode" in
    "") target="." ;;
    dev) target=".[dev]" ;;
    compiled) target=".[dev]"; venv=.venv-compiled ;;
    *) echo "usage: $0 [dev|compiled]" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*"; }

if [ ! -x "$venv/bin/python" ]; then
    python=""
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            python="$candidate"
            break
        fi
    done
    if [ -z "$python" ]; then
        echo "setup: Python 3.11 or newer is needed (python3.11 or python3 on PATH)" >&2
        exit 1
    fi
    say "creating $venv with $python ($("$python" --version 2>&1))"
    "$python" -m venv "$venv"
else
    say "using the existing $venv ($("$venv/bin/python" --version 2>&1))"
fi
pip=("$venv/bin/python" -m pip install --quiet)

say "upgrading pip"
"${pip[@]}" --upgrade pip

if [ "$mode" = compiled ]; then
    # mypyc comes with mypy; the build runs in this venv (no isolation) so that it finds it
    say "installing the compiler: mypy (mypyc), setuptools, wheel"
    "${pip[@]}" 'mypy==2.4.1' 'setuptools>=77' wheel
    say "installing materiel's dependencies: pip install '$target'"
    "${pip[@]}" "$target"  # the compiler type-checks against them
    say "compiling the matcher: MATERIEL_COMPILE=1 pip install --no-build-isolation ."
    rm -rf build  # setuptools' build folder: a stale copy of the sources must not be compiled
    MATERIEL_COMPILE=1 "${pip[@]}" --no-build-isolation --force-reinstall --no-deps .
else
    say "installing materiel in editable mode: pip install -e '$target'"
    "${pip[@]}" -e "$target"
fi

say "installing the spaCy English model pinned by hash (requirements-model.txt)"
"${pip[@]}" --no-deps --require-hashes -r requirements-model.txt

say "done: $venv is ready"
