"""The store: SQLAlchemy models, sessions and Alembic migrations; the one place SQL lives.

    store = Store.open("sqlite:///materiel.db")   # or postgresql://user@host/db
    store.ingest(documents)
    store.save_extraction(extraction)
    store.get_extraction(doc_id)

The schema is created and kept current by the Alembic revisions shipped in
``materiel/store/migrations``; opening a store runs ``upgrade head``.
"""

from materiel.store import finding_models as _finding_models  # noqa: F401  (registers the finding tables)
from materiel.store import graph_models as _graph_models  # noqa: F401  (the graph decision table)
from materiel.store import list_models as _list_models  # noqa: F401  (registers the list tables on Base)
from materiel.store import screening_models as _screening_models  # noqa: F401  (the screening tables)
from materiel.store.store import MIN_PREFIX, Store

__all__ = ["MIN_PREFIX", "Store"]
