"""materiel.extract: sourced facts (entities, arms transfers, designations, denials) from documents.

The public entry points are :func:`extract_documents` (a batch generator) and
:func:`extract_document`; both return :class:`materiel.model.Extraction` records.

How a text is read (one spaCy pipeline, loaded once per process, see ``pipeline.py``):

1. ``materiel_paragraphs`` makes every line break a sentence boundary (headlines, datelines and
   transcript turns are not run into the next sentence) and splits "CITY (Agency) -" datelines.
2. ``materiel_gazetteer`` (an EntityRuler fed from ``data/*.yaml``) marks states, their names,
   demonyms, capitals and organs ("Pyongyang", "the Kremlin", "the White House"), organisations
   (agencies, armed groups, media) and regions before the statistical NER runs.
3. ``materiel_facts`` groups mentions into actors (``entities.py``, ``people.py``,
   ``person_roles.py``, ``names.py``: people by name, short forms and speaker labels, names NER
   missed read off the parse, titles, nationalities and who speaks for a state), finds materiel
   (``items.py``, the weapon lexicon), and applies the event rules: transfers and military
   support (``transfers.py`` with the role rules of ``roles.py``: trigger verbs and nouns with
   frames from ``data/triggers.yaml``, directions, origins, brokers, consideration, declared
   destinations, status from governing words, negation, hypotheticals and prohibitions),
   designations (``designations.py``), denials, accusations and attribution (``statements.py``).
4. ``build.py`` turns the matches into the records of the extraction contract: evidence spans on
   the stored text, dates normalised against the publication date (``dates.py``), transfers merged
   per supplier, recipient and status, denials linked to the claims they contest.

``evaluate.py`` scores an extraction against gold annotations (``materiel eval``).
"""

from materiel.extract.pipeline import extract_document, extract_documents, load_pipeline

__all__ = ["extract_document", "extract_documents", "load_pipeline"]
