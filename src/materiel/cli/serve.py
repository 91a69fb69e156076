"""``materiel serve``: the REST API and the web UI over a store, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from materiel.cli.app import command, say, state, warn
from materiel.settings import db_url_from


@command("serve")
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: Annotated[
        str | None, typer.Option("--db", help="Store URL or SQLite file path (default: the global --db).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
) -> None:
    """Serve the REST API and the web UI (no CDN: works air-gapped).

    Open http://127.0.0.1:8000/ for the UI; the API's description is at /openapi.json and
    listed at /ui/api. Write endpoints (uploading documents and lists) are off unless
    MATERIEL_WEB_TOKEN is set; clients then send it as `Authorization: Bearer TOKEN`.
    MATERIEL_WEB_IMPORT_ROOT names the one folder write requests may point at.

    Example:

        MATERIEL_WEB_TOKEN=s3cret materiel serve --port 8080 --db reports.db
    """
    import os

    import uvicorn

    from materiel.web import WebSettings, create_app

    settings = WebSettings.from_env(db_url=db_url_from(db) if db else state.db_url)
    if host not in ("127.0.0.1", "localhost", "::1"):
        warn(f"listening on {host}: other machines can reach it; put TLS in front of it")
    say(f"materiel: http://{'[' + host + ']' if ':' in host else host}:{port}/ over {settings.db_url}")
    say("write endpoints: " + ("on (token set)" if settings.token else "off (no MATERIEL_WEB_TOKEN)"))
    if workers > 1:
        os.environ["MATERIEL_DB"] = settings.db_url
        uvicorn.run("materiel.web.app:create_app", factory=True, host=host, port=port, workers=workers)
        return
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
