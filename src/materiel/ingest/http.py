"""Fetching http(s) URLs with a time limit, a size limit and a bounded number of redirects."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from materiel import __version__ as _version
from materiel.errors import InputError
from materiel.ingest.options import IngestOptions

USER_AGENT = f"materiel/{_version} (document ingest)"


@dataclass(frozen=True)
class Response:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str  # media type, lower case, without parameters
    charset: str | None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, options: IngestOptions) -> Response:
    """GET ``url``; InputError (naming the URL) on timeout, HTTP error, too many redirects, oversize."""
    deadline = time.monotonic() + options.timeout_s
    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(options.timeout_s),
                follow_redirects=True,
                max_redirects=options.max_redirects,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise InputError(f"HTTP error {response.status_code} {phrase}", source=url)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > options.max_bytes:
                raise InputError(_oversize(int(declared), options), source=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > options.max_bytes:
                    raise InputError(_oversize(size, options, at_least=True), source=url)
                if time.monotonic() > deadline:
                    raise InputError(f"timed out after {options.timeout_s:g} s", source=url)
                chunks.append(chunk)
            media = response.headers.get("content-type", "")
            return Response(
                url=str(response.url),
                content=b"".join(chunks),
                content_type=media.split(";")[0].strip().lower(),
                charset=response.charset_encoding,
            )
    except httpx.TooManyRedirects as exc:
        raise InputError(f"more than {options.max_redirects} redirects", source=url) from exc
    except httpx.TimeoutException as exc:
        raise InputError(f"timed out after {options.timeout_s:g} s", source=url) from exc
    except httpx.ConnectError as exc:
        raise InputError(f"cannot connect: {exc}", source=url) from exc
    except httpx.InvalidURL as exc:
        raise InputError(f"not a valid URL: {exc}", source=url) from exc
    except httpx.HTTPError as exc:
        raise InputError(f"download failed: {exc.__class__.__name__}: {exc}", source=url) from exc


def _oversize(size: int, options: IngestOptions, at_least: bool = False) -> str:
    amount = f"more than {options.max_bytes}" if at_least else str(size)
    return f"response is {amount} bytes, over the limit of {options.max_bytes} bytes (max_bytes)"
