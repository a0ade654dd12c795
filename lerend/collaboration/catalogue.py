"""The intervision methods library and the observation rubrics, as validated read-only data
from ``lerend/collaboration/data/*.yaml`` — loaded once per process, never from the database.

    methods() / method(key)          -> the intervision methods, with their steps
    rubrics() / rubric(key)          -> the shipped rubrics (core-values rubric without items)
    rubric_for(key, core_values=...) -> a rubric with its items filled in for an organisation

``load(directory)`` parses and validates without caching and raises ``CatalogueError``
naming the file and the entry. Texts are ``frameworks.types.Text`` (``str()`` gives the
active language).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

from django.utils.text import slugify

from lerend.frameworks.types import LANGUAGES, Text
from lerend.kit.yaml import Reader

DATA_DIR = Path(__file__).resolve().parent / "data"
SECTORS = ("school", "kinderopvang", "any")
SOURCES = ("items", "core_values")
CORE_VALUES_DOMAIN = "kernwaarden"


class CatalogueError(ValueError):
    """The methods or rubrics YAML is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Step:
    number: int  # 1-based
    title: Text
    instruction: Text
    minutes: int


@dataclass(frozen=True)
class Method:
    key: str
    name: Text
    purpose: Text
    steps: tuple[Step, ...]

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


@dataclass(frozen=True)
class Level:
    key: str
    label: Text
    description: Text | None


@dataclass(frozen=True)
class Item:
    key: str  # "<domain>.<item>", unique in its rubric
    text: Text


@dataclass(frozen=True)
class Domain:
    key: str
    name: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Rubric:
    key: str
    name: Text
    description: Text
    sector: str
    source: str
    scale: tuple[Level, ...]
    domains: tuple[Domain, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for domain in self.domains for item in domain.items)

    def level(self, key: str) -> Level | None:
        return next((lv for lv in self.scale if lv.key == key), None)


@dataclass(frozen=True)
class Catalogue:
    methods: tuple[Method, ...]
    rubrics: tuple[Rubric, ...]


class _Reader(Reader):
    error = CatalogueError
    languages = LANGUAGES
    text_type = Text

    def entries(self, container, name: str, where: str) -> list[dict]:
        entries = container.get(name) if isinstance(container, dict) else None
        if not isinstance(entries, list) or not entries:
            self.fail(where, f"'{name}' must be a non-empty list")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self.fail(f"{where} {name}[{i}]", "expected a mapping")
        return entries


def _load_methods(directory: Path) -> tuple[Method, ...]:
    r = _Reader(directory, "methods.yaml")
    seen: set[str] = set()
    methods = []
    for i, entry in enumerate(r.entries(r.data, "methods", "top level")):
        key = r.key(entry, f"methods[{i}]", seen)
        where = f"methods[{i}] ({key})"
        steps = []
        for n, raw in enumerate(r.entries(entry, "steps", where), start=1):
            step_where = f"{where} step {n}"
            minutes = raw.get("minutes")
            if not isinstance(minutes, int) or not 1 <= minutes <= 120:
                r.fail(step_where, "'minutes' must be a whole number from 1 to 120")
            steps.append(
                Step(
                    number=n,
                    title=r.text(raw, "title", step_where),
                    instruction=r.text(raw, "instruction", step_where),
                    minutes=minutes,
                )
            )
        methods.append(
            Method(
                key=key,
                name=r.text(entry, "name", where),
                purpose=r.text(entry, "purpose", where),
                steps=tuple(steps),
            )
        )
    return tuple(methods)


def _load_scales(r: _Reader) -> dict[str, tuple[Level, ...]]:
    raw = r.data.get("scales")
    if not isinstance(raw, dict) or not raw:
        r.fail("scales", "expected a non-empty mapping")
    scales = {}
    for name, levels in raw.items():
        if not isinstance(levels, list) or not 3 <= len(levels) <= 4:
            r.fail(f"scales.{name}", "a scale has 3 or 4 levels")
        seen: set[str] = set()
        built = []
        for i, level in enumerate(levels):
            if not isinstance(level, dict):
                r.fail(f"scales.{name}[{i}]", "expected a mapping")
            where = f"scales.{name}[{i}]"
            built.append(
                Level(
                    key=r.key(level, where, seen),
                    label=r.text(level, "label", where),
                    description=r.text(level, "description", where, optional=True),
                )
            )
        scales[name] = tuple(built)
    return scales


def _load_rubrics(directory: Path) -> tuple[Rubric, ...]:
    r = _Reader(directory, "rubrics.yaml")
    scales = _load_scales(r)
    seen: set[str] = set()
    rubrics = []
    for i, entry in enumerate(r.entries(r.data, "rubrics", "top level")):
        key = r.key(entry, f"rubrics[{i}]", seen)
        where = f"rubrics[{i}] ({key})"
        sector, source, scale = entry.get("sector"), entry.get("source"), entry.get("scale")
        if sector not in SECTORS:
            r.fail(where, f"unknown sector '{sector}'")
        if source not in SOURCES:
            r.fail(where, f"unknown source '{source}'")
        if scale not in scales:
            r.fail(where, f"unknown scale '{scale}'")
        domains = []
        if source == "items":
            domain_keys: set[str] = set()
            for d, raw in enumerate(r.entries(entry, "domains", where)):
                dkey = r.key(raw, f"{where} domains[{d}]", domain_keys)
                dwhere = f"{where} domain {dkey}"
                item_keys: set[str] = set()
                items = tuple(
                    Item(
                        key=f"{dkey}.{r.key(item, f'{dwhere} items[{n}]', item_keys)}",
                        text=r.text(item, "text", f"{dwhere} items[{n}]"),
                    )
                    for n, item in enumerate(r.entries(raw, "items", dwhere))
                )
                domains.append(Domain(key=dkey, name=r.text(raw, "name", dwhere), items=items))
        elif entry.get("domains"):
            r.fail(where, "a core_values rubric takes its items from the vision, not 'domains'")
        rubrics.append(
            Rubric(
                key=key,
                name=r.text(entry, "name", where),
                description=r.text(entry, "description", where),
                sector=sector,
                source=source,
                scale=scales[scale],
                domains=tuple(domains),
            )
        )
    return tuple(rubrics)


def load(directory: Path = DATA_DIR) -> Catalogue:
    return Catalogue(methods=_load_methods(directory), rubrics=_load_rubrics(directory))


@functools.cache
def _data() -> Catalogue:
    return load(DATA_DIR)


def methods() -> tuple[Method, ...]:
    return _data().methods


def method(key: str) -> Method:
    """``KeyError`` when there is no such method."""
    for m in _data().methods:
        if m.key == key:
            return m
    raise KeyError(key)


def method_keys() -> tuple[str, ...]:
    return tuple(m.key for m in _data().methods)


def rubrics() -> tuple[Rubric, ...]:
    return _data().rubrics


def rubric_keys() -> tuple[str, ...]:
    return tuple(r.key for r in _data().rubrics)


def rubric(key: str) -> Rubric:
    """The shipped rubric; ``KeyError`` when unknown. A core-values rubric has no items
    here: use ``rubric_for``."""
    for r in _data().rubrics:
        if r.key == key:
            return r
    raise KeyError(key)


def rubric_for(key: str, *, core_values=()) -> Rubric:
    """The rubric with its items. For a core-values rubric each value becomes an item
    (both languages show the value as the organisation wrote it)."""
    found = rubric(key)
    if found.source != "core_values":
        return found
    seen: set[str] = set()
    items = []
    for value in core_values:
        item_key = f"{CORE_VALUES_DOMAIN}.{slugify(value)[:40] or len(seen)}"
        if item_key in seen:
            continue
        seen.add(item_key)
        items.append(Item(key=item_key, text=Text(nl=value, en=value)))
    domain = Domain(
        key=CORE_VALUES_DOMAIN,
        name=Text(nl=str(found.name.nl), en=str(found.name.en)),
        items=tuple(items),
    )
    return replace(found, domains=(domain,))
