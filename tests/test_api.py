"""Serve: every JSON route and HTML page in-process, bad parameters, escaping, stand-off markup.

The database is the demo corpus plus one hostile article whose title, outlet and text carry
`<script>` tags: on every page they must come out escaped, and in JSON as plain strings.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import warnings
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO
from newsgraph.serve import create_app
from newsgraph.serve.api import MAX_LIMIT
from newsgraph.serve.markup import Mark, render
from newsgraph.store import open_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"
EVIL_ID = "evil/<script>.txt"
EVIL = {
    "id": EVIL_ID,
    "kind": "article",
    "title": f"Port talks {SCRIPT} resume",
    "outlet": "The <b>Bold</b> Courier",
    "published": "2025-10-16",
    "text": (f"Dockworkers at the Port of Porthaven returned to talks on Thursday {SCRIPT} after a three-day strike.\n"
             f"\"We will not accept {SCRIPT} more automation,\" union leader Ruben Ostrander said on Thursday."),
}
ARTICLE = str(DEMO / "01_harbour_ledger_strike.txt")


@pytest.fixture(scope="session")
def api_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    evil = root / "evil.jsonl"
    evil.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    path = root / "news.db"
    with open_db(path) as db:
        report = db.ingest([str(DEMO), str(evil)])
    assert (report.added, report.errors) == (13, 0)
    return path


@pytest.fixture(scope="session")
def client(api_db):
    with TestClient(create_app(api_db)) as c:
        yield c


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    return response


def art(key: str) -> str:
    return quote(key, safe="")


# -- JSON routes --------------------------------------------------------------------------

def test_openapi_documents_every_api_route(client):
    paths = get(client, "/openapi.json").json()["paths"]
    for route in ("/api/counts", "/api/outlets", "/api/articles", "/api/articles/{article_id}", "/api/stories",
                  "/api/stories/{story_id}", "/api/storylines", "/api/storylines/{storyline_id}", "/api/entities",
                  "/api/entities/{entity_id}", "/api/quotes", "/api/events", "/api/search"):
        assert route in paths, route
    assert not any(p.startswith("/article/") for p in paths)  # pages stay out of the API schema


def test_counts_and_outlets(client):
    counts = get(client, "/api/counts").json()
    assert counts["articles"] == 13 and counts["quotes"] > 0
    outlets = get(client, "/api/outlets").json()
    assert {o["name"] for o in outlets} >= {"Meridian Post", "The <b>Bold</b> Courier"}
    assert outlets[0]["articles"] >= outlets[-1]["articles"]


def test_articles_paginate_and_filter(client):
    first = get(client, "/api/articles?limit=5").json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (13, 5, 0, 5)
    rest = get(client, "/api/articles?limit=5&offset=10").json()
    assert len(rest["items"]) == 3
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in rest["items"]}
    mp = get(client, "/api/articles?outlet=Meridian%20Post").json()
    assert mp["total"] == 3 and {a["outlet"] for a in mp["items"]} == {"Meridian Post"}


def test_one_article_has_every_annotation_layer(client):
    record = get(client, f"/api/articles/{art(ARTICLE)}").json()
    assert record["id"] == ARTICLE
    for layer in ("entities", "quotes", "timexes", "events", "quantities", "removed"):
        assert record[layer], layer
    for q in record["quotes"]:
        assert record["text"][q["start"]:q["end"]] == q["text"]
    assert record["story"].startswith("s-")


def test_stories_and_one_story_with_its_comparison(client):
    stories = get(client, "/api/stories").json()
    sizes = [s["articles"] for s in stories["items"]]
    assert sizes == sorted(sizes, reverse=True)
    top = stories["items"][0]
    story = get(client, f"/api/stories/{top['id']}").json()
    assert story["articles"] == top["articles"] == story["compared"]
    assert set(story["comparison"]["outlets"]) == set(story["timeline"]["outlets"])
    assert story["comparison"]["facts"] and story["comparison"]["reports"]


def test_storylines_and_one_storyline(client):
    lines = get(client, "/api/storylines").json()
    assert lines["total"] >= 1
    line = get(client, f"/api/storylines/{lines['items'][0]['id']}").json()
    assert sum(s["articles"] for s in line["stories_list"]) == line["articles"]


def test_entities_filter_and_one_entity(client):
    people = get(client, "/api/entities?kind=person&limit=100").json()
    assert people["items"] and {e["kind"] for e in people["items"]} == {"person"}
    marsh = get(client, "/api/entities?name=Lena%20Marsh").json()["items"][0]
    detail = get(client, f"/api/entities/{marsh['id']}").json()
    assert detail["name"] == "Lena Marsh" and len(detail["mention_list"]) == detail["mentions"]
    assert detail["quotes_by"] and all(q["speaker"] == "Lena Marsh" for q in detail["quotes_by"])
    assert detail["co_occurring"] and marsh["id"] not in {e["id"] for e in detail["co_occurring"]}


def test_quotes_and_events_filter(client):
    by = get(client, "/api/quotes?speaker=Lena%20Marsh").json()
    assert by["total"] >= 1 and {q["speaker"] for q in by["items"]} == {"Lena Marsh"}
    events = get(client, "/api/events?limit=200").json()["items"]
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated)
    kind = events[0]["type"]
    assert {e["type"] for e in get(client, f"/api/events?type={kind}").json()["items"]} == {kind}
    october = get(client, "/api/events?since=2025-10-15&until=2025-10-31").json()["items"]
    assert october and all("2025-10-15" <= e["date"] <= "2025-10-31" for e in october)


def test_search_finds_articles_quotes_and_entities(client):
    hits = get(client, "/api/search?q=Brenna%20Dam").json()
    assert hits["articles"] and hits["entities"]
    assert any("Brenna" in h["name"] for h in hits["entities"])
    assert get(client, "/api/search?q=automation").json()["quotes"]


@pytest.mark.parametrize(("url", "status", "says"), [
    (f"/api/articles?limit={MAX_LIMIT + 1}", 422, "limit"),
    ("/api/articles?limit=0", 422, "limit"),
    ("/api/articles?offset=-1", 422, "offset"),
    ("/api/articles?limit=ten", 422, "limit"),
    ("/api/articles/no%2Fsuch.txt", 404, "no article with id 'no/such.txt'"),
    ("/api/stories/s-0000000000", 404, "no story"),
    ("/api/storylines/sl-nothing", 404, "no storyline"),
    ("/api/entities/999999", 404, "no entity"),
    ("/api/entities/abc", 422, "entity_id"),
    ("/api/entities?kind=alien", 422, "kind"),
    ("/api/events?type=DANCE", 422, "type"),
    ("/api/events?since=2025-13-01", 422, "since"),
    ("/api/events?since=2025-10-20&until=2025-10-01", 400, "after until"),
    ("/api/search", 422, "q"),
    ("/api/search?q=%22unclosed&raw=true", 400, "cannot search"),
    ("/api/search?q=dam&limit=100000", 422, "limit"),
])
def test_bad_parameters_are_4xx_with_a_message(client, url, status, says):
    response = get(client, url, status)
    assert response.headers["content-type"].startswith("application/json")
    assert says in json.dumps(response.json()["detail"])


def test_the_server_cannot_write(client):
    readers = client.app.state.readers
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        readers.get().connection.execute("DELETE FROM articles")


# -- escaping -----------------------------------------------------------------------------

def test_json_carries_the_script_as_plain_data(client):
    response = get(client, f"/api/articles/{art(EVIL_ID)}")
    assert response.headers["content-type"] == "application/json"
    record = json.loads(response.text)
    assert SCRIPT in record["text"] and SCRIPT in record["title"]
    assert get(client, "/api/search?q=alert").json()["articles"][0]["id"] == EVIL_ID


def _html_pages(client) -> list[str]:
    record = get(client, f"/api/articles/{art(EVIL_ID)}").json()
    entity_ids = {e["id"] for e in get(client, "/api/entities?name=Ostrander").json()["items"]}
    return [
        "/", "/articles", f"/articles?outlet={quote(EVIL['outlet'])}", f"/article/{art(EVIL_ID)}",
        f"/story/{record['story']}", f"/storyline/{record['storyline']}", "/entities?name=Ostrander",
        *(f"/entity/{key}" for key in entity_ids), "/search?q=alert", "/search?q=Ostrander",
        "/search?q=" + quote(SCRIPT), f"/article/{art('missing' + SCRIPT)}",
    ]


def test_every_html_page_escapes_the_script(client):
    pages = _html_pages(client)
    assert len(pages) >= 12
    seen_escaped = 0
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response.headers["content-type"].startswith("text/html")
        body = response.text
        assert "<script>alert" not in body, url
        assert "<b>Bold</b>" not in body, url
        seen_escaped += "&lt;script&gt;alert(1)" in body
    assert seen_escaped >= 5


# -- HTML pages ---------------------------------------------------------------------------

def test_overview_shows_outlets_stories_and_the_coverage_chart(client):
    body = get(client, "/").text
    assert '<svg class="chart"' in body and body.count('class="bar"') >= 2
    assert "Meridian Post" in body and "/story/s-" in body and "/storyline/sl-" in body


def _anchor_ids(body: str) -> set[str]:
    return set(re.findall(r'id="(s-\d+)"', body))


def test_every_fact_on_a_story_page_links_to_a_sentence_that_exists(client):
    top = get(client, "/api/stories").json()["items"][0]
    body = get(client, f"/story/{top['id']}").text
    links = set(re.findall(r'href="(/article/[^"#]+)#(s-\d+)"', body))
    assert len(links) >= 5
    pages: dict[str, set[str]] = {}
    for path, anchor in links:
        if path not in pages:
            pages[path] = _anchor_ids(get(client, html.unescape(path)).text)
        assert anchor in pages[path], (path, anchor)
    assert 'class="timeline"' in body and 'class="facts-grid"' in body and "Loaded language" in body


def test_article_page_marks_quotes_dates_and_removed_lines(client):
    record = get(client, f"/api/articles/{art(ARTICLE)}").json()
    body = get(client, f"/article/{art(ARTICLE)}").text
    for t in record["timexes"]:
        assert f'data-value="{html.escape(t["value"])}"' in body
    speakers = {q["speaker"]["canonical"] for q in record["quotes"] if q["speaker"]}
    for name in speakers:
        assert f'data-speaker="{html.escape(name)}"' in body
    assert body.count('class="removed"') == len(record["removed"])
    for e in record["events"]:
        assert f'id="e-{e["trigger"]["start"]}"' in body or f'class="event {e["status"]}' in body


def test_entity_page_lists_mentions_quotes_and_neighbours(client):
    marsh = get(client, "/api/entities?name=Lena%20Marsh").json()["items"][0]
    body = get(client, f"/entity/{marsh['id']}").text
    assert "Quotes by Lena Marsh" in body and "Mentioned with" in body
    assert len(re.findall(r'href="/article/[^"]+#s-\d+"', body)) >= marsh["mentions"]


def test_search_page_marks_matches(client):
    body = get(client, "/search?q=Brenna").text
    assert "<mark>Brenna</mark>" in body
    assert get(client, "/search").status_code == 200


def test_html_errors_are_pages(client):
    response = get(client, "/story/s-nothing", 404)
    assert response.headers["content-type"].startswith("text/html") and "no story with id" in response.text
    response = get(client, f"/articles?limit={MAX_LIMIT + 1}", 422)
    assert "limit" in response.text and response.headers["content-type"].startswith("text/html")


# -- markup and sentences -----------------------------------------------------------------

class _Tags(HTMLParser):
    """Checks that tags nest and collects the text between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Tags:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    assert not parser.stack
    return parser


def test_overlapping_spans_nest_and_keep_the_text():
    text = 'He said "the <dam> & the river", Lena Marsh added.'
    marks = [Mark("sent", 0, len(text), anchor="s-0"), Mark("quote", 9, 31, "q", "q-9"),
             Mark("ent", 13, 36, "crosses the quote end"), Mark("timex", 20, 25, "x", "t-20")]
    (para,) = render(text, marks)
    parsed = _parse(str(para.html))
    assert "".join(parsed.text) == text
    assert parsed.ids == ["s-0", "q-9", "t-20"]  # ids only on first fragments
    assert str(para.html).count('class="ent cont"') == 1  # the entity reopens after the quote closes
    assert "&lt;dam&gt; &amp;" in str(para.html)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab <>&"\n.'), min_size=1, max_size=60), st.data())
def test_any_spans_render_as_nested_html_with_the_same_text(text, data):
    kinds = ["sent", "quote", "speaker", "event", "ent", "timex", "qty"]
    marks = []
    for _ in range(data.draw(st.integers(0, 8))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        marks.append(Mark(data.draw(st.sampled_from(kinds)), start, end, '"t<', f"a-{start}"))
    rendered = render(text, marks)
    for para in rendered:
        parsed = _parse(str(para.html))
        assert "".join(parsed.text) == text[para.start:para.end]
        assert len(parsed.ids) == len(set(parsed.ids))


def test_an_empty_database_serves_every_page(tmp_path):
    path = tmp_path / "empty.db"
    open_db(path).close()
    with TestClient(create_app(path)) as empty:
        for url in ("/", "/articles", "/entities", "/search?q=anything"):
            assert empty.get(url).status_code == 200, url
        assert get(empty, "/api/articles").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
        assert get(empty, "/api/search?q=x").json()["articles"] == []


def test_a_missing_database_is_refused_at_startup(tmp_path):
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="no database"):
        create_app(tmp_path / "nothing.db")
