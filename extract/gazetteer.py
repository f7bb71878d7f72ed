"""The two data files of names every language shares: places (gazetteer.json) and weapons (weapons.json).

Places carry their names per language, their kind (city, site, satellite) and coordinates; the
pipeline's gazetteer matches their names (and authorities' and weapons' names) as spans.
Weapons: a designation (Hwasong-17, KN-23) is read by its family prefix, and its class looked up.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .language import Lang
from .rules import decision

WEAPON_DESIGNATION = decision("any.weapon.designation", "a weapon family's name with a number (Hwasong-17, KN-23)")
WEAPON_ALIAS = decision("any.weapon.alias", "a weapon's name as the language writes it (weapons.json aliases)")
FOREIGN_WEAPON = decision("any.actor.foreign_weapon", "another state's missile (weapons.json foreign) launched")


def _load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))


@cache
def places() -> list[dict]:
    return _load("gazetteer.json")["places"]


@cache
def places_by_id() -> dict[str, dict]:
    return {p["id"]: p for p in places()}


class Weapons:
    """Designations by family, their classes, and the names that are no launcher."""

    def __init__(self, data: dict) -> None:
        fams = "|".join(re.escape(f) for f in sorted(data["families"], key=len, reverse=True))
        marks = "|".join(re.escape(m) for m in data["variant_marks"])
        self.designation = re.compile(
            # a variant mark alone or with its number: Hwasong-11 Ra, Hwasong-11 Na-4
            # (a plural's s is no variant letter: KN-23s)
            rf"\b(?P<name>(?:{fams})(?:-\s?|\s)?\d+(?:[A-Za-rt-z](?![\w-]))?(?:-\d+)*(?:\s(?:{marks})(?:-\d+)?)?)"
            rf"(?:s(?![\w-]))?(?![\w-])"
        )
        self.classes = {n["name"].lower(): n["class"] for n in data["names"]}
        for family, cls in data["families"].items():
            self.classes.setdefault("family:" + family.lower(), cls)
        self.same_as = {a.lower(): b.lower() for a, b in data["same_as"].items()}
        self.aliases: dict[str, dict[str, str]] = data["aliases"]
        self.not_launchers = tuple(n.lower() for n in data["not_launchers"])
        self.foreign = {
            code: re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.IGNORECASE)
            for code, names in data["foreign"].items()
        }

    def class_of(self, name: str) -> str | None:
        key = clean_name(name).lower()
        if key in self.classes:
            return self.classes[key]
        for prefix, other in self.same_as.items():
            if key.startswith(prefix) and other + key[len(prefix) :] in self.classes:
                return self.classes[other + key[len(prefix) :]]
        m = re.match(r"[A-Za-z]+", key)
        return self.classes.get("family:" + m.group(0).lower()) if m else None

    def launches(self, name: str) -> bool:
        """False for a satellite's or a drone's name."""
        return not clean_name(name).lower().startswith(self.not_launchers)


@cache
def weapons() -> Weapons:
    return Weapons(_load("weapons.json"))


def clean_name(name: str) -> str:
    return re.sub(r"-\s+", "-", name).strip()


def patterns(lang: Lang) -> list[dict]:
    """The gazetteer's patterns for a language's pipeline: places, authorities, weapon aliases."""
    pats: list[dict] = []
    for place in places():
        for name in place["names"].get(lang.code, []):
            pats.append({"label": "PLACE", "pattern": name, "id": place["id"]})
    for auth, names in lang.authorities.items():
        for name in names:
            pats.append({"label": "AUTH", "pattern": name, "id": auth})
    for alias, canonical in weapons().aliases.get(lang.code, {}).items():
        pats.append({"label": "WEAPON", "pattern": alias, "id": canonical})
    return pats
