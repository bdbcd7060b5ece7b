"""Rule-based coreference: which person mentions share a name, and what a speaker mention
("he", "the minister", "Starmer") refers to.

No model: a handful of rules that news style makes reliable, in linear passes.

Names (`canonical_person_names`, used by `entities.find_entities`):
1. Names of two or more words are grouped when one fits in the other: same last word (a
   "Jr." must agree), and either the shorter one's words appear in order in the longer one
   with the same first word ("Donald Trump" in "Donald J. Trump") or the shorter one is the
   longer one's tail ("Suu Kyi" in "Aung San Suu Kyi"). "Bill Clinton" and "Hillary Clinton"
   stay apart. A group's canonical name is its longest member.
2. A one-word name goes to the group whose last word it is ("Starmer" -> "Keir Starmer"),
   else, if it is a known first name, to the group whose first word it is ("Hillary").
   When several groups share it ("Clinton" with Bill and Hillary in the text), an
   honorific's gender picks among them ("Mrs. Clinton"), then prominence (the one the
   gazetteer's surname list names: "Trump" -> Donald, not Ivanka), then the one the
   document names in full first. News style
   introduces its main subject first and spells out the others' full names each time
   ("Ivanka Trump"), so neither recency nor the count of full names is a good guide.
3. A name the text never gives in full maps to a prominent person of the gazetteer with
   that surname ("Starmer" -> "Keir Starmer") when the list holds exactly one; otherwise
   it stays as written.

Speaker mentions (`resolve_mention`, used by quote attribution), first rule that applies:
1. The span overlaps entities: the one holding the span's syntactic head ("Kremlin
   spokesman Dmitry Peskov" -> Peskov); else, for a description, rule 3 ("the Kremlin
   spokesman" -> Peskov); else the last person in it; else the last entity ("a Downing
   Street source" -> UK government), for a description only an organisation, country or
   outlet ("the Republican nominee" is not the group "Republican"). So an unnamed source
   of an institution ("a Downing Street source", "a Kremlin official") resolves to the
   institution it speaks for, a metonym read as its government (organisation "UK
   government", country United Kingdom): quote attribution keeps such a speaker `unnamed`,
   since the person is not named, and can read whom they speak for off this entity.
2. A personal pronoun: he/him/his -> the most recent earlier person known to be male, else
   the most recent one of unknown gender (never one known to be female); she/her alike
   (gender from first names, the gazetteer, gendered role nouns, honorifics);
   they/them -> the most recent organisation, outlet, country or group; it/its ->
   organisation, outlet or country. Mentions inside quotation marks earlier in the same
   paragraph are skipped: a name in a quote is rarely the next speaker. I/we/you: None.
3. A description ("the minister", "the Kremlin spokesman", "the senator"): the most recent
   earlier person whose role holds every word of it (abbreviations and gendered forms
   matched: "Sen." = senator, spokeswoman = spokesman).
4. A name: the most recent earlier entity written the same way; else the most recent
   earlier (failing that, the first later) person whose canonical name the name fits
   (names rule 1, or its first word); else an entity whose canonical name it is or stands
   for in the gazetteer ("Moscow" -> Russian government).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.annotate.gazetteer import Gazetteer, load_gazetteer
from newsgraph.records import Entity

__all__ = ["canonical_person_names", "entity_gender", "resolve_mention", "split_title", "surname"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "plural", "them": "plural", "their": "plural", "theirs": "plural", "themselves": "plural",
    "it": "thing", "its": "thing", "itself": "thing",
}  # fmt: skip
_PRONOUN_KINDS = {
    "plural": frozenset({"organisation", "outlet", "country", "group"}),
    "thing": frozenset({"organisation", "outlet", "country"}),
}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
_ROLE_WORD_FORMS = {
    "spokeswoman": "spokesman", "spokesperson": "spokesman",
    "chairwoman": "chairman", "chair": "chairman", "chairperson": "chairman",
    "congresswoman": "congressman", "businesswoman": "businessman",
    "sen.": "senator", "sen": "senator", "rep.": "representative", "rep": "representative",
    "gov.": "governor", "gov": "governor", "gen.": "general", "lt.": "lieutenant", "adm.": "admiral",
    "col.": "colonel", "capt.": "captain", "sgt.": "sergeant", "maj.": "major", "prof.": "professor",
    "pres.": "president", "advisor": "adviser", "defense": "defence",
}  # fmt: skip
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame)\.?\s+$")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def split_title(words: Sequence[str], gaz: Gazetteer) -> tuple[int, str | None]:
    """How many leading words of a name are titles or honorifics ("Prime Minister Keir
    Starmer" -> 2, "Mrs. Clinton" -> 1), and the gender an honorific among them gives.
    At least one word is always left as the name."""
    cut, gender = 0, None
    while cut < len(words) - 1:
        word = words[cut]
        is_honorific, given = gaz.honorific_gender(word)
        if is_honorific:
            gender = given or gender
        elif not (word[:1].isupper() and _title_word(word, gaz)):
            break
        cut += 1
    return cut, gender


def _title_word(word: str, gaz: Gazetteer) -> bool:
    return gaz.is_title(word) or word.lower() in gaz.title_modifiers or gaz.demonym(word)[0]


def _split_suffix(words: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    if len(words) > 1 and words[-1].casefold().rstrip(".") in _SUFFIXES:
        return words[:-1], words[-1].casefold().rstrip(".")
    return words, ""


def surname(name: str) -> str:
    """The last word of a name before a generational suffix: "Donald Trump Jr." -> "Trump"."""
    return _split_suffix(tuple(name.split()))[0][-1]


def _fits(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when the multi-word name `short` can be a shorter form of `long` (rule 1),
    ignoring case ("De Blasio", "Bill de Blasio")."""
    s_core, s_suffix = _split_suffix(tuple(w.casefold() for w in short))
    l_core, l_suffix = _split_suffix(tuple(w.casefold() for w in long))
    if s_suffix != l_suffix or len(s_core) > len(l_core) or s_core[-1] != l_core[-1]:
        return False
    if l_core[len(l_core) - len(s_core) :] == s_core:
        return True
    if s_core[0] != l_core[0]:
        return False
    at = 0
    for word in s_core:
        while at < len(l_core) and l_core[at] != word:
            at += 1
        if at == len(l_core):
            return False
        at += 1
    return True


@dataclass(slots=True)
class _Group:
    canonical: tuple[str, ...]
    first: int
    genders: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return _split_suffix(self.canonical)[0][-1]


def canonical_person_names(
    names: Sequence[str], genders: Sequence[str | None], gaz: Gazetteer | None = None
) -> list[str]:
    """The canonical name of each person mention, in the order given (document order).

    `names` are the mentions' names with titles and possessives already stripped;
    `genders` the gender an honorific next to each gave ("m", "f" or None)."""
    gaz = gaz or load_gazetteer()
    words = [tuple(name.split()) for name in names]
    order = sorted({w for w in words if len(w) > 1}, key=lambda w: (-len(w), words.index(w)))
    groups: list[_Group] = []
    group_of: dict[tuple[str, ...], _Group | None] = {}
    for name in order:
        fitting = [g for g in groups if _fits(name, g.canonical)]
        if not fitting:
            group = _Group(name, words.index(name))
            groups.append(group)
            group_of[name] = group
        else:
            group_of[name] = fitting[0] if len(fitting) == 1 else None  # ambiguous: resolved per mention below
    for i, (name, gender) in enumerate(zip(words, genders, strict=True)):
        group = group_of.get(name)
        if group is not None:
            group.first = min(group.first, i)
            if gender:
                group.genders.add(gender)
    for group in groups:
        given = gaz.first_name_gender(group.canonical[0])
        known = gaz.known_person(" ".join(group.canonical))
        if given:
            group.genders = {given}
        elif known and known.gender:
            group.genders = {known.gender}
    out = []
    for name, gender in zip(words, genders, strict=True):
        group = group_of.get(name)
        if group is None:
            group = _pick(name, gender, groups, gaz)
        out.append(" ".join(group.canonical) if group else _unmatched(" ".join(name), gaz))
    return out


def _pick(name: tuple[str, ...], gender: str | None, groups: list[_Group], gaz: Gazetteer) -> _Group | None:
    """Rule 2: the group a short (or ambiguous) name belongs to, or None."""
    if len(name) == 1:
        candidates = [g for g in groups if g.surname == name[0]]
        if not candidates and gaz.first_name_gender(name[0]):
            candidates = [g for g in groups if g.canonical[0] == name[0]]
    else:
        candidates = [g for g in groups if _fits(name, g.canonical)]
    if gender:
        candidates = [g for g in candidates if gender in g.genders or not g.genders] or candidates
    if len(candidates) > 1 and (known := gaz.person_by_surname(" ".join(name))):
        candidates = [g for g in candidates if gaz.known_person(" ".join(g.canonical)) == known] or candidates
    return min(candidates, key=lambda g: g.first) if candidates else None


def _unmatched(name: str, gaz: Gazetteer) -> str:
    """Rule 3: a name the text never gives in full."""
    known = gaz.person_by_surname(name)
    return known.name if known else name


def entity_gender(entity: Entity, text: str, gaz: Gazetteer | None = None) -> str | None:
    """The gender the document or the gazetteer gives a person entity, or None: first name,
    then prominent-person list, then a gendered role noun, then an honorific before the
    mention in `text`."""
    gaz = gaz or load_gazetteer()
    first = entity.canonical.split()[0]
    if " " in entity.canonical and (given := gaz.first_name_gender(first)):
        return given
    known = gaz.known_person(entity.canonical)
    if known and known.gender:
        return known.gender
    if entity.role:
        for word in entity.role.split():
            if given := gaz.word_gender(word):
                return given
    honorific = _HONORIFIC_BEFORE.search(text, max(0, entity.start - 6), entity.start)
    if honorific:
        return gaz.honorific_gender(honorific.group(1))[1]
    return None


def resolve_mention(doc, start: int, end: int, entities: list[Entity]) -> Entity | None:
    """The entity that the text at [start, end) refers to, or None when nothing fits: a
    person, or for an unnamed source ("a Downing Street source") the institution it speaks
    for (rule 1)."""
    text = _text_of(doc)
    start, end = max(0, start), min(len(text), end)
    mention = text[start:end].strip()
    if not mention or not entities:
        return None
    ordered = sorted(entities, key=lambda e: e.start)
    gaz = load_gazetteer()
    low = mention.lower()
    if low in _PRONOUNS:
        return _by_pronoun(text, start, _PRONOUNS[low], ordered, gaz)
    words = [word for word in (_POSSESSIVE.sub("", w) for w in mention.split()) if word]  # "'s" alone: none
    is_description = low.split()[0] in _DETERMINERS and _title_head(doc, start, end, gaz)
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    overlapping = [e for e in ordered if e.start < end and e.end > start]
    if overlapping:
        held = _holding_head(doc, start, end, overlapping)
        described = _by_description(words, start, ordered) if held is None and is_description else None
        persons = [e for e in overlapping if e.kind == "person"]
        if not is_description:
            institutions = overlapping
        else:  # "the Republican nominee" is no Republican group
            institutions = [e for e in overlapping if e.kind in ("organisation", "country", "outlet")]
        return held or described or (persons or institutions or [None])[-1]
    if not words:
        return None
    if is_description:
        return _by_description(words, start, ordered)
    return _by_name(words, start, ordered, gaz)


_last_text: list[tuple[object, str]] = [(None, "")]


def _text_of(doc) -> str:
    """`doc.text`, kept for the last document: the property joins the tokens again on every
    access, and quote attribution calls `resolve_mention` many times per document. The cache
    holds the document itself (so its id cannot be reused while cached) in one tuple,
    replaced whole (so threads cannot pair one document with another's text)."""
    cached_doc, text = _last_text[0]
    if cached_doc is not doc:
        text = doc.text
        _last_text[0] = (doc, text)
    return text


def _head(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _holding_head(doc, start: int, end: int, overlapping: list[Entity]) -> Entity | None:
    """Rule 1: the entity holding the span's syntactic head."""
    head = _head(doc, start, end)
    if head is None:
        return None
    return next((e for e in overlapping if e.start <= head.idx < e.end), None)


def _title_head(doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """True when the span's head is a role noun ("the Republican nominee")."""
    head = _head(doc, start, end)
    return head is not None and gaz.is_title(head.text)


def _quoted_ranges(text: str, start: int) -> list[tuple[int, int]]:
    """Quoted stretches of the paragraph before `start`."""
    para = text.rfind("\n", 0, start) + 1
    return [m.span() for m in _QUOTED.finditer(text, para, start)]


def _earlier(text: str, start: int, ordered: list[Entity]) -> list[Entity]:
    """Entities before `start`, most recent first, those inside quotes of this paragraph left out."""
    quoted = _quoted_ranges(text, start)
    before = [e for e in ordered if e.end <= start]
    return [e for e in reversed(before) if not any(a <= e.start and e.end <= b for a, b in quoted)]


def _by_pronoun(text: str, start: int, wanted: str, ordered: list[Entity], gaz: Gazetteer) -> Entity | None:
    """Rule 2."""
    earlier = _earlier(text, start, ordered)
    if wanted in _PRONOUN_KINDS:
        kinds = _PRONOUN_KINDS[wanted]
        return next((e for e in earlier if e.kind in kinds), None)
    genders: dict[str, str | None] = {}
    for entity in ordered:
        if entity.kind == "person" and genders.get(entity.canonical) is None:
            genders[entity.canonical] = entity_gender(entity, text, gaz)
    persons = [e for e in earlier if e.kind == "person"]
    matching = next((e for e in persons if genders[e.canonical] == wanted), None)
    return matching or next((e for e in persons if genders[e.canonical] is None), None)


def _role_words(text: str) -> set[str]:
    words = set()
    for word in text.lower().replace("-", " ").split():
        word = _POSSESSIVE.sub("", word)
        words.add(_ROLE_WORD_FORMS.get(word, word))
    return words


def _by_description(words: list[str], start: int, ordered: list[Entity]) -> Entity | None:
    """Rule 3."""
    wanted = _role_words(" ".join(words))
    for entity in reversed(ordered):
        if entity.end <= start and entity.kind == "person" and entity.role and wanted <= _role_words(entity.role):
            return entity
    return None


def _by_name(words: list[str], start: int, ordered: list[Entity], gaz: Gazetteer) -> Entity | None:
    """Rule 4."""
    cut, _ = split_title(words, gaz)
    name = " ".join(words[cut:])
    key = name.casefold()
    earlier = [e for e in reversed(ordered) if e.end <= start]
    for entity in earlier:
        if _POSSESSIVE.sub("", entity.text).casefold() == key or entity.canonical.casefold() == key:
            return entity
    parts = tuple(name.split())
    persons = [e for e in [*earlier, *ordered] if e.kind == "person"]
    matches = [e for e in persons if _fits(parts, tuple(e.canonical.split()))]
    matches = matches or [e for e in persons if len(parts) == 1 and e.canonical.split()[0] == parts[0]]
    if matches:
        return matches[0]
    entry = gaz.lookup(name)
    if entry is not None:
        targets = {entry.canonical, entry.actor.canonical if entry.actor else ""}
        return next((e for e in [*earlier, *ordered] if e.canonical in targets), None)
    return None
