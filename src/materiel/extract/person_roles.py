"""What the text says of a person: a title, a nationality, and the state the person speaks or
acts for ("Kremlin spokesman Dmitry Peskov", "Ashot Mkrtychev, a Slovakian national")."""

from __future__ import annotations

from spacy.tokens import Doc

from materiel.extract.actors import TITLES, ActorIndex
from materiel.extract.gazetteer import Gazetteer
from materiel.extract.people import words
from materiel.model import EntityKind

REPRESENTATIVE_TITLES = words("representative_titles")
HONORIFICS = words("honorifics")
NATIONAL_NOUNS = words("national_nouns")


def representatives(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """People who speak or act for a state: "Kremlin spokesman Dmitry Peskov", "Iran's Foreign
    Minister X", "X, the North Korean leader", or an office holder the gazetteer lists ("Peskov").
    Their denials and statements are the state's."""
    for actor in index.actors.values():
        if actor.kind != EntityKind.PERSON or actor.represents:
            continue
        listed = gaz.officials.get(actor.name)
        if listed:
            actor.represents = listed
            continue
        for start, end in actor.mentions:
            # nearest first: "After the US claims, Iran's President X" speaks for Iran
            window = []
            for tok in reversed(doc[max(start - 6, doc[start].sent.start) : start]):
                if tok.is_punct and tok.text not in "’'-":
                    break  # "In its response to the Biden administration, Prime Minister X": not US
                window.append(tok)
            after = doc[end : min(end + 8, doc[start].sent.end)]
            if after[:1] and after[0].text == ",":
                window += list(after[1:])
            titled = any(t.lower_ in REPRESENTATIVE_TITLES for t in window)
            states = [index.actors.get(index.by_token.get(t.i, "")) for t in window]
            state = next((a for a in states if a is not None and a.kind == EntityKind.STATE), None)
            if titled and state is not None:
                actor.represents = state.country
                break


def person_details(doc: Doc, index: ActorIndex, gaz: Gazetteer) -> None:
    """Title and nationality as the text states them: "National Security Council spokesman John
    Kirby", "Ashot Mkrtychev, a Slovakian national", "Turkish citizen Murat Bukey"."""
    for actor in index.actors.values():
        if actor.kind != EntityKind.PERSON:
            continue
        for start, end in sorted(actor.mentions):
            sent = doc[start].sent
            before = doc[max(start - 6, sent.start) : start]
            after = doc[end : min(end + 6, sent.end)]
            cut = max(
                (t.i for t in before if t.is_punct or t.pos_ in {"VERB", "AUX", "ADP", "DET", "PRON"}),
                default=before.start - 1,
            )
            lead = doc[cut + 1 : start] if cut + 1 < start else None
            if (
                lead is not None
                and "title" not in actor.details
                and any(
                    (t.lower_ in TITLES or t.lower_ in REPRESENTATIVE_TITLES)
                    and t.lower_.rstrip(".") not in HONORIFICS
                    for t in lead
                )
            ):
                actor.details["title"] = lead.text
            words = [*before, *(after[1:] if after[:1] and after[0].text == "," else [])]
            for i, tok in enumerate(words):
                if tok.lower_ in NATIONAL_NOUNS and i > 0 and "nationality" not in actor.details:
                    code = gaz.demonyms.get(words[i - 1].text) or gaz.state_code(words[i - 1].text)
                    if code is None and i > 1:
                        code = gaz.demonyms.get(f"{words[i - 2].text} {words[i - 1].text}")
                    if code:
                        actor.details["nationality"] = code
