"""Entities with canonical names, roles and countries.

One `Entity` per mention: spaCy's PERSON, ORG, GPE, NORP, LOC and FAC mentions (and
WORK_OF_ART or PRODUCT mentions that name a news outlet), plus what NER missed: countries,
seats of government, buildings and organisations of the gazetteer ("Downing Street"), and
later surname-only mentions of a person it found in full ("Lavrov later repeated"). Dates,
numbers and the like are left to the timex and quantity annotators. Spans drop a trailing
possessive and a leading "the" ("the United States" -> "United States"), so the span is the
name; a one-word ORG closing a capitalised title is no entity ("Secretary of State").

Kind (what the entity is for a reader), first rule that applies:
1. A news outlet of the outlet list (`clean/data`), or an ORG whose name ends like one
   ("Meridian Post"): outlet.
2. A name of the gazetteer: country, place, organisation; buildings and seats of
   government by metonymy (below). NER labels are often wrong on these ("Kyiv" PERSON,
   "Bloomberg" GPE), so the lists win, except over a PERSON whose one-word name is also a
   name of a person in the document or a common first name.
3. A demonym or group adjective ("Russian", "Europeans"): group, with the country.
4. A person: PERSON mentions; and ORG/GPE/LOC/NORP/FAC mentions that repeat the name of a
   person of the document ("Trump" tagged ORG next to "Donald Trump"), name a prominent
   person of the gazetteer by surname, or are two or three capitalised words opening with
   a known first name ("Lester Holt" tagged ORG).
5. Otherwise by label: ORG organisation, NORP group, GPE/LOC/FAC place.
`label` is spaCy's, corrected when the kind contradicts it: PERSON for persons, GPE for a
place NER called a person or an organisation, NORP for groups, ORG for outlets and
organisations (a metonym keeps its place label: "Moscow" GPE, kind organisation).

Metonymy: a building ("Kremlin", "White House", "Downing Street") stands for its
institution (Russian government, US government, UK government) unless it is the object of a
place preposition ("at the White House") or of a verb of visiting ("visited the
Kremlin"). A seat of government ("Moscow", "Kyiv",
"Washington"; "Brussels" for the European Union) stands for it only as an actor: subject of
a verb that is not stative ("Moscow said", "Kyiv has reiterated"), agent of a passive,
"according to", owner of a stance ("Moscow's position"), or modifier of an agent noun
("Washington officials"). Otherwise, and in an all-capitals dateline ("LONDON —"), it is
a place. A country stays a country ("Russia insists"); "Georgia" is the US state when
another place of the document is in the US.

Canonical names: persons by `coref.canonical_person_names` (titles, possessives and an
epithet before a first name stripped: "Crooked Hillary Clinton"; "Starmer" -> "Keir
Starmer"; "Clinton" alone -> the Clinton the document names in full first, see coref);
gazetteer names by the gazetteer ("U.S.", "America", "the United States" -> "United States";
"Kremlin" as actor -> "Russian government"); outlets by the outlet list; an all-capitals
acronym by the organisation of the document whose initials it spells ("CFPB" -> "Consumer
Financial Protection Bureau"); groups in the singular ("Republicans" -> "Republican").

Roles (`entity_roles`): the title phrase as written, with its qualifiers, from (first found) a pre-modifier
("Russian Foreign Minister Sergey Lavrov" -> "Russian Foreign Minister", "Kremlin spokesman
Dmitry Peskov" -> "Kremlin spokesman", "Britain's Prime Minister Keir Starmer" ->
"Britain's Prime Minister"), an apposition after the name ("Yuri Ushakov, a Kremlin aide,"
-> "Kremlin aide"), or an apposition before it ("the chairman of the committee, Jeb
Hensarling"). The phrase must end in a role noun (gazetteer titles, or a lower-case agent
noun: "rapper", "pollster"), not a kinship noun. The first role found in the document goes
to every mention of the person. A person's country is the first country, demonym, seat or
building named in a role ("Kremlin spokesman" -> Russia); else the gazetteer's for a
prominent person; else none. Organisations get the country their name holds ("Ukrainian
Armed Forces") or the gazetteer gives; places the gazetteer's, or the country named right
after them ("Riyadh, Saudi Arabia").

Page context (`context`: the headline and photo captions, parsed): the persons they name in
full, with the roles and countries those texts give them by the rules above, count as if the
body had named them, for canonical names ("Starmer" in the body -> "Keir Starmer" of the
caption "Britain's Prime Minister Keir Starmer speaks ..."), person words (rule 4), surnames
NER missed, roles and countries. The body still comes first: its own full names are earlier
in the coreference's order, and its own role wins, being the one written next to the
mentions. Only names whose surname the body writes are taken, and in a title-case headline
only names NER cannot have run into the words around them (`_reliable`). The context yields
no entities: records are spans of the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.annotate.coref import canonical_person_names, split_title, surname
from newsgraph.annotate.entity_persons import governing, reread_person
from newsgraph.annotate.entity_roles import POSSESSIVES, country_in, mention_role, person_roles
from newsgraph.annotate.gazetteer import Entry, Gazetteer, load_gazetteer
from newsgraph.clean.metadata.gazetteer import Gazetteer as Outlets
from newsgraph.clean.metadata.gazetteer import load_gazetteer as load_outlets
from newsgraph.clean.metadata.scan import word_at
from newsgraph.records import Entity

__all__ = ["find_entities"]

_KIND_OF_LABEL = {
    "PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group", "LOC": "place", "FAC": "place",
}  # fmt: skip
_OUTLET_ONLY = frozenset({"WORK_OF_ART", "PRODUCT"})
_DROP = "drop"
_STATIVE_VERBS = frozenset({
    "be", "lie", "sit", "remain", "become", "have", "host", "see", "stand", "border", "look", "seem", "feel",
    "experience", "suffer", "attract", "get", "wake",
})  # fmt: skip
_STANCE_NOUNS = frozenset({
    "position", "stance", "demand", "demands", "decision", "response", "proposal", "offer", "policy", "refusal",
    "claim", "claims", "statement", "plan", "move", "approach", "strategy", "warning", "threat", "accusation",
    "accusations", "reaction", "support", "call", "request", "insistence", "rejection", "invasion", "offensive",
    "attack", "attacks", "strikes", "aggression", "actions", "envoy", "ambassador", "officials", "representative",
    "delegation", "spokesman", "spokeswoman", "spokesperson", "view", "concerns", "objections", "terms",
})  # fmt: skip
_AGENT_NOUNS = frozenset({
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "envoy",
    "delegation", "negotiator", "negotiators", "diplomat", "diplomats", "authorities", "government", "leadership",
    "administration", "regime", "insider", "insiders", "aide", "aides", "leaders", "policymakers",
})  # fmt: skip
_LOCATIVE = frozenset({
    "at", "in", "inside", "outside", "near", "into", "on", "across", "around", "toward", "towards", "within",
    "opposite", "past", "through", "beyond", "over", "onto",
})  # fmt: skip
_VISIT_VERBS = frozenset({"visit", "enter", "leave", "tour", "reach", "occupy", "storm", "surround", "guard"})
_ORG_TAILS = frozenset({
    "Center", "Centre", "Foundation", "Institute", "Institution", "University", "College", "Committee", "Party",
    "Network", "Group", "Company", "Corporation", "Council", "Commission", "Agency", "Association", "Bank",
    "Fund", "Inc.", "Ltd", "Society", "Union", "Club", "Court", "Department", "Ministry", "Office",
})  # fmt: skip
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z&]){1,6}\.?$")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "to", "at"})
_PLURAL_GROUP = re.compile(r"(?:an|at|ic|ist|im|ite)s$")


@dataclass(slots=True)
class _Mention:
    """A mention while it is being classified. Token indices: [first, last) is the span,
    `name_first` where the name starts after titles inside the span."""

    first: int
    last: int
    name_first: int
    start: int
    end: int
    label: str
    name: str
    gender: str | None = None
    kind: str = ""
    canonical: str = ""
    country: str | None = None
    entry: Entry | None = None
    outlet: str | None = None
    maybe_place: bool = False
    metonym: bool = False


@dataclass(slots=True)
class _Named:
    """A person the page context names in full, with the role and country it gives them."""

    name: str
    gender: str | None
    role: str | None
    country: str | None
    kind: str = "person"
    canonical: str = ""


def find_entities(doc, context: Sequence = ()) -> list[Entity]:
    """Every named-entity mention of `doc` with its kind, canonical name, role and country.

    `context` holds parsed texts of the same page that are not the body (the headline, photo
    captions): they yield no mentions, but the full names and roles they print count for the
    body's mentions ("Starmer" in the body, "Britain's Prime Minister Keir Starmer" in a caption).
    """
    if not len(doc):
        return []
    gaz, outlets = load_gazetteer(), load_outlets()
    text = doc.text  # a property that joins the tokens again on every access: read it once
    named = _context_people(context, text, gaz, outlets)
    mentions = _ner_mentions(doc, text, gaz)
    mentions += _missed_mentions(doc, text, gaz)
    mentions.sort(key=lambda m: m.start)
    _classify(doc, text, mentions, gaz, outlets, _person_words(named))
    mentions += _missed_surnames(doc, mentions, named, gaz)
    mentions.sort(key=lambda m: m.start)
    persons = [m for m in mentions if m.kind == "person"]
    everyone = persons + named  # the body first: its own full names come first in the coref's order
    names = canonical_person_names([m.name for m in everyone], [m.gender for m in everyone], gaz)
    for mention, name in zip(everyone, names, strict=True):
        mention.canonical = name
    roles = person_roles(doc, text, persons, gaz)
    _add_context_roles(roles, named)
    _link_acronyms(mentions)
    entities = []
    for m in mentions:
        role, country = roles.get(m.canonical, (None, None)) if m.kind == "person" else (None, m.country)
        if m.kind == "person" and country is None:
            known = gaz.known_person(m.canonical)
            country = known.country if known else None
        entities.append(
            Entity(m.start, m.end, text[m.start : m.end], _label(m), m.canonical or m.name, m.kind, role, country)
        )
    return entities


# --- mentions ---------------------------------------------------------------------------


def _ner_mentions(doc, text: str, gaz: Gazetteer) -> list[_Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in _KIND_OF_LABEL and ent.label_ not in _OUTLET_ONLY:
            continue
        first, last = ent.start, ent.end
        while last > first and (doc[last - 1].text in POSSESSIVES or doc[last - 1].is_punct):
            last -= 1
        if last > first and doc[first].lower_ == "the" and not _keeps_the(doc, text, first, last, gaz):
            first += 1
        if last <= first:
            continue
        words = [t.text for t in doc[first:last]]
        if not any(c.isupper() for c in "".join(words)):
            continue
        cut, gender = split_title(words, gaz) if ent.label_ == "PERSON" else (0, None)
        if ent.label_ == "PERSON" and last - first - cut >= 3 and _epithet(words[cut], words[cut + 1], gaz):
            cut += 1  # "Crooked Hillary Clinton"
        if gender is None and first > 0:
            gender = gaz.honorific_gender(doc[first - 1].text)[1]
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        name = " ".join(text[doc[first + cut].idx : end].split())
        out.append(_Mention(first, last, first + cut, start, end, ent.label_, name, gender))
    return out


def _epithet(word: str, following: str, gaz: Gazetteer) -> bool:
    """True for a word before a first name that is no name itself ("Crooked Hillary")."""
    return gaz.first_name_gender(word) is None and gaz.first_name_gender(following) is not None


def _keeps_the(doc, text: str, first: int, last: int, gaz: Gazetteer) -> bool:
    """True for names that begin with "The" ("The Hague", "The Gambia")."""
    return gaz.names_exactly(text[doc[first].idx : doc[last - 1].idx + len(doc[last - 1])])


def _missed_mentions(doc, text: str, gaz: Gazetteer) -> list[_Mention]:
    """Countries, buildings and organisations of the gazetteer outside NER's mentions,
    matched with exact case and not inside a longer capitalised name."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out = []
    skip_to = 0
    for tok in doc:
        if tok.i < skip_to or tok.i in covered:
            continue
        names = gaz.scan_names.get(tok.text)
        if not names:
            continue
        for name in names:
            end = tok.idx + len(name)
            if text[tok.idx : end] != name or (end < len(text) and text[end].isalnum()):
                continue
            span = doc.char_span(tok.idx, end)
            if span is None or any(i in covered for i in range(span.start, span.end)):
                continue
            if _capitalised(doc, tok.i - 1) or _capitalised(doc, span.end):
                break
            entry = gaz.lookup(name)
            label = {"country": "GPE", "place": "GPE", "building": "FAC"}.get(entry.kind, "ORG") if entry else "ORG"
            out.append(_Mention(span.start, span.end, span.start, tok.idx, end, label, name))
            skip_to = span.end
            break
    return out


def _missed_surnames(doc, mentions: list[_Mention], named: list[_Named], gaz: Gazetteer) -> list[_Mention]:
    """Later mentions of a person by surname alone that NER missed ("Lavrov later repeated"):
    proper-noun tokens equal to the last word of a full name found in the document or named
    by its page context."""
    surnames = {surname(m.name) for m in mentions if m.kind == "person" and " " in m.name}
    surnames.update(surname(n.name) for n in named)
    if not surnames:
        return []
    covered = {i for m in mentions for i in range(m.first, m.last)}
    covered.update(i for ent in doc.ents for i in range(ent.start, ent.end))
    out = []
    for tok in doc:
        if tok.text in surnames and tok.i not in covered and tok.pos_ == "PROPN":
            gender = gaz.honorific_gender(doc[tok.i - 1].text)[1] if tok.i else None
            end = tok.idx + len(tok)
            out.append(_Mention(tok.i, tok.i + 1, tok.i, tok.idx, end, "PERSON", tok.text, gender, kind="person"))
    return out


def _capitalised(doc, i: int) -> bool:
    """True when token i exists, is a word with a capital and does not open its sentence."""
    if i < 0 or i >= len(doc):
        return False
    tok = doc[i]
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start


# --- page context -----------------------------------------------------------------------

# Words of a person's name: letters with inner hyphens, apostrophes and initials' periods.
_NAME_LIKE = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*)*")


def _context_people(context: Sequence, body: str, gaz: Gazetteer, outlets: Outlets) -> list[_Named]:
    """Persons the other texts of the page name in full and the body writes by surname, with
    the role and country those texts give them. Each text goes through the body's own rules
    (NER mentions, kinds, roles), and keeps only the names `_reliable` accepts."""
    out: list[_Named] = []
    for cdoc in context:
        if not len(cdoc):
            continue
        ctext = cdoc.text
        mentions = _ner_mentions(cdoc, ctext, gaz)
        _classify(cdoc, ctext, mentions, gaz, outlets)
        persons = [m for m in mentions if m.kind == "person"]
        title_case = _title_case(cdoc)
        person_tokens = {i for m in persons for i in range(m.first, m.last)}
        for m in persons:
            if " " not in m.name or not _NAME_LIKE.fullmatch(m.name):
                continue  # a photo credit ("Jane Doe/Harbour Ledger") is no name of the story's
            if not _written(body, surname(m.name)) or not _reliable(cdoc, m, title_case, gaz):
                continue
            role, country = mention_role(cdoc, ctext, m, gaz, person_tokens)
            out.append(_Named(m.name, m.gender, role, country))
    return out


def _reliable(doc, m: _Mention, title_case: bool, gaz: Gazetteer) -> bool:
    """True for a full name NER is unlikely to have run into the words around it. Where every
    word is capitalised, NER does ("Obama Says", "Hillary Asking Moderator"): there a name must
    open with a known first name and be proper nouns throughout. In sentence case only the
    sentence's first word is capitalised for no reason ("Derelict Obama and Clinton")."""
    known_first = gaz.first_name_gender(m.name.split()[0]) is not None
    if title_case:
        return known_first and all(t.pos_ in ("PROPN", "PUNCT") for t in doc[m.name_first : m.last])
    return known_first or not doc[m.name_first].is_sent_start


def _title_case(doc) -> bool:
    """True for a text whose words are all capitalised but for stop words ("Hillary Clinton Was
    Headed to ER"), as headlines often are; a caption names many people and places, but its
    verbs and common nouns are in lower case ("speaks to reporters")."""
    lower = capitalised = 0
    for tok in doc:
        if tok.is_alpha and not tok.is_stop:
            if tok.text[0].isupper():
                capitalised += 1
            else:
                lower += 1
    return lower == 0 and capitalised >= 2


def _written(text: str, word: str) -> bool:
    """True when `word` occurs in `text` as a whole word."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if word_at(text, at, end):
            return True
        at = text.find(word, end)
    return False


def _add_context_roles(roles: dict[str, tuple[str | None, str | None]], named: list[_Named]) -> None:
    """Roles and countries the context gives persons the body gives none, in place: the body's
    own role comes first, being the one written next to its mentions."""
    for n in named:
        role, country = roles.get(n.canonical, (None, None))
        if role is None and (n.role is not None or country is None):
            roles[n.canonical] = (n.role, n.country or country)


# --- kinds ------------------------------------------------------------------------------


def _classify(
    doc, text: str, mentions: list[_Mention], gaz: Gazetteer, outlets: Outlets, named: frozenset[str] = frozenset()
) -> None:
    """Set kind, canonical name (persons: later) and country of every mention, in place.
    `named` are words of the persons the page context names (see `_person_words`)."""
    for m in mentions:
        m.entry = gaz.lookup(m.name)
        m.outlet = _outlet_name(m, gaz, outlets)
        if m.label in _OUTLET_ONLY:
            m.kind = "outlet" if m.outlet else _DROP
        elif _inside_title(doc, m, gaz):
            m.kind = _DROP
        elif m.label == "PERSON":
            _person_or_not(m, gaz)
    _reread_persons(doc, mentions, gaz, named)
    person_words = _person_words(mentions) | named
    deferred = []
    for m in mentions:
        if m.kind:
            continue
        if m.maybe_place and m.name in person_words:
            m.kind = "person"
        elif m.outlet:
            m.kind, m.canonical = "outlet", m.outlet
        elif m.entry is not None:
            _from_entry(doc, text, m, mentions, gaz)
        elif (found := gaz.demonym(m.name))[0]:
            m.kind, m.canonical, m.country = "group", _singular(m.name), found[1]
        elif _looks_like_person(m, person_words, gaz):
            m.kind = "person"
        else:
            deferred.append(m)
    person_words = _person_words(mentions) | named  # now with the persons NER mislabelled
    for m in deferred:
        if m.label != "NORP" and m.name in person_words:
            m.kind = "person"
            continue
        m.kind = _KIND_OF_LABEL.get(m.label, "organisation")
        m.canonical = _singular(m.name) if m.kind == "group" else m.name
        m.country = country_in(m.name.split(), gaz) if m.kind == "organisation" else None
    for m in mentions:
        if m.kind == "place" and m.country is None:
            m.country = _country_after(doc, m, mentions)
    mentions[:] = [m for m in mentions if m.kind != _DROP]


def _outlet_name(m: _Mention, gaz: Gazetteer, outlets: Outlets) -> str | None:
    """The outlet a mention names: listed, or an ORG (or a PERSON not opening with a first
    name) ending like an outlet's name ("Meridian Post"), or a listed acronym opening a
    longer name ("RT America")."""
    if m.label == "NORP":
        return None
    listed = outlets.outlet(m.name)
    if listed or m.entry is not None or " " not in m.name:
        return listed
    words = m.name.split()
    unnamed = m.label in ("ORG", *_OUTLET_ONLY) or gaz.first_name_gender(words[0]) is None
    if unnamed and outlets.looks_like_outlet(m.name):
        return m.name
    if m.label != "PERSON" and words[0].isupper() and len(words[0]) > 1 and outlets.outlet(words[0]):
        return m.name
    return None


def _inside_title(doc, m: _Mention, gaz: Gazetteer) -> bool:
    """A one-word ORG that ends a capitalised title ("Secretary of State", "Chief of Staff")."""
    if m.label != "ORG" or m.last - m.first != 1 or m.first < 2 or m.entry is not None:
        return False
    title = doc[m.first - 2]
    return doc[m.first - 1].lower_ == "of" and title.text[:1].isupper() and gaz.is_title(title.text)


def _person_or_not(m: _Mention, gaz: Gazetteer) -> None:
    """PERSON mentions: persons unless the lists or the name's last word say otherwise
    (rule 2). An empty kind leaves the decision to the other rules."""
    words = m.name.split()
    if m.outlet is None and m.entry is None:
        if len(words) > 1 and words[-1] in _ORG_TAILS:
            m.kind, m.canonical, m.country = "organisation", m.name, country_in(words, gaz)
        else:
            m.kind = "person"
    elif len(words) > 1:
        m.kind = "person" if gaz.first_name_gender(words[0]) is not None else ""
    elif gaz.first_name_gender(m.name) is not None:
        m.kind = "person"
    else:
        m.maybe_place = True


def _reread_persons(doc, mentions: list[_Mention], gaz: Gazetteer, named: frozenset[str]) -> None:
    """Names NER called persons that have no first name, no title and are no part of a full
    person name on the page: how the document uses them may say place or organisation."""
    full = {
        word
        for m in mentions
        if m.kind == "person" and " " in m.name and gaz.first_name_gender(m.name.split()[0]) is not None
        for word in m.name.split()
    } | named
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        words = m.name.split()
        if (
            m.kind == "person"
            and m.label == "PERSON"
            and gaz.first_name_gender(words[0]) is None
            and not any(word in full for word in words)
            and not (gaz.known_person(m.name) or gaz.person_by_surname(m.name))
        ):
            groups.setdefault(m.name, []).append(m)
    for name, group in groups.items():
        titled = any(m.name_first > m.first or (m.first > 0 and _titles(doc[m.first - 1].text, gaz)) for m in group)
        kind = reread_person(doc, [(m.first, m.last) for m in group], titled, gaz.is_title)
        for m in group if kind else ():
            m.kind, m.canonical = kind, name
            m.country = country_in(name.split(), gaz) if kind == "organisation" else None


def _titles(word: str, gaz: Gazetteer) -> bool:
    """A title or an honorific ("Minister", "Mrs")."""
    return gaz.is_title(word) or gaz.honorific_gender(word)[0]


def _person_words(mentions: Sequence[_Mention | _Named]) -> frozenset[str]:
    """Names, surnames and first names of the persons NER found."""
    words: set[str] = set()
    for m in mentions:
        if m.kind == "person":
            parts = m.name.split()
            words.update((m.name, parts[-1], parts[0]))
    return frozenset(words)


def _looks_like_person(m: _Mention, person_words: frozenset[str], gaz: Gazetteer) -> bool:
    """Rule 4 for mentions NER did not call persons."""
    if m.name in person_words or gaz.person_by_surname(m.name) or gaz.known_person(m.name):
        return True
    parts = m.name.split()
    return (
        m.label != "NORP"
        and 2 <= len(parts) <= 3
        and gaz.first_name_gender(parts[0]) is not None
        and all(p[:1].isupper() and p.replace(".", "").replace("-", "").isalpha() for p in parts)
    )


def _from_entry(doc, text: str, m: _Mention, mentions: list[_Mention], gaz: Gazetteer) -> None:
    entry = m.entry
    assert entry is not None
    if entry.kind == "country" and (state := gaz.shadowed_place(m.name)) and _about(state.country, mentions, m):
        entry = state
    dateline = m.name.isupper() and (m.start == 0 or text[m.start - 1] == "\n")  # "LONDON — ..."
    if entry.actor is not None and entry.kind != "country" and not dateline:
        root = doc[m.first : m.last].root
        reads_as_actor = not _locative(root) if entry.kind == "building" else _actor(root)
        if reads_as_actor:
            entry, m.metonym = entry.actor, True
    m.kind = {"building": "place"}.get(entry.kind, entry.kind)
    m.canonical, m.country = entry.canonical, entry.country


def _about(country: str | None, mentions: list[_Mention], skip: _Mention) -> bool:
    """True when another place of the document lies in `country` ("Atlanta" -> United States)."""
    return any(
        m is not skip and m.entry is not None and m.entry.kind == "place" and m.entry.country == country
        for m in mentions
    )


def _locative(tok) -> bool:
    """Used as a place: object of a place preposition ("at the White House") or of a verb
    of visiting ("visited the Kremlin")."""
    tok = governing(tok)
    if tok.dep_ == "dobj":
        return tok.head.lemma_ in _VISIT_VERBS
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE


def _actor(tok) -> bool:
    """A seat of government used as an actor ("Moscow said", "Kyiv's demand")."""
    tok = governing(tok)
    dep, head = tok.dep_, tok.head
    if dep == "nsubj":
        return head.pos_ in ("VERB", "AUX") and head.lemma_ not in _STATIVE_VERBS
    if dep == "poss":
        return head.lower_ in _STANCE_NOUNS
    if dep == "compound":
        return head.lower_ in _AGENT_NOUNS
    if dep == "pobj":
        return (head.dep_ == "agent") or (head.lower_ == "to" and head.head.lower_ == "according")
    return False


def _singular(name: str) -> str:
    """A group name in the singular when its plural is regular: "Republicans" -> "Republican"."""
    return name[:-1] if _PLURAL_GROUP.search(name) else name


def _country_after(doc, m: _Mention, mentions: list[_Mention]) -> str | None:
    """The country of a place written "Riyadh, Saudi Arabia" or "Springfield, Ill."."""
    if m.last >= len(doc) or doc[m.last].text != ",":
        return None
    after = next((o for o in mentions if o.first == m.last + 1), None)
    if after is not None and after.entry is not None and after.kind in ("country", "place"):
        return after.entry.country
    return None


def _link_acronyms(mentions: list[_Mention]) -> None:
    """An acronym takes the canonical name of the organisation whose initials it spells."""
    expansions: dict[str, _Mention] = {}
    for m in mentions:
        if m.kind == "organisation" and " " in m.canonical:
            words = [w for w in m.canonical.replace("-", " ").split() if w.lower() not in _FUNCTION_WORDS]
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if len(initials) >= 2:
                expansions.setdefault(initials.upper(), m)
    if not expansions:
        return
    for m in mentions:
        if m.kind in ("organisation", "outlet") and m.entry is None and _ACRONYM.match(m.name):
            target = expansions.get(m.name.replace(".", ""))
            if target is not None:
                m.canonical, m.country, m.kind = target.canonical, target.country, target.kind


def _label(m: _Mention) -> str:
    """spaCy's label, corrected where the kind contradicts it."""
    if m.kind == "person":
        return "PERSON"
    if m.kind in ("country", "place"):
        return "GPE" if m.label in ("PERSON", "ORG", "NORP", *_OUTLET_ONLY) else m.label
    if m.kind == "group":
        return "NORP"
    if m.metonym:
        return m.label if m.label in ("GPE", "LOC", "FAC", "ORG") else "GPE"
    return "ORG"
