"""Parse and validate the YAML files of the models; errors name the file and the entry."""

from __future__ import annotations

from pathlib import Path

from lerend.kit.yaml import Reader

from .types import (
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


class _Reader(Reader):
    """Small helpers that turn YAML into dataclasses, with errors naming file and entry."""

    error = FrameworkDataError
    languages = LANGUAGES
    text_type = Text

    def entries(self, name: str) -> list[dict]:
        entries = self.data.get(name)
        if not isinstance(entries, list) or not entries:
            self.fail(name, "expected a non-empty list")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self.fail(f"{name}[{i}]", "expected a mapping")
        return entries

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
