"""Settings of the web app: the store, the write token and the limits on what a request may ask.

    settings = WebSettings.from_env(db_url="sqlite:///materiel.db")
    app = create_app(settings)

No token means the write endpoints are off. ``import_root`` is the one folder whose files the
write endpoints may point at (none: only uploads).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from materiel.settings import db_url_from

MiB = 1024 * 1024
MAX_BODY = 1 * MiB
MAX_UPLOAD = 20 * MiB
MAX_BATCH = 1000


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True, slots=True)
class WebSettings:
    db_url: str = "sqlite:///materiel.db"
    token: str | None = None  # write endpoints need it; None turns them off
    max_body_bytes: int = MAX_BODY  # any request body but an upload
    max_upload_bytes: int = MAX_UPLOAD  # an upload of documents or lists, all files together
    max_batch: int = MAX_BATCH  # queries in one POST /screen
    max_files: int = 50  # files or paths in one write request
    max_page_size: int = 200
    import_root: str | None = None  # the folder write requests may point at
    cache_seconds: float = 10.0  # how long the cross-document picture is reused

    @classmethod
    def from_env(cls, db_url: str | None = None, **overrides: object) -> WebSettings:
        """Settings from ``MATERIEL_DB``, ``MATERIEL_WEB_TOKEN``, ``MATERIEL_WEB_IMPORT_ROOT`` and
        ``MATERIEL_WEB_MAX_*``; ``overrides`` win."""
        values: dict[str, object] = {
            "db_url": db_url_from(db_url),
            "token": os.environ.get("MATERIEL_WEB_TOKEN") or None,
            "import_root": os.environ.get("MATERIEL_WEB_IMPORT_ROOT") or None,
            "max_body_bytes": _int("MATERIEL_WEB_MAX_BODY", MAX_BODY),
            "max_upload_bytes": _int("MATERIEL_WEB_MAX_UPLOAD", MAX_UPLOAD),
            "max_batch": _int("MATERIEL_WEB_MAX_BATCH", MAX_BATCH),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]


__all__ = ["WebSettings"]
