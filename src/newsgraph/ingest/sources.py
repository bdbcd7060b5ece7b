"""Find the documents of a run in files, directories and stdin, plain or as JSON lines.

Ingest reads but never decodes: a file becomes a `RawDocument` holding its bytes, and the
pipeline decodes it per document, so a bad file turns into an error record in its place.
Everything is lazy: a directory of 100k files is listed one directory at a time and each
file is read only when the consumer asks for the next document, and a JSONL file is read
line by line. Every problem with one input is yielded as an `ErrorRecord`; only a wrong
`fmt`, a mistake of the caller, raises.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import chain
from typing import Any

from newsgraph.config import KINDS, Config
from newsgraph.errors import ConfigError
from newsgraph.records import ErrorRecord, RawDocument

__all__ = ["FORMATS", "STDIN", "STDIN_ID", "SUFFIXES", "iter_documents"]

FORMATS = ("auto", "page", "article", "html", "jsonl")
# Suffixes a directory walk picks up; a file named on the command line is read whatever
# its suffix.
SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".jsonl", ".json"})
STDIN = "-"
STDIN_ID = "<stdin>"

_HTML_SUFFIXES = frozenset({".html", ".htm"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
_CHUNK = 1 << 16
# A JSON line may spell one character of text as a 6-byte \uXXXX escape, so a line may be
# this many times Config.max_bytes before its text is surely over the limit.
_JSON_INFLATION = 6
_HTML_TAG = re.compile(rb"<(?:html|!doctype|body)[\s>]", re.IGNORECASE)
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_DEFAULT_CONFIG = Config()


def iter_documents(
    inputs: Sequence[str], fmt: str = "auto", config: Config = _DEFAULT_CONFIG
) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one `RawDocument` or `ErrorRecord` per document found in `inputs`, in order.

    `inputs` are files, directories (walked recursively in name order, hidden entries and
    unknown suffixes skipped) or "-" for stdin. `fmt` is auto (by suffix; stdin is
    sniffed), page, article or html (the kind of every plain file; the default kind of
    JSONL records) or jsonl (parse every input as JSON lines). Raises `ConfigError` at
    once for an unknown `fmt`.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if isinstance(inputs, str):
        inputs = [inputs]
    return _iter_inputs(list(inputs), fmt, config)


def _iter_inputs(
    inputs: list[str], fmt: str, config: Config
) -> Iterator[RawDocument | ErrorRecord]:
    for given in inputs:
        if given == STDIN:
            yield from _read_stdin(fmt, config)
        elif os.path.isdir(given):
            for found in _walk(given):
                if isinstance(found, ErrorRecord):
                    yield found
                else:
                    yield from _read_path(found, fmt, config)
        elif os.path.exists(given):
            yield from _read_path(given, fmt, config)
        else:
            yield ErrorRecord(id=given, error="file or directory not found")


def _walk(top: str) -> Iterator[str | ErrorRecord]:
    """Paths of the files to read under `top`, depth first in name order.

    Symlinked directories are not followed, so a link loop cannot make the walk endless.
    """
    try:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield ErrorRecord(id=top, error=f"cannot list the directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif os.path.splitext(entry.name)[1].lower() in SUFFIXES and entry.is_file():
            yield entry.path


def _read_path(path: str, fmt: str, config: Config) -> Iterator[RawDocument | ErrorRecord]:
    suffix = os.path.splitext(path)[1].lower()
    if fmt == "auto" and suffix == ".json":
        yield from _read_json_file(path, config)
    elif fmt == "jsonl" or suffix in _JSONL_SUFFIXES:
        default_kind = fmt if fmt in KINDS else config.default_kind
        yield from _read_jsonl_file(path, default_kind, config)
    elif fmt in KINDS:
        yield _read_file(path, fmt, config)
    else:
        kind = "html" if suffix in _HTML_SUFFIXES else config.default_kind
        yield _read_file(path, kind, config)


def _read_file(path: str, kind: str, config: Config) -> RawDocument | ErrorRecord:
    """The bytes of one file, or an error; a regular file over the limit is not read."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > config.max_bytes:
                return ErrorRecord(
                    id=path,
                    error=f"file is {info.st_size} bytes, over the limit of "
                    f"{config.max_bytes} (Config.max_bytes)",
                )
            data = handle.read(config.max_bytes + 1)
    except OSError as exc:
        return ErrorRecord(id=path, error=f"cannot read the file: {exc.strerror or exc}")
    if len(data) > config.max_bytes:
        return ErrorRecord(
            id=path, error=f"file is over the limit of {config.max_bytes} bytes (Config.max_bytes)"
        )
    return RawDocument(id=path, data=data, kind=kind)


def _read_jsonl_file(
    path: str, default_kind: str, config: Config
) -> Iterator[RawDocument | ErrorRecord]:
    """The records of a JSONL file, after a first pass that checks it is all UTF-8.

    The check reads the file once more but keeps the promise that a file in the wrong
    encoding gives one error record, not some records and then an error.
    """
    try:
        with open(path, "rb") as handle:
            bad_line = _first_non_utf8_line(_chunks(handle.read))
            if bad_line is not None:
                yield ErrorRecord(
                    id=path,
                    error=f"line {bad_line} is not UTF-8; JSONL files must be UTF-8",
                )
                return
            handle.seek(0)
            yield from _parse_jsonl(_chunks(handle.read), path, default_kind, config)
    except OSError as exc:
        yield ErrorRecord(id=path, error=f"cannot read the file: {exc.strerror or exc}")


def _read_json_file(path: str, config: Config) -> Iterator[RawDocument | ErrorRecord]:
    """A `.json` file: one record object, a list of them, or JSON lines after all.

    Any other JSON document (a settings file, a gold file lying in the folder) is one error
    record for the file, not one warning per line of it.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(config.max_bytes * _JSON_INFLATION + 1)
    except OSError as exc:
        yield ErrorRecord(id=path, error=f"cannot read the file: {exc.strerror or exc}")
        return
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        yield from _read_jsonl_file(path, config.default_kind, config)
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items or (isinstance(obj, dict) and obj.get("text") is None and obj.get("html") is None):
        yield ErrorRecord(
            id=path,
            error='a JSON document that is not newsgraph input: expected an object with "text" or "html", '
            "a list of them, or JSON lines",
        )
        return
    for number, item in enumerate(items, start=1):
        try:
            yield _record_from(item, f"{path}:{number}", config.default_kind)
        except _BadRecord as exc:
            yield ErrorRecord(id=exc.doc_id, error=f"item {number}: {exc}")


def _read_stdin(fmt: str, config: Config) -> Iterator[RawDocument | ErrorRecord]:
    chunks = _stdin_chunks()
    if chunks is None:
        yield ErrorRecord(id=STDIN_ID, error="standard input is not available")
        return
    head = next(chunks, b"")
    chunks = chain([head], chunks)
    mode = _sniff(head, config.default_kind) if fmt == "auto" else fmt
    if mode == "jsonl":
        yield from _parse_jsonl(chunks, STDIN_ID, config.default_kind, config)
        return
    data = bytearray()
    for chunk in chunks:
        data += chunk
        if len(data) > config.max_bytes:
            yield ErrorRecord(
                id=STDIN_ID,
                error=f"standard input is over the limit of {config.max_bytes} bytes "
                "(Config.max_bytes)",
            )
            return
    yield RawDocument(id=STDIN_ID, data=bytes(data), kind=mode)


def _stdin_chunks() -> Iterator[bytes] | None:
    """Stdin as bytes; a text-only stream (a notebook, a test's StringIO) is encoded."""
    stdin = sys.stdin
    if stdin is None:
        return None
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return _chunks(buffer.read)
    return (part.encode("utf-8") for part in iter(partial(stdin.read, _CHUNK), ""))


def _sniff(head: bytes, default_kind: str) -> str:
    """jsonl, html or the default kind, from the first bytes of stdin."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<") and _HTML_TAG.search(start):
        return "html"
    return default_kind


def _chunks(read: Any) -> Iterator[bytes]:
    return iter(partial(read, _CHUNK), b"")


def _first_non_utf8_line(chunks: Iterable[bytes]) -> int | None:
    """The number of the first line with bytes that are not UTF-8, or None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    for chunk in chunks:
        pending = decoder.getstate()[0]
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return lines + (pending + chunk)[: exc.start].count(b"\n")
        lines += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return lines
    return None


def _split_lines(chunks: Iterable[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a byte stream without their newline; None for a line over `limit`.

    An overlong line is skipped, not kept, so one runaway line cannot exhaust memory.
    """
    buffer = bytearray()
    too_long = False
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            if not too_long:
                buffer += chunk[start:end]
            yield None if too_long or len(buffer) > limit else bytes(buffer)
            buffer.clear()
            too_long = False
            start = end + 1
        if not too_long:
            buffer += chunk[start:]
            if len(buffer) > limit:
                too_long = True
                buffer.clear()
    if buffer or too_long:
        yield None if too_long else bytes(buffer)


def _parse_jsonl(
    chunks: Iterable[bytes], source: str, default_kind: str, config: Config
) -> Iterator[RawDocument | ErrorRecord]:
    limit = config.max_bytes * _JSON_INFLATION
    for lineno, line in enumerate(_split_lines(chunks, limit), start=1):
        if line is None:
            yield ErrorRecord(
                id=f"{source}:{lineno}",
                error=f"line {lineno}: over {limit} bytes (6 x Config.max_bytes)",
            )
            continue
        try:
            # utf-8-sig on every line also drops the BOM of a file appended with `cat`
            text = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            # only stdin gets here: files are checked before parsing
            yield ErrorRecord(
                id=source, error=f"line {lineno} is not UTF-8; JSONL input must be UTF-8"
            )
            return
        if text.strip():
            yield _parse_record(text, f"{source}:{lineno}", lineno, default_kind)


class _BadRecord(Exception):
    """A JSONL line that cannot become a document; carries the id to report it under."""

    def __init__(self, doc_id: str, message: str) -> None:
        super().__init__(message)
        self.doc_id = doc_id


def _parse_record(
    text: str, fallback_id: str, lineno: int, default_kind: str
) -> RawDocument | ErrorRecord:
    try:
        return _record(text, fallback_id, default_kind)
    except _BadRecord as exc:
        return ErrorRecord(id=exc.doc_id, error=f"line {lineno}: {exc}")


def _record(text: str, fallback_id: str, default_kind: str) -> RawDocument:
    """One JSONL line as a document.

    Which field is the data: `html` for kind html when present, else `text`. A record with
    only `html` and no kind is kind html; `html` alone with kind page or article is an
    error, as markup read as plain text would be garbage, not an article.
    """
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _BadRecord(fallback_id, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    return _record_from(obj, fallback_id, default_kind)


def _record_from(obj: object, fallback_id: str, default_kind: str) -> RawDocument:
    """One parsed JSON value as a document (see `_record`)."""
    if not isinstance(obj, dict):
        raise _BadRecord(fallback_id, f"expected a JSON object, got {_json_type(obj)}")
    doc_id = _record_id(obj.get("id"), fallback_id)
    kind = obj.get("kind")
    if kind is not None and kind not in KINDS:
        raise _BadRecord(doc_id, f"unknown kind {kind!r}, expected page, article or html")
    has_text, has_html = obj.get("text") is not None, obj.get("html") is not None
    if not has_text and not has_html:
        raise _BadRecord(doc_id, 'needs a "text" or an "html" field')
    if kind is None:
        kind = default_kind if has_text else "html"
    if kind == "html":
        field = "html" if has_html else "text"
    elif has_text:
        field = "text"
    else:
        raise _BadRecord(doc_id, f'kind {kind!r} needs a "text" field; "html" is for kind html')
    data = obj[field]
    if not isinstance(data, str):
        raise _BadRecord(doc_id, f'"{field}" must be a string, got {_json_type(data)}')
    return RawDocument(
        id=doc_id,
        data=data,
        kind=kind,
        url=_optional_str(obj, "url", doc_id),
        published=_optional_str(obj, "published", doc_id),
        outlet=_optional_str(obj, "outlet", doc_id),
        title=_optional_str(obj, "title", doc_id),
    )


def _record_id(value: object, fallback_id: str) -> str:
    """The record's id; a missing, null or empty id is the line's place, source:line."""
    if value is None or value == "":
        return fallback_id
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _BadRecord(fallback_id, f'"id" must be a string, got {_json_type(value)}')


def _optional_str(obj: dict[str, Any], key: str, doc_id: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _BadRecord(doc_id, f'"{key}" must be a string, got {_json_type(value)}')
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    for python_type, name in _JSON_TYPES.items():
        if isinstance(value, python_type):
            return name
    return "a number"
