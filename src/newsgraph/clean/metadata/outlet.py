"""The outlet that published the page.

Credits, strongest first; the first that names something other than a wire agency wins:
1. the credit of a teaser image, "... - <Name>, 1920, 24.01.2025";
2. the " - <Outlet>" / " | <Outlet>" suffix of the first line (the HTML <title>), when the
   name recurs on the page, is a known outlet, looks like one or like a domain, or fits
   the URL;
3. the outlet speaking of itself: "<Name> is not responsible for ...", "<Name> uses cookies";
4. the holder of the last copyright notice, "© 2025 <Name>" / "Copyright <Name>", without
   its company form ("Meridian Post Media Group" -> "Meridian Post");
5. a masthead: a short name among the first lines that the copyright notice repeats or
   that looks like an outlet's name.
Failing all, None: the wire agency whose copy a page carries is never its outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.clean.metadata.dates import find_dates
from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.names import NAME, tidy_outlet
from newsgraph.clean.metadata.scan import find_all, name_before
from newsgraph.clean.metadata.title import SEPARATOR
from newsgraph.clean.metadata.view import Finding, PageView, squash

__all__ = ["find_outlet"]

_CREDIT = re.compile(rf"[ \t][-–—][ \t](?P<name>{NAME}),[ \t]*\d{{3,4}},[ \t]*$")
_SELF = (
    ("outlet:not_responsible", (" is not responsible", " are not responsible")),
    ("outlet:uses_cookies", (" uses cookies",)),
)
_DOMAIN = re.compile(
    r"^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|co|ca|de|fr|ru|in|info|news|io|tv|uk|au)$", re.IGNORECASE
)
_NOT_A_NAME = frozenset({"This", "Our", "We", "It"})
_PHOTO = re.compile(r"\b(?:Getty|Shutterstock|Alamy|EPA|iStock|Imago|VCG|Sipa|Pixabay|Unsplash|Flickr|Wiki\w+)\b")
_MASTHEAD_LINES = 3
_MAX_SUFFIX_WORDS = 6


def _usable(name: str, gaz: Gazetteer) -> bool:
    """A name that can be an outlet: not a pronoun, a wire agency or a photo agency."""
    if not name or not name[:1].isalnum() or name.split()[0] in _NOT_A_NAME:
        return False
    if name.lower().startswith(("all rights", "copyright")):
        return False
    return gaz.wire(name) is None and not gaz.looks_like_agency(name) and not _PHOTO.search(name)


def _caption_credit(view: PageView, gaz: Gazetteer, url: str | None) -> Finding | None:
    """A date ending a line after "- <Name>, <number>,": the credit of a teaser image."""
    for hit in view.dates():
        ln = view.lines[view.line_at(hit.start)]
        m = _CREDIT.search(view.raw, ln.start, hit.start) if hit.end == ln.end else None
        if m:
            name = tidy_outlet(m.group("name"), gaz.corporate_suffixes)
            if _usable(name, gaz):
                return Finding(name, view.raw_evidence(m.start("name"), m.end("name"), "outlet:caption_credit"))
    return None


def _recurs(view: PageView, name: str, skip: str) -> bool:
    """True when `name` occurs after the first line, outside lines that hold `skip`."""
    for text, needle, key in ((view.raw, name, skip), (view.folded(), name.lower(), skip.lower())):
        pos = text.find(needle, view.lines[0].end)
        while pos >= 0:
            line = view.lines[view.line_at(pos)].text
            if not key or key not in (line if text is view.raw else line.lower()):
                return True
            pos = text.find(needle, pos + len(needle))
    return False


def _first_line_suffix(view: PageView, gaz: Gazetteer, url: str | None) -> Finding | None:
    first = view.lines[0]
    parts = SEPARATOR.split(first.text)
    if len(parts) < 2:
        return None
    raw_name = parts[-1].strip()
    domain = bool(_DOMAIN.match(raw_name))
    name = raw_name if domain else tidy_outlet(raw_name, gaz.corporate_suffixes)
    words = name.split()
    if not name[:1].isalnum() or not 1 <= len(words) <= _MAX_SUFFIX_WORDS or find_dates(name):
        return None
    if not domain and ("'" in raw_name or "’" in raw_name
                       or sum(w[:1].isupper() or w[:1].isdigit() for w in words) * 2 < len(words)):
        return None  # a piece of the headline, not a name
    host = squash(url.split("//", 1)[-1].split("/", 1)[0]) if url else ""
    known = gaz.outlet(name)
    if not (known or domain or gaz.looks_like_outlet(name) or (host and squash(name) in host)
            or _recurs(view, name, parts[0])):
        return None
    start = first.start + first.text.rindex(raw_name)
    value = known if known and squash(known) == squash(name) else name
    return Finding(value, view.raw_evidence(start, start + len(raw_name), "outlet:first_line_suffix"))


def _self_statement(view: PageView, gaz: Gazetteer, url: str | None) -> Finding | None:
    for rule, cues in _SELF:
        for pos in find_all(view.raw, cues):
            found = name_before(view.raw, pos)
            if not found:
                continue
            start, raw_name = found
            name = tidy_outlet(raw_name, gaz.corporate_suffixes)
            if name.startswith(("the ", "The ")) and not gaz.outlet(name):
                name = name[4:]
            if _usable(name, gaz):
                return Finding(gaz.outlet(name) or name, view.raw_evidence(start, start + len(raw_name), rule))
    return None


def _copyright(view: PageView, gaz: Gazetteer, url: str | None) -> Finding | None:
    found = None
    for m in view.copyrights():
        if view.is_caption(view.line_at(m.start())) or view.raw.startswith((" rights", " Rights"), m.end("name")):
            continue  # a photo credit; "© All rights reserved" names nobody
        name = tidy_outlet(m.group("name"), gaz.corporate_suffixes)
        if _usable(name, gaz):
            evidence = view.raw_evidence(m.start("name"), m.end("name"), "outlet:copyright")
            found = Finding(gaz.outlet(name) or name, evidence)
    return found


def _masthead(view: PageView, gaz: Gazetteer, url: str | None) -> Finding | None:
    holders = " ".join(m.group("name") for m in view.copyrights()).lower()
    for i in range(min(_MASTHEAD_LINES, len(view.lines))):
        text = view.lines[i].text
        words = text.split()
        if view.rules[i] is not None or not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        if find_dates(text) or not _usable(text, gaz):
            continue
        name = tidy_outlet(text, gaz.corporate_suffixes)
        if name.lower() in holders or (len(words) > 1 and gaz.looks_like_outlet(name)) or gaz.outlet(name):
            return Finding(gaz.outlet(name) or name, view.line_evidence(i, "outlet:masthead"), i, "outlet_credit")
    return None


_READERS: tuple[Callable[[PageView, Gazetteer, str | None], Finding | None], ...] = (
    _caption_credit, _first_line_suffix, _self_statement, _copyright, _masthead,
)


def find_outlet(view: PageView, gaz: Gazetteer, url: str | None = None) -> Finding | None:
    """The page's own outlet, or None when nothing on the page names it."""
    if not view.lines:
        return None
    for reader in _READERS:
        found = reader(view, gaz, url)
        if found is not None:
            return found
    return None
