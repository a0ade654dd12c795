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

import networkx as nx

from .loading import load
from .types import (  # noqa: F401 -- re-exported: the public names of the models
    ALL_BLOCKS,
    DATA_DIR,
    HOUSE_LAYERS,
    LANGUAGES,
    LEVELS,
    PHASES,
    SPHERES,
    BuildingBlock,
    Element,
    FrameworkDataError,
    FrameworkItem,
    Frameworks,
    HouseLayer,
    Ontwikkelhuis,
    Practice,
    Relation,
    Text,
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
