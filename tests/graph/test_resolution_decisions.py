"""An analyst's merges and splits are stored (SQLite and PostgreSQL) and applied on every build."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_resolution_support import fill_store, write_invented

from materiel.errors import InputError, NotFoundError
from materiel.graph import build_picture, decisions, find_entity, merge_entities, split_entity, undo_decision
from materiel.store import Store


@pytest.fixture
def filled(store_url: str, tmp_path: Path) -> str:
    fill_store(store_url, [str(write_invented(tmp_path / "docs"))])
    return store_url


def test_split_and_merge_survive_rebuilds(filled: str) -> None:
    with Store.open(filled) as store:
        picture = build_picture(store)
        balakin = find_entity(picture, "Balakin")
        assert len(balakin.merged_from) == 2
        taken = balakin.merged_from[1]
        decision = split_entity(store, "Viktor Balakin", taken.split("/")[0][:8], note="two dealers")
        assert decision.other == taken

    for _ in range(2):  # a fresh connection, a fresh build: the split holds
        with Store.open(filled) as store:
            picture = build_picture(store)
        people = [e for e in picture.entities.values() if e.name == "Viktor Balakin"]
        assert len(people) == 2
        assert sorted(len(p.merged_from) for p in people) == [1, 1]
        assert len({p.id for p in people}) == 2
        assert any("split by an analyst" in w for p in people for w in p.why)

    with Store.open(filled) as store:
        a, b = sorted(p.id for p in people)
        merge_entities(store, a, b, note="same man after all")
        picture = build_picture(store)
        assert len([e for e in picture.entities.values() if e.name == "Viktor Balakin"]) == 1
        merged = find_entity(picture, "Viktor Balakin")
        assert any("merged by an analyst" in w for w in merged.why)
        rows = decisions(store)
        assert [d["action"] for d in rows] == ["split", "merge"]
        assert rows[0]["note"] == "two dealers"


def test_forced_merge_of_different_names_and_undo(filled: str) -> None:
    with Store.open(filled) as store:
        done = merge_entities(store, "Viktor Balakin", "Belarus")  # a forced merge overrides every rule
        picture = build_picture(store)
        assert find_entity(picture, "Balakin").id == find_entity(picture, "BY").id
        undo_decision(store, done.id)
        picture = build_picture(store)
        assert find_entity(picture, "Balakin").id != find_entity(picture, "BY").id
        with pytest.raises(NotFoundError):
            undo_decision(store, done.id)


def test_bad_decisions_are_refused(filled: str) -> None:
    with Store.open(filled) as store:
        with pytest.raises(InputError):
            merge_entities(store, "BY", "Belarus")  # already one
        with pytest.raises(InputError):
            split_entity(store, "Viktor Balakin", "")  # fits both members: ambiguous
        with pytest.raises(NotFoundError):
            split_entity(store, "Viktor Balakin", "no-such-document")
        assert decisions(store) == []
