"""The parser-free sentence splitter shared by the web UI's anchors and the outlet comparison."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.sentences import Sentences, sentence_spans, sentence_start


def test_sentences_skip_abbreviations_and_initials():
    text = 'U.S. President Donald J. Trump met Mr. Putin. "It went well." Then they left!\nNew paragraph here.'
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "U.S. President Donald J. Trump met Mr. Putin.", '"It went well."', "Then they left!", "New paragraph here."]
    assert sentence_start(spans, text.index("Putin")) == 0
    assert sentence_start(spans, text.index("went")) == spans[1][0]


def test_around_gives_the_sentences_holding_a_span():
    text = "Gov. Hale signed the bill. Critics objected.\n\nA vote follows in May."
    sentences = Sentences(text)
    hale = text.index("Hale")
    assert text[slice(*sentences.around(hale, hale + 4))] == "Gov. Hale signed the bill."
    span = sentences.around(text.index("bill"), text.index("objected") + 3)
    assert text[slice(*span)] == "Gov. Hale signed the bill. Critics objected."
    # An offset in the blank lines between paragraphs belongs to the sentence before it.
    assert text[slice(*sentences.around(text.index("\n\n") + 1))] == "Critics objected."


def test_around_on_a_text_without_sentences():
    assert Sentences("   ").around(1, 2) == (1, 2)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab. !?\n\"”1"), max_size=80))
def test_sentence_spans_are_ordered_stripped_and_inside_the_text(text):
    spans = sentence_spans(text)
    for i, (s, e) in enumerate(spans):
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
        assert i + 1 == len(spans) or e <= spans[i + 1][0]
    sentences = Sentences(text)
    for s, e in spans:
        assert sentences.around(s, e) == (s, e)
