"""Name forms this matcher reads for what they are: numbers and legal forms in organisation names,
names written in the same East Asian script, Wade–Giles, Slavic and Baltic endings, names in
parentheses, and Arabic-script names read with Persian and Urdu letter values."""

from __future__ import annotations

import pytest

from materiel.screen.glossaries import arabic_org_readings, cyrillic_org_readings, hangul_org_readings
from materiel.screen.match import match_names
from materiel.screen.orgnames import read_numbers
from materiel.screen.translit import latin_variants

MATCHES = [
    # numbers written as words or ordinals (organisations)
    ("Brigade Forty-Four", "Brigade 44", "Organization"),
    ("Brigade Forty 4", "Brigade 44", "Organization"),
    ("1st International Bank", "First International Bank", "Company"),
    ("3 Percenters", "Three Percenters", "Organization"),
    ("3%ers", "Three Percenters", "Organization"),  # "%" after a number reads "percent"
    # legal forms glued on, cut by a fixed-width field, or one letter off
    ("SiemensAG", "Siemens AG", "Company"),
    ("Bowne Global Solutions SAS", "Bowne Global Solutions Societe par Actions Simplifiee", "Company"),
    ("TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN", "TACTICAL MISSILES CORPORATION JSC", "Company"),
    ("TACTICAL MISSILES CORPORATION JOYNT STOCK COMPANY", "TACTICAL MISSILES CORPORATION JSC", "Company"),
    ("LXC Aviation", "L.X.C Aviation", "Company"),
    ("Acme Trading Co.", "Acme Trading Ltd.", "Company"),  # forms used loosely for one another
    # one name in traditional and simplified characters
    ("習近平", "习近平", "Person"),
    # Wade–Giles
    ("Mao Tse-tung", "Mao Zedong", "Person"),
    ("Teng Hsiao-p'ing", "Deng Xiaoping", "Person"),
    ("Mao Tse-tung", "毛泽东", "Person"),
    # Slavic -j, Baltic -s
    ("Sergej Lavrov", "Sergey Lavrov", "Person"),
    ("Sergejs Lavrovs", "Sergey Viktorovich LAVROV", "Person"),
    ("Andrej Babiš", "Andrey Babis", "Person"),
    # other names of one person in parentheses, in another script or separated by semicolons
    ("حسن غول (Hassan Ghul; Hasan Gul)", "Hassan Ghul", "Person"),
    ("Hassan Gul", "حسن غول (Hassan Ghul; Hasan Gul)", "Person"),
    ("AQAP", "AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)", "Organization"),
    # Arabic script: Persian/Urdu letter values, titles, the article opening a compound
    ("نور محمد ثاقب", "NOOR MOHAMMAD SAQIB", "Person"),
    ("ثناء اللہ غفاری", "SANAULLAH GHAFARI", "Person"),
    ("حاجى مالك نورزى", "MALIK NOORZAI", "Person"),
    ("آدم خان اچکزی", "ADAM KHAN ACHEKZAI", "Person"),
    # a Korean name written in Arabic script: its vowels are the script's, its consonants decide
    ("كيم جونغ أون", "KIM, Jong Un", "Person"),
    ("محمد صلاح الدين عبدالحليم زيدان", "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE", "Person"),
    ("سامي بن خميس بن صالح الصيد", "SAMI BEN KHAMIS BEN SALEH ELSSEID", "Person"),
    ("سلسلة الذهب للصرافة", "SELSELAT AL-THAHAB", "Organization"),  # -at of the tā' marbūṭa
    ("الموقعون بالدم", "AL MOUAKAOUNE BIDDAM", "Organization"),  # bi-l-dam, the article assimilated
    ("جلال الدين حقانى", "JALALUDDIN HAQQANI", "Person"),  # final ى read -a against -i
    ("MOHAMMAD JAWAD WAZIIR", "MOHAMMAD JAWAD WAZIRI", "Person"),  # letters swapped, not a nisba
    # forms of one Slavic surname
    ("Anna Ivanova", "Anna Ivanov", "Person"),
    ("Alexander Lukashenka", "Alexander Lukashenko", "Person"),
    # links of an Arabic name's chain of fathers are often left out
    ("Osama bin Laden", "Usāma bin Muhammad ibn Awad ibn Lādin", "Person"),
    # Arabic-script organisation names: their common words read in English, the rest transliterated
    ("الجبهة الشعبية لتحرير فلسطين", "Popular Front for the Liberation of Palestine", "Organization"),
    ("منظمة التحرير الفلسطينية", "Palestine Liberation Organization", "Organization"),
    ("شركة الملاحة العربية المتحدة", "United Arab Shipping Company", "Company"),
    ("مصرف الرافدين", "Rafidain Bank", "Company"),
    ("شبکه حقانی", "HAQQANI NETWORK", "Organization"),  # Persian letter forms
    ("سپاه پاسداران انقلاب اسلامی", "ISLAMIC REVOLUTIONARY GUARD CORPS", "Organization"),  # Persian
    ("شرکت ملی نفت ایران", "NATIONAL IRANIAN OIL COMPANY", "Company"),
    ("کشتیرانی جمهوری اسلامی ایران", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "Company"),
    ("الاتحاد الاسلامي", "AL-ITIHAAD AL-ISLAMIYA", "Organization"),  # ت then ح is not ث
    # Korean organisation names in Hangul: their common words in English, the rest romanised
    ("조선광업개발무역회사", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "Company"),
    ("조선련봉총회사", "KOREA RYONBONG GENERAL CORPORATION", "Company"),
    # the glossary's English words compare as words, not as syllables: "bank" is "banking"
    ("조선광선은행", "KOREA KWANGSON BANKING CORPORATION (KKBC)", "Organization"),
    ("원자력공업성", "MINISTRY OF ATOMIC ENERGY INDUSTRY", "Organization"),  # 성 after a word: ministry
    ("제2자연과학원", "SECOND ACADEMY OF NATURAL SCIENCES", "Organization"),
    # Russian organisation names in Cyrillic: words by their stems, place adjectives as the place
    ("Объединённая авиастроительная корпорация", "UNITED AIRCRAFT CORPORATION", "Company"),
    ("Ижевский механический завод", "IZHEVSK MECHANICAL PLANT", "Company"),
    ("Научно-производственное объединение «Алмаз»", "NPO ALMAZ", "Company"),
    ("Государственная корпорация Ростех", "STATE CORPORATION ROSTEC", "Company"),
    # a query's acronym spelt out into the listed name's words
    ("PLA", "People's Liberation Army", "Organization"),
    # the tā' marbūṭa read -at before the next word; French spellings of Maghrebi names
    ("جماعة نصرة الإسلام والمسلمين", "JAMA'A NUSRAT UL-ISLAM WA AL-MUSLIMIN", "Organization"),
    ("محمد بلقاسم", "Mohamed Belgacem", "Person"),
    ("حسين", "Hocine", "Person"),
    # the article spelt as said before a "sun letter", also in Russian spellings of Arabic names
    ("Jabhat an-Nusra", "JABHAT AL-NUSRAH", "Organization"),
    ("Джабхат ан-Нусра", "JABHAT AL-NUSRAH", "Organization"),
    ("Айман аз-Завахири", "AYMAN AL-ZAWAHIRI", "Person"),
    # the article and bin on both sides of a chain of fathers do not cross it
    ("نور الدين بن علي بن بلقاسم الدريسي", "NOUREDDINE BEN ALI BEN BELKASSEM AL-DRISSI", "Person"),
    # Chinese company names: business words in English, the rest in pinyin
    ("華信船務(香港)有限公司", "HUAXIN SHIPPING HONGKONG LTD", "Company"),
    ("丹东鸿祥实业发展有限公司", "Dandong Hongxiang Industrial Development Co., Ltd.", "Company"),
]

NOT_MATCHES = [
    ("كيم جونغ إيل", "KIM, Jong Un", "Person"),  # Kim Jong Il, in Arabic script
    # another legal person: the same name with another legal form
    ("Deutsche Bank AG", "Deutsche Bank GmbH", "Company"),
    ("ANO Iskusstvo Krasoty", "LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY", "Company"),
    # the same reading, another character
    ("高石早苗", "高市早苗", "Person"),
    ("习近朋", "习近平", "Person"),
    ("김종은", "김정은", "Person"),
    # a place in parentheses qualifies the name
    ("Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited", "Company"),
    # Wali is not Ali: و opening a word is a consonant
    ("ولی جان", "ALI KONY", "Person"),
    # a consonant more is another name (Aziz-ur-Rahman is not Abd al-Rahman)
    ("عبدالرحمان احمد هوتک", "AZIZIRAHMAN ABDUL AHAD", "Person"),
    # "Ahmad al-Ta'i" is not "Ahmad": a word after the article is a part of the name
    ("سلطان هاشم أحمد الطائي", "Ahmed Sultan", "Person"),
    # a nisba in -i is another name than the name it is made from
    ("محمد احمدی", "MUHAMMAD YUNIS AHMAD", "Person"),
    ("Mohammad Zahid", "Mohammad Reza Zahedi", "Person"),
    # the father is not the son, also when a compound name is read from two words
    ("جلال الدين حقانى", "SIRAJUDDIN JALLALOUDINE HAQQANI", "Person"),
    ("丹东鸿祥实业发展有限公司", "Dandong Zhicheng Metallic Material Co., Ltd.", "Company"),
    # one stem, Slavic surname endings of different kinds
    ("Alexander Lukashevich", "Alexander Lukashenko", "Person"),
    ("Аляксандр Лукашэвіч", "Аляксандр Лукашэнка", "Person"),
    ("Roman Abramovich", "Roman Abramov", "Person"),
    # an "l" dropped only where the other spelling doubles the next consonant (an assimilated article)
    ("محمد بلكلام", "Mohamed Ben Belgacem Awani", "Person"),
    # one consonant for another is another name; so is a vowel for a consonant opening a short one
    ("محمد بلكلام", "Mohamed Lakhal", "Person"),
    ("عبدالمنان محمد اسحاق", "Mohammed Aman", "Person"),
    # a listed acronym stands for its own name, not for any name with those initials
    ("Dancheon Commercial Bank", "DAEDONG CREDIT BANK (DCB)", "Company"),
    ("Dancheon Commercial Bank", "DCB", "Company"),
    # Korean syllables of a name read from Hangul must be the same syllable (대동 Daedong, not Daesong)
    ("대동신용은행", "KOREA DAESONG BANK", "Company"),
    ("해성무역회사", "KOREA TAESONG TRADING COMPANY", "Company"),
    # the English words of a translated name compare as English, not as Arabic consonants
    ("مكتب الخدمات", "VEGA STRATEGIC SERVICES", "Organization"),
    # a link of the chain that differs is another person
    ("MOHAMED BEN BELGACEM BEN HAMID AL-AOUADI", "MOHAMED BEN BELGACEM BEN ABDALLAH AL-AOUADI", "Person"),
    # only name parts that many listed persons share agree, and another part is left over
    ("Muhammad Umar Qadir", "Mohamed Omar", "Person"),
    ("Ali Hassan", "Ali Hassan Salameh", "Person"),
]


@pytest.mark.parametrize(("a", "b", "schema"), MATCHES)
def test_matches(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert m.match, (m.score, m.explanation)


@pytest.mark.parametrize(("a", "b", "schema"), NOT_MATCHES)
def test_not_matches(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert not m.match, (m.score, m.explanation)


@pytest.mark.parametrize(
    ("tokens", "read"),
    [
        (["brigade", "forty", "four"], ["brigade", "44"]),
        (["forty", "4"], ["44"]),
        (["21st", "century"], ["21", "century"]),
        (["fourty", "two"], ["42"]),  # a common misspelling (names.yaml)
        (["40", "4"], ["40", "4"]),  # digits are left as written
        (["one", "bank"], ["1", "bank"]),
    ],
)
def test_read_numbers(tokens: list[str], read: list[str]) -> None:
    assert read_numbers(tokens) == read


def test_same_script_explained() -> None:
    detail = match_names("高石早苗", "高市早苗").explanation[0].detail
    assert "石 市" in detail and "compared as written" in detail


def test_common_parts_explained() -> None:
    assert match_names("Muhammad Umar Qadir", "Mohamed Omar Qadir").match  # a rarer part agrees too
    detail = match_names("Muhammad Umar Qadir", "Mohamed Omar").explanation[0].detail
    assert "only common name parts agree" in detail


def test_legal_form_mismatch_explained() -> None:
    assert (
        "legal form jsc vs llc"
        in match_names("Deutsche Bank AG", "Deutsche Bank GmbH", "Company").explanation[0].detail
    )


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("Mao Tse-tung", "mao ze-dong"),
        ("Chou En-lai", "zhou en-lai"),
        ("نور محمد ثاقب", "nur muhammad saqb"),  # Persian ث
    ],
)
def test_extra_readings(name: str, reading: str) -> None:
    assert reading in latin_variants(name)


@pytest.mark.parametrize("name", ["Kim Jong-un", "Jean-Pierre Martin", "Chiang Kai-shek"])
def test_no_wade_giles_reading_of_other_names(name: str) -> None:
    assert len(latin_variants(name)) == 1


@pytest.mark.parametrize(
    ("name", "readings"),
    [
        (
            "الجماعة الإسلامية المقاتلة الليبية",
            [
                "group islamic fighting libyan",
                "group islamic combatant libyan",
                "group islamic fighting libya",
                "group islamic combatant libya",
            ],
        ),
        ("جبهة النصرة لأهل الشام", ["front nusrah for people levant", "front nusrah for people sham"]),
        (
            "مكتب حنيفة للصرافة",
            ["office hnifa for exchange", "bureau hnifa for exchange"],
        ),  # unknown: transliterated
        ("شرکت ملی", ["company national"]),  # Persian
        ("محمد علي", []),  # no word of an organisation's name: no reading
        ("Islamic Relief", []),
    ],
)
def test_arabic_org_readings(name: str, readings: list[str]) -> None:
    assert arabic_org_readings(name) == readings


def test_arabic_org_readings_are_few_for_a_long_name() -> None:
    """Forty words with two renderings each: the first renderings and three variants, not 2**40."""
    readings = arabic_org_readings(" ".join(["المقاتلة"] * 40))
    assert len(readings) == 4 and readings[0] == " ".join(["fighting"] * 40)


@pytest.mark.parametrize(
    ("name", "readings"),
    [
        ("조선련봉총회사", ["korea ryonpong general corporation", "korea ryeonbong general corporation"]),
        ("군수공업부", ["munitions industry department"]),  # 부 after a known word: department
        ("39호실", ["39 office"]),
        ("김정은", []),  # no word of an organisation's name: no reading
    ],
)
def test_hangul_org_readings(name: str, readings: list[str]) -> None:
    assert hangul_org_readings(name) == readings


@pytest.mark.parametrize(
    ("name", "readings"),
    [
        (
            "Муромский приборостроительный завод",
            ["murom instrument-making plant", "muromsk instrument-making plant"],
        ),
        ("Общество с ограниченной ответственностью «Вега»", ["llc vega"]),  # a legal form spelt out
        ("Государственного оборонного заказа", ["state defense zakaza"]),  # endings of any case
        ("Сергей Иванов", []),  # no word of an organisation's name: no reading
    ],
)
def test_cyrillic_org_readings(name: str, readings: list[str]) -> None:
    assert cyrillic_org_readings(name) == readings
