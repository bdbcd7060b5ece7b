"""Attributions read off the dependency parse: a cue word, its speaker, its content.

A cue verb's lexicon classes say which dependents hold the content: a clause (`ccomp`) for
speech and belief, an infinitive (`xcomp`) for intention, an object with what completes it
for stance ("accused X of Y"), an object with what it is taken for ("sees X as Y"). With no
such dependent, a cue beside a clause reports that clause ("..., X said"; "as X noted, ..."),
and a cue closing its paragraph with a colon introduces the next paragraph; with none of
these, a preposition may open what it is about ("spoke about [X]"). "According to X" is read
here too; nouns, adjectives and evidential verbs are handed to `quote_nouns` and `quote_states`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.annotate.quote_context import Attribution, Context, opens_with_that, trim
from newsgraph.annotate.quote_nouns import from_noun
from newsgraph.annotate.quote_states import from_adjective, from_evidential, passive_belief

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["from_cues"]

_SUBJECTS = frozenset({"nsubj", "csubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "oprd", "attr"})
# After a phrasal cue's particle: "called on [X] [to ...]", "pointed out [that ...]".
_AFTER_PARTICLE = frozenset({"ccomp", "dobj", "xcomp", "oprd"})
# What completes a stance verb's object: "accused X [of Y]", "called X [a fraud]".
_STANCE_TAIL = frozenset({"prep", "oprd", "xcomp", "ccomp", "acomp"})
# Classes whose plain object is content when the verb has its own subject: PolNeAR annotates
# "X declared [bankruptcy]" and "X wants [a recount]"; without the subject, too often the
# parse's object of a misread verb (dev split: +0.006 F1@0.3, the subjectless variant none).
_OBJECT_CLASSES = frozenset({"speech", "belief", "intent"})
# Classes whose passive reports what its subject is taken to be: "[X] is considered [a threat]".
_TAKEN_AS = frozenset({"belief", "regard"})
_STANCE_PREPS = frozenset({"of", "as", "for", "to", "about", "with", "against", "over", "on"})
# Dependents that make an `aside` verb a verb of its own ("continued [to plot]", "continue [her candidacy]").
_OWN_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "prep", "acomp"})
_APART = frozenset({":", ";", "("})  # punctuation that sets a clause apart from the cue after it
_MIN_SIDE = 3  # characters: a shorter side of "according to X" is punctuation or a conjunction


def from_cues(ctx: Context) -> list[Attribution]:
    """Every attribution whose cue the parse shows, outside quotations, in text order."""
    out = []
    lexicon = ctx.lexicon
    first_words = {p[0] for p in lexicon.prepositions}
    noun_cues = lexicon.nouns | lexicon.intent_nouns | lexicon.topic_nouns
    for tok in ctx.doc:
        if ctx.mark_of[tok.i] >= 0:
            continue
        if tok.pos_ in ("VERB", "AUX") and (tok.lemma_ in lexicon.verbs or tok.lemma_ in lexicon.particles):
            found = _verb(ctx, tok)
        elif tok.lower_ in first_words:
            found = _according(ctx, tok)
        elif tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.lemma_ in lexicon.verbs:
            found = _verb_read_as_noun(ctx, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_ in noun_cues:
            found = from_noun(ctx, tok)
        elif tok.pos_ == "ADJ" and tok.lower_ in lexicon.adjectives:
            found = from_adjective(ctx, tok)
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_ in lexicon.evidential:
            found = from_evidential(ctx, tok)
        else:
            continue
        if found is not None and found.parts:
            out.append(found)
    return out


def _verb(ctx: Context, verb: Token) -> Attribution | None:
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # a participle naming its noun: "a stream called Miracle Run", "the plan, described as"
    classes = ctx.lexicon.classes(verb.lemma_)
    if "aside" in classes and any(c.dep_ in _OWN_COMPLEMENTS for c in verb.children):
        return None  # "Republicans will continue their attacks": no report, only beside a quote ("..., he continued")
    content, cue_end = _content_heads(ctx, verb, classes)
    if not content:
        content = _passive_content(verb, classes)
    if not content and classes & _TAKEN_AS:
        taken = passive_belief(ctx, verb)
        if taken is not None:
            return taken
    # a topic nobody speaks of is a participle's ("..., compared with [X]"), not a report
    topic = None if content or ctx.speaker(verb) is None else _topic(ctx, verb)
    if not content and topic is None and "speech" not in classes and "belief" not in classes:
        return None
    cue = (verb.idx, cue_end.idx + len(cue_end))
    found = Attribution(cue, ctx.speaker(verb))
    if content:
        found.parts = ctx.parts(content, verb)
    elif "speech" in classes and _parenthetical(verb):
        # "Though A, she said, B": the parse hangs the fronted clause on the cue, yet it is said too
        fronted = [c for c in verb.lefts if c.dep_ == "advcl"]
        found.parts = sorted(ctx.parts(fronted, verb) + ctx.parts([verb.head], verb, exclude=verb))
    elif ctx.text[cue[1] : cue[1] + 1] == ":":
        found.parts = _next_paragraph(ctx, verb)
    elif topic is not None:
        found.cue = (verb.idx, topic.idx + len(topic))
        found.parts = ctx.parts([c for c in topic.children if c.dep_ in ("pobj", "pcomp")], verb)
    return found


def _topic(ctx: Context, verb: Token) -> Token | None:
    """The preposition after a cue verb with no other content that says what was said,
    thought or wanted: "spoke about [X]", "pleaded for [X]", "responded by [doing X]"."""
    for child in verb.rights:
        if child.dep_ != "prep":
            continue
        if child.lower_ in ctx.lexicon.topic_preps or (child.lower_ == "by" and _gerund_object(child)):
            return child if any(c.dep_ in ("pobj", "pcomp") for c in child.children) else None
    return None


def _gerund_object(prep: Token) -> bool:
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


def _content_heads(ctx: Context, verb: Token, classes: frozenset[str]) -> tuple[list[Token], Token]:
    """The dependents of a cue verb that hold its content, and the cue's last token (the
    particle of a phrasal cue). A clause wins over an object: in "told reporters that ..."
    and "warned officials to ..." the object is the addressee."""
    particles = ctx.lexicon.particles.get(verb.lemma_, frozenset())
    clauses: list[Token] = []
    objects: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        after = child.i > verb.i
        if dep in ("prt", "prep") and child.lower_ in particles and after:
            clauses += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            clauses += [s for s in verb.children if s.i > child.i and s.dep_ in _AFTER_PARTICLE]
            return clauses, child
        if dep == "dobj" and "addressee" in classes and not any(c.dep_ == "dative" for c in verb.children):
            clauses += _clause_inside(child)  # "told one of his aides [that ...]": the parse hung it on the aide
        elif (dep == "ccomp" and classes) or (dep == "xcomp" and "intent" in classes and _infinitive(child)):
            clauses.append(child)
        elif dep in _OBJECTS and "stance" in classes and after:
            objects.append(child)
            objects += [s for s in verb.children if s.i > child.i and _stance_tail(s)]
        elif dep in _OBJECTS and "regard" in classes and after:
            complement = [s for s in verb.children if s.i > child.i and _complement(s)]
            if complement:
                objects += [child, *complement]
        elif "speech" in classes and _said_clause(ctx, child, after):
            clauses.append(child)
        elif dep == "dobj" and after and classes & _OBJECT_CLASSES and _has_subject(verb):
            objects += [child, *_completion(verb, child)]  # "Trump declared bankruptcy", "she wants a recount"
    return _without_left_clause(clauses, verb) or objects, verb


def _without_left_clause(clauses: list[Token], verb: Token) -> list[Token]:
    """A cue with clauses on both sides reports both ("A, he said, B") unless it cannot stand
    inside the left one: when a colon, semicolon or bracket sets it apart ("... fireworks:
    Republicans said they ...", "(her campaign disclosed that ...)") or when "that" opens the
    right one ("A, he said that B" is two statements)."""
    right = [c for c in clauses if c.i > verb.i]
    if not right or len(right) == len(clauses):
        return clauses
    doc = verb.doc
    opens_that = any(opens_with_that(c) for c in right)
    return [
        c
        for c in clauses
        if c.i > verb.i or not (opens_that or any(t.text in _APART for t in doc[c.right_edge.i : verb.i]))
    ]


def _clause_inside(obj: Token) -> list[Token]:
    """A clause the parse hung inside an addressee's phrase: opened by "that" ("told one of his
    aides [that ...]"), or with a subject of its own right after the addressee ("reminded the
    audience [he was ...]"), not a relative clause ("told the man who ...")."""
    for tok in obj.subtree:
        if tok.dep_ in ("acl", "relcl", "ccomp") and (_opens_clause(tok) or _bare_clause(tok, obj)):
            return [tok]
    return []


def _bare_clause(tok: Token, obj: Token) -> bool:
    """A clause right after the addressee with a subject that is no relative pronoun."""
    subject = next((c for c in tok.lefts if c.dep_ in _SUBJECTS), None)
    return subject is not None and tok.left_edge.i == obj.i + 1 and subject.lower_ not in ("who", "that", "which")


def _passive_content(verb: Token, classes: frozenset[str]) -> list[Token]:
    """The subject of a passive cue is what is reported: "[X] was first reported by Y", and
    for a stance verb with what completes it: "[X] was accused [of Y]"."""
    subject = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subject:
        return []
    if any(c.dep_ == "agent" for c in verb.children):
        return subject
    if "stance" in classes:
        tail = [c for c in verb.children if c.i > verb.i and c.dep_ == "prep" and c.lower_ in _STANCE_PREPS]
        return [*subject, *tail] if tail else []
    return []


def _next_paragraph(ctx: Context, verb: Token) -> list[tuple[int, int]]:
    """`X added:` closing a paragraph introduces the next one, quoted or not."""
    text = ctx.text
    _, last = ctx.paragraph(verb.idx)
    if text[verb.idx : last].rstrip()[-1:] != ":":
        return []
    start = last
    while start < len(text) and text[start].isspace():
        start += 1
    _, end = ctx.paragraph(start)
    return [ctx.grow(trim(text, start, end))] if start < end else []


def _according(ctx: Context, tok: Token) -> Attribution | None:
    """ "According to X" attributes the rest of its sentence, on either side of it: the side
    with the sentence's main verb, and the other only when it has no verb of its own (a
    fronted subject), not when it is "as reported by Y"."""
    doc = ctx.doc
    words = next((p for p in ctx.lexicon.prepositions if _spells(doc, tok.i, p)), None)
    if words is None:
        return None
    nxt = doc[tok.i + len(words) - 1]
    source = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = tok.sent
    first, last = ctx.paragraph(tok.idx)
    start, end = max(sent.start_char, first), min(sent.end_char, last)
    phrase_end = source.right_edge.idx + len(source.right_edge)
    sides = [trim(ctx.text, start, tok.idx), trim(ctx.text, phrase_end, end)]
    sides = [side for side in sides if side[1] - side[0] > _MIN_SIDE]
    if not sides:  # "According to X, the move reeks of fear": the parse hung the clause on X
        sides = [trim(ctx.text, _after_comma(source), end)]
    root = sent.root.idx
    main = [side for side in sides if side[0] <= root < side[1]]
    if main:
        sides = [side for side in sides if side in main or not ctx.has_verb(*side)]
    return Attribution((tok.idx, nxt.idx + len(nxt)), source, [ctx.grow(side) for side in sides])


def _after_comma(source: Token) -> int:
    """Where the source of "according to" ends when the parse gave it the rest of the sentence
    (an apposition or a conjunct): after the first comma that follows the source's head."""
    for tok in source.doc[source.i + 1 : source.right_edge.i + 1]:
        if tok.text == ",":
            return tok.idx + 1
    return source.right_edge.idx + len(source.right_edge)


def _spells(doc, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _verb_read_as_noun(ctx: Context, tok: Token) -> Attribution | None:
    """ "Trump claims that ...", "The campaign plans to ...": the parser reads the cue verb as a
    plural noun heading the sentence, its subject as a compound or a subject; the clause after
    it still hangs from it. Else the noun is what it seems ("the claims that ...", "the plans")."""
    owner = next((c for c in tok.lefts if c.dep_ in ("compound", "nsubj")), None)
    if owner is None or any(c.dep_ == "det" for c in tok.lefts):
        return None
    clause = next((c for c in tok.rights if c.dep_ in ("ccomp", "acl", "xcomp") and _opens_clause(c)), None)
    if clause is None:
        return None
    return Attribution((tok.idx, tok.idx + len(tok)), owner, ctx.parts([clause], tok))


def _opens_clause(tok: Token) -> bool:
    """A that-clause or an infinitive."""
    return opens_with_that(tok) or _infinitive(tok)


def _completion(verb: Token, obj: Token) -> list[Token]:
    """What follows an object and completes it: "polls show [Clinton] [with a lead]",
    "cited [the remarks] [as examples]"; a time or place after it is no part of the content."""
    nxt = obj.right_edge.i + 1
    return [s for s in verb.rights if s.i == nxt and (s.dep_ in ("oprd", "acomp") or _stance_prep(s))]


def _stance_prep(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in _STANCE_PREPS


def _stance_tail(tok: Token) -> bool:
    return tok.dep_ in _STANCE_TAIL and (tok.dep_ != "prep" or tok.lower_ in _STANCE_PREPS)


def _complement(tok: Token) -> bool:
    """What an object is taken for: "[as] a mistake", "[unconstitutional]", "[a fraud]"."""
    return tok.dep_ in ("oprd", "acomp", "ccomp") or (tok.dep_ == "prep" and tok.lower_ == "as")


def _said_clause(ctx: Context, child: Token, after: bool) -> bool:
    """A dependent of a speech verb that the parse did not label a clause but is one: a quoted
    or clausal object, or a clause read as an adverbial."""
    if child.dep_ == "advcl":
        return after and _misread_clause(child)
    return child.dep_ in ("dobj", "npadvmod") and (ctx.quoted(child) or _clausal(child))


def _misread_clause(tok: Token) -> bool:
    """A clause the parse hangs as an adverbial but is what was said: "said [he would not
    accept ...]", "has not said [when they would vote]", "told supporters [to go ...]". A
    subordinator ("because", "after") or a participle ("..., arguing that") makes it adverbial."""
    if tok.tag_ in ("VBG", "VBN"):
        return False
    marks = [c for c in tok.lefts if c.dep_ == "mark"]
    if marks and not all(m.lower_ in ("whether", "if", "that") for m in marks):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.lefts)


def _clausal(tok: Token) -> bool:
    """An object with a verb in it is a misparsed clause ("said many of the examples ... failed")."""
    return any(t.pos_ in ("VERB", "AUX") for t in tok.subtree)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.lefts)


def _parenthetical(verb: Token) -> bool:
    """A cue beside the clause it reports: "..., X said", "A, X said, B", "as X noted, ..."."""
    if verb.head.i == verb.i or not any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    if verb.dep_ == "parataxis":
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True
    return verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i
