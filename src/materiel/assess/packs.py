"""Loading rule packs, item classes and settings; a bad pack is refused with file, rule id and field.

book = load_rulebook()                        # the packs shipped in data/packs
book = load_rulebook(["my-regime.yaml"])      # plus a user's packs (files or directories)
book.rules, book.rule("un-1718-8a-i"), book.classes["all_arms"]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from materiel.assess.schema import ItemClass, ItemClassFile, Pack, Rule, Settings
from materiel.errors import RulePackError

M = TypeVar("M", bound=BaseModel)

DATA = Path(__file__).parent / "data"
PACKS = DATA / "packs"


@dataclass(slots=True)
class LoadedPack:
    pack: Pack
    path: Path
    builtin: bool


@dataclass(slots=True)
class RuleBook:
    """Every loaded rule, with the pack it came from, the item classes and the settings."""

    packs: list[LoadedPack]
    classes: dict[str, ItemClass]
    goods: dict[str, list[str]]
    settings: Settings
    _by_id: dict[str, tuple[Rule, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for loaded in self.packs:
            for rule in loaded.pack.rules:
                self._by_id[rule.id] = (rule, loaded.pack.pack)

    @property
    def rules(self) -> list[tuple[Rule, str]]:
        """(rule, pack id) in pack order, then file order."""
        return [(r, p.pack.pack) for p in self.packs for r in p.pack.rules]

    def rule(self, rule_id: str) -> tuple[Rule, str]:
        try:
            return self._by_id[rule_id]
        except KeyError:
            raise RulePackError("no rule with this id in the loaded packs", source=rule_id) from None


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise RulePackError(f"not valid YAML{where}", source=str(path)) from exc


def _explain(exc: ValidationError, data: Any) -> str:
    """'rule un-1718-8a: field valid_from: Input should be a valid date' for the first error."""
    err = exc.errors()[0]
    loc = list(err["loc"])
    prefix = ""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        raw = rules[loc[1]] if isinstance(rules, list) and loc[1] < len(rules) else None
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        prefix = f"rule {rule_id or f'#{loc[1] + 1}'}: "
        loc = loc[2:]
    name = ".".join(str(part) for part in loc) or "(top level)"
    more = len(exc.errors()) - 1
    return f"{prefix}field {name}: {err['msg']}" + (f" (and {more} more problem(s))" if more else "")


def _validate(model: type[M], path: Path) -> M:
    data = _read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RulePackError(_explain(exc, data), source=str(path)) from None


def _pack_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise RulePackError("no such file or directory", source=str(path))
    return files


def check_pack(
    pack: Pack, path: Path, classes: dict[str, ItemClass], seen: dict[str, str] | None = None
) -> None:
    """Cross-file checks: known item classes, unique rule ids (``seen``: rule id -> file)."""
    seen = {} if seen is None else seen
    known = {**classes, **pack.item_classes}
    for rule in pack.rules:
        for item in rule.items:
            if item not in known:
                message = f"rule {rule.id}: field items: unknown item class {item!r}"
                raise RulePackError(message, source=str(path))
        if rule.id in seen:
            message = f"rule {rule.id}: field id: already defined in {seen[rule.id]}"
            raise RulePackError(message, source=str(path))
        seen[rule.id] = str(path)


@lru_cache(maxsize=1)
def _builtin() -> tuple[ItemClassFile, Settings, tuple[tuple[Pack, Path], ...]]:
    classes = _validate(ItemClassFile, DATA / "item_classes.yaml")
    settings = _validate(Settings, DATA / "assess.yaml")
    packs = tuple((_validate(Pack, p), p) for p in _pack_files([PACKS]))
    return classes, settings, packs


def load_pack(path: str | Path) -> Pack:
    """One pack file, validated against the schema and the shipped item classes."""
    classes = _builtin()[0]
    file = Path(path)
    pack = _validate(Pack, file)
    check_pack(pack, file, classes.classes)
    return pack


def load_rulebook(extra: Sequence[str | Path] = ()) -> RuleBook:
    """The shipped packs plus ``extra`` pack files or directories (later packs may add classes)."""
    class_file, settings, builtin = _builtin()
    classes = dict(class_file.classes)
    loaded: list[LoadedPack] = []
    seen: dict[str, str] = {}
    packs_seen: set[str] = set()
    user = [(_validate(Pack, p), p, False) for p in _pack_files(extra)]
    for pack, path, is_builtin in [*((p, f, True) for p, f in builtin), *user]:
        if pack.pack in packs_seen:
            raise RulePackError(f"field pack: a pack named {pack.pack!r} is already loaded", source=str(path))
        packs_seen.add(pack.pack)
        check_pack(pack, path, classes, seen)
        classes.update(pack.item_classes)
        loaded.append(LoadedPack(pack, path, is_builtin))
    return RuleBook(loaded, classes, dict(class_file.goods), settings)


__all__ = ["DATA", "PACKS", "LoadedPack", "RuleBook", "check_pack", "load_pack", "load_rulebook"]
