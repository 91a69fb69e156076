"""Fixtures of the assessment tests: the shipped rule book."""

from __future__ import annotations

import pytest

from materiel.assess import RuleBook, load_rulebook


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return load_rulebook()
