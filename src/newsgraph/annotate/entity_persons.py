"""Second opinions on the small model's PERSON label, from how the document uses the name.

en_core_web_sm calls many unfamiliar capitalised words persons: a country it has never seen
("ships off Norvala"), a company ("the state-owned company Brightwater Hydro"), a paper ("told the
Courier"), the name in "the Kesh reservoir". A person is written differently: with a first
name or a title, often as the one who speaks or acts, and never "in central X". So a PERSON
name with no known first name and no title is read again over all its mentions, each voting
for what it reads as; the person reading stays unless another reading wins outright.
Countries act and speak in news too ("Norvala arrived at the talks weakened"), so acting
is a vote, not a proof.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["governing", "reread_person"]

# Prepositions after which a bare name is a place ("in Vestmark", "off Porthaven"). "from",
# "to" and "with" are left out: letters come from people and talks are held with them.
_PLACE_PREPOSITIONS = frozenset({"in", "inside", "outside", "across", "throughout", "off", "near", "into", "within"})
# Modifiers only a region takes ("central Vestmark", "rural Orlenia").
_REGION_MODIFIERS = frozenset({
    "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "rural", "coastal", "upper", "lower",
})  # fmt: skip
# Last words of street and site names ("Mill Lane").
_STREET_WORDS = frozenset({
    "Lane", "Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Drive", "Square", "Quay", "Wharf",
    "Terrace", "Crescent", "Highway", "Motorway", "Embankment",
})  # fmt: skip
# Nouns a person's name modifies ("the Obama administration", "the Kennedy clan").
_PERSONAL_NOUNS = frozenset({
    "administration", "campaign", "family", "clan", "government", "presidency", "era", "camp", "team", "years",
    "doctrine", "estate", "children", "brothers", "sisters", "household", "dynasty", "foundation", "memoir",
    "biography", "cabinet", "transition", "legacy", "tenure", "aides", "allies", "supporters", "voters",
})  # fmt: skip
# Nouns that introduce an organisation's name ("the state-owned company X"). Nouns that are
# also jobs ("crane operator X", "carrier") are left out.
_ORGANISATION_NOUNS = frozenset({
    "company", "firm", "utility", "group", "agency", "insurer", "bank", "lender", "manufacturer", "developer",
    "retailer", "supplier", "contractor", "broadcaster", "newspaper", "tabloid", "magazine", "network", "charity",
    "airline", "startup", "conglomerate", "subsidiary", "regulator",
})  # fmt: skip


def reread_person(doc, spans: Sequence[tuple[int, int]], titled: bool, is_title: Callable[[str], bool]) -> str | None:
    """The kind the mentions `spans` ([first, last) token ranges of one name) agree on instead
    of person: "place", "organisation" or "drop" (not a name of its own), or None to keep the
    person. `titled` says a mention has a title or an honorific, which settles it. `is_title`
    tells titles: a name before one ("Ryanair CEO") votes against the person without saying
    what else it is, and with no other vote it is taken for an organisation."""
    if titled:
        return None
    votes = {"person": 0}
    for first, last in spans:
        vote = _vote(doc, first, last, is_title)
        if vote is not None:
            votes[vote] = votes.get(vote, 0) + 1
    against = sum(n for kind, n in votes.items() if kind != "person")
    if against <= votes["person"]:
        return None  # a tie keeps the person
    kinds = {kind: n for kind, n in votes.items() if kind not in ("person", "not person")}
    best = max(sorted(kinds), key=lambda kind: kinds[kind]) if kinds else "organisation"
    if best == "drop" and votes["drop"] < len(spans):
        return None  # a name that stands alone somewhere is kept
    return best


def governing(tok):
    """The token whose dependency decides the reading: the first conjunct of a coordination."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _with_places(tok, first) -> bool:
    """Coordinated with names NER calls places ("Orlenia, Vestmark and Kasmaria"); `first`
    is the coordination's first conjunct."""
    group = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.i != tok.i)]
    return any(t.ent_type_ in ("GPE", "LOC") for t in group if t.i != tok.i)


def _acts(tok) -> bool:
    """The name does or says something ("Marsh said", "was hired by Marsh"); `tok` is the
    first conjunct of its coordination."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_ != "be"
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _vote(doc, first: int, last: int, is_title: Callable[[str], bool]) -> str | None:
    """What one mention says the name is, or None when it says nothing."""
    head = doc[last - 1]
    before = doc[first - 1] if first > 0 else None
    if last - first > 1 and head.text in _STREET_WORDS:
        return "place"
    if before is not None and before.lower_ in _REGION_MODIFIERS:
        return "place"
    first_conjunct = governing(head)
    if first_conjunct.dep_ == "pobj" and first_conjunct.head.lower_ in _PLACE_PREPOSITIONS:
        return "place"
    if _with_places(head, first_conjunct):
        return "place"
    after = doc[last] if last < len(doc) else None
    if after is not None and head.dep_ == "compound" and is_title(after.text):
        return "not person"  # "Vestmark Foreign Minister X", "Ryanair CEO X": a country's or a company's
    if before is not None and before.lower_ in _ORGANISATION_NOUNS and not (
        first > 1 and doc[first - 2].dep_ == "compound"
    ):
        return "organisation"
    if head.dep_ == "appos" and head.head.lower_ in _ORGANISATION_NOUNS:
        return "organisation"
    if _acts(first_conjunct):
        return "person"
    if before is not None and before.lower_ == "the":
        # "the Kesh reservoir": a modifier of a common noun is no name of its own, unless the
        # noun is one a person's name goes with ("the Obama administration"). "told the
        # Ledger": a bare name after "the" is an organisation or a title, unless a family
        # ("the Clintons").
        if after is not None and after.pos_ == "NOUN" and head.dep_ in ("compound", "amod"):
            return None if after.lower_ in _PERSONAL_NOUNS else "drop"
        if (after is None or after.pos_ not in ("NOUN", "PROPN")) and not head.text.endswith("s"):
            return "organisation"
    return None
