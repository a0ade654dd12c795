"""The learning-organisation models as validated, read-only data.

Everything here comes from the YAML files in ``lerend/frameworks/data/`` and is loaded and
validated once per process (first call), never from the database — so pages that only show
the models cost no queries, and other apps can import it at any layer.

Public API (all return immutable dataclasses, ordered as the models order them):

    building_blocks()            -> tuple[BuildingBlock, ...]   the twelve Lerenderwijs blocks
    block(key)                   -> BuildingBlock               KeyError if unknown
    block_keys()                 -> tuple[str, ...]             for validating links elsewhere
    relations()                  -> tuple[Relation, ...]        seed 003, "all"-statements expanded
    influences_of(key)           -> directed relations from ``key``
    influenced_by(key)           -> directed relations to ``key``
    connected_with(key)          -> undirected relations touching ``key`` (oriented from ``key``)
    relation_graph()             -> networkx.DiGraph (a fresh copy each call)
    ontwikkelhuis()              -> Ontwikkelhuis (layers with elements, leadership)
    practices() / practice(key)  -> the practices library
    practices_for_block(key)     -> practices serving a block
    nji_elements() / characteristics() / sola_dimensions()  -> tuple[FrameworkItem, ...]

User-facing texts are ``Text`` objects: ``str(text)`` gives the active language
(``django.utils.translation.get_language()``; Dutch when none or unknown), so templates can
print ``{{ block.name }}``; ``text.get("en")`` asks for a language explicitly.

``load(directory)`` parses and validates a data directory without caching; it raises
``FrameworkDataError`` naming the file and the entry when the data is wrong.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import yaml
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nl", "en")
ALL_BLOCKS = "*"

LEVELS = {
    "persoon": _("Person"),
    "team": _("Team"),
    "organisatie": _("Organisation"),
}
PHASES = {
    "diagnose": _("Diagnose"),
    "focus": _("Focus"),
    "leren": _("Learn"),
    "monitoren": _("Monitor"),
}
SPHERES = {"inside": _("Inside the organisation"), "environment": _("Environment")}
HOUSE_LAYERS = ("foundation", "structure", "capacity", "culture")


class FrameworkDataError(ValueError):
    """The framework YAML is malformed; the message names the file and the entry."""


# --- data types -------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A user-facing text in every supported language."""

    nl: str
    en: str

    def get(self, language: str | None = None) -> str:
        language = (language or get_language() or "nl")[:2]
        return self.en if language == "en" else self.nl

    def __str__(self) -> str:
        return self.get()


@dataclass(frozen=True)
class BuildingBlock:
    key: str
    order: int
    chapter: int
    sphere: str  # "inside" or "environment"
    layer: str | None  # Ontwikkelhuis layer key, when one fits
    name: Text
    description: Text

    @property
    def sphere_label(self):
        return SPHERES[self.sphere]


@dataclass(frozen=True)
class Relation:
    """One statement of seed 003 about two blocks.

    ``directed``: ``from_key`` acts on ``to_key``; otherwise the two belong together.
    ``general``: expanded from a statement about *all* blocks ("heeft invloed op alle
    bouwstenen"), not a statement about this pair in particular.
    """

    from_key: str
    to_key: str
    directed: bool
    why: Text
    source: str
    general: bool = False

    @property
    def from_block(self) -> BuildingBlock:
        return block(self.from_key)

    @property
    def to_block(self) -> BuildingBlock:
        return block(self.to_key)

    def flipped(self) -> Relation:
        """The same undirected relation seen from the other end."""
        if self.directed:
            raise ValueError("only undirected relations can be flipped")
        return Relation(
            self.to_key, self.from_key, False, self.why, self.source, general=self.general
        )


@dataclass(frozen=True)
class Element:
    key: str
    name: Text
    description: Text


@dataclass(frozen=True)
class HouseLayer:
    key: str
    order: int
    name: Text
    description: Text
    building_blocks: tuple[str, ...]
    elements: tuple[Element, ...]

    @property
    def blocks(self) -> tuple[BuildingBlock, ...]:
        return tuple(block(key) for key in self.building_blocks)


@dataclass(frozen=True)
class Ontwikkelhuis:
    layers: tuple[HouseLayer, ...]
    leadership: Element

    def layer(self, key: str) -> HouseLayer:
        for layer in self.layers:
            if layer.key == key:
                return layer
        raise KeyError(key)


@dataclass(frozen=True)
class FrameworkItem:
    """An element of one of the smaller models (NJi elements, characteristics, SLO dimensions)."""

    key: str
    order: int
    name: Text
    description: Text
    building_blocks: tuple[str, ...]
    look_for: Text | None = None

    @property
    def blocks(self) -> tuple[BuildingBlock, ...]:
        return tuple(block(key) for key in self.building_blocks)


@dataclass(frozen=True)
class Practice:
    key: str
    name: Text
    description: Text
    levels: tuple[str, ...]
    phases: tuple[str, ...]
    building_blocks: tuple[str, ...]
    workflow: str | None
    source: str

    @property
    def level_labels(self):
        return [LEVELS[level] for level in self.levels]

    @property
    def phase_labels(self):
        return [PHASES[phase] for phase in self.phases]

    @property
    def blocks(self) -> tuple[BuildingBlock, ...]:
        return tuple(block(key) for key in self.building_blocks)


@dataclass(frozen=True)
class Frameworks:
    """Everything loaded from one data directory."""

    blocks: tuple[BuildingBlock, ...]
    relations: tuple[Relation, ...]
    house: Ontwikkelhuis
    nji: tuple[FrameworkItem, ...]
    characteristics: tuple[FrameworkItem, ...]
    sola: tuple[FrameworkItem, ...]
    practices: tuple[Practice, ...]


# --- loading and validation ---------------------------------------------------------------


class _Reader:
    """Small helpers that turn YAML into dataclasses, with errors naming file and entry."""

    def __init__(self, directory: Path, filename: str):
        self.filename = filename
        path = directory / filename
        try:
            with path.open(encoding="utf-8") as fh:
                self.data = yaml.safe_load(fh)
        except FileNotFoundError:
            raise FrameworkDataError(f"{filename}: file is missing") from None
        except yaml.YAMLError as exc:
            raise FrameworkDataError(f"{filename}: not valid YAML ({exc})") from None
        if not isinstance(self.data, dict):
            self.fail("top level", "expected a mapping")

    def fail(self, where: str, problem: str):
        raise FrameworkDataError(f"{self.filename}: {where}: {problem}")

    def entries(self, name: str) -> list[dict]:
        entries = self.data.get(name)
        if not isinstance(entries, list) or not entries:
            self.fail(name, "expected a non-empty list")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self.fail(f"{name}[{i}]", "expected a mapping")
        return entries

    def key(self, entry: dict, where: str, seen: set[str]) -> str:
        key = entry.get("key")
        if not isinstance(key, str) or not key:
            self.fail(where, "missing 'key'")
        if key in seen:
            self.fail(f"{where} ({key})", f"duplicate key '{key}'")
        seen.add(key)
        return key

    def text(self, entry: dict, field: str, where: str) -> Text:
        value = entry.get(field)
        if not isinstance(value, dict):
            self.fail(where, f"'{field}' needs 'nl' and 'en'")
        for language in LANGUAGES:
            if not isinstance(value.get(language), str) or not value[language].strip():
                self.fail(where, f"'{field}' is missing '{language}'")
        return Text(nl=value["nl"].strip(), en=value["en"].strip())

    def block_list(self, entry: dict, where: str, known: set[str]) -> tuple[str, ...]:
        keys = entry.get("building_blocks") or []
        if not isinstance(keys, list):
            self.fail(where, "'building_blocks' must be a list")
        for key in keys:
            if key not in known:
                self.fail(where, f"unknown building block '{key}'")
        return tuple(keys)

    def choices(self, entry: dict, field: str, where: str, allowed) -> tuple[str, ...]:
        values = entry.get(field)
        if not isinstance(values, list) or not values:
            self.fail(where, f"'{field}' must be a non-empty list")
        for value in values:
            if value not in allowed:
                self.fail(where, f"unknown {field[:-1]} '{value}' (allowed: {', '.join(allowed)})")
        return tuple(values)

    def integer(self, entry: dict, field: str, where: str) -> int:
        value = entry.get(field)
        if not isinstance(value, int):
            self.fail(where, f"'{field}' must be a whole number")
        return value


def _load_blocks(directory: Path) -> tuple[tuple[BuildingBlock, ...], tuple[Relation, ...]]:
    r = _Reader(directory, "building_blocks.yaml")
    seen: set[str] = set()
    blocks = []
    for i, entry in enumerate(r.entries("blocks")):
        where = f"blocks[{i}]"
        key = r.key(entry, where, seen)
        where = f"blocks[{i}] ({key})"
        sphere = entry.get("sphere")
        if sphere not in SPHERES:
            r.fail(where, f"unknown sphere '{sphere}'")
        layer = entry.get("layer")
        if layer is not None and layer not in HOUSE_LAYERS:
            r.fail(where, f"unknown Ontwikkelhuis layer '{layer}'")
        blocks.append(
            BuildingBlock(
                key=key,
                order=r.integer(entry, "order", where),
                chapter=r.integer(entry, "chapter", where),
                sphere=sphere,
                layer=layer,
                name=r.text(entry, "name", where),
                description=r.text(entry, "description", where),
            )
        )
    if len(blocks) != 12:
        r.fail("blocks", f"expected the twelve building blocks, found {len(blocks)}")
    blocks.sort(key=lambda b: b.order)
    order = [b.key for b in blocks]

    relations: list[Relation] = []
    stated: set[tuple[str, str, str]] = set()
    for i, entry in enumerate(r.entries("relations")):
        source_key, target_key = entry.get("from"), entry.get("to")
        where = f"relations[{i}] ({source_key} -> {target_key})"
        if source_key not in seen:
            r.fail(where, f"unknown building block '{source_key}'")
        if target_key != ALL_BLOCKS and target_key not in seen:
            r.fail(where, f"unknown building block '{target_key}'")
        if source_key == target_key:
            r.fail(where, "a block cannot relate to itself")
        directed = entry.get("directed")
        if not isinstance(directed, bool):
            r.fail(where, "'directed' must be true or false")
        source = entry.get("source")
        if not isinstance(source, str) or not source.startswith("seed "):
            r.fail(where, "'source' must name the seed, e.g. 'seed 003 paragraph team'")
        identity = (source_key, target_key, source)
        if identity in stated:
            r.fail(where, "duplicate relation in the same source paragraph")
        stated.add(identity)
        why = r.text(entry, "why", where)
        if target_key == ALL_BLOCKS:
            relations.extend(
                Relation(source_key, other, directed, why, source, general=True)
                for other in order
                if other != source_key
            )
        else:
            relations.append(Relation(source_key, target_key, directed, why, source))
    # Specific statements first, then general ones, each in block order of both ends.
    rank = {key: n for n, key in enumerate(order)}
    relations.sort(key=lambda rel: (rel.general, rank[rel.from_key], rank[rel.to_key]))
    return tuple(blocks), tuple(relations)


def _load_house(directory: Path, known: set[str]) -> Ontwikkelhuis:
    r = _Reader(directory, "ontwikkelhuis.yaml")
    seen: set[str] = set()
    layers = []
    for i, entry in enumerate(r.entries("layers")):
        key = r.key(entry, f"layers[{i}]", seen)
        where = f"layers[{i}] ({key})"
        if key not in HOUSE_LAYERS:
            r.fail(where, f"unknown layer (allowed: {', '.join(HOUSE_LAYERS)})")
        element_keys: set[str] = set()
        elements = []
        for j, element in enumerate(entry.get("elements") or []):
            ekey = r.key(element, f"{where} elements[{j}]", element_keys)
            ewhere = f"{where} elements[{j}] ({ekey})"
            elements.append(
                Element(
                    ekey, r.text(element, "name", ewhere), r.text(element, "description", ewhere)
                )
            )
        layers.append(
            HouseLayer(
                key=key,
                order=r.integer(entry, "order", where),
                name=r.text(entry, "name", where),
                description=r.text(entry, "description", where),
                building_blocks=r.block_list(entry, where, known),
                elements=tuple(elements),
            )
        )
    if seen != set(HOUSE_LAYERS):
        r.fail("layers", f"expected the layers {', '.join(HOUSE_LAYERS)}")
    for layer in layers:
        if layer.key in ("capacity", "culture") and len(layer.elements) != 4:
            r.fail(f"layers ({layer.key})", "expected four elements")
    leadership = r.data.get("leadership")
    if not isinstance(leadership, dict):
        r.fail("leadership", "expected a mapping")
    lead = Element(
        "leadership",
        r.text(leadership, "name", "leadership"),
        r.text(leadership, "description", "leadership"),
    )
    return Ontwikkelhuis(layers=tuple(sorted(layers, key=lambda x: x.order)), leadership=lead)


def _load_items(directory: Path, filename: str, listname: str, known: set[str], count: int):
    r = _Reader(directory, filename)
    seen: set[str] = set()
    items = []
    for i, entry in enumerate(r.entries(listname)):
        key = r.key(entry, f"{listname}[{i}]", seen)
        where = f"{listname}[{i}] ({key})"
        items.append(
            FrameworkItem(
                key=key,
                order=r.integer(entry, "order", where),
                name=r.text(entry, "name", where),
                description=r.text(entry, "description", where),
                building_blocks=r.block_list(entry, where, known),
                look_for=r.text(entry, "look_for", where) if "look_for" in entry else None,
            )
        )
    if len(items) != count:
        r.fail(listname, f"expected {count} entries, found {len(items)}")
    return tuple(sorted(items, key=lambda x: x.order))


def _load_practices(directory: Path, known: set[str]) -> tuple[Practice, ...]:
    r = _Reader(directory, "practices.yaml")
    seen: set[str] = set()
    practices = []
    for i, entry in enumerate(r.entries("practices")):
        key = r.key(entry, f"practices[{i}]", seen)
        where = f"practices[{i}] ({key})"
        workflow = entry.get("workflow")
        if workflow is not None and (
            not isinstance(workflow, str) or workflow.count(".") != 1 or " " in workflow
        ):
            r.fail(where, f"'workflow' must be null or '<app>.<flow>', not {workflow!r}")
        blocks = r.block_list(entry, where, known)
        if not blocks:
            r.fail(where, "a practice serves at least one building block")
        source = entry.get("source")
        if not isinstance(source, str) or not source:
            r.fail(where, "missing 'source'")
        practices.append(
            Practice(
                key=key,
                name=r.text(entry, "name", where),
                description=r.text(entry, "description", where),
                levels=r.choices(entry, "levels", where, tuple(LEVELS)),
                phases=r.choices(entry, "phases", where, tuple(PHASES)),
                building_blocks=blocks,
                workflow=workflow,
                source=source,
            )
        )
    return tuple(practices)


def load(directory: Path = DATA_DIR) -> Frameworks:
    """Parse and validate all framework files in ``directory`` (no caching)."""
    directory = Path(directory)
    blocks, relations = _load_blocks(directory)
    known = {b.key for b in blocks}
    return Frameworks(
        blocks=blocks,
        relations=relations,
        house=_load_house(directory, known),
        nji=_load_items(directory, "nji_elements.yaml", "elements", known, 3),
        characteristics=_load_items(directory, "characteristics.yaml", "characteristics", known, 5),
        sola=_load_items(directory, "sola_dimensions.yaml", "dimensions", known, 7),
        practices=_load_practices(directory, known),
    )


@functools.cache
def _data() -> Frameworks:
    return load(DATA_DIR)


@functools.cache
def _blocks_by_key() -> dict[str, BuildingBlock]:
    return {b.key: b for b in _data().blocks}


@functools.cache
def _graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for b in _data().blocks:
        graph.add_node(b.key, order=b.order, sphere=b.sphere)
    for rel in _data().relations:
        ends = [(rel.from_key, rel.to_key)]
        if not rel.directed:
            ends.append((rel.to_key, rel.from_key))
        for u, v in ends:
            if not graph.has_edge(u, v):
                graph.add_edge(u, v, directed=False, general=True, relations=[])
            edge = graph.edges[u, v]
            edge["relations"].append(rel)
            edge["directed"] = edge["directed"] or rel.directed
            edge["general"] = edge["general"] and rel.general
    return graph


# --- public API ---------------------------------------------------------------------------


def building_blocks() -> tuple[BuildingBlock, ...]:
    """The twelve building blocks in Lerenderwijs order."""
    return _data().blocks


def block_keys() -> tuple[str, ...]:
    return tuple(b.key for b in _data().blocks)


def block(key: str) -> BuildingBlock:
    """The block with this key; ``KeyError`` when there is none."""
    return _blocks_by_key()[key]


def relations(*, include_general: bool = True) -> tuple[Relation, ...]:
    """Every relation seed 003 states. Statements about all blocks are expanded to one
    ``general`` relation per other block; ``include_general=False`` leaves those out."""
    rels = _data().relations
    return rels if include_general else tuple(r for r in rels if not r.general)


def influences_of(key: str, *, include_general: bool = True) -> tuple[Relation, ...]:
    """Directed relations in which ``key`` acts on another block."""
    block(key)
    return tuple(
        r for r in relations(include_general=include_general) if r.directed and r.from_key == key
    )


def influenced_by(key: str, *, include_general: bool = True) -> tuple[Relation, ...]:
    """Directed relations in which another block acts on ``key``."""
    block(key)
    return tuple(
        r for r in relations(include_general=include_general) if r.directed and r.to_key == key
    )


def connected_with(key: str, *, include_general: bool = True) -> tuple[Relation, ...]:
    """Undirected relations touching ``key``, turned so that ``from_key == key``."""
    block(key)
    found = []
    for r in relations(include_general=include_general):
        if r.directed:
            continue
        if r.from_key == key:
            found.append(r)
        elif r.to_key == key:
            found.append(r.flipped())
    return tuple(found)


def relation_graph() -> nx.DiGraph:
    """The blocks as a directed graph (a copy; change it freely).

    Nodes are block keys (attributes ``order``, ``sphere``). A directed relation gives one
    edge; an undirected relation gives edges both ways. Edge attributes: ``relations`` (the
    ``Relation`` objects behind it), ``directed`` (any of them directed this way) and
    ``general`` (all of them come from an "all blocks" statement).
    """
    return _graph().copy()


def ontwikkelhuis() -> Ontwikkelhuis:
    return _data().house


def practices() -> tuple[Practice, ...]:
    """The practices library, in the order of the data file."""
    return _data().practices


def practice(key: str) -> Practice:
    """The practice with this key; ``KeyError`` when there is none."""
    for p in _data().practices:
        if p.key == key:
            return p
    raise KeyError(key)


def practices_for_block(key: str) -> tuple[Practice, ...]:
    """Practices that serve the block ``key``."""
    block(key)
    return tuple(p for p in _data().practices if key in p.building_blocks)


def nji_elements() -> tuple[FrameworkItem, ...]:
    """The three elements of the NJi (seed 001)."""
    return _data().nji


def characteristics() -> tuple[FrameworkItem, ...]:
    """The five recognisable characteristics of a learning organisation (seed 000)."""
    return _data().characteristics


def sola_dimensions() -> tuple[FrameworkItem, ...]:
    """The seven dimensions of the OECD 'schools as learning organisations' model."""
    return _data().sola
