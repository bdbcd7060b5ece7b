"""Ingest: finding documents, decoding their bytes, and reading HTML pages, offline."""

from __future__ import annotations

import codecs
import io
import json
import socket
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import htmldate.utils
import pytest
import trafilatura.downloads
import urllib3

import newsgraph.ingest
from newsgraph.config import Config
from newsgraph.errors import ConfigError, InputError
from newsgraph.ingest import decode, html_to_page, iter_documents, sources
from newsgraph.records import ErrorRecord, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE_HTML = (FIXTURES / "article.html").read_text(encoding="utf-8")
CONFIG = Config()


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _docs(records: Iterable[RawDocument | ErrorRecord]) -> list[RawDocument]:
    """The records, failing the test if any is an error record."""
    records = list(records)
    assert all(isinstance(r, RawDocument) for r in records), _summary(records)
    return [r for r in records if isinstance(r, RawDocument)]


def _summary(records: Iterable[RawDocument | ErrorRecord]) -> list[tuple[str, str, str]]:
    """(type, id, kind or error) of each record: one comparable line per record."""
    return [
        ("doc", r.id, r.kind) if isinstance(r, RawDocument) else ("error", r.id, r.error)
        for r in records
    ]


def _set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- files and directories ---------------------------------------------------------------


def test_directory_walk_is_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.html",
        "notes.md",
        "photo.png",
        ".hidden.txt",
        ".git/config.txt",
        "sub/z.htm",
        "sub/deeper/a.text",
        "C.TXT",
    ]:
        _write(tmp_path / name, f"content of {name}")
    records = list(iter_documents([str(tmp_path)]))
    root = str(tmp_path)
    assert [(r.id, r.kind) for r in records if isinstance(r, RawDocument)] == [
        (f"{root}/C.TXT", "page"),
        (f"{root}/a.html", "html"),
        (f"{root}/b.txt", "page"),
        (f"{root}/sub/deeper/a.text", "page"),
        (f"{root}/sub/z.htm", "html"),
    ]
    assert len(records) == 5
    assert _docs(records)[2].data == b"content of b.txt"


def test_files_are_read_when_asked_for_not_up_front(tmp_path: Path) -> None:
    _write(tmp_path / "1.txt", "first")
    second = _write(tmp_path / "2.txt", "second, as listed")
    documents = iter_documents([str(tmp_path)])
    assert _docs([next(documents)])[0].data == b"first"
    second.write_text("second, as changed after the first was read", encoding="utf-8")
    assert _docs([next(documents)])[0].data == b"second, as changed after the first was read"


def test_missing_path_is_an_error_record_and_the_rest_goes_on(tmp_path: Path) -> None:
    present = _write(tmp_path / "here.txt", "here")
    missing = str(tmp_path / "gone.txt")
    records = list(iter_documents([missing, str(present)]))
    assert isinstance(records[0], ErrorRecord)
    assert records[0].id == missing
    assert "not found" in records[0].error
    assert isinstance(records[1], RawDocument)
    assert records[1].id == str(present)


def test_named_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.md", "A story in markdown.")
    (record,) = iter_documents([str(path)])
    assert isinstance(record, RawDocument)
    assert (record.kind, record.data) == ("page", b"A story in markdown.")


def test_file_bytes_are_kept_undecoded(tmp_path: Path) -> None:
    raw = "Le café du port.".encode("cp1252")
    path = _write(tmp_path / "cafe.txt", raw)
    (record,) = _docs(iter_documents([str(path)]))
    assert record.data == raw


def test_file_over_the_limit_is_an_error_record(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "x" * 11)
    (record,) = iter_documents([str(path)], config=Config(max_bytes=10))
    assert isinstance(record, ErrorRecord)
    assert record.error == "file is 11 bytes, over the limit of 10 (Config.max_bytes)"


@pytest.mark.parametrize(
    ("fmt", "kinds"),
    [
        ("auto", ["html", "page"]),
        ("page", ["page", "page"]),
        ("article", ["article", "article"]),
        ("html", ["html", "html"]),
    ],
)
def test_format_sets_the_kind_of_plain_files(tmp_path: Path, fmt: str, kinds: list[str]) -> None:
    _write(tmp_path / "a.html", "<html><body><p>Hi</p></body></html>")
    _write(tmp_path / "b.txt", "Hi")
    assert [r.kind for r in _docs(iter_documents([str(tmp_path)], fmt=fmt))] == kinds


def test_default_kind_applies_to_plain_files_under_auto(tmp_path: Path) -> None:
    path = _write(tmp_path / "body.txt", "Only the body.")
    (record,) = _docs(iter_documents([str(path)], config=Config(default_kind="article")))
    assert record.kind == "article"


def test_unknown_format_raises_at_the_call() -> None:
    with pytest.raises(ConfigError, match="format must be one of"):
        iter_documents(["anything"], fmt="pdf")


# --- stdin -------------------------------------------------------------------------------


def test_stdin_plain_text_is_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    _set_stdin(monkeypatch, b"Harbour Town news.\nSecond line.\n")
    (record,) = iter_documents(["-"])
    assert record == RawDocument(
        id="<stdin>", data=b"Harbour Town news.\nSecond line.\n", kind="page"
    )


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    _set_stdin(monkeypatch, b"\n  <!DOCTYPE html><html><body><p>Hi</p></body></html>")
    (record,) = _docs(iter_documents(["-"]))
    assert record.kind == "html"


def test_stdin_markup_without_a_page_tag_is_not_html(monkeypatch: pytest.MonkeyPatch) -> None:
    _set_stdin(monkeypatch, b"<b>Breaking:</b> the ferry is late.")
    (record,) = _docs(iter_documents(["-"]))
    assert record.kind == "page"


def test_stdin_jsonl_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [{"id": "one", "text": "First."}, {"text": "Second, no id."}]
    _set_stdin(monkeypatch, "\n".join(json.dumps(line) for line in lines).encode())
    records = _docs(iter_documents(["-"]))
    assert _summary(records) == [("doc", "one", "page"), ("doc", "<stdin>:2", "page")]
    assert records[1].data == "Second, no id."


def test_stdin_forced_kind_skips_sniffing(monkeypatch: pytest.MonkeyPatch) -> None:
    _set_stdin(monkeypatch, b'{"this": "looks like JSON"}')
    (record,) = _docs(iter_documents(["-"], fmt="article"))
    assert (record.kind, record.data) == ("article", b'{"this": "looks like JSON"}')


def test_stdin_over_the_limit_is_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    _set_stdin(monkeypatch, b"y" * 50)
    (record,) = iter_documents(["-"], config=Config(max_bytes=20))
    assert isinstance(record, ErrorRecord)
    assert "over the limit of 20" in record.error


# --- JSONL -------------------------------------------------------------------------------

JSONL_LINES = [
    json.dumps(
        {
            "id": "good-1",
            "text": "The ferry sailed.",
            "kind": "article",
            "url": "https://lantern.example/ferry",
            "published": "2025-10-14",
            "outlet": "The Lantern Gazette",
            "title": "Ferry sails",
        }
    ),
    "",
    '{"id": "broken", "text": ',
    json.dumps({"id": "no-text", "title": "Nothing here"}),
    json.dumps({"id": "odd-kind", "text": "Text.", "kind": "tweet"}),
    json.dumps(["not", "an", "object"]),
    json.dumps({"text": "Nobody named me."}),
    json.dumps({"id": "markup", "html": "<html><body><p>Hi</p></body></html>"}),
    json.dumps({"id": "number-text", "text": 42}),
    json.dumps({"id": "good-2", "text": "The library opened."}),
]


def test_jsonl_bad_lines_become_error_records_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "batch.jsonl", "\n".join(JSONL_LINES) + "\n"))
    records = list(iter_documents([path]))
    summary = _summary(records)
    assert [(kind, doc_id) for kind, doc_id, _ in summary] == [
        ("doc", "good-1"),
        ("error", f"{path}:3"),
        ("error", "no-text"),
        ("error", "odd-kind"),
        ("error", f"{path}:6"),
        ("doc", f"{path}:7"),
        ("doc", "markup"),
        ("error", "number-text"),
        ("doc", "good-2"),
    ]
    errors = {doc_id: text for kind, doc_id, text in summary if kind == "error"}
    assert errors[f"{path}:3"].startswith("line 3: not valid JSON")
    assert errors["no-text"] == 'line 4: needs a "text" or an "html" field'
    assert errors["odd-kind"] == "line 5: unknown kind 'tweet', expected page, article or html"
    assert errors[f"{path}:6"] == "line 6: expected a JSON object, got an array"
    assert errors["number-text"] == 'line 9: "text" must be a string, got a number'


def test_jsonl_records_carry_data_kind_and_metadata(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "batch.jsonl", "\n".join(JSONL_LINES)))
    docs = {r.id: r for r in iter_documents([path]) if isinstance(r, RawDocument)}
    assert docs["good-1"] == RawDocument(
        id="good-1",
        data="The ferry sailed.",
        kind="article",
        url="https://lantern.example/ferry",
        published="2025-10-14",
        outlet="The Lantern Gazette",
        title="Ferry sails",
    )
    assert (docs["markup"].kind, docs["markup"].data) == (
        "html",
        "<html><body><p>Hi</p></body></html>",
    )
    assert docs["good-2"].kind == CONFIG.default_kind


def test_jsonl_forced_format_sets_the_default_kind_only(tmp_path: Path) -> None:
    lines = [{"id": "a", "text": "Body."}, {"id": "b", "text": "Whole page.", "kind": "page"}]
    path = _write(tmp_path / "batch.jsonl", "\n".join(json.dumps(line) for line in lines))
    assert [r.kind for r in _docs(iter_documents([str(path)], fmt="article"))] == [
        "article",
        "page",
    ]


def test_jsonl_format_parses_any_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "records.txt", json.dumps({"id": "a", "text": "Body."}))
    (record,) = _docs(iter_documents([str(path)], fmt="jsonl"))
    assert (record.id, record.data) == ("a", "Body.")


def test_jsonl_with_bom_and_crlf_is_read(tmp_path: Path) -> None:
    text = json.dumps({"id": "a", "text": "Body."}) + "\r\n" + json.dumps({"id": "b", "text": "B"})
    path = _write(tmp_path / "bom.jsonl", codecs.BOM_UTF8 + text.encode())
    assert [r.id for r in iter_documents([str(path)])] == ["a", "b"]


def test_jsonl_not_utf8_is_one_error_record_for_the_file(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "Fine."}).encode()
    bad = '{"id": "b", "text": "Le café"}'.encode("cp1252")
    path = str(_write(tmp_path / "latin.jsonl", good + b"\n" + bad + b"\n" + good))
    assert list(iter_documents([path])) == [
        ErrorRecord(id=path, error="line 2 is not UTF-8; JSONL files must be UTF-8")
    ]


def test_jsonl_utf16_is_one_error_record_for_the_file(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "wide.jsonl", '{"id": "a", "text": "x"}'.encode("utf-16")))
    (record,) = iter_documents([path])
    assert isinstance(record, ErrorRecord)
    assert record.id == path


def test_jsonl_overlong_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "long", "text": "z" * 100}), json.dumps({"id": "ok", "text": "z"})]
    path = str(_write(tmp_path / "long.jsonl", "\n".join(lines)))
    records = list(iter_documents([path], config=Config(max_bytes=10)))
    assert _summary(records)[0][:2] == ("error", f"{path}:1")
    assert isinstance(records[0], ErrorRecord)
    assert "over 60 bytes" in records[0].error
    assert _summary(records)[1] == ("doc", "ok", "page")


def test_jsonl_lines_and_characters_split_across_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tiny reads cut lines and multi-byte characters apart; the records must not notice."""
    texts = ["Café naïve résumé — “quoted”.", "Ünïcödé ✓ 東京", "plain"]
    body = "\n".join(
        json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts)
    )
    path = _write(tmp_path / "split.jsonl", body)
    monkeypatch.setattr(sources, "_CHUNK", 3)
    assert [r.data for r in _docs(iter_documents([str(path)]))] == texts


# --- decode ------------------------------------------------------------------------------

CAFE = "The café served a naïve résumé: café talk, naïve plans and a résumé of the week."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain ASCII text.", "Plain ASCII text."),
        ("Grüße aus Köln.".encode(), "Grüße aus Köln."),
        (codecs.BOM_UTF8 + "Grüße aus Köln.".encode(), "Grüße aus Köln."),
        (CAFE.encode("cp1252"), CAFE),
        (
            "¿Dónde está la biblioteca? ¡En el puerto!".encode("latin-1"),
            "¿Dónde está la biblioteca? ¡En el puerto!",
        ),
        (codecs.BOM_UTF16_LE + CAFE.encode("utf-16-le"), CAFE),
        (codecs.BOM_UTF16_BE + CAFE.encode("utf-16-be"), CAFE),
    ],
    ids=["ascii", "utf-8", "utf-8-bom", "cp1252", "latin-1", "utf-16-le", "utf-16-be"],
)
def test_decode_finds_the_encoding(data: bytes, expected: str) -> None:
    assert decode(data, CONFIG) == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Dzisiaj w mieście otwarto nową bibliotekę na promie, powiedziała żółta gęś.", "cp1250"),
        ("Сегодня в городе открылась новая библиотека на пароме.", "cp1251"),
    ],
)
def test_decode_does_not_force_windows_1252_on_other_code_pages(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), CONFIG) == text


def test_decode_normalises_newlines() -> None:
    assert decode(b"one\r\ntwo\rthree\n", CONFIG) == "one\ntwo\nthree\n"
    assert decode("one\r\ntwo", CONFIG) == "one\ntwo"


def test_decode_passes_str_through() -> None:
    assert (
        decode("  Already text, ünïcode included. ", CONFIG) == "  Already text, ünïcode included. "
    )


def test_decode_repairs_unpaired_surrogates_in_str() -> None:
    assert decode(json.loads('"broken \\ud83d emoji"'), CONFIG) == "broken \ufffd emoji"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....word/document.xml", "DOCX"),
        (b"PK\x03\x04\x14\x00\x00\x00data.csv", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_decode_names_binary_formats(data: bytes, name: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, CONFIG)
    assert str(caught.value) == f"binary file ({name}), not text"


def test_decode_rejects_nul_bytes() -> None:
    with pytest.raises(InputError, match="NUL bytes"):
        decode(b"Looks like text\x00\x00 but is not.", CONFIG)


def test_decode_rejects_control_characters() -> None:
    with pytest.raises(InputError, match="control characters"):
        decode(bytes(range(1, 32)) * 8 + b"a little text", CONFIG)


def test_decode_rejects_bytes_no_encoding_fits() -> None:
    with pytest.raises(InputError, match="cannot detect the text encoding"):
        decode(bytes(range(0x80, 0x100)) * 4, CONFIG)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" \n\t\r\n ",
        "",
        "   \n",
        codecs.BOM_UTF8 + b"  ",
        codecs.BOM_UTF16_LE + " ".encode("utf-16-le"),
    ],
)
def test_decode_rejects_empty_documents(data: bytes | str) -> None:
    with pytest.raises(InputError, match=r"^document is empty$"):
        decode(data, CONFIG)


def test_decode_rejects_documents_over_the_limit() -> None:
    config = Config(max_bytes=10)
    with pytest.raises(InputError) as caught:
        decode(b"eleven byte", config)
    assert str(caught.value) == "document is 11 bytes, over the limit of 10 (Config.max_bytes)"
    with pytest.raises(InputError, match="document is 12 bytes"):
        decode("éééééé", config)  # 6 characters, 12 bytes of UTF-8
    assert decode("ten bytes!", config) == "ten bytes!"


# --- HTML --------------------------------------------------------------------------------

PARAGRAPHS = [
    "The fictional town of Harbour Town opened a library on a converted ferry on Tuesday",
    "Librarian Mira Okonkwo said the ferry holds about four thousand volumes",
    "The council expects the boat to stop at six piers each week",
    "Children will get a free reading hour on Saturday mornings",
]
FURNITURE = ["Weather desk", "Crossword corner", "Copyright 2025", "Subscribe", "Privacy policy"]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail the test on any connection or download attempt; yields what was attempted."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise AssertionError(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib3.PoolManager, "urlopen", refuse)
    monkeypatch.setattr(htmldate.utils, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    yield attempts
    assert attempts == []


def test_html_to_page_reads_body_title_date_and_outlet(no_network: list[str]) -> None:
    page = html_to_page(ARTICLE_HTML, None)
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    for furniture in FURNITURE:
        assert furniture not in page.text
    assert page.title == "Harbour Town opens its floating library"
    assert page.published == "2025-10-14"
    assert page.outlet == "The Lantern Gazette"
    assert page.date_evidence == "htmldate: <meta property=article:published_time>"


def test_html_to_page_is_the_same_every_time(no_network: list[str]) -> None:
    """trafilatura's default, process-wide dedup cache drops a page seen three times."""
    pages = [html_to_page(ARTICLE_HTML, "https://lantern.example/ferry") for _ in range(5)]
    assert {page.text for page in pages} == {pages[0].text}
    assert PARAGRAPHS[0] in pages[0].text


def test_html_to_page_reads_a_date_from_the_url(no_network: list[str]) -> None:
    html = ARTICLE_HTML.replace("2025-10-14T09:00:00Z", "")
    page = html_to_page(html, "https://lantern.example/2025/09/30/floating-library")
    assert page.published == "2025-09-30"
    assert page.date_evidence == "htmldate: URL"


def test_html_to_page_never_gives_a_future_date(no_network: list[str]) -> None:
    page = html_to_page(ARTICLE_HTML.replace("2025-10-14T09:00:00Z", "2999-01-01T09:00:00Z"), None)
    assert page.published != "2999-01-01"
    assert page.published is None or page.published <= date.today().isoformat()


def test_html_to_page_drops_a_year_turned_into_new_years_day(no_network: list[str]) -> None:
    """Without dated markup htmldate turns the footer's "Copyright 2025" into 2025-01-01."""
    undated = ARTICLE_HTML.replace("2025-10-14T09:00:00Z", "")
    assert html_to_page(undated, None).published is None
    new_year = undated.replace("<p>Children", "<p>On January 1, 2025, children")
    assert html_to_page(new_year, None).published == "2025-01-01"


def test_html_to_page_without_article_text_raises(no_network: list[str]) -> None:
    html = "<html><head><title>Gallery</title></head><body><img src='ferry.png'></body></html>"
    with pytest.raises(InputError, match="no article text found in the HTML"):
        html_to_page(html, None)


def test_html_to_page_does_not_fetch_a_string_that_looks_like_a_url(
    no_network: list[str],
) -> None:
    """htmldate downloads any string starting with "http"; ours must only parse it."""
    with pytest.raises(InputError):
        html_to_page("https://lantern.example/2025/10/14/story", None)


def test_html_to_page_runs_end_to_end_from_a_file(tmp_path: Path, no_network: list[str]) -> None:
    path = _write(tmp_path / "page.html", ARTICLE_HTML.encode("utf-8"))
    (record,) = _docs(iter_documents([str(path)]))
    assert record.kind == "html"
    page = html_to_page(decode(record.data, CONFIG), record.url)
    assert PARAGRAPHS[-1] in page.text


def test_exports_resolve() -> None:
    for name in newsgraph.ingest.__all__:
        assert getattr(newsgraph.ingest, name) is not None
    assert "iter_documents" in newsgraph.ingest.__all__


def test_json_files_hold_one_record_a_list_of_them_or_json_lines(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "a", "text": "Harbour talks stall again."}, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "b", "text": "First."}, {"id": "c"}], indent=2), encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text('{"id": "d", "text": "Second."}\n{"id": "e", "text": "Third."}\n', encoding="utf-8")
    docs = list(iter_documents([str(one), str(many), str(lines)], "auto", Config()))
    assert [d.id for d in docs] == ["a", "b", "c", "d", "e"]
    assert isinstance(docs[2], ErrorRecord) and "item 2" in docs[2].error
    assert all(isinstance(d, RawDocument) for i, d in enumerate(docs) if i != 2)


def test_a_json_file_that_is_not_input_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"page.txt": {"title": "x", "body": "y"}}, indent=2), encoding="utf-8")
    docs = list(iter_documents([str(gold)], "auto", Config()))
    assert len(docs) == 1 and isinstance(docs[0], ErrorRecord)
    assert "not newsgraph input" in docs[0].error
