"""Named patterns for the kinds of page furniture a news page dump carries.

Each rule names a removal reason. The rules do two jobs: they are features of the line model
(so a line that looks like a caption must be very texty to survive), and they name the
reason of a removed line in the output. Patterns are data here, in one table, so that a new
kind of furniture is one row, not a new branch in the cleaner.
"""

from __future__ import annotations

import re

__all__ = ["RULES", "RULE_NAMES", "match_rule"]

_I = re.IGNORECASE

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

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("translation_notice", re.compile(
        r"automatically (?:generated|translated)|machine[- ]translat|"
        r"not responsible for (?:any of )?(?:the )?translations?|translated by (?:google|microsoft|deepl)",
        _I)),
    ("cookie_banner", re.compile(
        r"\bcookies?\b.*\b(?:use|policy|settings|consent|accept)|\b(?:we|site|website) uses? cookies\b"
        r"|privacy (?:statement|policy|notice)"
        r"|\bby (?:continuing|using) (?:to (?:browse|use) )?(?:our|this) (?:site|website)"
        r"|terms (?:of|and) (?:use|service|conditions)|\bGDPR\b|manage (?:your )?consent", _I)),
    ("wire_credit", re.compile(
        r"^(?:source\(s\)|sources?|via|with (?:reporting|input) from)\s*:\s*\S"
        r"|^\(?(?:additional )?reporting by\b|contributed to this report\.?$", _I)),
    ("caption", re.compile(
        r"(?:\s/\s?|\s/)(?:[A-Z][\w.&-]*)(?: [A-Z][\w.&-]*)?\s*$"
        r"|\((?:AP|AFP|Reuters|EPA|Getty|Xinhua)?\s*Photo\b[^)]*\)\s*$"
        r"|\b(?:photo|image|picture|credit|photograph|illustration)s?(?: by)?\s*:\s*\S"
        r"|\b(?:getty images|shutterstock|afp via getty|reuters/|ap photo|epa-efe|imago)\b"
        r"|^file (?:photo|image)\b|^in this\b[^.]{0,40}?\b(?:photo|image)\b|\bfile (?:image|photo)\b"
        r"|^\s*image \d+ of \d+|^(?:photo|image)\s*\d+\s*(?:/|of)\s*\d+", _I)),
    ("share", re.compile(
        r"^(?:share|tweet|email|e-mail|print|pin|send)(?: (?:this|on|via|to|article|story|by))"
        r"|^(?:follow|like) us on\b|^share (?:on|via)\b|\bshare (?:this|on) (?:facebook|twitter|x)\b"
        r"|^(?:click|tap) (?:here|to)\b", _I)),
    ("subscribe", re.compile(
        r"subscribe (?:to|for|now)\b|sign up (?:for|to)\b|\bnewsletter\b|get (?:the|our) (?:latest|daily)"
        r"|\bunlimited access\b|\bfree trial\b|already a subscriber|support (?:our )?journalism", _I)),
    ("copyright", re.compile(
        r"^©|\(c\) \d{4}|copyright\s*(?:©|\d{4})|all rights reserved|may not be (?:published|reproduced)"
        r"|\bis not responsible for the content of external", _I)),
    ("timestamp", re.compile(
        r"^(?:(?:updated|published|posted|last updated|modified)\s*:?\s*)?"
        r"(?:\w+,? )?\d{1,2}(?:st|nd|rd|th)? \w+,?(?: \d{4})?,? \d{1,2}:\d\d(?::\d\d)?"
        r"(?:\s*(?:am|pm|gmt|utc|[A-Z]{2,4}))?$"
        r"|^(?:date|published|posted|updated|last updated)\s*:?\s*"
        r"(?:\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{4})\b.{0,40}$"
        r"|^\d+ (?:sec|secs|seconds|min|mins|minutes|hours?|hrs?|days?|weeks?|months?) ago$"
        r"|^\d{1,2}:\d\d(?:\s*(?:am|pm))?(?:\s*[A-Z]{2,4})?$", _I)),
    ("related", re.compile(
        r"^(?:read (?:more|also)|see also|related|more from|more on|also read|recommended|"
        r"you (?:may|might) (?:also )?like|most (?:read|popular|viewed))\b\s*:?", _I)),
    ("byline", re.compile(
        r"^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Oo]leh|[Аа]втор)\s+[A-ZÀ-Ž][\w.'’-]+(?:\s+[A-ZÀ-Ž][\w.'’-]+){0,3}"
        r"(?:\s*(?:,|and|&|\|)\s*.*)?$")),
)

RULE_NAMES = ("ui", *(name for name, _ in RULES))


def match_rule(text: str) -> str | None:
    """The reason a line looks like page furniture, or None. `text` is the stripped line."""
    folded = text.casefold().rstrip(" :")
    if folded in _UI_STRINGS or (len(text) <= 40 and folded.rstrip(".…") in _UI_STRINGS):
        return "ui"
    if len(text) > 400:
        # Long lines are prose; furniture patterns inside them are mentions, not furniture.
        return None
    for name, pattern in RULES:
        if pattern.search(text):
            return name
    return None
