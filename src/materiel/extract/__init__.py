"""materiel.extract: sourced facts (entities, arms transfers, designations, denials) from documents.

The public entry points are :func:`extract_documents` (a batch generator) and
:func:`extract_document`; both return :class:`materiel.model.Extraction` records.
"""

from materiel.extract.pipeline import extract_document, extract_documents, load_pipeline

__all__ = ["extract_document", "extract_documents", "load_pipeline"]
