"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary content is refused."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from materiel.errors import InputError

# File signatures of common binary formats, so the failure can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "legacy office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)

# Single-byte codecs of Latin-script languages. Between these, detection on a short text is a guess
# (the bytes of curly quotes and accented letters are valid in all of them), so when the detector
# picks one of these and the text also reads cleanly as Windows-1252 -- the usual encoding of
# Western-language reporting that is not UTF-8 -- Windows-1252 is used.
_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "cp860",
        "cp863",
        "cp865",
    }
)
# A Latin-1 symbol between two letters ("Za¿ó³æ") means the bytes are letters of another code page.
_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][\u00a1-\u00bf\u0080-\u009f][^\W\d_]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` to text; ``declared`` is a charset named by the transport (HTTP header).

    Raises InputError naming ``source`` for binary or undecodable content.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {encoding} text despite its byte-order mark: {exc.reason}", source=source
                ) from exc
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not a text document", source=source)
    if b"\x00" in data[:65536]:
        raise InputError("binary file (contains NUL bytes), not a text document", source=source)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: detect instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("cannot decode: not text in any known encoding", source=source)
    text = str(best)
    if best.encoding in _LATIN_SINGLE_BYTE and best.encoding != "cp1252":
        text = _prefer_cp1252(data, text)
    if _control_ratio(text) > 0.05:
        raise InputError("binary file (mostly control characters), not a text document", source=source)
    return text


def _prefer_cp1252(data: bytes, detected: str) -> str:
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return detected
    return detected if _SYMBOL_IN_WORD.search(western) else western


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(text)
