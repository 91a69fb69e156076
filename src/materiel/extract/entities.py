"""Entities of a document: gazetteer and NER mentions grouped into actors.

States are keyed by ISO code, so "North Korea", "the DPRK" and "Pyongyang" are one entity; people
are grouped by name within the document ("John Kirby", "Mr. Kirby", "KIRBY:"); organisations by
their canonical name. An organ of a state (the Treasury, the IRGC) stays an organisation but carries
``organ_of`` so that, as the supplier or recipient of a transfer, it stands for its state.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from materiel.extract.actors import Actor, ActorIndex, clean_person, slug, state_actor
from materiel.extract.company_names import companies_left_out, mended
from materiel.extract.gazetteer import Gazetteer
from materiel.extract.misread import people_read_as_orgs
from materiel.extract.names import name_actor
from materiel.extract.people import (
    NOT_SPEAKERS,
    administration_people,
    drop_byline_people,
    given_name_people,
    known_non_person,
    merge_people,
    merge_spellings,
    nationals,
    org_worded,
    person_span,
    short_names,
    speaker_labels,
    titled_people,
)
from materiel.extract.person_roles import person_details, representatives
from materiel.extract.placenames import places_in_names
from materiel.extract.vessels import numbered_names, vessel_imo_numbers
from materiel.model import EntityKind

__all__ = ["Actor", "ActorIndex", "collect_actors", "state_actor"]


def _gazetteer_actor(gaz: Gazetteer, ent: Span) -> Actor | None:
    ent_id = ent.ent_id_
    kind, _, value = ent_id.partition(":")
    if kind in {"state", "metonym", "demonym"}:
        return state_actor(gaz, value)
    if kind == "org":
        info = gaz.orgs.get(value)
        if info is None:
            return None
        return Actor(
            f"org:{slug(info.name)}",
            EntityKind.ORGANIZATION,
            info.name,
            country=info.country,
            organ_of=info.organ_of,
            authority=info.authority,
            org_type=info.type,
        )
    if kind == "region":
        region = gaz.regions.get(value)
        name = region.name if region else value
        return Actor(
            f"region:{slug(name)}", EntityKind.REGION, name, country=region.country if region else None
        )
    return None


def _is_weapon_text(gaz: Gazetteer, text: str) -> bool:
    return text.lower() in gaz.weapons


def _ner_actor(gaz: Gazetteer, ent: Span) -> Actor | None:
    text = re.sub(r"[’']s$", "", ent.text.strip()).strip(" -–,")
    if not text or _is_weapon_text(gaz, text) or not any(ch.isalpha() for ch in text):
        return None
    before = ent.doc[max(ent.start - 3, 0) : ent.start]
    if ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and any(
        t.lower_ in gaz.vessel_words for t in before
    ):
        return Actor(f"vessel:{slug(text)}", EntityKind.VESSEL, text)  # "the vessel Chon Ma San"
    if text in gaz.officials and ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return Actor(f"person:{slug(text)}", EntityKind.PERSON, text)  # "Zakharova" tagged ORG
    if ent.label_ == "PERSON" or (ent.label_ == "" and ent.root.ent_type_ == "PERSON"):
        while len(ent) > 1 and ent[0].tag_ in {"VBG", "VB", "VBD", "VBN", "JJ"}:
            ent = ent[1:]  # "Welcoming Pezeshkian", "Hailed Putin": the verb is not part of the name
            text = ent.text
        if any(t.lower_ in gaz.weapons for t in ent):
            return None  # "Javelin anti-tank": a weapon, not a person
        if len(ent) == 1 and ent[0].is_sent_start and ent[0].pos_ != "PROPN":
            return None  # "Debris showed ...": a capitalised common word, not a name
        if len(ent) == 1 and ent[0].tag_ == "NNPS":
            return None  # "Affairs", "States": plural proper nouns are not people's names
        name = clean_person(text)
        if not name or name.upper() in NOT_SPEAKERS or any(ch.isdigit() for ch in name):
            return None
        if _firm_appositive(ent, gaz):
            return Actor(f"org:{slug(text)}", EntityKind.ORGANIZATION, text)  # "Mado, the company ..."
        if known_non_person(gaz, name):
            if org_worded(gaz, name) and name not in gaz.regions:
                return Actor(f"org:{slug(name)}", EntityKind.ORGANIZATION, name)  # "X Trading Establishment"
            return None
        return Actor(f"person:{slug(name)}", EntityKind.PERSON, name)
    if ent.label_ in {"GPE", "LOC", "FAC"}:
        code = gaz.state_code(text)
        if code:
            return state_actor(gaz, code)
        nxt = ent.doc[ent.end : ent.end + 2]
        prev = ent.doc[max(ent.start - 1, 0) : ent.start]
        if any(t.lower_ in gaz.vessel_words for t in [*nxt, *prev]):  # "the Port Olya-3 cargo ship"
            return Actor(f"vessel:{slug(text)}", EntityKind.VESSEL, text)
        name = text[4:] if text.lower().startswith("the ") else text
        return Actor(f"region:{slug(name)}", EntityKind.REGION, name)
    if ent.label_ == "ORG":
        name = text[4:] if text.lower().startswith("the ") else text
        if len(name) < 2 or (name.isupper() and len(name) > 12):
            return None
        if " " not in name and name.strip(".,").lower() in gaz.org_words:
            return None  # "LLC", "Department": a kind of organisation, not the name of one
        return Actor(f"org:{slug(name)}", EntityKind.ORGANIZATION, name)
    return None


def _firm_appositive(ent: Span, gaz: Gazetteer) -> bool:
    """Whether a name is followed by an appositive whose head says it is a firm: ", the company",
    ", a Chinese manufacturer" (not ", the company's founder": there the name is a person's)."""
    doc = ent.doc
    if (
        ent.end + 2 >= len(doc)
        or doc[ent.end].text != ","
        or doc[ent.end + 1].lower_ not in {"the", "a", "an"}
    ):
        return False
    for token in doc[ent.end + 2 : ent.end + 5]:
        if token.lower_ in gaz.firm_nouns:
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            return token.dep_ != "compound" and not (after is not None and after.tag_ == "POS")
        if token.pos_ not in {"ADJ", "PROPN", "NOUN"}:
            return False
    return False


def _strip_article(doc: Doc, ent: Span) -> Span:
    if len(ent) > 1 and ent[0].lower_ == "the":
        return doc[ent.start + 1 : ent.end]
    return ent


PERSON_CUES = {
    "citizen",
    "national",
    "nationals",
    "resident",
    "businessman",
    "businesswoman",
    "dealer",
    "broker",
    "officer",
    "official",
    "general",
    "colonel",
    "director",
    "executive",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
}


def _split_ner_span(ent: Span) -> list[Span]:
    if ent.ent_id_ or ent.label_ != "ORG":
        return [ent]
    from materiel.extract.names import refine_org_span

    parts = refine_org_span(ent)
    for part in parts:
        part.label_ = "ORG"
    return parts or [ent]


def _firm_named_after(doc: Doc, ent: Span, gaz: Gazetteer) -> Span:
    """ "Ayman Al Sabbagh Trading", "Asia Sun Trading Co Ltd": a firm whose name starts with a
    person's or a place's name, which the NER cut at the end of that name."""
    if ent.label_ not in {"PERSON", "GPE", "LOC"}:
        return ent
    end = ent.end
    while end < len(doc) and end - ent.end < 5 and doc[end].ent_iob_ == "O":
        if not (doc[end].pos_ == "PROPN" or (doc[end].text == "-" and not doc[end].whitespace_)):
            break
        end += 1  # "Asia-Invest LLC"
    while end > ent.end and doc[end - 1].lower_.strip(".") not in gaz.company_words:
        end -= 1
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label="ORG")


def _add_ent(doc: Doc, ent: Span, index: ActorIndex, gaz: Gazetteer, taken: set[int]) -> None:
    ent = _firm_named_after(doc, ent, gaz)
    actor = _gazetteer_actor(gaz, ent) if ent.ent_id_ else _ner_actor(gaz, ent)
    if actor is None:
        return
    span = _strip_article(doc, ent)
    if (
        actor.kind == EntityKind.ORGANIZATION
        and not ent.ent_id_
        and span.start > 0
        and doc[span.start - 1].lower_ in PERSON_CUES
        and len(span) <= 4
        and not any(t.lower_ in gaz.org_words for t in span)
    ):
        actor = Actor(f"person:{slug(clean_person(span.text))}", EntityKind.PERSON, clean_person(span.text))
    if actor.kind == EntityKind.PERSON:
        span = person_span(doc, span, taken)
        actor = _ner_actor(gaz, span) or actor  # the name as widened
        span = doc[span.start : span.end]
    if actor.organ_of and f"state:{actor.organ_of}" not in index.actors:
        # the state an organ acts for exists as an entity, so events can point at it
        index.actors[f"state:{actor.organ_of}"] = state_actor(gaz, actor.organ_of)
    index.add(actor, span.start, span.end, span.text)


def _korean_shorthand(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """In reporting on Korea, "the North" and "the South" are the two Korean states."""
    if "state:KP" not in index.actors and "state:KR" not in index.actors:
        return
    for token in doc[1:-1]:
        code = {"North": "KP", "South": "KR"}.get(token.text)
        nxt = doc[token.i + 1]
        if code is None or doc[token.i - 1].lower_ != "the" or token.i in index.by_token:
            continue
        if nxt.text[:1].isupper() or nxt.text in {"-", "–"}:
            continue  # "the North Atlantic", "the South-East"
        index.add(state_actor(gaz, code), token.i, token.i + 1, token.text)


def acronym_aliases(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """ "Iran Aircraft Manufacturing Industrial Company (HESA)": the acronym, here and later, is the
    same entity."""
    defined: dict[str, str] = {}
    for token in doc[1:-1]:
        if (
            doc[token.i - 1].text == "("
            and doc[token.i + 1].text == ")"
            and token.text.isupper()
            and len(token.text) >= 2
            and token.i >= 2
        ):
            key = index.by_token.get(token.i - 2)
            if key is None:  # the full name is no entity yet: read it off the parse
                named = name_actor(doc[token.i - 2], index, gaz)
                key = named.key if named is not None and named.kind == EntityKind.ORGANIZATION else None
            if key is not None and not key.startswith(("state:", "person:")):
                defined[token.text] = key
    if not defined:
        return
    for token in doc:
        key = defined.get(token.text)
        if key is None or index.by_token.get(token.i) == key or key not in index.actors:
            continue
        old = index.by_token.get(token.i)
        if old is not None and old in index.actors:
            actor = index.actors[old]
            actor.mentions = [(a, b) for a, b in actor.mentions if not a <= token.i < b]
            if not actor.mentions:
                del index.actors[old]
        index.by_token[token.i] = key
        index.actors[key].mentions.append((token.i, token.i + 1))
        index.actors[key].aliases.add(token.text)


def _names_as_written(index: ActorIndex) -> None:
    """A group known under another name ("Hashd al-Shaabi" for the Popular Mobilization Forces) is
    named as the document writes it; the gazetteer's name stays an alias."""
    for actor in index.actors.values():
        if actor.kind != EntityKind.ORGANIZATION or actor.organ_of or not actor.aliases:
            continue
        canonical = {w[:5] for w in actor.name.lower().replace("-", " ").split()}
        written = sorted(
            (a[4:] if a.lower().startswith("the ") else a for a in actor.aliases),
            key=lambda a: (-len(a.split()), a),
        )
        written = [a for a in written if not (a.isupper() and len(a) <= 6)]  # "RSF": keep the full name
        shared = any(canonical & {w[:5] for w in a.lower().replace("-", " ").split()} for a in written)
        if written and not shared:
            actor.aliases.add(actor.name)
            actor.name = written[0]


ARTICLE_PREFIXES = {"al", "el"}


def _arabic_surnames(doc: Doc) -> list[Span]:
    """The entities, with a known name used as a surname after "al-" ("Abdulmalik al-Houthi")
    read as part of the person's name rather than as the group or place it names."""
    ents = list(doc.ents)
    out: list[Span] = []
    for ent in ents:
        i = ent.start
        dash = i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
        prefix = i - 2 if dash else i - 1
        if not ent.ent_id_ or prefix < 1 or doc[prefix].lower_ not in ARTICLE_PREFIXES:
            out.append(ent)
            continue
        start = prefix
        while start > 0 and start > prefix - 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            start -= 1
        if start == prefix or doc[start].ent_type_ not in {"", "PERSON"}:
            out.append(ent)
            continue
        while out and out[-1].end > start:  # the first part of the name, tagged on its own
            out.pop()
        for token in doc[start : ent.end]:
            token.ent_id_ = ""  # no longer the gazetteer's group or place
        out.append(Span(doc, start, ent.end, label="PERSON"))
    return out


def _one_person_in_two_spans(ents: list[Span]) -> list[Span]:
    """Two person names that touch, with nothing between them, are one name that the NER cut in
    two ("Ahmed Khaled" + "Yahya Al-Shahare"): two people are set apart by "and" or a comma."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == ent.label_ == "PERSON"
            and last.end == ent.start
            and not (last.ent_id_ or ent.ent_id_)
        ):
            out[-1] = Span(ent.doc, last.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def collect_actors(doc: Doc, gaz: Gazetteer) -> ActorIndex:
    index = ActorIndex()
    ents = places_in_names(_one_person_in_two_spans(_arabic_surnames(doc)), gaz)
    ents = companies_left_out(doc, ents, gaz)
    if [(e.start, e.end, e.label_) for e in ents] != [(e.start, e.end, e.label_) for e in doc.ents]:
        doc.ents = ents  # later rules read the person's whole name from doc.ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for ent in mended(doc, [part for whole in ents for part in _split_ner_span(whole)], gaz):
        _add_ent(doc, ent, index, gaz, taken)
    nationals(doc, index, gaz)
    given_name_people(doc, index, gaz)
    speaker_labels(doc, index, gaz)
    administration_people(doc, index, gaz)
    titled_people(doc, index, gaz)
    people_read_as_orgs(doc, index, gaz)
    merge_people(index)
    merge_spellings(index)
    short_names(doc, index, gaz)
    drop_byline_people(doc, index, gaz)
    representatives(doc, index, gaz)
    person_details(doc, index, gaz)
    _korean_shorthand(doc, index, gaz)
    acronym_aliases(doc, index, gaz)
    numbered_names(doc, index)
    vessel_imo_numbers(doc, index)
    _org_countries(doc, index, gaz)
    _names_as_written(index)
    return index


def _org_countries(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """An organisation named right after a state's demonym or possessive is that state's ("the
    Sudanese Ministry of Defence", "Iran's Foreign Ministry"), where all such mentions agree: the
    country that tells one state's ministry of defence from another's when it is screened. An
    organisation of the gazetteer keeps its own country, or none ("Russia's UN Security Council
    veto": the council is no state's)."""
    for actor in index.actors.values():
        if actor.kind != EntityKind.ORGANIZATION or actor.country or actor.aliases & gaz.orgs.keys():
            continue
        codes = {code for start, _ in actor.mentions if (code := _state_before(doc, start, index, gaz))}
        if len(codes) == 1:
            actor.country = codes.pop()


def _state_before(doc: Doc, start: int, index: ActorIndex, gaz: Gazetteer) -> str | None:
    """The state whose demonym ("Russian", "North Korean") or possessive ("Iran's") stands right
    before token ``start``."""
    if start >= 2 and doc[start - 1].lower_ in {"'s", "’s"}:
        owner = index.at(doc[start - 2])
        return owner.country if owner is not None and owner.kind == EntityKind.STATE else None
    for size in (2, 1):
        if start >= size:
            code = gaz.demonyms.get(doc[start - size : start].text)
            if code:
                return code
    return None
