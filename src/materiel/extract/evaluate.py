"""Score extraction output against gold annotations, by the rules of shared/eval/SCORING.md.

Per document, five rows of items are compared as sets: transfer ``pairs`` (supplier, recipient),
``triples`` (supplier, recipient, item category; ``unspecified`` matches any category), designation
targets, denial parties and person names. Actors that are ISO 3166-1 alpha-2 codes match only the same
code; names match when their folded token sets (titles and words such as "group" dropped) are equal
or one of at least two tokens lies inside the other. Repeated items count once per document.
Besides the totals, the report keeps, per document and row, which items were false positives and
which gold items were missed, so an analyst can see what went wrong.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from rich.table import Table

from materiel.errors import InputError

ROWS = ("pairs", "triples", "designations", "denials", "persons")
UNSPECIFIED = "unspecified"
_STATE_CODE = re.compile(r"^[A-Z]{2}$")
# Words that do not distinguish one name from another: articles, company forms, honorifics.
_NOISE_WORDS = frozenset(
    {
        "the",
        "of",
        "group",
        "company",
        "co",
        "ltd",
        "llc",
        "corporation",
        "corp",
        "inc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "ambassador",
        "president",
        "secretary",
        "general",
        "minister",
    }
)
# Entity kinds named by their own name even when they carry a country.
_NAMED_KINDS = frozenset({"person", "organization", "company", "vessel", "aircraft", "group"})
_STATE_KINDS = frozenset({"state", "country", "government", "gpe"})

Item = Any  # str for names and actors, tuple[str, str] pairs, tuple[str, str, str] triples
Same = Callable[[Item, Item], bool]


@dataclass
class RowScore:
    """Counts of one row: predicted items that match some gold item, and gold items found."""

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        if self.n_pred:
            return self.tp_pred / self.n_pred
        return 1.0 if not self.n_gold else 0.0

    @property
    def recall(self) -> float:
        if self.n_gold:
            return self.tp_gold / self.n_gold
        return 1.0 if not self.n_pred else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: RowScore) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "p": round(self.precision, 3),
            "r": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "pred": self.n_pred,
            "gold": self.n_gold,
            "tp_pred": self.tp_pred,
            "tp_gold": self.tp_gold,
        }
        if self.false_positives or self.false_negatives:
            out["false_positives"] = list(self.false_positives)
            out["false_negatives"] = list(self.false_negatives)
        return out


@dataclass
class EvalReport:
    """Totals per row over all gold documents, the rows of each document, and undone documents."""

    rows: dict[str, RowScore]
    documents: dict[str, dict[str, RowScore]]
    missing: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": {name: row.to_dict() for name, row in self.rows.items()},
            "documents": {
                doc: {name: row.to_dict() for name, row in rows.items()}
                for doc, rows in self.documents.items()
            },
            "missing": list(self.missing),
        }


# ---------- names and actors ----------


def fold(text: str) -> str:
    """Lower case, accents removed, anything but letters and digits turned into spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(t for t in fold(name).split() if t not in _NOISE_WORDS)


def same_name(a: str, b: str) -> bool:
    """Equal token sets, or the smaller set has at least two tokens and lies inside the larger."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    small, large = sorted((ta, tb), key=len)
    return ta == tb or (len(small) >= 2 and small <= large)


def same_actor(a: str, b: str) -> bool:
    """States by their ISO code only; everything else by name."""
    if _STATE_CODE.match(a) or _STATE_CODE.match(b):
        return a == b
    return same_name(a, b) or fold(a) == fold(b)


def _same_pair(a: Item, b: Item) -> bool:
    return same_actor(a[0], b[0]) and same_actor(a[1], b[1])


def _same_triple(a: Item, b: Item) -> bool:
    return _same_pair(a, b) and a[2] == b[2]


def _triple_matches(a: Item, b: Item) -> bool:
    return _same_pair(a, b) and (a[2] == b[2] or UNSPECIFIED in (a[2], b[2]))


# ---------- reading predictions and gold ----------


def _actor(ref: Any, entities: dict[str, dict[str, Any]]) -> str | None:
    """An actor reference (entity id, inline entity, plain name or code, or a list: its first)."""
    if isinstance(ref, list):
        ref = ref[0] if ref else None
    if ref is None or ref == "":
        return None
    entity = entities.get(ref) if isinstance(ref, str) else ref if isinstance(ref, dict) else None
    if entity is None:
        return str(ref)
    kind = str(entity.get("kind") or entity.get("type") or "").lower()
    country = entity.get("country")
    if country and (kind in _STATE_KINDS or kind not in _NAMED_KINDS):
        return str(country).upper()
    name = entity.get("name") or (str(country).upper() if country else None)
    return str(name) if name else None


def _categories(items: Any) -> set[str]:
    found = {
        str(item.get("category") or UNSPECIFIED) if isinstance(item, dict) else UNSPECIFIED
        for item in (items or [])
    }
    return found or {UNSPECIFIED}


def _prediction_items(doc: dict[str, Any]) -> dict[str, list[Item]]:
    entities = {str(e.get("id")): e for e in doc.get("entities") or [] if isinstance(e, dict)}
    out: dict[str, list[Item]] = {row: [] for row in ROWS}
    for event in doc.get("events") or []:
        if not isinstance(event, dict):
            continue
        kind = str(event.get("type") or "").lower()
        if kind in {"arms_transfer", "transfer"}:
            supplier = _actor(event.get("supplier"), entities)
            recipient = _actor(event.get("recipient"), entities)
            if supplier and recipient:
                out["pairs"].append((supplier, recipient))
                cats = _categories(event.get("items"))
                out["triples"].extend((supplier, recipient, c) for c in sorted(cats))
        elif kind in {"designation", "sanction", "sanction_designation"}:
            targets = event.get("target")
            for target in targets if isinstance(targets, list) else [targets]:
                name = _actor(target, entities)
                if name:
                    out["designations"].append(name)
        elif kind == "denial":
            ref = event.get("party") or event.get("denied_by") or event.get("actor")
            party = _actor(ref, entities)
            if party:
                out["denials"].append(party)
    out["persons"] = [
        str(e["name"])
        for e in entities.values()
        if str(e.get("kind") or e.get("type") or "").lower() == "person" and e.get("name")
    ]
    return out


def _gold_items(gold: dict[str, Any]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {row: [] for row in ROWS}
    for t in gold.get("transfers") or []:
        out["pairs"].append((t["supplier"], t["recipient"]))
        cats = sorted(set(t.get("categories") or [UNSPECIFIED]))
        out["triples"].extend((t["supplier"], t["recipient"], c) for c in cats)
    out["designations"] = [d["target"] for d in gold.get("designations") or []]
    out["denials"] = [d["party"] for d in gold.get("denials") or []]
    out["persons"] = list(gold.get("persons") or [])
    return out


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold annotations by file stem; a file that is not a JSON object raises InputError naming it."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError("not a directory of gold files", source=str(gold_dir))
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"cannot read gold file: {exc}", source=str(path)) from exc
        if not isinstance(data, dict):
            raise InputError("gold file is not a JSON object", source=str(path))
        gold[path.stem] = data
    return gold


def document_key(prediction: dict[str, Any]) -> str:
    """The gold stem a prediction belongs to: stem of its source path, else its name or id."""
    meta = prediction.get("document") or {}
    ref = meta.get("source_path") or meta.get("path") or meta.get("name") or meta.get("id") or ""
    return PurePath(str(ref).replace("\\", "/")).stem


# ---------- scoring ----------


def _unique(items: list[Item], same: Same) -> list[Item]:
    kept: list[Item] = []
    for item in items:
        if not any(same(item, k) for k in kept):
            kept.append(item)
    return kept


def _show(item: Item) -> str:
    if isinstance(item, tuple):
        text = f"{item[0]} -> {item[1]}"
        return f"{text} [{item[2]}]" if len(item) > 2 else text
    return str(item)


def _compare(pred: list[Item], gold: list[Item], same: Same, matches: Same) -> RowScore:
    pred, gold = _unique(pred, same), _unique(gold, same)
    wrong = [p for p in pred if not any(matches(p, g) for g in gold)]
    missed = [g for g in gold if not any(matches(p, g) for p in pred)]
    return RowScore(
        tp_pred=len(pred) - len(wrong),
        n_pred=len(pred),
        tp_gold=len(gold) - len(missed),
        n_gold=len(gold),
        false_positives=[_show(i) for i in wrong],
        false_negatives=[_show(i) for i in missed],
    )


# row -> (how duplicates are recognised, when a prediction matches a gold item)
_RULES: dict[str, tuple[Same, Same]] = {
    "pairs": (_same_pair, _same_pair),
    "triples": (_same_triple, _triple_matches),
    "designations": (same_actor, same_actor),
    "denials": (same_actor, same_actor),
    "persons": (same_name, same_name),
}


def score_predictions(gold: dict[str, dict[str, Any]], predictions: Iterable[dict[str, Any]]) -> EvalReport:
    """Compare predictions with gold; a prediction for a document without gold is ignored."""
    by_key: dict[str, dict[str, Any]] = {}
    for prediction in predictions:
        if isinstance(prediction, dict):
            by_key[document_key(prediction)] = prediction
    totals = {row: RowScore() for row in ROWS}
    documents: dict[str, dict[str, RowScore]] = {}
    missing: list[str] = []
    for stem in sorted(gold):
        prediction = by_key.get(stem) or {}
        if not prediction:
            missing.append(stem)
        pred_items, gold_items = _prediction_items(prediction), _gold_items(gold[stem])
        documents[stem] = {}
        for row, (same, matches) in _RULES.items():
            score = _compare(pred_items[row], gold_items[row], same, matches)
            documents[stem][row] = score
            totals[row].add(score)
    return EvalReport(rows=totals, documents=documents, missing=missing)


def read_predictions(path: Path) -> list[dict[str, Any]]:
    """The objects of an extraction JSON-lines file; a bad line raises InputError naming it."""
    out: list[dict[str, Any]] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read predictions: {exc}", source=str(path)) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} is not JSON: {exc.msg}", source=str(path)) from exc
        if not isinstance(obj, dict):
            raise InputError(f"line {number} is not a JSON object", source=str(path))
        out.append(obj)
    return out


def format_report(report: EvalReport) -> Table:
    """The totals as a table for the terminal, with the documents that had no prediction."""
    table = Table(title="Extraction against gold")
    for header in ("row", "P", "R", "F1", "pred", "gold"):
        table.add_column(header, justify="left" if header == "row" else "right")
    for name, row in report.rows.items():
        table.add_row(
            name,
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
            str(row.n_pred),
            str(row.n_gold),
        )
    if report.missing:
        table.caption = "no prediction for: " + ", ".join(report.missing)
    return table


def format_errors(report: EvalReport) -> str:
    """Plain text listing, per document and row, the false positives and the missed gold items."""
    lines: list[str] = []
    for doc, rows in report.documents.items():
        for name, row in rows.items():
            lines.extend(f"{doc} {name} extra: {item}" for item in row.false_positives)
            lines.extend(f"{doc} {name} missed: {item}" for item in row.false_negatives)
    return "\n".join(lines)
