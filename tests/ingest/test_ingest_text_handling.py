"""Furniture filter, encodings and content-addressed ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.errors import InputError
from materiel.ingest import IngestOptions, load_furniture, read_one

FURNITURE_CASES = [
    pytest.param("Please read our comment policy before commenting.", True, id="comment-policy"),
    pytest.param("Click to Read More and View Comments", True, id="read-more"),
    pytest.param("Click to Hide", True, id="hide"),
    pytest.param("Click here for reprint permission.", True, id="reprint"),
    pytest.param(
        "Copyright © 2021 The Ostravia Ledger, LLC. Click here for reprint permission.",
        True,
        id="copyright-line",
    ),
    pytest.param("© 2022 Kessel Monitor. All rights reserved.", True, id="copyright-symbol"),
    pytest.param("• Ilse Varga can be reached at ivarga@ledger.example.", True, id="author-footer"),
    pytest.param("Advertisement", True, id="advert-label"),
    # Sentences that merely mention the words are content and stay.
    pytest.param(
        "The ministry said readers can click to read more on its site about the seizure.",
        False,
        id="sentence-mentioning-click",
    ),
    pytest.param("Copyright law was not the reason the court gave.", False, id="copyright-in-sentence"),
    pytest.param(
        "The broker can be reached at sea only, the coast guard said of the vessel.",
        False,
        id="reached-without-email",
    ),
    pytest.param("- The Daily Ostravian - Monday, May 6, 2024", False, id="dateline-is-kept"),
]


@pytest.mark.parametrize(("line", "is_furniture"), FURNITURE_CASES)
def test_furniture_lines(line: str, is_furniture: bool) -> None:
    assert load_furniture().is_furniture(line) is is_furniture


def test_furniture_is_removed_from_the_end_of_a_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Guards found rifles in the hold.\n\n• Ilse Varga can be reached at ivarga@ledger.example.\n\n"
        "Copyright © 2021 The Ostravia Ledger, LLC. Click here for reprint permission.\n\nClick to Hide\n",
        encoding="utf-8",
    )
    (doc,) = read_one(str(path))
    assert doc.text == "Guards found rifles in the hold."


def test_user_furniture_file_extends_the_filter(tmp_path: Path) -> None:
    extra = tmp_path / "desk.yaml"
    extra.write_text(
        "version: 1\nremove:\n  - pattern: 'subscribe to the ledger( today)?!?'\n"
        "    comment: our newsletter prompt\n    source: ledger.example (invented)\n",
        encoding="utf-8",
    )
    path = tmp_path / "story.txt"
    path.write_text("Guards found rifles in the hold.\nSubscribe to the Ledger today!\n", encoding="utf-8")
    assert "Subscribe" in read_one(str(path))[0].text
    (doc,) = read_one(str(path), IngestOptions(furniture=(str(extra),)))
    assert doc.text == "Guards found rifles in the hold."
    assert load_furniture([extra]).is_furniture("Subscribe to the Ledger")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("remove: [", id="not-yaml"),
        pytest.param("- just\n- a list\n", id="not-a-mapping"),
        pytest.param("remove:\n  - comment: no pattern here\n", id="entry-without-pattern"),
    ],
)
def test_bad_furniture_files_name_the_file(tmp_path: Path, content: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_furniture([extra])
    assert str(extra) in str(info.value)


QUOTED = "The minister said “no rifles were sold” and called the report ‘baseless’ — twice."
ENCODING_CASES = [
    pytest.param(QUOTED.encode("utf-8"), id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + QUOTED.encode("utf-8"), id="utf-8-bom"),
    pytest.param(b"\xff\xfe" + QUOTED.encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param(b"\xfe\xff" + QUOTED.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param((QUOTED + "\n" + QUOTED).encode("cp1252"), id="cp1252-smart-quotes"),
    pytest.param(QUOTED.replace("\n", "\r\n").encode("utf-8") + b"\r\n", id="crlf"),
]


@pytest.mark.parametrize("data", ENCODING_CASES)
def test_encodings_give_the_same_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "quote.txt"
    path.write_bytes(data)
    (doc,) = read_one(str(path))
    assert doc.text.split("\n")[0] == QUOTED


SINGLE_BYTE_CASES = [
    pytest.param(
        "Ministre Renée Dupéré a déclaré que les fusils étaient déjà livrés – selon l’armée.",
        "cp1252",
        id="cp1252-french",
    ),
    pytest.param(
        "Straße nach Köln: Grüße vom Zollamt, die Gewehre wurden beschlagnahmt.", "cp1252", id="cp1252-german"
    ),
    pytest.param(
        "Minister powiedział, że broń została dostarczona do portu w Gdańsku przez źródło.",
        "cp1250",
        id="cp1250-polish",
    ),
    pytest.param(
        "Министр заявил, что оружие было доставлено в порт Остравии.", "cp1251", id="cp1251-russian"
    ),
]


@pytest.mark.parametrize(("text", "encoding"), SINGLE_BYTE_CASES)
def test_single_byte_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(encoding))
    assert read_one(str(path))[0].text == text


def test_same_content_gives_the_same_id(tmp_path: Path) -> None:
    body = "Inspectors found rifles on the freighter Blue Heron."
    txt = tmp_path / "a.txt"
    txt.write_text(body + "\n", encoding="utf-8")
    crlf = tmp_path / "b.txt"
    crlf.write_bytes((body + "\r\n\r\n\r\n").encode("utf-16"))
    as_json = tmp_path / "c.json"
    as_json.write_text('{"text": "' + body + '", "title": "Different metadata"}', encoding="utf-8")
    furnished = tmp_path / "d.txt"
    furnished.write_text(body + "\n\nClick to Hide\n", encoding="utf-8")
    ids = {read_one(str(p))[0].id for p in (txt, crlf, as_json, furnished)}
    assert len(ids) == 1
    assert read_one(str(txt))[0].id == read_one(str(txt))[0].id
    other = tmp_path / "e.txt"
    other.write_text(body.replace("rifles", "pistols"), encoding="utf-8")
    assert read_one(str(other))[0].id not in ids
