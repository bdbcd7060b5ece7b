"""Named patterns for the kinds of page furniture a news page dump carries.

Each rule names a removal reason. The rules do two jobs: they are features of the line model
(so a line that looks like a caption must be very texty to survive), and they name the
reason of a removed line in the output. Patterns are data here, in one table, so that a new
kind of furniture is one row, not a new branch in the cleaner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.patterns import trie_pattern

__all__ = ["RULES", "RULE_NAMES", "Rule", "match_rule"]

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

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile("|".join(self.alternatives)))


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



# Every trigger of every rule, found in one pass: at each position the longest literal that
# starts there (a lookahead, so overlapping ones are found too). Most lines have none, and
# then only the rules without triggers run.
_LITERALS = frozenset(t for rule in RULES for t in rule.triggers or ())
_TRIGGERS_AT = re.compile(f"(?=({trie_pattern(_LITERALS)}))")
# A shorter trigger starting where a longer one matched is hidden by it: each literal found
# stands for the rules of all triggers that are its prefixes.
_RULES_OF = {
    literal: frozenset(rule.name for rule in RULES if any(literal.startswith(t) for t in rule.triggers or ()))
    for literal in _LITERALS
}
_ALWAYS_RUN = tuple(rule for rule in RULES if rule.triggers is None)


def match_rule(text: str, low: str | None = None) -> str | None:
    """The reason a line looks like page furniture, or None.

    `text` is the stripped line, `low` its `lower()` when the caller has it already.
    """
    low = text.lower() if low is None else low
    if len(text) <= 40:
        folded = low.rstrip(" :")
        if folded in _UI_STRINGS or folded.rstrip(".…") in _UI_STRINGS:
            return "ui"
    elif len(text) > 400:
        # Long lines are prose; furniture patterns inside them are mentions, not furniture.
        return None
    for rule in _candidates(low):
        if rule.pattern.search(low if rule.folded else text):
            return rule.name
    return None


def _candidates(low: str) -> tuple[Rule, ...]:
    """The rules that can match the lower-cased line `low`, in table order."""
    found = _TRIGGERS_AT.findall(low)
    if not found:
        return _ALWAYS_RUN
    named = frozenset().union(*map(_RULES_OF.__getitem__, found))
    return tuple(rule for rule in RULES if rule.triggers is None or rule.name in named)
