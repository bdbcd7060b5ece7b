"""The entity gazetteer: countries, places, metonyms, organisations, demonyms and people words.

Three data files under `annotate/data/`, read once per process:
- `gazetteer_iso.json`: ISO 3166 country names and US/Canadian/Australian states, generated
  from pycountry by `bench/build_gazetteer.py` (so run time never imports pycountry);
- `gazetteer_own.json`: our own list: the short names news uses ("United Kingdom", not ISO's
  "United Kingdom of Great Britain and Northern Ireland"), aliases ("Britain", "U.K."),
  demonyms, capitals and seats of government, buildings that stand for an institution
  ("Kremlin", "Downing Street"), major cities and regions, organisations;
- `gazetteer_people.json`: first names with a gender, honorifics, role nouns, and a short
  list of prominent people for documents that name someone by surname only.

Lookups take a name as written, possessive and leading "the" already stripped by the caller
or here. Short names (four characters or fewer: "US", "WHO", "Fed") match with exact case
only, since "us", "who" and "fed" are words; longer ones also ignoring case ("RUSSIA").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Entry", "Gazetteer", "KnownPerson", "load_gazetteer"]

_SHORT = 4
_PLURAL_AS_IS = ("s", "sh", "ch", "ese", "x", "z")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name stands for. `kind` is country, place, organisation, or building (a place
    whose name usually stands for an institution: "the Kremlin said"). `actor` is the
    institution the name stands for when the text uses it as an actor ("Moscow said" ->
    Russian government); None for names that never do."""

    canonical: str
    kind: str
    country: str | None
    actor: Entry | None = None


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A prominent person: full name, gender ("m", "f" or None) and country (or None)."""

    name: str
    gender: str | None
    country: str | None


def name_key(name: str) -> str:
    """The lookup form of a name: straight apostrophes, single spaces, no outer spaces."""
    if "’" in name:
        name = name.replace("’", "'")
    return " ".join(name.split())


class _Names:
    """A name table: exact keys, plus case-folded keys for names longer than _SHORT."""

    __slots__ = ("exact", "folded")

    def __init__(self) -> None:
        self.exact: dict[str, Any] = {}
        self.folded: dict[str, Any] = {}

    def add(self, name: str, value: Any) -> None:
        key = name_key(name)
        self.exact[key] = value
        if len(key) > _SHORT:
            self.folded[key.casefold()] = value

    def get(self, name: str) -> Any:
        key = name_key(name)
        hit = self.exact.get(key)
        if hit is None and len(key) > _SHORT:
            hit = self.folded.get(key.casefold())
        return hit


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Lookups over the shipped lists."""

    places: _Names
    shadowed: _Names
    demonyms: _Names
    people: dict[str, KnownPerson]
    surnames: dict[str, KnownPerson]
    first_names: dict[str, str]
    honorifics: dict[str, str | None]
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    kinship: frozenset[str]
    gender_words: dict[str, str]
    scan_names: dict[str, tuple[str, ...]]

    def lookup(self, name: str) -> Entry | None:
        """The entry for a country, place, building or organisation name, or None. A leading
        "the" is tried both kept ("The Hague") and dropped ("the United States")."""
        hit = self.places.get(name)
        if hit is None and name[:4] in ("the ", "The "):
            hit = self.places.get(name[4:])
        return hit

    def names_exactly(self, name: str) -> bool:
        """True when `name`, case and a leading "The" included, is a name of the lists."""
        return name_key(name) in self.places.exact

    def shadowed_place(self, name: str) -> Entry | None:
        """The state a country's name also names ("Georgia"), for documents about that state's
        country."""
        return self.shadowed.get(name)

    def demonym(self, word: str) -> tuple[bool, str | None]:
        """(is a demonym or group adjective, its country or None): "Russians" -> (True,
        "Russia"), "European" -> (True, None), "Republican" -> (False, None)."""
        hit = self.demonyms.get(word)
        if hit is None:
            return False, None
        return True, hit or None

    def known_person(self, name: str) -> KnownPerson | None:
        """A prominent person by full name or alias ("Sergei Lavrov")."""
        return self.people.get(name_key(name))

    def person_by_surname(self, name: str) -> KnownPerson | None:
        """A prominent person by surname or short alias ("Starmer", "Suu Kyi"), only when
        unambiguous in the list and not a common surname."""
        return self.surnames.get(name_key(name))

    def first_name_gender(self, name: str) -> str | None:
        return self.first_names.get(name)

    def honorific_gender(self, word: str) -> tuple[bool, str | None]:
        """(is an honorific, the gender it gives): "Mrs." -> (True, "f"), "Dr." -> (True, None)."""
        if word in self.honorifics:
            return True, self.honorifics[word]
        return False, None

    def is_title(self, word: str) -> bool:
        """True for a role noun ("spokesman", "President", "Sen.", "vice-president")."""
        low = word.lower()
        if low in self.titles:
            return True
        if "-" in low and low.rsplit("-", 1)[1] in self.titles:
            return True
        return low not in self.kinship and low.endswith(("spokesman", "spokeswoman", "person"))

    def is_kinship(self, word: str) -> bool:
        return word.lower() in self.kinship

    def word_gender(self, word: str) -> str | None:
        """The gender a role noun gives ("spokeswoman" -> "f"), or None."""
        return self.gender_words.get(word.lower())


def _read(name: str) -> dict[str, Any]:
    return json.loads(resources.files("newsgraph.annotate").joinpath("data", name).read_text("utf-8"))


def _iso_name(row: dict[str, str]) -> str:
    """ISO's name in the order news writes it: "Iran" not "Iran, Islamic Republic of", and
    "British Virgin Islands" not "Virgin Islands, British"."""
    name = row.get("common_name") or row["name"]
    official = row.get("official_name")
    if "," in name and official and "," not in official:
        name = official
    if " (" in name:
        name = name.split(" (", 1)[0]
    return name


def _plural(demonym: str) -> str | None:
    return None if demonym.endswith(_PLURAL_AS_IS) else demonym + "s"


def _countries(iso: dict[str, Any], own: dict[str, Any], places: _Names, demonyms: _Names) -> dict[str, Entry]:
    """Add countries, their capitals and seats and their demonyms; return country entries by code."""
    rows = {row["alpha_2"]: row for row in iso["countries"]}
    for code, extra in own["countries"].items():
        if code not in rows and not extra.get("extra"):
            raise ValueError(f"gazetteer_own.json: {code} is not an ISO 3166-1 code (mark it extra)")
    countries: dict[str, Entry] = {}
    for code in sorted(set(rows) | set(own["countries"])):
        row = rows.get(code, {})
        extra = own["countries"].get(code, {})
        canonical = extra.get("name") or _iso_name(row)
        main_demonyms = extra.get("demonyms", [])
        government = extra.get("government") or (f"{main_demonyms[0]} government" if main_demonyms else None)
        actor = Entry(government, "organisation", canonical) if government else None
        entry = countries[code] = Entry(canonical, "country", canonical, actor)
        aliases = [canonical, *extra.get("aliases", ())]
        aliases += [row[f] for f in ("name", "common_name", "official_name") if f in row]
        for alias in aliases:
            places.add(alias, entry)
            if " (" in alias:
                places.add(alias.split(" (", 1)[0], entry)
        for demonym in main_demonyms:
            demonyms.add(demonym, canonical)
            plural = _plural(demonym)
            if plural:
                demonyms.add(plural, canonical)
        capitals = extra.get("capital", [])
        seats = extra.get("seat", capitals)
        for city in capitals:
            places.add(city, Entry(capitals[0], "place", canonical, actor if city in seats else None))
        for city in seats:
            if city not in capitals:
                places.add(city, Entry(city, "place", canonical, actor))
    return countries


def _own_places(own: dict[str, Any], countries: dict[str, Entry], places: _Names) -> None:
    """Cities and regions, seats that stand for something else, buildings, organisations."""
    for code, names in own["places"].items():
        for name in names:
            if places.get(name) is None:
                places.add(name, Entry(name, "place", countries[code].canonical))
    for seat, override in own["metonym_overrides"].items():
        current = places.get(seat)
        actor = Entry(override["canonical"], "organisation", override.get("country"))
        places.add(seat, Entry(seat, "place", current.country if current else None, actor))
    for building in own["buildings"]:
        country = countries.get(building.get("country", ""))
        name = building.get("canonical") or (country.actor.canonical if country and country.actor else None)
        if name is None:
            raise ValueError(f"gazetteer_own.json: building {building['names'][0]} stands for nothing")
        actor = Entry(name, "organisation", country.canonical if country else None)
        for alias in building["names"]:
            places.add(alias, Entry(building["names"][0], "building", actor.country, actor))
    for org in own["organisations"]:
        country = countries.get(org.get("country", ""))
        entry = Entry(org["name"], "organisation", country.canonical if country else None)
        for alias in [org["name"], *org["aliases"]]:
            places.add(alias, entry)


def _subdivisions(iso: dict[str, Any], own: dict[str, Any], countries: dict[str, Entry], places: _Names) -> _Names:
    """States and provinces; those sharing a country's name ("Georgia") go to the shadow table."""
    shadowed = _Names()
    by_name: dict[str, Entry] = {}
    for sub in iso["subdivisions"]:
        entry = Entry(sub["name"], "place", countries[sub["country"]].canonical)
        by_name[sub["name"]] = entry
        current = places.get(sub["name"])
        if current is None:
            places.add(sub["name"], entry)
        elif current.kind == "country":
            shadowed.add(sub["name"], entry)
    for abbreviation, state in own["state_abbreviations"].items():
        places.add(abbreviation, by_name[state])
    return shadowed


def _people(data: dict[str, Any], countries: dict[str, Entry]) -> tuple[dict[str, KnownPerson], dict[str, KnownPerson]]:
    """Known people by full name and alias, and by surname where no two share it."""
    full: dict[str, KnownPerson] = {}
    partial: dict[str, KnownPerson | None] = {}
    for row in data["known_people"]:
        country = countries.get(row["country"] or "")
        person = KnownPerson(row["name"], row["gender"], country.canonical if country else None)
        aliases = row.get("aliases", [])
        for alias in [row["name"], *aliases]:
            full[name_key(alias)] = person
        words = len(row["name"].split())
        keys = {row.get("surname") or row["name"].split()[-1], *(a for a in aliases if len(a.split()) < words)}
        for key in keys:
            seen = partial.get(key, person)
            partial[key] = person if seen is person else None
        if not row.get("by_surname", True):
            partial[row.get("surname") or row["name"].split()[-1]] = None
    return full, {k: v for k, v in partial.items() if v is not None}


def _scan_names(places: _Names, first_names: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Names worth finding where NER found nothing (countries, seats of government,
    buildings, organisations), indexed by first word, longest first. Other cities are left
    to NER (many are also surnames), and so are one-word names that are also first names
    ("Jordan", "Chad", "Sofia")."""
    index: dict[str, set[str]] = {}
    for key, entry in places.exact.items():
        wanted = entry.kind in ("country", "building", "organisation") or entry.actor is not None
        if not wanted or not key[:1].isupper():
            continue
        if " " not in key and key in first_names:
            continue
        index.setdefault(key.split()[0], set()).add(key)
    return {w: tuple(sorted(v, key=len, reverse=True)) for w, v in index.items()}


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    iso, own, people = _read("gazetteer_iso.json"), _read("gazetteer_own.json"), _read("gazetteer_people.json")
    places, demonyms = _Names(), _Names()
    countries = _countries(iso, own, places, demonyms)
    _own_places(own, countries, places)
    shadowed = _subdivisions(iso, own, countries, places)
    for word, code in own["extra_demonyms"].items():
        demonyms.add(word, countries[code].canonical if code else "")
    full, surnames = _people(people, countries)
    genders = {name: g for g, names in people["first_names"].items() for name in names}
    gender_words = {w: g for g, words in people["gender_words"].items() for w in words}
    return Gazetteer(
        places=places,
        shadowed=shadowed,
        demonyms=demonyms,
        people=full,
        surnames=surnames,
        first_names=genders,
        honorifics=dict(people["honorifics"]),
        titles=frozenset(people["titles"]),
        title_modifiers=frozenset(people["title_modifiers"]),
        kinship=frozenset(people["kinship"]),
        gender_words=gender_words,
        scan_names=_scan_names(places, genders),
    )
