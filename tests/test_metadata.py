"""The metadata reader: each rule on small pages written for the tests, then the seeds, the
demo corpus and the real pages of the extraction benchmark.

The small pages get their body decisions from `_page` (prose lines of ten words or more are
body, unless a test says otherwise), not from the line model, so that they test the reader
alone and keep testing it while the model changes. All outlets in them are fictional.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.clean.lines import split_lines
from newsgraph.clean.metadata import Metadata, read_metadata
from newsgraph.clean.metadata.dates import find_dates, find_weekdays
from newsgraph.clean.metadata.gazetteer import load_gazetteer
from newsgraph.clean.metadata.view import PageView
from newsgraph.clean.page import CleanPage, Segmentation, assemble, clean_page
from newsgraph.clean.rules import match_rule
from newsgraph.config import Config
from newsgraph.records import RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
BENCH = SHARED / "bench" / "extraction" / "pages.jsonl"
DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"
DEMO_EXPECTED = DEMO.parent / "expected.json"

P1 = "Flood barriers along the Tarn held overnight as the river peaked two metres above its usual level."
P2 = "Around 300 residents of the lower town spent the night in the sports hall, the council said on Thursday."
P3 = "Engineers will inspect the barriers once the water has fallen, a spokesperson for the works office said."
P4 = "The last comparable flood, in 1987, left the market square under water for nearly a week."
BODY = [P1, P2, P3, P4]
HEADLINE = "Flood barriers hold in Tarnby as river peaks"


def _page(lines: list[str], body: set[str] | None = None, reasons: dict[str, str] | None = None) -> tuple[str, CleanPage]:
    """A raw page from `lines` ("" for a blank line) and its segmentation: lines in `body`
    (by default, lines of ten words or more that no rule names) are kept, the others
    removed for their rule or the reason given in `reasons`, else as "navigation"."""
    raw = "\n".join(lines) + "\n"
    split = split_lines(raw)
    rules = tuple(match_rule(ln.text) for ln in split)
    if body is None:
        body = {ln.text for ln, rule in zip(split, rules, strict=True) if rule is None and len(ln.text.split()) >= 10}
    decided = []
    for ln, rule in zip(split, rules, strict=True):
        if ln.text in body:
            decided.append(None)
        else:
            decided.append((reasons or {}).get(ln.text) or rule or "navigation")
    seg = Segmentation(tuple(split), tuple(0.9 if r is None else 0.1 for r in decided), rules, tuple(decided))
    return raw, assemble(seg)


def _read(lines: list[str], doc: RawDocument | None = None, body: set[str] | None = None,
          reasons: dict[str, str] | None = None) -> tuple[str, Metadata]:
    raw, page = _page(lines, body, reasons)
    return raw, read_metadata(raw, page, doc or RawDocument(id="t", data=raw, kind="page"))


def _line(raw: str, text: str) -> int:
    return next(ln.index for ln in split_lines(raw) if ln.text == text)


def _evidence_points_into_raw(raw: str, md: Metadata) -> None:
    for field, ev in md.evidence.items():
        assert raw[ev.start:ev.end] == ev.text, field


# --- title ---------------------------------------------------------------------------------


def test_title_is_the_line_that_repeats_the_first_line_without_its_outlet() -> None:
    raw, md = _read([f"{HEADLINE} - The Tarnby Gazette", "Home", "News", "Weather", HEADLINE, *BODY])
    assert md.title == HEADLINE
    assert md.line_reasons[_line(raw, HEADLINE)] == "title"
    assert md.evidence["title"].rule == "title:repeats_first_line"
    _evidence_points_into_raw(raw, md)


def test_title_after_a_glued_lede_and_before_a_caption() -> None:
    lede = P1 + " " + P2 + P3
    lines = [" date 2024-03-07 Region", lede, HEADLINE, "", "Sandbags in the market square of Tarnby.", *BODY]
    raw, md = _read(lines, reasons={lede: "duplicate_lede", HEADLINE: "caption"})
    assert md.title == HEADLINE
    # The cleaner put the headline down as a caption by its place; the metadata knows better.
    assert md.line_reasons[_line(raw, HEADLINE)] == "title"


def test_title_is_found_when_the_body_was_taken_to_start_at_the_lede() -> None:
    lede = P1 + " " + P2 + P3
    lines = [" date 2024-03-07 Region", lede, HEADLINE, "Sandbags in the market square of Tarnby.", *BODY]
    _, md = _read(lines, body={lede, *BODY})
    assert md.title == HEADLINE


def test_title_after_a_consent_banner_skips_furniture() -> None:
    lines = [
        "Our Privacy Statement & Cookie Policy",
        "By continuing to browse our site you agree to our use of cookies and our Terms of Use.",
        "I agree",
        HEADLINE,
        "Translating...",
        "By Mara Lind, Tarnby Reporter",
        "Published: 7 March 2024 10:12",
        "Sandbags line the quay on Thursday. Photo: Jon Berg/Tarnby Gazette",
        *BODY,
    ]
    raw, md = _read(lines)
    assert md.title == HEADLINE
    assert md.line_reasons[_line(raw, HEADLINE)] == "title"


def test_title_most_like_the_html_title_beats_nearer_furniture() -> None:
    lines = ["Storm shuts Tarnby ferry for a third day - Tarnby Gazette", "Home",
             "Storm shuts the Tarnby ferry for a third day running", "Copy link to this article", *BODY]
    _, md = _read(lines)
    assert md.title == "Storm shuts the Tarnby ferry for a third day running"
    assert md.evidence["title"].rule == "title:like_first_line"


def test_title_falls_back_to_the_html_title_and_to_nothing() -> None:
    _, md = _read(["Storm shuts Tarnby ferry for a third day - Tarnby Gazette", "Home", *BODY])
    assert md.title == "Storm shuts Tarnby ferry for a third day"
    assert "title" not in md.line_reasons.values()
    _, md = _read(BODY)
    assert md.title is None


def test_given_title_wins_and_names_its_line() -> None:
    doc = RawDocument(id="t", data="", kind="page", title=HEADLINE)
    raw, md = _read(["Tarnby Gazette", "Sandbags and pumps: how Tarnby got ready", HEADLINE, *BODY], doc=doc)
    assert md.title == HEADLINE
    assert [i for i, r in md.line_reasons.items() if r == "title"] == [_line(raw, HEADLINE)]
    doc = RawDocument(id="t", data="", kind="page", title="A headline this page never prints")
    _, md = _read(["Tarnby Gazette", HEADLINE, *BODY], doc=doc)
    assert md.title == "A headline this page never prints"
    assert "title" not in md.line_reasons.values()


# --- outlet --------------------------------------------------------------------------------


def test_outlet_from_a_teaser_credit() -> None:
    lines = [HEADLINE, *BODY, "A quay at dawn. - Tarnby Gazette Online, 1920, 04.03.2024", "More news"]
    raw, md = _read(lines)
    assert md.outlet == "Tarnby Gazette Online"
    assert md.evidence["outlet"].rule == "outlet:caption_credit"
    _evidence_points_into_raw(raw, md)


def test_outlet_speaking_of_itself() -> None:
    notice = "Content is automatically generated by Lumen Translate API. Nordvik Radio is not responsible for it."
    _, md = _read([notice, HEADLINE, *BODY])
    assert md.outlet == "Nordvik Radio"
    _, md = _read(["NRV uses cookies to make the site work. By continuing, you accept their use.", HEADLINE, *BODY])
    assert md.outlet == "NRV"


def test_outlet_from_copyright_without_company_form() -> None:
    _, md = _read([HEADLINE, *BODY, "© 2024 Tarnby Gazette Media Group. All rights reserved."])
    assert md.outlet == "Tarnby Gazette"
    _, md = _read([HEADLINE, *BODY, "© Severny Kurier, 2003–2024. Use with a link only."])
    assert md.outlet == "Severny Kurier"


def test_a_wire_agency_is_never_the_outlet() -> None:
    _, md = _read([HEADLINE, *BODY, "Copyright 2024 The Associated Press. All rights reserved."])
    assert md.outlet is None
    assert md.wire == ("Associated Press",)


def test_outlet_from_the_first_line_suffix_only_when_it_is_a_name() -> None:
    _, md = _read([f"{HEADLINE} | Tarnby Gazette", *BODY, "About Tarnby Gazette"])
    assert md.outlet == "Tarnby Gazette"
    _, md = _read(["Why the river rose - and why it will rise again", *BODY])
    assert md.outlet is None


def test_masthead_and_given_outlet() -> None:
    raw, md = _read(["Tarnby Gazette", "Home", HEADLINE, *BODY])
    assert md.outlet == "Tarnby Gazette"
    assert md.line_reasons[_line(raw, "Tarnby Gazette")] == "outlet_credit"
    _, md = _read(["Tarnby Gazette", HEADLINE, *BODY], doc=RawDocument(id="t", data="", kind="page", outlet="TG"))
    assert md.outlet == "TG"
    assert "outlet" not in md.evidence


# --- wire ----------------------------------------------------------------------------------


def test_wire_from_a_source_line_canonical_or_as_written() -> None:
    raw, md = _read([HEADLINE, *BODY, "Source(s): Xinhua", "Search Trends"])
    assert md.wire == ("Xinhua News Agency",)
    assert md.line_reasons[_line(raw, "Source(s): Xinhua")] == "wire_credit"
    _, md = _read([HEADLINE, *BODY, "Source: Lakeland Wire Service"])
    assert md.wire == ("Lakeland Wire Service",)


@pytest.mark.parametrize(("dateline", "agency"), [
    ("TARNBY, March 7 (Reuters) - ", "Reuters"),
    ("TARNBY, Norland (AP) — ", "Associated Press"),
    ("TARNBY (AFP) - ", "Agence France-Presse"),
    ("TARNBY, March 7. /TASS/. ", "TASS"),
])
def test_wire_from_a_dateline_which_stays_in_the_body(dateline: str, agency: str) -> None:
    _, md = _read([HEADLINE, dateline + P1, *BODY[1:]])
    assert md.wire == (agency,)
    assert md.line_reasons == {0: "title"}  # the paragraph that opens with the dateline stays


def test_wire_abbreviation_spelled_out_on_the_page() -> None:
    lines = [HEADLINE, "TARNBY (NPA) - " + P1, *BODY[1:], "Distributed by Northern Press Agency (NPA)."]
    raw, md = _read(lines)
    assert md.line_reasons[_line(raw, lines[-1])] == "wire_credit"
    assert md.wire == ("Northern Press Agency",)
    _, md = _read([HEADLINE, "TARNBY (UPDATE 2) - " + P1, *BODY[1:]])
    assert md.wire == ()


def test_wire_from_bylines_and_standalone_credits() -> None:
    raw, md = _read([HEADLINE, "By Reuters", *BODY])
    assert md.wire == ("Reuters",)
    assert md.line_reasons[_line(raw, "By Reuters")] == "byline"
    raw, md = _read([HEADLINE, "By Jan Holm, Associated Press", *BODY])
    assert md.wire == ("Associated Press",)
    raw, md = _read([HEADLINE, "Northern Press Agency", *BODY])
    assert md.wire == ("Northern Press Agency",)
    assert md.line_reasons[_line(raw, "Northern Press Agency")] == "wire_credit"


def test_wires_in_order_of_appearance_once_each_photo_credits_aside() -> None:
    lines = [HEADLINE, "A boat on the flooded quay. (AP Photo/Jan Berg)", "TARNBY (Reuters) - " + P1, *BODY[1:],
             "Copyright 2024 The Associated Press.", "Source: Reuters"]
    _, md = _read(lines)
    assert md.wire == ("Reuters", "Associated Press")
    _, md = _read([HEADLINE, "A boat on the flooded quay. (AP Photo/Jan Berg)", *BODY])
    assert md.wire == ()


# --- cited outlets -------------------------------------------------------------------------


def test_cited_outlets_in_order_canonical_and_deduplicated() -> None:
    body = [
        "The barriers cost 40 million crowns, Bloomberg reports, more than twice the first estimate.",
        "The works office had warned of seepage in 2022, according to the Guardian, which saw the letters.",
        "The mayor told the Tarnby Herald that the town would sue the contractor if the barriers failed.",
        "Bloomberg said later that the contractor had declined to comment on the figures it published.",
    ]
    raw, md = _read([HEADLINE, *body])
    assert md.cited_outlets == ("Bloomberg", "The Guardian", "Tarnby Herald")
    _evidence_points_into_raw(raw, md)


def test_cited_outlets_leave_out_the_page_itself_and_its_wire() -> None:
    body = [
        "TARNBY (Reuters) - The mayor told Reuters that the barriers had done their job on Thursday night.",
        "She told the Gazette on Friday that the town would now ask the state to pay for a second wall.",
        "Meridian Courier reported on Friday that the state had already set money aside for the work.",
    ]
    _, md = _read([HEADLINE, *body, "© 2024 Tarnby Gazette"])
    assert md.outlet == "Tarnby Gazette"
    assert md.wire == ("Reuters",)
    assert md.cited_outlets == ("Meridian Courier",)


def test_cited_outlets_vouched_for_by_media_nouns() -> None:
    body = [
        "The pumps failed twice, according to the Norland public broadcaster NRTV, which filmed the quay.",
        "Residents told the Tarnby Post, a local newspaper, that the sirens sounded far too late that night.",
        "Both state television and Nordlys Online presented the barriers as a national success on Friday.",
    ]
    _, md = _read([HEADLINE, *body])
    assert md.cited_outlets == ("NRTV", "Tarnby Post", "Nordlys Online")


def test_cited_outlets_ignore_people_institutions_and_objects() -> None:
    body = [
        "Council leader Ida Marsh said the barriers had been built to the highest standard available.",
        "According to Port Authority figures, the quay was closed for 31 hours in the worst of the flood.",
        "NATO said its engineers were not involved, and those with BED reported no change in symptoms.",
        "Yesterday Bloomberg reported that insurers expect claims of about 12 million crowns in total.",
        "The barriers, NRB reported, were last inspected in 2021 by a team from the national works agency.",
    ]
    _, md = _read([HEADLINE, *body])
    assert md.cited_outlets == ("Bloomberg", "NRB")


# --- published -----------------------------------------------------------------------------


def test_published_labelled_date_beats_an_update() -> None:
    lines = [HEADLINE, "Updated Oct. 16, 2025 4:31 p.m.", "Published Oct. 14, 2025", *BODY]
    raw, md = _read(lines)
    assert md.published is not None
    assert (md.published.value, md.published.source) == ("2025-10-14", "explicit")
    assert md.line_reasons[_line(raw, "Published Oct. 14, 2025")] == "dateline"
    _, md = _read([HEADLINE, "Updated Oct. 16, 2025 4:31 p.m.", *BODY])
    assert md.published is not None and md.published.value == "2025-10-16"


@pytest.mark.parametrize(("header", "value"), [
    ("Published: 14 October 2025 09:12", "2025-10-14"),
    ("Posted Friday, October 17, 2025 6:45 am", "2025-10-17"),
    ("Last updated 17 October 2025, 14:20", "2025-10-17"),
    ("21.10.2025 | 19:05", "2025-10-21"),
    (" date 2025-08-24 Region", "2025-08-24"),
    ("Von Mara Lind publiziert am 25. September 2019", "2019-09-25"),
])
def test_published_explicit_formats(header: str, value: str) -> None:
    _, md = _read([HEADLINE, header, *BODY])
    assert md.published is not None
    assert (md.published.value, md.published.source) == (value, "explicit")


def test_published_ignores_captions_and_other_articles_dates() -> None:
    lines = [HEADLINE, "In this June 2, 2019 file image, the old barrier is seen from the bridge.", *BODY,
             "Flood insurance claims expected to double", "Sept. 30, 2025"]
    _, md = _read(lines, reasons={"Flood insurance claims expected to double": "related_teaser",
                                  "Sept. 30, 2025": "related_teaser"})
    assert md.published is None


def test_published_inferred_from_a_caption_date_and_a_weekday() -> None:
    caption = "Sandbags on the quay in Tarnby, Norland, March 20, 2025. /VCG"
    _, md = _read([HEADLINE, caption, *BODY])  # P2: "the council said on Thursday"
    assert md.published is not None
    assert (md.published.value, md.published.source) == ("2025-03-20", "inferred")
    assert "Thursday" in md.published.evidence and "March 20, 2025" in md.published.evidence
    wrong_day = "Sandbags on the quay in Tarnby, Norland, March 21, 2025. /VCG"
    _, md = _read([HEADLINE, wrong_day, *BODY])
    assert md.published is None


def test_published_inferred_takes_the_latest_fitting_date() -> None:
    lines = [HEADLINE, "The quay on March 13, 2025. /VCG", "The quay again on March 20, 2025. /VCG", *BODY]
    _, md = _read(lines)
    assert md.published is not None and md.published.value == "2025-03-20"


def test_published_given_by_the_caller_wins() -> None:
    doc = RawDocument(id="t", data="", kind="page", published="2025-01-02")
    _, md = _read([HEADLINE, "Published: 14 October 2025", *BODY], doc=doc)
    assert md.published is not None
    assert (md.published.value, md.published.source, md.published.evidence) == (
        "2025-01-02", "given", "given by the caller")


def test_dates_and_weekdays_reader() -> None:
    text = ("On 2025-08-24, 21.10.2025, Oct. 14, 2025, 14 October 2025, 17 de octubre de 2025, 11/19/2019, "
            "in 2019, 05/06/2019, 2025-02-30 and 24 January.")
    assert [h.value for h in find_dates(text)] == [
        dt.date(2025, 8, 24), dt.date(2025, 10, 21), dt.date(2025, 10, 14), dt.date(2025, 10, 14),
        dt.date(2025, 10, 17), dt.date(2019, 11, 19)]
    for hit in find_dates(text):
        assert text[hit.start:hit.end] == hit.text
    days = [w.text for w in find_weekdays("It rose on Thursday, talks resume next Monday and run until Friday.")]
    assert days == ["on Thursday"]


def test_years_are_read_at_number_edges_and_window_ends() -> None:
    # Years inside longer numbers are no years; two years may stand back to back in a date
    # range; a window that cuts a year off reads nothing; non-ASCII decimal digits count.
    assert find_dates("ref 120251 and 20251 and 2025-10-144") == []
    assert [h.text for h in find_dates("14 Oct 2019-2020 and 3 May 2020")] == ["14 Oct 2019", "3 May 2020"]
    text = "x 14 October 2025"
    assert find_dates(text, 0, len(text) - 1) == []
    assert [h.text for h in find_dates(text, 2)] == ["14 October 2025"]
    assert find_dates("2025", 0, 1) == [] and find_dates("") == []
    assert [h.value for h in find_dates("on 14 October 20٢٥")] == [dt.date(2025, 10, 14)]


@pytest.mark.parametrize(("line", "caption"), [
    ("Rescuers search the rubble in Tarnby (Photo: Tarnby Gazette)", True),
    ("In this undated file image, the market square lies under water", True),
    ("IN THIS FILE PHOTO the barriers are seen from the bridge", True),
    ("Residents leave the sports hall, FILE PHOTO of last year", True),
    ("Residents leave the sports hall on Thursday morning", False),
    ("Résidents du quartier, İn this photo: la place du marché", True),
])
def test_captions_found_by_their_wording(line: str, caption: bool) -> None:
    raw, page = _page([HEADLINE, line, *BODY], body=set(BODY))
    view = PageView(raw, page)
    assert view.is_caption(_line(raw, line), by_position=False) is caption


# --- section -------------------------------------------------------------------------------


def test_section_label_above_the_headline_set_apart_from_the_menu() -> None:
    lines = ["Tarnby Gazette", "News", "Region", "Sport", "", "Region", "", HEADLINE, *BODY]
    _, md = _read(lines)
    assert md.section == "Region"
    assert md.line_reasons[4] == "section"  # the label's line, not the menu's "Region"
    # The last item of a menu right above the headline is not a section.
    _, md = _read(["Tarnby Gazette", "News", "Region", "Sport", HEADLINE, *BODY])
    assert md.section is None
    # Nor is a label the page names nowhere else, or an interface string.
    _, md = _read(["Tarnby Gazette", "", "Flood Watch", "", HEADLINE, *BODY])
    assert md.section is None
    _, md = _read(["Tarnby Gazette", "Advertisement", "", "Advertisement", "", HEADLINE, *BODY])
    assert md.section is None


@pytest.mark.parametrize(("crumb", "section"), [
    ("Business | Markets", "Business"),
    ("Home > World > Europe", "World"),
    ("EN | DE", None),
])
def test_section_from_a_breadcrumb(crumb: str, section: str | None) -> None:
    _, md = _read(["Tarnby Gazette", "World", "Business", "", crumb, "", HEADLINE, *BODY])
    assert md.section == section


def test_section_after_the_date_of_a_header_line() -> None:
    _, md = _read([" date 2025-08-24 International", HEADLINE, *BODY])
    assert md.section == "International"
    _, md = _read([HEADLINE, "Nov. 20, 2019 6:02 AM EST", *BODY])
    assert md.section is None


# --- line reasons and robustness -----------------------------------------------------------


def test_line_reasons_name_kept_metadata_lines_but_not_rule_removed_ones() -> None:
    lines = ["Business | Markets", HEADLINE, "By Mara Lind, Tarnby Reporter", "Updated Oct. 16, 2025",
             "We use cookies to improve your experience. Accept our cookie policy to continue reading.", *BODY]
    raw, page = _page(lines, body={HEADLINE, "By Mara Lind, Tarnby Reporter", "Updated Oct. 16, 2025", *BODY})
    md = read_metadata(raw, page, RawDocument(id="t", data=raw, kind="page"))
    assert md.line_reasons == {1: "title", 2: "byline", 3: "dateline"}
    assert md.section is None  # a breadcrumb on the first line is the site's <title>, not a section


def test_empty_and_furniture_only_pages() -> None:
    for lines in ([""], ["I agree", "Subscribe"], ["Home", "News"]):
        _, md = _read(lines)
        assert (md.title, md.outlet, md.section, md.wire, md.cited_outlets, md.published) == (
            None, None, None, (), (), None)
    md = read_metadata("", clean_page("", Config()), RawDocument(id="t", data="", kind="page"))
    assert md.evidence == {} and md.line_reasons == {}


def test_gazetteer_data_is_consistent() -> None:
    gaz = load_gazetteer()
    assert gaz.wire("AP") == "Associated Press" and gaz.wire("ap") is None
    assert gaz.wire("the associated press") == "Associated Press"
    assert gaz.outlet("the Guardian") == "The Guardian"
    assert gaz.outlet("Reuters") == "Reuters"
    assert gaz.looks_like_outlet("Kestrel News Network") and not gaz.looks_like_outlet("Port Authority")
    assert gaz.looks_like_agency("Continental Press Agency") and not gaz.looks_like_agency("European Space Agency")
    anchors = gaz.media_phrases
    assert all(anchor in phrase for anchor, phrases in anchors.items() for _, phrase in phrases)


# --- ground truth --------------------------------------------------------------------------


def _gold(path: Path) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


SEED_GOLD = {k: v for k, v in _gold(SEEDS / "gold.json").items() if k.endswith(".txt")}
DEMO_GOLD = _gold(DEMO_EXPECTED)


def _check_against_gold(raw: str, gold: dict) -> None:
    md = read_metadata(raw, clean_page(raw, Config()), RawDocument(id="gold", data=raw, kind="page"))
    assert md.title == gold["title"]
    assert md.outlet == gold["outlet"]
    assert md.section == gold.get("section")
    assert list(md.wire) == gold["wire"]
    assert list(md.cited_outlets) == gold["cited_outlets"]
    want = gold["published"]
    if want is None:
        assert md.published is None
    else:
        assert md.published is not None
        assert md.published.source == want["source"]
        assert md.published.value in [want["value"], *want.get("also_accept", [])]
    _evidence_points_into_raw(raw, md)


@pytest.mark.parametrize("name", sorted(SEED_GOLD) or ["(no seeds)"])
def test_seed_metadata_matches_gold(name: str) -> None:
    if name not in SEED_GOLD:
        pytest.skip("../shared/seeds is not next to the repository")
    _check_against_gold((SEEDS / name).read_text(encoding="utf-8"), SEED_GOLD[name])


@pytest.mark.parametrize("name", sorted(DEMO_GOLD) or ["(no demo corpus)"])
def test_demo_metadata_matches_expected(name: str) -> None:
    if name not in DEMO_GOLD:
        pytest.skip("demo/expected.json is missing")
    _check_against_gold((DEMO / name).read_text(encoding="utf-8"), DEMO_GOLD[name])


def test_real_pages_never_crash_and_keep_evidence_in_the_raw_page() -> None:
    if not BENCH.exists():
        pytest.skip("../shared/bench is not next to the repository")
    titled = 0
    rows = [json.loads(line) for line in BENCH.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        raw = row["text"]
        page = clean_page(raw, Config())
        md = read_metadata(raw, page, RawDocument(id=row["id"], data=raw, kind="page", url=row.get("url")))
        _evidence_points_into_raw(raw, md)
        assert all(0 <= i < len(page.segmentation.lines) for i in md.line_reasons)
        if md.published is not None:
            dt.date.fromisoformat(md.published.value)
        titled += md.title is not None
    assert titled >= 0.95 * len(rows)
