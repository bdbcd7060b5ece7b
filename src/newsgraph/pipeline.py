"""The per-document pipeline: a pure function of (raw document, config) to a record.

`process` never raises for a bad document: it returns an `ErrorRecord`, so one broken page
cannot stop a batch, and it holds no state, so `extract` can map it over a process pool.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from newsgraph.annotate import annotate
from newsgraph.clean.metadata import Metadata, read_metadata
from newsgraph.clean.page import CleanPage, assemble, clean_page, whole_text
from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest import decode, html_to_page, iter_documents
from newsgraph.records import Article, ErrorRecord, Published, RawDocument

__all__ = ["extract", "process"]


def process(doc: RawDocument | ErrorRecord, config: Config = Config()) -> Article | ErrorRecord:
    """Clean one document, read its metadata and annotate it; a failure becomes an error record."""
    if isinstance(doc, ErrorRecord):
        return doc
    try:
        text = decode(doc.data, config)
        if doc.kind == "html":
            article = _from_html(doc, text)
        elif doc.kind == "article":
            article = _article(doc, text, whole_text(text))
        else:
            article = _article(doc, text, clean_page(text, config, title_hint=doc.title), config)
        return _annotated(article) if config.annotate else article
    except InputError as exc:
        return ErrorRecord(doc.id, str(exc))
    except Exception as exc:  # a bug must cost one document, not the batch
        return ErrorRecord(doc.id, f"internal error ({type(exc).__name__}: {exc}); please report it")


def _article(doc: RawDocument, raw: str, page: CleanPage, config: Config | None = None) -> Article:
    meta = read_metadata(raw, page, doc)
    if config is not None:
        page = _drop_metadata_lines(raw, page, meta, config)
    return Article(
        id=doc.id,
        kind=doc.kind,
        text=page.text,
        url=doc.url,
        title=meta.title,
        outlet=meta.outlet,
        section=meta.section,
        wire=meta.wire,
        cited_outlets=meta.cited_outlets,
        published=meta.published,
        removed=page.removed,
        offset_map=page.offset_map,
        evidence=meta.evidence,
    )


def _annotated(article: Article) -> Article:
    found = annotate(article.text, article.published.value if article.published else None)
    return dataclasses.replace(
        article,
        entities=found.entities,
        quotes=found.quotes,
        timexes=found.timexes,
        quantities=found.quantities,
    )


def _drop_metadata_lines(raw: str, page: CleanPage, meta: Metadata, config: Config) -> CleanPage:
    """Lines the metadata came from (the headline, a dateline) leave the body, named.

    Most such lines were removed already and only get a better reason: then the text and
    the offset map stay as they are, and only the removed spans are renamed.
    """
    seg = page.segmentation
    changed = {i: r for i, r in meta.line_reasons.items() if 0 <= i < len(seg.reasons) and seg.reasons[i] != r}
    if not changed:
        return page
    reasons = list(seg.reasons)
    for index, reason in changed.items():
        reasons[index] = reason
    new_seg = dataclasses.replace(seg, reasons=tuple(reasons))
    if any(seg.reasons[i] is None for i in changed):
        return assemble(raw, new_seg, config.repair_glued_sentences)
    removed_lines = [i for i, reason in enumerate(seg.reasons) if reason is not None]
    removed = tuple(
        dataclasses.replace(span, reason=changed[i]) if i in changed else span
        for i, span in zip(removed_lines, page.removed, strict=True)
    )
    return dataclasses.replace(page, removed=removed, segmentation=new_seg)


def _from_html(doc: RawDocument, html: str) -> Article:
    """HTML goes through trafilatura (body) and htmldate (date); the body is then an article."""
    found = html_to_page(html, doc.url)
    given = dataclasses.replace(
        doc,
        title=doc.title or found.title,
        outlet=doc.outlet or found.outlet,
        published=doc.published,
    )
    article = _article(given, found.text, whole_text(found.text))
    if article.published is None and found.published:
        article = dataclasses.replace(article, published=Published(found.published, "explicit", found.date_evidence))
    return article


def extract(
    inputs: Sequence[str],
    fmt: str = "auto",
    config: Config = Config(),
    jobs: int = 1,
    on_record: Callable[[Article | ErrorRecord], None] | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Records for every document under `inputs`, in input order.

    With `jobs` > 1 documents are processed in a process pool; order is kept either way.
    `on_record` is called as each record is done (progress bars hook in here).
    """
    docs: Iterable[RawDocument | ErrorRecord] = iter_documents(inputs, fmt, config)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(process, docs, _repeat(config), chunksize=8)
            for record in results:
                if on_record:
                    on_record(record)
                yield record
        return
    for doc in docs:
        record = process(doc, config)
        if on_record:
            on_record(record)
        yield record


def _repeat(config: Config) -> Iterator[Config]:
    while True:
        yield config
