"""Name matching as users see it: what matches, what does not, and the order of scores."""

from __future__ import annotations

import pytest

from materiel.screen.match import DEFAULT_THRESHOLD, match_names
from materiel.screen.translit import hangul_to_latin, latin_variants

MATCHES = [
    ("Palestinian Islamic Jihad", "PALESTINIAN ISLAMIC JIHAD ORGANIZATION", "Organization"),  # one word added
    ("Kim Jong Un", "김정은", "Person"),
    ("Kim Jong Un", "KIM JONG-UN", "Person"),
    ("Kim Jong Un", "Kim Jongun", "Person"),
    ("Ri Pyong Chol", "리병철", "Person"),
    ("Pak Jong Chon", "박정천", "Person"),
    ("Choe Ryong Hae", "최룡해", "Person"),
    ("Gim Jeong Eun", "김정은", "Person"),  # Revised Romanization
    ("MKRTYCHEV, Ashot", "Ashot Mkrtychev", "Person"),
    ("Ашот Мкртычев", "MKRTYCHEV, Ashot", "Person"),
    ("Mkrtycev Asot", "MKRTYCHEV, Ashot", "Person"),
    ("Xi Jinping", "习近平", "Person"),
    ("Hsi Chin-ping", "Xi Jinping", "Person"),
    ("Alexis Tsipras", "Αλέξης Τσίπρας", "Person"),
    ("Mohammed Shia al-Sudani", "محمد شياع السوداني", "Person"),
    ("Mr. Vladimir Putin", "Vladimir Vladimirovich PUTIN", "Person"),
    ("François Hollande", "Francois Hollande", "Person"),
    ("Olaf Scholze", "Olaf Scholz", "Person"),
    ("Osama bin Laden", "Usama bin Ladin", "Person"),
    ("LIMITED LIABILITY COMPANY VERUS", "OOO Verus", "Organization"),
    ("OAO Gazprom", "Open Joint Stock Company Gasprom", "Company"),
    ("Goldman Sachs & Co. L.L.C.", "Goldman Sachs & Co. LLC", "Company"),
    ("van der bilt corp", "vanderbilt corp", "Company"),
    ("Nooruddin Turabi", "Nuruddin Turabi", "Person"),
    ("Zainuddin Ahmad", "Zaynuddin Ahmad", "Person"),
    ("Fazlullah", "Fazalullah", "Person"),
    ("Yusuf Ali", "Jusuf Ali", "Person"),  # letters of one sound
    ("Gamal Abdel Nasser", "Jamal Abd al-Nasir", "Person"),
    # a compound with the article inside, in Latin too
    ("Nur al-Din Zangi", "Noureddine Zangi", "Person"),
    ("Salah al-Din", "Salahuddin", "Person"),
    ("Abdelhalim Remadna", "ABDELHALIM EMADNA", "Person"),  # a letter lost in front
    # two slips of the pen, not a syllable
    ("Sergei Lavrow", "Sergey LAVROV", "Person"),
    ("Michail Chodorkowski", "Mikhail Khodorkovsky", "Person"),
    ("Evgueni Prigojine", "Yevgeniy PRIGOZHIN", "Person"),
    ("Wolodymyr Selenskyj", "Volodymyr ZELENSKYY", "Person"),  # German: S for З, and two slips
    # an organisation's words with other vowels are another transliteration
    ("Hezbollah", "HIZBALLAH", "Organization"),
    ("Harakat ul-Mujahideen", "HARAKAT UL-MUJAHIDIN", "Organization"),
    # Russian state forms are legal forms: what is left is the name
    ("Rostec", "STATE CORPORATION ROSTEC", "Company"),
    ("FSUE Rosoboronexport", "Federal State Unitary Enterprise Rosoboronexport", "Company"),
    ("Kalashnikov", "JOINT STOCK COMPANY CONCERN KALASHNIKOV", "Company"),  # "concern": no weight
    ("Mahan Airlines", "MAHAN AIR", "Company"),  # words of one meaning (data/names.yaml)
    # words of kind alone are a name when nothing else is in either name
    ("Foreign Trade Bank", "FOREIGN TRADE BANK (FTB)", "Organization"),
    ("Air Force", "AIR FORCE", "Organization"),
    ("Min Aung Hlaing", "HLAING, Min Aung", "Person"),
    ("Lin Min", "LIN, Min", "Person"),  # a Chinese name puts the family name first
    ("Катиба ат-Таухид валь-Джихад", "KHATIBA AL-TAWHID WAL-JIHAD", "Organization"),  # "val" is a word
    ("Sberbank", "SBERBANK EUROPE AG", "Company"),  # a place added: a branch or subsidiary
    ("DPRK Ministry of Rocket Industry", "MINISTRY OF ROCKET INDUSTRY", "Organization"),  # a place in front
    # one letter off where three other parts agree: a slip of the pen (not with two: below)
    ("Haji Ssad Khan Zarkari Mohammadhasni", "HAJI ASAD KHAN ZARKARI MOHAMMADHASNI", "Person"),
]

IRGC_QF = "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE"  # as OFAC lists the Qods Force
NOT_MATCHES = [
    ("Kim Jong Un", "Kim Jong Il", "Person"),
    ("Kim Jong Un", "Kim Yo Jong", "Person"),
    ("Ri Pyong Chol", "Ri Song Chol", "Person"),
    ("Frederik Richter", "Frank Richter", "Person"),
    ("Bashar al-Assad", "Hafez al-Assad", "Person"),
    ("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", "Person"),
    ("Volkswagen AG", "Siemens AG", "Company"),
    ("Sergey Lavrov", "Sergey LAVRENOV", "Person"),  # a syllable added is another surname
    ("Сергей Лавров", "Sergey LAVRENOV", "Person"),
    # compound given names with one ending: what comes before it decides
    ("Mohammed Shamsuddin", "Mohammed Shahabuddin", "Person"),
    ("Rahmatullah Khan", "Hikmatullah Khan", "Person"),
    ("Najibullah Khan", "Habibullah Khan", "Person"),
    # in an Arabic name another first consonant is another root, not a typo
    ("Walid Khan", "Khalid Khan", "Person"),
    ("Nasir Khan", "Yasir Khan", "Person"),
    ("Majid Khan", "Sajid Khan", "Person"),
    ("Jamal Khan", "Kamal Khan", "Person"),
    ("Jamal al-Din Haqqani", "Kamaluddin Haqqani", "Person"),
    ("محمد شريف السوداني", "محمد شياع السوداني", "Person"),  # "al" joins no compound here
    # a place joined with "of", or in front, is the name's own
    ("Bank", "BANK OF CHINA", "Company"),
    ("Air", "IRAN AIR", "Company"),
    ("LLC", "ASIA ENERGY GENERAL TRADING (LLC)", "Company"),  # a legal form in parentheses is no name
    # a Burmese name has no family name: every part counts, in its order
    ("Min Aung Hlaing", "MIN, Aung", "Person"),
    ("Zaw Min Tun", "MIN, Zaw", "Person"),
    ("Min Aung", "MIN, Aung", "Person"),  # OFAC's "MIN, Aung" is Aung Min
    ("Ssad Khan Zarkari", "ASAD KHAN ZARKARI", "Person"),  # Saad or Asad: too little agrees to say
    # a number on one side only: perhaps no series at all
    ("Group of Seven", "LLC GROUP 99", "Organization"),
    ("Maria", "MARIA III", "Vessel"),
    ("Victory", "Victory 3", "Vessel"),
    ("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.", "Company"),
    ("Second Academy of Natural Sciences", "ACADEMY OF NATURAL SCIENCES", "Organization"),
    # another legal form of the same country: another company
    ("Bowne Global Solutions France S.A.S.", "Bowne Global Solutions (France), S.A.R.L.", "Company"),
    # one word agrees, and the other name has another: another body that bears the word
    ("Al-Quds", "SARAYAT AL-QUDS", "Organization"),
    ("Islamic State", "ISLAMIC STATE OF LANAO", "Organization"),
    ("Deutsche Bank Trust Company", "Deutsche Bank", "Company"),
    # only words of kind agree, and the other name has more words: another body
    ("Air Force", "SYRIAN AIR FORCE", "Organization"),
    ("Foreign Trade Bank", "MYANMA FOREIGN TRADE BANK", "Organization"),
    ("Ministry of Defence", "MINISTRY OF DEFENSE OF BURMA", "Organization"),
    ("National Army", "NATIONAL LIBERATION ARMY", "Organization"),
    ("Military Security", "MILITARY SECURITY COMMAND", "Organization"),  # more words, all of kind
    # words of a unit added at the end: a unit of the body, listed apart from it
    ("Islamic Revolutionary Guard Corps", "ISLAMIC REVOLUTIONARY GUARD CORPS AIR FORCE", "Organization"),
    ("IRGC Intelligence Organization", "IRGC", "Organization"),
    ("Islamic Revolutionary Guard Corps", IRGC_QF, "Organization"),
    # a body below it, named by three words or more that end in organization or command
    (
        "Islamic Revolutionary Guard Corps Aerospace Force",
        "ISLAMIC REVOLUTIONARY GUARD CORPS AEROSPACE FORCE SELF SUFFICIENCY JIHAD ORGANIZATION",
        "Organization",
    ),
    (
        "Islamic Revolutionary Guard Corps",
        "ISLAMIC REVOLUTIONARY GUARD CORPS AL-GHADIR MISSILE COMMAND",
        "Organization",
    ),
    # an acronym in parentheses names the whole only at the end: "(IRGC)-QODS FORCE" is no IRGC
    ("IRGC", IRGC_QF, "Organization"),
    # the words of a state's name, agreeing, count less (many of its bodies bear them), a state
    # on each side not
    (
        "Islamic Republic of Iran Shipping",
        "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES COMFORT SERVICES",
        "Organization",
    ),
    ("Industrial and Commercial Bank of Chad", "Industrial and Commercial Bank of China", "Company"),
    # K and H are two letters (Kh and H one sound, ح or خ), and another letter follows
    ("Nasser Kanaani", "HAQQANI, Naseer", "Person"),
    # another first consonant with another vowel after it is another name, as p and b fold alike
    ("Dmitry Peskov", "BASKOV, Dmitry", "Person"),
    # a ship's one-word name a letter off another's is another ship's (many ships bear each name)
    ("Maria", "MARA", "Vessel"),
    # a name after Abu is a kunya's (father of Mohamed), not the person's own name
    ("Muhammad Ja'far Qasir", "Djaafar Abou Mohamed", "Person"),
    # an organisation's one letter is a letter, hardly the initial of a word
    ("Asia-Invest LLC", "LLC A INVEST", "Company"),
    # acronyms fold nothing, and a short word's first letter counts
    ("NBC", "NPC", "Company"),
    ("KGB", "KBP OAO", "Company"),
    ("Hamas", "TAMAS COMPANY", "Organization"),
    # "Abd" opens a name and pairs with no other word; Ahmad is not Hamid
    ("Ahmed Saleh Aboud", "JARFAN, Abdulrabb Saleh Ahmed", "Person"),
    ("Ahmed Ali Abdullah Saleh", "AL-ALI, Hamed Abdullah", "Person"),
    # another first letter and a second slip: another name
    ("Ivan Navros", "Ivan LAVROV", "Person"),
    # one consonant for another in an Arabic name: another root (q-s-r, q-s-m), not a typo
    ("Muhammad Jafar Qasir", "QASIM, Mohammed", "Person"),
    ("Mohammed bin Sultan", "Mohammed bin Salman", "Person"),
    # an unpaired "Abdul" against another name is a part of the name in full ("Abdul Rahim")
    ("Gul Mohammad Abbas Abdul Rahim Khan", "Gul Mohammad Abbas Wali Rahim Khan", "Person"),
    # a son's name: his own name in front, and a tribe name after his father's name
    ("Ali Abdullah Saleh", "SALIH AL-AHMAR, Ahmad Ali Abdallah", "Person"),
    # and with a link of the chain left out (his grandfather Yusuf)
    ("Mohamed Abdel-Salam", "ASHRAF MUHAMMAD YUSUF 'UTHMAN 'ABD AL-SALAM", "Person"),
    # two known given names that are not one name, in any name
    ("Muammar Gaddafi", "GADDAFI, Muhammad", "Person"),
    ("Bashar al-Assad", "AL-ASSAD, Bushra", "Person"),
    ("Ashot Mkrtychev", "MKRTYCHEV, Ashot", "Vessel"),  # same text, but compared as what it is
]


@pytest.mark.parametrize(("a", "b", "schema"), MATCHES)
def test_matches(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert m.match, (m.score, m.explanation)


@pytest.mark.parametrize(("a", "b", "schema"), NOT_MATCHES[:-1])
def test_not_matches(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert not m.match, (m.score, m.explanation)
    assert m.score < DEFAULT_THRESHOLD


def test_only_words_of_kind_explained() -> None:
    detail = match_names("Air Force", "SYRIAN AIR FORCE", "Organization").explanation[0].detail
    assert "only words of kind agree" in detail


def test_initial_matches_with_lower_score() -> None:
    full = match_names("Ashot Mkrtychev", "MKRTYCHEV, Ashot")
    initial = match_names("A. Mkrtychev", "MKRTYCHEV, Ashot")
    assert initial.match
    assert initial.score < full.score
    assert "initial" in initial.explanation[0].detail


def test_explanation_names_parts() -> None:
    m = match_names("Kim Jong Un", "Kim Jong Il")
    (name,) = m.explanation
    assert name.feature == "name"
    assert "conflicting: un il" in name.detail


@pytest.mark.parametrize(
    ("hangul", "dprk", "rr"),
    [
        ("김정은", "kim jong un", "gim jeong eun"),
        ("리병철", "ri pyong chol", "ri byeong cheol"),
        ("박정천", "pak jong chon", "bak jeong cheon"),
        ("최룡해", "choe ryong hae", "choe ryong hae"),
        ("김여정", "kim yo jong", "gim yeo jeong"),
        ("남궁민", "namkung min", "namgung min"),  # two-syllable family name
    ],
)
def test_hangul_romanisation(hangul: str, dprk: str, rr: str) -> None:
    assert hangul_to_latin(hangul, "dprk") == dprk
    assert hangul_to_latin(hangul, "rr") == rr


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("习近平", "xi jin ping"),
        ("Ашот Мкртычев", "Ashot Mkrtychev"),
        ("Αλέξης Τσίπρας", "Alexis Tsipras"),
    ],
)
def test_transliteration(text: str, latin: str) -> None:
    assert latin_variants(text)[0] == latin


# Behaviour added with the prepared name forms (each row: query, listed name, schema, why).
MORE_MATCHES = [
    ("Appel Inc.", "Apple Inc.", "Company"),  # transposed letters are one typo
    ("Islamic Republic of Iran Shipping", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "Organization"),
    # Turkish legal forms ("Limited Sirketi", "Anonim Sirketi") and "ve" (and)
    (
        "Mira Ihracat Ithalat Petrol",
        "MIRA IHRACAT ITHALAT PETROL URUNLERI SANAYI TICARET LIMITED SIRKETI",
        "Company",
    ),
    ("Kuzey Enerji A.S.", "KUZEY ENERJI ANONIM SIRKETI", "Company"),
    ("Abu Mohammed al-Julani", "ABU MOHAMMED AL-JAWLANI", "Person"),  # a kunya pairs with a kunya
    ("أبو بكر محمد الشكوى", "ABUBAKAR MOHAMMED SHEKAU", "Person"),  # and with one written joined
    ("Korea Kwangson Bank", "KOREA KWANGSON BANKING CORPORATION", "Company"),  # one word, another ending
    ("Trading House Avangard", "AVANGARD TRADE HOUSE", "Company"),
    ("Ig0r Sech1n", "Igor Sechin", "Person"),  # digits written for letters
    ("Vladimir nitPu", "Vladimir Putin", "Person"),  # scrambled letters
    ("bin Salman Mohammed", "Mohammed bin Salman", "Person"),  # a "bin" at an end divides nothing
    ("AL BEN ALI, Isa Ben Tarif", "Isa Bin Tarif Al Bin Ali", "Person"),  # family name first
    ("Al Qaeda", "Al-Qa'ida/Islamic Army", "Organization"),  # names joined by a slash
    ("Boris Johnson", "Alexandre Boris de Pfeffel Johnson", "Person"),  # more given names listed
]

MORE_NOT_MATCHES = [
    ("N.N.", "Nursultan Nazarbayev", "Person"),  # two initials are not a name
    ("Amir Khan", "Mira Khan", "Person"),  # four letters are too few to read as scrambled
    ("Adre", "ATHREE CO LTD", "Organization"),  # four letters do not fold into six
    ("FBI", "FPI", "Organization"),  # an acronym's letters are not a spelling's
    ("Ali Hassan Khalil", "HASSAN, Ali Khatib Haji", "Person"),  # h-l and h-t-b: another Arabic name
]


@pytest.mark.parametrize(("a", "b", "schema"), MORE_MATCHES)
def test_more_matches(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert m.match, (m.score, m.explanation)


@pytest.mark.parametrize(("a", "b", "schema"), MORE_NOT_MATCHES)
def test_more_not_matches(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert not m.match, (m.score, m.explanation)


@pytest.mark.parametrize(
    ("a", "b", "explained"),
    [
        ("Vladimir nitPu", "Vladimir Putin", "same letters, other order"),
        ("N.N.", "Nursultan Nazarbayev", "(initial)"),
        ("Appel Inc.", "Apple Inc.", "(typo)"),
    ],
)
def test_new_rules_explained(a: str, b: str, explained: str) -> None:
    schema = "Company" if "Inc" in a else "Person"
    assert explained in match_names(a, b, schema).explanation[0].detail


def test_prepared_forms_score_like_fresh_ones() -> None:
    """Scores do not depend on what was compared before (forms and part scores are cached)."""
    from materiel.screen.normalise import name_forms
    from materiel.screen.parts import part_similarity

    pairs = [("Kim Jong Un", "김정은"), ("Osama bin Laden", "Usama bin Ladin"), ("Appel", "Apple")]
    first = [match_names(a, b).score for a, b in pairs]
    name_forms.cache_clear()
    part_similarity.cache_clear()
    assert [match_names(a, b).score for a, b in reversed(pairs)] == list(reversed(first))


@pytest.mark.parametrize(
    ("name", "listed", "capped"),
    [
        ("Peskov", "PESKOV, Nikolay", True),  # the spokesman's son
        ("Peskov", "PESKOVA, Elizaveta", False),  # his daughter (another ending: 0.73 already)
        ("Peskov", "PESKOV, Dmitriy Sergeevich", False),  # himself: the name alone cannot tell
        ("Miller", "MILLER, Siraaj", True),
    ],
)
def test_a_family_name_alone_is_for_review(name: str, listed: str, capped: bool) -> None:
    m = match_names(name, listed)
    assert not m.match
    assert DEFAULT_THRESHOLD - 0.1 <= m.score < DEFAULT_THRESHOLD  # a near miss, kept for review
    assert ("one name alone" in m.explanation[0].detail) is capped


def test_muammar_marks_an_arabic_name() -> None:
    # Gaddafi / QADHAFI: one Arabic name in two Latin spellings (ق read g), not a typo
    m = match_names("Muammar Gaddafi", "QADHAFI, Muammar")
    assert m.match and "gaddafi~qadhafi (Arabic consonants)" in m.explanation[0].detail


@pytest.mark.parametrize(
    ("a", "b", "schema"),
    [
        ("Port Olya-3", "PORT OLYA-1", "Vessel"),
        ("Zu Zag Bong 6", "Zu Zag Bong 5", "Vessel"),
        ("KKR Asian Fund III L.P.", "KKR Asian Fund IV L.P.", "Company"),
        ("224th Flight Unit", "223 FLIGHT UNIT", "Organization"),
        ("Bain Capital Fund X L.P.", "Bain Capital Fund XI L.P.", "Company"),  # "X" is no initial of "XI"
        ("Citigroup Capital Trust I", "Citigroup Capital Trust II", "Company"),
        ("Mortgage Loan Trust 2004-1", "Mortgage Loan Trust 2005-1", "Company"),  # 2004 is no typo of 2005
    ],
)
def test_another_of_a_series_is_a_hit_for_review(a: str, b: str, schema: str) -> None:
    """A sister ship, the next fund or unit of a numbered series: a hit at the default threshold,
    never above it, and the explanation says it is another of the series."""
    m = match_names(a, b, schema)
    assert m.match and m.score == pytest.approx(DEFAULT_THRESHOLD), m.score
    assert "(another number: another of a series, for review)" in m.explanation[0].detail
    assert not match_names(a, b, schema, threshold=0.81).match


@pytest.mark.parametrize(
    ("a", "b", "schema"),
    [
        ("Maria", "MARIA III", "Vessel"),
        ("Nantahala Capital Offshore Fund, Ltd.", "Nantahala Capital Offshore Fund I, Ltd.", "Company"),
    ],
)
def test_a_number_on_one_side_only_is_a_near_miss(a: str, b: str, schema: str) -> None:
    m = match_names(a, b, schema)
    assert not m.match and 0.7 <= m.score <= 0.75, m.score
    assert "(a number on one side only: another of a series, for review)" in m.explanation[0].detail


def test_a_common_given_name_alone_is_not_even_a_near_miss() -> None:
    """A listed alias that is one common given name ("AHMAD, Sayyid": Sayyid is a title) says
    nothing of a longer name that bears it; a rarer one alone is still shown for review."""
    assert match_names("Ahmad Bakhshayesh Ardestani", "AHMAD, Sayyid").score < 0.7
    assert 0.7 <= match_names("Dmitry Peskov", "PESKOV").score < 0.8


def test_a_ship_listed_under_the_word_itself_stays_a_match() -> None:
    """The one-word rule for ships leaves an entry one of whose names is the query's word (MARIA E,
    a.k.a. MARIA) as it scores."""
    from materiel.screen.match import compare
    from materiel.screen.records import ListedEntity, Query

    entry = ListedEntity(id="v:1", list="v", schema="Vessel", name="MARIA E", weak_aliases=["MARIA"])
    assert compare(Query("Maria", schema="Vessel"), entry).match
    assert not compare(
        Query("Maria", schema="Vessel"), ListedEntity(id="v:2", list="v", schema="Vessel", name="MARA")
    ).match
