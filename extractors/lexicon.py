"""Load the rule data under extractors/rules/ once (surnames, posts, bodies, events, stop words)."""
from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path

RULES = Path(__file__).with_name("rules")


def _load(name: str) -> dict:
    with open(RULES / name, encoding="utf-8") as f:
        return json.load(f)


def alt(words: list[str] | set[str]) -> str:
    """Regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


COMMON_SURNAMES = 300  # covers all but a fraction of a percent of Chinese people


class Lexicon:
    """All vocabulary, loaded lazily; one shared instance `LEX`."""

    @cached_property
    def surnames(self) -> dict:
        return _load("surnames.json")

    @cached_property
    def single_surnames(self) -> set[str]:
        return set(self.surnames["single"])

    @cached_property
    def compound_surnames(self) -> list[str]:
        return list(self.surnames["compound"])

    @cached_property
    def _compound_by_len(self) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        for c in self.compound_surnames:
            out.setdefault(len(c), set()).add(c)
        return out

    def compound_prefix(self, s: str) -> str | None:
        """The compound surname s starts with (欧阳, 司马), if any."""
        for n, group in self._compound_by_len.items():
            if s[:n] in group:
                return s[:n]
        return None

    def starts_with_surname(self, s: str) -> bool:
        return bool(s) and (s[0] in self.single_surnames or self.compound_prefix(s) is not None)

    def starts_with_common_surname(self, s: str) -> bool:
        """The surname is among the most frequent (the list is in frequency order): a name with no
        post or list to anchor it must start so; 能源, 国家工, 赫尔松 start with rare surnames."""
        return bool(s) and (s[0] in self._common_surnames or self.compound_prefix(s) is not None)

    @cached_property
    def _common_surnames(self) -> str:
        return _load("surnames.json")["single"][:COMMON_SURNAMES]

    @cached_property
    def _not_names(self) -> dict:
        return _load("not_names.json")

    @cached_property
    def not_names(self) -> set[str]:
        return set(self._not_names["words"])

    @cached_property
    def non_name_parts(self) -> list[str]:
        return list(self._not_names["parts"])

    @cached_property
    def titles_data(self) -> dict:
        return _load("titles.json")

    @cached_property
    def titles(self) -> list[str]:
        return sorted(set(self.titles_data["titles"]), key=lambda w: (-len(w), w))

    @cached_property
    def foreign_titles(self) -> set[str]:
        return set(self.titles_data.get("foreign_titles", []))

    @cached_property
    def implied_body(self) -> dict[str, str]:
        return dict(self.titles_data["implied_body"])

    @cached_property
    def bodies(self) -> dict:
        return _load("bodies.json")

    @cached_property
    def world(self) -> dict:
        return _load("world.json")

    @cached_property
    def places(self) -> dict:
        return _load("places.json")

    @cached_property
    def provinces(self) -> list[str]:
        return list(self.places["provinces"])

    @cached_property
    def events(self) -> dict:
        return _load("events.json")

    @cached_property
    def roles(self) -> dict:
        return _load("roles.json")


LEX = Lexicon()
