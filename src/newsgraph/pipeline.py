"""The per-document pipeline: a pure function of (raw document, config) to a record.

`process` never raises for a bad document: it returns an `ErrorRecord`, so one broken page
cannot stop a batch, and it holds no state, so `extract` can map it over a process pool.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from newsgraph.annotate import annotate, annotate_doc, load_nlp
from newsgraph.clean.metadata import Metadata, read_metadata
from newsgraph.clean.page import CleanPage, assemble, clean_page, whole_text
from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest import decode, html_to_page, iter_documents
from newsgraph.records import Article, ErrorRecord, Published, RawDocument

__all__ = ["extract", "process", "process_batch"]


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
        return _internal_error(doc.id, exc)


def _internal_error(doc_id: str, exc: Exception) -> ErrorRecord:
    """A bug met on one document, reported on that document's record."""
    return ErrorRecord(doc_id, f"internal error ({type(exc).__name__}: {exc}); please report it")


def _article(doc: RawDocument, raw: str, page: CleanPage, config: Config | None = None) -> Article:
    meta = read_metadata(raw, page, doc)
    if config is not None:
        page = _drop_metadata_lines(page, meta, config)
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


# Removed lines that name people in full or give their roles: the body's "Starmer" is the
# caption's "Britain's Prime Minister Keir Starmer".
_CONTEXT_REASONS = frozenset({"caption", "title"})


def _page_context(article: Article) -> tuple[str, ...]:
    """Texts of the page outside the body that annotators may read for names and roles."""
    texts = [article.title] if article.title else []
    texts.extend(r.text for r in article.removed if r.reason in _CONTEXT_REASONS)
    return tuple(dict.fromkeys(texts))


def _annotated(article: Article, parsed: Any = None) -> Article:
    """The article with its annotations; `parsed` is its spaCy Doc when the caller has one."""
    published = article.published.value if article.published else None
    context = _page_context(article)
    if parsed is None:
        found = annotate(article.text, published, context)
    else:
        found = annotate_doc(parsed, published, list(load_nlp().pipe(context)))
    return dataclasses.replace(
        article,
        entities=found.entities,
        quotes=found.quotes,
        timexes=found.timexes,
        quantities=found.quantities,
        events=found.events,
    )


def _drop_metadata_lines(page: CleanPage, meta: Metadata, config: Config) -> CleanPage:
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
        return assemble(new_seg, config.repair_glued_sentences)
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
    )
    article = _article(given, found.text, whole_text(found.text))
    if article.published is None and found.published:
        article = dataclasses.replace(article, published=Published(found.published, "explicit", found.date_evidence))
    return article


def process_batch(
    docs: Sequence[RawDocument | ErrorRecord], config: Config = Config()
) -> list[Article | ErrorRecord]:
    """`process` over several documents, with one `nlp.pipe` call for all their texts.

    spaCy parses a batch faster than the same texts one call each; the records are the same
    as `process` gives, one per document, in order, and a failure still costs one document.
    """
    cleaned = [process(doc, dataclasses.replace(config, annotate=False)) for doc in docs]
    if not config.annotate:
        return cleaned
    todo = [i for i, rec in enumerate(cleaned) if isinstance(rec, Article) and rec.text.strip()]
    try:
        parsed = list(load_nlp().pipe(cleaned[i].text for i in todo))
    except Exception:  # one text spaCy cannot take must not cost the batch: go one by one
        parsed = [None] * len(todo)
    out = list(cleaned)
    for i, doc in zip(todo, parsed, strict=True):
        article = cleaned[i]
        assert isinstance(article, Article)
        try:
            out[i] = _annotated(article, doc)
        except Exception as exc:
            out[i] = _internal_error(article.id, exc)
    return out


def extract(
    inputs: Sequence[str],
    fmt: str = "auto",
    config: Config = Config(),
    jobs: int = 1,
    on_record: Callable[[Article | ErrorRecord], None] | None = None,
    batch_size: int = 16,
) -> Iterator[Article | ErrorRecord]:
    """Records for every document under `inputs`, in input order.

    Documents go through `process_batch` `batch_size` at a time; with `jobs` > 1 batches are
    processed in a process pool (each worker loads spaCy once). Order is kept either way.
    `on_record` is called as each record is done (progress bars hook in here).
    """
    batches = _batches(iter_documents(inputs, fmt, config), batch_size)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from _each(pool.map(process_batch, batches, itertools.repeat(config)), on_record)
        return
    yield from _each((process_batch(batch, config) for batch in batches), on_record)


def _each(
    results: Iterable[list[Article | ErrorRecord]], on_record: Callable[[Article | ErrorRecord], None] | None
) -> Iterator[Article | ErrorRecord]:
    for batch in results:
        for record in batch:
            if on_record:
                on_record(record)
            yield record


def _batches(docs: Iterable[RawDocument | ErrorRecord], size: int) -> Iterator[list[RawDocument | ErrorRecord]]:
    batch: list[RawDocument | ErrorRecord] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
