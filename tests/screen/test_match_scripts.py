"""Cross-script matching: Arabic, Chinese characters read as Korean, Cyrillic (Kontsevich) Korean names."""

from __future__ import annotations

import pytest

from materiel.screen.match import match_names
from materiel.screen.normalise import split_abd
from materiel.screen.translit import (
    arabic_key,
    arabic_to_latin,
    hanja_to_hangul,
    kontsevich_to_latin,
    latin_variants,
)

MATCHES = [
    # Arabic script against list spellings (UN consolidated list aliases)
    ("محمد حمزة زبيدي", "MUHAMMAD HAMZA ZUBAIDI"),  # ta marbuta
    ("طه ياسين رمضان الجزراوي", "TAHA YASSIN RAMADAN AL-JIZRAWI"),  # article written on
    ("عبد الغفار", "ABD-AL-GHAFUR"),
    ("أيمن محمد ربيع الظواهري", "AIMAN MUHAMMED RABI AL-ZAWAHIRI"),  # hamza on alef
    ("عمر محمد قدير", "AMOR MOHAMED GHEDEIR"),  # qaf written gh
    # Latin transliteration variants of Arabic names
    ("Abdelkader Mahmoud", "Abd al-Qadir Mahmud"),
    ("Husayn Ali", "Hussein Aly"),
    # Chinese characters read as a Korean name (data/hanja.csv)
    ("金铁三", "KIM CHOL SAM"),
    ("金正恩", "Kim Jong Un"),
    ("崔龍海", "Choe Ryong Hae"),
    # Russian spellings of Korean names (Kontsevich)
    ("Ри Пён Чхоль", "Ri Pyong Chol"),
    ("Ким Чен Ын", "Kim Jong Un"),
    ("Чхве Рён Хэ", "Choe Ryong Hae"),
    # Korean romanisation variants of one syllable
    ("Ri Pyong Chul", "Ri Pyong Chol"),
    ("Kim Jong-uun", "Kim Jong Un"),
    # the family name first or last, the given-name syllables in order
    ("정은 김", "KIM Jong Un"),
    ("Jong Un Kim", "Kim Jong-un"),
    # Chinese characters against pinyin and Wade-Giles spellings
    ("习近平", "Xi Jinping"),
    ("周恩来", "Chou En-lai"),
    ("张华", "Chang Hua"),
]

NOT_MATCHES = [
    # father and son: an Arabic name with one more given name in front
    ("صدام حسين التكريتي", "QUSAY SADDAM HUSSEIN AL-TIKRITI"),
    ("SADDAM HUSSEIN AL-TIKRITI", "QUSAY SADDAM HUSSEIN AL-TIKRITI"),
    ("BARZAN IBRAHIM HASSAN AL-TIKRITI", "ALI BARZAN IBRAHIM HASAN AL-TIKRITI"),
    ("محمود عباس", "Muhammad Abbas"),  # Mahmud is not Muhammad, though their consonants agree
    ("عبد الرحمن", "ABDUL RAHMAN ZAHED"),  # "Abd al-" is half of one name
    # Korean given names one syllable apart are other people
    ("Kim Myong-sik", "Kim Myong-guk"),
    ("Ri Pyong Chol", "Ri Myong Chol"),
    ("Kim Sok Chol", "Kim Song Chol"),
    ("김석철", "KIM SONG CHOL"),
    ("조영철", "Jo Chol"),  # a Korean given name of two syllables is not one of one
    ("金正日", "Kim Jong Un"),
    ("Ким Чен Ир", "Kim Jong Un"),
    # the same syllables in another order are another given name (김은정 is not 김정은)
    ("은정 김", "KIM, Jong Un"),
    ("Kim Un Jong", "Kim Jong Un"),
    ("광수 김", "KIM, Su-Kwang"),
    # a name read from Chinese characters: each syllable one character, none left over or a letter off
    ("成 朱", "CHEN, Zhu"),  # cheng is not chen
    ("成 周", "CHOU, Hsien Cheng"),
    ("华 张", "PAO, Hua Chiang"),
]


@pytest.mark.parametrize(("a", "b"), MATCHES)
def test_matches(a: str, b: str) -> None:
    m = match_names(a, b)
    assert m.match, (m.score, m.explanation)


@pytest.mark.parametrize(("a", "b"), NOT_MATCHES)
def test_not_matches(a: str, b: str) -> None:
    m = match_names(a, b)
    assert not m.match, (m.score, m.explanation)


def test_son_explained() -> None:
    m = match_names("SADDAM HUSSEIN AL-TIKRITI", "QUSAY SADDAM HUSSEIN AL-TIKRITI")
    assert "son or daughter" in m.explanation[0].detail


def test_east_asian_rules_explained() -> None:
    assert "another order" in match_names("은정 김", "KIM, Jong Un").explanation[0].detail
    assert "syllables left unpaired" in match_names("成 周", "CHOU, Hsien Cheng").explanation[0].detail


def test_korean_syllable_explained() -> None:
    assert "romanisation variant" in match_names("Ri Pyong Chul", "Ri Pyong Chol").explanation[0].detail


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("صدام حسين التكريتي", "sdam husayn al tkriti"),
        ("حمزة", "hmza"),  # ta marbuta
        ("إبراهيم", "ibrahim"),
        ("أسامة", "asama"),  # hamza on alef, ta marbuta
        ("طه", "tah"),  # not the digraph "th"
        ("عبدالله", "abd allah"),
        ("بن", "bin"),
    ],
)
def test_arabic_to_latin(arabic: str, latin: str) -> None:
    assert arabic_to_latin(arabic) == latin


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["muhammad", "mohamed", "mohammed", "mhmd"], "mhmt"),
        (["hussein", "husayn", "hsin"], "hsn"),
        (["hamza", "hamzah", "hmza"], "hmt"),
        (["qasim", "gasmi", "kasem"], None),
        (["essaadi", "saadi"], "st"),
    ],
)
def test_arabic_key(spellings: list[str], key: str | None) -> None:
    keys = {arabic_key(s) for s in spellings}
    if key is None:
        assert len({k[:2] for k in keys}) == 1
    else:
        assert keys == {key}


@pytest.mark.parametrize(
    ("tokens", "split"),
    [
        (["abdelkader"], ["abd", "kader"]),
        (["abdul", "hakim"], ["abd", "hakim"]),
        (["abd", "al", "hakim"], ["abd", "hakim"]),
        (["abdurrahman"], ["abd", "rahman"]),
        (["abdullah"], ["abdullah"]),
    ],
)
def test_split_abd(tokens: list[str], split: list[str]) -> None:
    assert split_abd(tokens) == split


@pytest.mark.parametrize(
    ("han", "hangul"),
    [
        ("金铁三", "김철삼"),
        ("金正恩", "김정은"),
        ("李炳哲", "리병철"),
        ("崔龙海", "최룡해"),
        ("习近平", None),
    ],
)
def test_hanja_to_hangul(han: str, hangul: str | None) -> None:
    assert hanja_to_hangul(han) == hangul


def test_chinese_name_keeps_pinyin() -> None:
    assert latin_variants("金正恩") == ["jin zheng en", "kim jong un", "gim jeong eun"]


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ри Пён Чхоль", "ri pyong chol"),
        ("Ким Чен Ын", "kim jong un"),
        ("Пак Пон Чжу", "pak pong ju"),
        ("Чхве Рён Хэ", "choe ryong hae"),
    ],
)
def test_kontsevich(cyrillic: str, latin: str) -> None:
    assert latin in kontsevich_to_latin(cyrillic)


def test_russian_name_is_not_read_as_korean() -> None:
    assert kontsevich_to_latin("Владимир Путин") == []


@pytest.mark.parametrize(
    ("hangul", "listed"),
    [
        ("조선종합기계회사", "KOREA COMPLEX MACHINERY COMPANY"),  # 종합: general or complex
        ("조선종합기계회사", "KOREA GENERAL MACHINERY COMPANY"),
        ("대동해운회사", "TAEDONG MARITIME COMPANY"),  # 해운: shipping or maritime
        ("대동해운회사", "TAEDONG SHIPPING COMPANY"),
    ],
)
def test_a_hangul_word_with_two_english_renderings_reads_both(hangul: str, listed: str) -> None:
    m = match_names(hangul, listed, "Company")
    assert m.match, (m.score, m.explanation)
