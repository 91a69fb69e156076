"""Turkish companies' names, read with their common words in English as the press writes them."""

from __future__ import annotations

import pytest

from materiel.screen.glossaries import org_readings
from materiel.screen.match import match_names


@pytest.mark.parametrize(
    ("listed", "reading"),
    [
        (
            "MEGASAN ELEKTRONIK TICARET VE SANAYI ANONIM SIRKETI",
            "megasan electronics trade and industry anonim sirketi",
        ),
        (
            "Özkaya Otomotiv Mamulleri Pazarlama Sanayi ve Ticaret A.Ş.",
            "ozkaya automotive products marketing industry and trade a s",
        ),
        (
            "KONOMAR GEMI ELEKTRIK VE ELEKTRONIK LIMITED SIRKETI",
            "konomar ship electrical and electronics limited sirketi",
        ),
    ],
)
def test_a_turkish_name_is_also_read_in_english(listed: str, reading: str) -> None:
    assert reading in org_readings(listed)


@pytest.mark.parametrize("name", ["Egetir Automotive", "Bank Melli Iran", "Gemini Electric Trading"])
def test_a_name_without_a_turkish_word_of_kind_has_no_such_reading(name: str) -> None:
    assert org_readings(name) == []


@pytest.mark.parametrize(
    ("query", "listed", "low", "high"),
    [
        (
            "Megasan Electronic Trade and Industry",
            "MEGASAN ELEKTRONIK TICARET VE SANAYI ANONIM SIRKETI",
            0.95,
            1.0,
        ),
        (
            "Konomar Ship Electrical and Electronics",
            "KONOMAR GEMI ELEKTRIK VE ELEKTRONIK LIMITED SIRKETI",
            0.95,
            1.0,
        ),
        # a joint-stock company (A.S.) is a "Corporation" in English: a small difference, still a match
        (
            "Özkaya Automotive Products Marketing Industry and Trade Corporation",
            "OZKAYA OTOMOTIV MAMULLERI PAZARLAMA SANAYI VE TICARET ANONIM SIRKETI",
            0.8,
            0.95,
        ),
        # the press leaves the words of trade out ("Sanayi ve Ticaret", "Dis Ticaret"), as a legal form
        ("Egetir Automotive", "EGETIR OTOMOTIV SANAYI VE TICARET LIMITED SIRKETI", 0.95, 1.0),
        ("Kartal Exim", "KARTAL EXIM DIS TICARET LIMITED SIRKETI", 0.95, 1.0),
        (
            "Egetir Otomotiv San. ve Tic. Ltd. Şti.",
            "EGETIR OTOMOTIV SANAYI VE TICARET LIMITED SIRKETI",
            0.95,
            1.0,
        ),
        # the same words of kind, another company
        ("Egetir Automotive", "KARTAL OTOMOTIV SANAYI VE TICARET LIMITED SIRKETI", 0.0, 0.7),
    ],
)
def test_turkish_names_against_english_ones(query: str, listed: str, low: float, high: float) -> None:
    score = match_names(query, listed, "Organization").score
    assert low <= score <= high, score
