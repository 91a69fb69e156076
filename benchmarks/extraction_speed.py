"""Extraction speed against the bare spaCy pipeline, and memory over many documents.

    .venv/bin/python benchmarks/extraction_speed.py [--docs DIR] [--repeat 20] [--memory 10000]

Speed: the same documents go through the bare English model (``spacy.load``, ``nlp.pipe``) and
through ``materiel.extract.extract_documents`` (the model plus materiel's components and the event
rules, building the records), in one run, twice each, alternating; words/s is whitespace words
divided by wall time. Memory: ``--memory N`` extracts N generated documents (the input documents
with a serial number added, so each is distinct) in one stream and prints the resident set size
every N/10 documents. Prints a Markdown table for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import platform
import resource
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from materiel.extract import extract_documents, load_pipeline
from materiel.ingest import IngestFailure, read_inputs
from materiel.model import Document
from materiel.settings import Settings


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_docs(source: str) -> list[Document]:
    return [d for d in read_inputs([source]) if not isinstance(d, IngestFailure)]


def speed(docs: list[Document], repeat: int) -> None:
    batch = docs * repeat
    texts = [d.text for d in batch]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(Settings.from_env().spacy_model)
    load_pipeline()
    list(bare.pipe(texts[:4]))
    list(extract_documents(batch[:4]))
    rows = []
    for _ in range(2):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        t_bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _result in extract_documents(batch, batch_size=16):
            pass
        t_ext = time.perf_counter() - t0
        rows.append((words / t_bare, words / t_ext))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, spaCy {spacy.__version__}")
    print(f"{len(batch)} documents, {words} words\n")
    print("| run | bare pipeline words/s | extraction words/s | ratio |")
    print("|---|---|---|---|")
    for i, (b, e) in enumerate(rows, 1):
        print(f"| {i} | {b:,.0f} | {e:,.0f} | {e / b:.2f} |")


def generated(docs: list[Document], n: int) -> Iterator[Document]:
    for i in range(n):
        base = docs[i % len(docs)]
        yield Document.from_text(f"{base.text}\n\nSerial {i}.", published=base.published)


def memory(docs: list[Document], n: int) -> None:
    step = max(n // 10, 1)
    print(f"\n| documents extracted | RSS MiB |\n|---|---|\n| 0 | {rss_mib():.0f} |")
    for i, _result in enumerate(extract_documents(generated(docs, n), batch_size=8), 1):
        if i % step == 0:
            print(f"| {i} | {rss_mib():.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="../shared/eval/dev/docs")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--memory", type=int, default=0)
    args = parser.parse_args()
    docs = load_docs(args.docs)
    speed(docs, args.repeat)
    if args.memory:
        memory(docs, args.memory)


if __name__ == "__main__":
    main()
