"""Named patterns for the kinds of page furniture a news page dump carries.

Each rule names a removal reason. The rules do two jobs: they are features of the line model
(so a line that looks like a caption must be very texty to survive), and they name the
reason of a removed line in the output. Patterns are data here, in one table, so that a new
kind of furniture is one row, not a new branch in the cleaner.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsgraph.clean.literals import LiteralFinder

__all__ = ["RULES", "RULE_NAMES", "Rule", "match_rule", "match_rules"]

# Short interface strings that stand alone on a line.
_UI_STRINGS = {
    "i agree", "agree", "accept", "accept all", "accept cookies", "reject all", "decline",
    "ok", "got it", "close", "menu", "search", "search trends", "translating...",
    "translating…", "skip to content", "skip to main content", "sign in", "sign up", "log in",
    "login", "logout", "register", "subscribe", "subscribe now", "home", "more", "next",
    "previous", "back to top", "loading...", "loading…", "read more", "show more",
    "load more", "see more", "advertisement", "advertising", "sponsored", "sponsored content",
    "share", "share this", "share this article", "print", "email", "comments", "comment",
    "leave a comment", "view comments", "trending", "most read", "most popular", "related",
    "related articles", "related stories", "related news", "recommended", "tags", "topics",
    "follow us", "newsletter", "watch", "listen", "play", "video", "photos", "gallery",
    "caption", "expand", "hide caption", "toggle caption", "enlarge this image", "x",
    "facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
    "copy link", "link copied", "view all", "all", "live", "breaking", "breaking news",
}

@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of furniture: alternative patterns, and literals every match contains one of.

    Patterns of folded rules are written in lower case and run on the lower-cased line, which
    is several times faster than IGNORECASE. `triggers` lets most lines skip the regex: a
    line that contains none of them cannot match (tests check this, alternative by
    alternative, on strings generated from the patterns). None means the pattern always runs.
    """

    name: str
    alternatives: tuple[str, ...]
    triggers: tuple[str, ...] | None = None
    folded: bool = True
    pattern: re.Pattern[str] = field(init=False)
    test: Callable[[str], re.Match[str] | None] = field(init=False)

    def __post_init__(self) -> None:
        pattern = re.compile("|".join(self.alternatives))
        object.__setattr__(self, "pattern", pattern)
        # When every alternative is anchored at the start, a search can only match there.
        anchored = all(alt.startswith("^") for alt in self.alternatives)
        object.__setattr__(self, "test", pattern.match if anchored else pattern.search)


RULES: tuple[Rule, ...] = (
    Rule("translation_notice", (
        r"automatically (?:generated|translated)",
        r"machine[- ]translat",
        r"not responsible for (?:any of )?(?:the )?translations?",
        r"translated by (?:google|microsoft|deepl)",
    ), ("automatically", "machine", "translation", "translated")),
    Rule("cookie_banner", (
        r"\bcookies?\b.*\b(?:use|policy|settings|consent|accept)",
        r"\b(?:we|site|website) uses? cookies\b",
        r"privacy (?:statement|policy|notice)",
        r"\bby (?:continuing|using) (?:to (?:browse|use) )?(?:our|this) (?:site|website)",
        r"terms (?:of|and) (?:use|service|conditions)",
        r"\bgdpr\b",
        r"manage (?:your )?consent",
    ), ("cookie", "privacy", "continuing", "using", "terms", "gdpr", "consent")),
    Rule("wire_credit", (
        r"^(?:source\(s\)|sources?|via|with (?:reporting|input) from)\s*:\s*\S",
        r"^\(?(?:additional )?reporting by\b",
        r"contributed to this report\.?$",
    ), ("source", "via", "from", "reporting", "contributed")),
    Rule("caption", (
        r"(?:\s/\s?|\s/)(?:[a-z][\w.&-]*)(?: [a-z][\w.&-]*)?\s*$",
        r"\((?:ap|afp|reuters|epa|getty|xinhua)?\s*photo\b[^)]*\)\s*$",
        r"\b(?:photo|image|picture|credit|photograph|illustration)s?(?: by)?\s*:\s*\S",
        r"\b(?:getty images|shutterstock|afp via getty|reuters/|ap photo|epa-efe|imago)\b",
        r"^file (?:photo|image)\b",
        r"^in this\b[^.]{0,40}?\b(?:photo|image)\b",
        r"\bfile (?:image|photo)\b",
        r"^\s*image \d+ of \d+",
        r"^(?:photo|image)\s*\d+\s*(?:/|of)\s*\d+",
    ), ("/", "photo", "image", "picture", "credit", "illustration", "getty", "shutterstock", "epa-efe", "imago")),
    Rule("share", (
        r"^(?:share|tweet|email|e-mail|print|pin|send)(?: (?:this|on|via|to|article|story|by))",
        r"^(?:follow|like) us on\b",
        r"^share (?:on|via)\b",
        r"\bshare (?:this|on) (?:facebook|twitter|x)\b",
        r"^(?:click|tap) (?:here|to)\b",
    ), ("share", "tweet", "mail", "print", "pin", "send", "us on", "click", "tap")),
    Rule("subscribe", (
        r"subscribe (?:to|for|now)\b",
        r"sign up (?:for|to)\b",
        r"\bnewsletter\b",
        r"get (?:the|our) (?:latest|daily)",
        r"\bunlimited access\b",
        r"\bfree trial\b",
        r"already a subscriber",
        r"support (?:our )?journalism",
    ), ("subscribe", "sign up", "newsletter", "get the", "get our", "unlimited", "free trial", "journalism")),
    Rule("copyright", (
        r"^©",
        r"\(c\) \d{4}",
        r"copyright\s*(?:©|\d{4})",
        r"all rights reserved",
        r"may not be (?:published|reproduced)",
        r"\bis not responsible for the content of external",
        r"\bsubject to copyright\b",
    ), ("©", "(c) ", "copyright", "rights reserved", "may not be", "not responsible")),
    Rule("timestamp", (
        r"^(?:(?:updated|published|posted|last updated|modified)\s*:?\s*)?"
        r"(?:\w+,? )?\d{1,2}(?:st|nd|rd|th)? \w+,?(?: \d{4})?,? \d{1,2}:\d\d(?::\d\d)?"
        r"(?:\s*(?:am|pm|gmt|utc|[a-z]{2,4}))?$",
        r"^(?:date|published|posted|updated|last updated)\s*:?\s*"
        r"(?:\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{4})\b.{0,40}$",
        r"^\d+ (?:sec|secs|seconds|min|mins|minutes|hours?|hrs?|days?|weeks?|months?) ago$",
        r"^\d{1,2}:\d\d(?:\s*(?:am|pm))?(?:\s*[a-z]{2,4})?$",
        r"^(?:published|posted|updated|last updated|modified)\s*:\s*[^.!?]{0,20}\d[^.!?]{0,80}$",
        r"^(?:\d+\s*min(?:ute)?s?\.? read|(?:reading time|tempo de leitura|lesezeit|temps de lecture)\b.{0,25})$",
    )),
    Rule("related", (
        r"^(?:read (?:more|also)|see also|related|more from|more on|also read|recommended|"
        r"you (?:may|might) (?:also )?like|most (?:read|popular|viewed))\b\s*:?",
        r"^(?:see more\s*:|don[’']?t miss\b|explore further$|citation\s*:)",
    )),
    # "About the author" boxes and company blurbs under press releases: a short heading line.
    Rule("about_box", (
        r"^(?:about|über|sobre|à propos de|acerca de|informazioni su)\s+(?:the |our |o |a |el |la |le |l[’'])?"
        r"[^\W\d_][\w.&’' -]{1,40}$",
    ), ("about", "über", "sobre", "propos", "acerca", "informazioni")),
    Rule("byline", (
        r"^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Oo]leh|[Аа]втор)\s+[A-ZÀ-Ž][\w.'’-]+(?:\s+[A-ZÀ-Ž][\w.'’-]+){0,3}"
        r"(?:\s*(?:,|and|&|\|)\s*.*)?$",
    ), folded=False),
)

RULE_NAMES = ("ui", *(rule.name for rule in RULES))

_UI_CHARS = 40
# Long lines are prose; furniture patterns inside them are mentions, not furniture.
_PROSE_CHARS = 400
# Every trigger of every rule, found in one pass over the page. Most lines have none, and
# then only the rules without triggers run.
_LITERALS = frozenset(t for rule in RULES for t in rule.triggers or ())
_TRIGGERS = LiteralFinder(_LITERALS)
_RULES_OF = {t: frozenset(k for k, rule in enumerate(RULES) if t in (rule.triggers or ())) for t in _LITERALS}
_ALWAYS_RUN = tuple(k for k, rule in enumerate(RULES) if rule.triggers is None)


def match_rule(text: str) -> str | None:
    """The reason a line looks like page furniture, or None; `text` is the stripped line."""
    return match_rules([text], text.lower())[0]


def match_rules(texts: Sequence[str], lowered: str) -> list[str | None]:
    """The reason each line of a page looks like page furniture, or None.

    `texts` are the stripped lines, `lowered` the same lines lower-cased and joined by "\\n".
    A line gets the first rule, in table order, whose pattern matches it. The triggers of
    the whole page are found at once, and the rules without triggers run over all lines with
    `map`: the Python loop below only visits the few lines some rule may match.
    """
    lows = lowered.split("\n")
    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    # Line -> positions in RULES of the rules that may match it.
    maybe: dict[int, set[int]] = {}
    for k in _ALWAYS_RUN:
        rule = RULES[k]
        for i in itertools.compress(range(n), map(rule.test, lows if rule.folded else texts)):
            maybe.setdefault(i, set()).add(k)
    found = _TRIGGERS.find(lowered)
    if found:
        low_lengths = np.fromiter(map(len, lows), dtype=np.int64, count=n) + 1
        starts = np.cumsum(low_lengths) - low_lengths
        offsets, literals = zip(*found, strict=True)
        for i, literal in zip((np.searchsorted(starts, offsets, side="right") - 1).tolist(), literals, strict=True):
            maybe.setdefault(i, set()).update(_RULES_OF[literal])
    reasons: list[str | None] = [None] * n
    for i, ks in maybe.items():
        if lengths[i] <= _PROSE_CHARS:
            for k in sorted(ks):
                rule = RULES[k]
                if rule.triggers is None or rule.test(lows[i] if rule.folded else texts[i]):
                    reasons[i] = rule.name
                    break
    for i in np.flatnonzero(lengths <= _UI_CHARS).tolist():
        folded = lows[i].rstrip(" :")
        if folded in _UI_STRINGS or folded.rstrip(".…") in _UI_STRINGS:
            reasons[i] = "ui"
    return reasons
