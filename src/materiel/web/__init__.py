"""materiel.web: the REST API and the web UI, served by one FastAPI app.

    from materiel.web import WebSettings, create_app
    app = create_app(WebSettings.from_env(db_url="sqlite:///materiel.db", token="s3cret"))

``materiel serve`` runs it with uvicorn. Routers (one per area) are thin: each calls a library
function and shapes its records; templates (Jinja2, autoescaped) and static files are under
``data/``.
"""

from materiel.web.app import create_app
from materiel.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
