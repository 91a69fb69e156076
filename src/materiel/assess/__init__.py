"""materiel.assess: sanctions regimes as data, and a verdict with its citation for every fact.

Rule packs (``data/packs/*.yaml``, one per regime, or a user's file) are validated by the schema in
``schema.py`` at load (``packs.py``); the engine (``engine.py``) judges the facts of an extraction
(``facts.py``: transfers, consideration flowing the other way, brokering, military support)
against every rule and returns findings; designations found in text are checked against the loaded
lists (``designations.py``). This package reads extractions in the contract's JSON shape and never
parses document text.

    from materiel.assess import assess_events, read_extractions
    for result in assess_events(read_extractions("facts.jsonl")):
        for finding in result.findings:
            print(finding.verdict, finding.citation, finding.missing)
"""

from materiel.assess.engine import assess_extraction
from materiel.assess.packs import RuleBook, load_pack, load_rulebook
from materiel.assess.records import DesignationCheck, DocumentAssessment, Finding, ListedEntry
from materiel.assess.schema import Pack, Rule
from materiel.assess.workflow import (
    AssessSummary,
    assess_document,
    assess_events,
    assess_stored,
    read_extractions,
    stored_designation_checks,
    stored_findings,
)

__all__ = [
    "AssessSummary",
    "DesignationCheck",
    "DocumentAssessment",
    "Finding",
    "ListedEntry",
    "Pack",
    "Rule",
    "RuleBook",
    "assess_document",
    "assess_events",
    "assess_extraction",
    "assess_stored",
    "load_pack",
    "load_rulebook",
    "read_extractions",
    "stored_designation_checks",
    "stored_findings",
]
