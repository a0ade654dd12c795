"""Validation of instrument data: every problem at once, each with its location.

Shipped files and organisations' uploads go through the same checks; see ``loader`` for the
schema. Messages are gettext strings (English msgids, Dutch in the scans catalogue).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml
from django.utils.translation import gettext as _

from lerend.frameworks import registry

from .model import InstrumentError

LANGUAGES = ("nl", "en")
AUDIENCES = ("staff", "parents", "pupils")
FACES = ("happy", "neutral", "sad")
KEY_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
ITEM_KEY_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$")

TOP_FIELDS = {
    "key",
    "version",
    "audience",
    "name",
    "intro",
    "scale",
    "dimensions",
    "items",
    "open_questions",
    "pages",
}
SCALE_FIELDS = {"key", "options", "dont_know", "favourable_from"}
OPTION_FIELDS = {"key", "value", "label", "face"}
DONT_KNOW_FIELDS = {"key", "label"}
DIMENSION_FIELDS = {"key", "name", "building_block", "ontwikkelhuis", "slo"}
ITEM_FIELDS = {"key", "dimension", "text", "reverse", "read_aloud"}
OPEN_FIELDS = {"key", "dimension", "text"}
PAGE_FIELDS = {"key", "title", "dimensions"}


# --------------------------------------------------------------------------- YAML with lines


class _LineDict(dict):
    """A mapping that remembers where it started and which keys were repeated."""

    line: int | None = None
    duplicates: tuple[tuple[str, int], ...] = ()


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    result = _LineDict()
    result.line = node.start_mark.line + 1
    duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from None
        if key in result:
            # PyYAML keeps the last value silently; a repeated field is almost always a mistake.
            duplicates.append((str(key), key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
    result.duplicates = tuple(duplicates)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_instrument_yaml(text: str) -> tuple[Any, list[InstrumentError]]:
    """Parse YAML text keeping line numbers; a syntax error becomes one located error."""
    try:
        return yaml.load(text, Loader=_LineLoader), []  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return None, [
            InstrumentError(
                path="",
                line=line,
                message=_("The file is not valid YAML: %(problem)s")
                % {"problem": getattr(exc, "problem", None) or str(exc)},
            )
        ]


def validate_instrument_yaml(text: str, **options: Any) -> list[InstrumentError]:
    """Every error of an uploaded YAML text (syntax first; nothing else if it does not parse)."""
    data, errors = parse_instrument_yaml(text)
    return errors or validate_instrument_data(data, **options)


# --------------------------------------------------------------------------- framework keys


def framework_references() -> dict[str, frozenset[str]]:
    """Keys a dimension may point to, per field, from the frameworks registry."""
    house = registry.ontwikkelhuis()
    house_keys = {layer.key for layer in house.layers}
    house_keys |= {element.key for layer in house.layers for element in layer.elements}
    house_keys.add(house.leadership.key)
    return {
        "building_block": frozenset(block.key for block in registry.building_blocks()),
        "ontwikkelhuis": frozenset(house_keys),
        "slo": frozenset(dimension.key for dimension in registry.sola_dimensions()),
    }


# --------------------------------------------------------------------------- validation


class _Checker:
    """Collects every error instead of stopping at the first: an upload shows them all."""

    def __init__(self, references: Mapping[str, Iterable[str]] | None):
        self.errors: list[InstrumentError] = []
        self.references = references

    def add(self, path: str, message: str, *, key: str | None = None, node: Any = None) -> None:
        line = getattr(node, "line", None)
        key = str(key) if key is not None else None
        self.errors.append(InstrumentError(path=path, message=message, key=key, line=line))

    def mapping(self, value: Any, path: str, *, key: str | None = None, node: Any = None) -> bool:
        if isinstance(value, Mapping):
            for name, line in getattr(value, "duplicates", ()):
                self.errors.append(
                    InstrumentError(
                        path=f"{path}.{name}" if path else name,
                        key=str(key) if key is not None else None,
                        line=line,
                        message=_("The field “%(field)s” appears twice.") % {"field": name},
                    )
                )
            return True
        self.add(path, _("Expected a mapping of fields here."), key=key, node=node)
        return False

    def unknown_fields(self, value: Mapping, allowed: set[str], path: str, key: str | None):
        for name in sorted(set(value) - allowed, key=str):
            self.add(
                f"{path}.{name}" if path else str(name),
                _("Unknown field “%(field)s”.") % {"field": name},
                key=key,
                node=value,
            )

    def text(self, value: Any, path: str, *, key: str | None, node: Any, required=True) -> None:
        if value is None:
            if required:
                self.add(path, _("A text in Dutch and English is required."), key=key, node=node)
            return
        if not isinstance(value, Mapping):
            self.add(
                path,
                _("Expected a text with the languages nl and en."),
                key=key,
                node=node,
            )
            return
        self.mapping(value, path, key=key)
        for language in LANGUAGES:
            translation = value.get(language)
            if not isinstance(translation, str) or not translation.strip():
                self.add(
                    f"{path}.{language}",
                    _("The translation “%(language)s” is missing.") % {"language": language},
                    key=key,
                    node=value,
                )
        for extra in sorted(set(value) - set(LANGUAGES), key=str):
            self.add(
                f"{path}.{extra}",
                _("Unknown language “%(language)s”; use nl and en.") % {"language": extra},
                key=key,
                node=value,
            )

    def slug(self, value: Any, path: str, *, pattern=KEY_RE, key=None, node=None) -> bool:
        if isinstance(value, str) and pattern.match(value):
            return True
        if value in (None, ""):
            self.add(path, _("A key is required."), key=key, node=node)
        else:
            self.add(
                path,
                _(
                    "The key “%(value)s” may only contain lower-case letters, digits, "
                    "hyphens and underscores."
                )
                % {"value": value},
                key=key,
                node=node,
            )
        return False

    def entries(self, value: Any, path: str, node: Any, *, required: bool) -> list[Any]:
        if value is None:
            if required:
                self.add(path, _("This list is required and may not be empty."), node=node)
            return []
        if not isinstance(value, list):
            self.add(path, _("Expected a list here."), node=node)
            return []
        if required and not value:
            self.add(path, _("This list is required and may not be empty."), node=node)
        return value


def validate_instrument_data(
    data: Any,
    *,
    references: Mapping[str, Iterable[str]] | None = None,
) -> list[InstrumentError]:
    """Return every problem in an instrument's data (empty list: valid).

    ``references`` maps a dimension field (building_block, ontwikkelhuis, slo) to the keys it
    may take; by default the frameworks registry's keys.
    """
    check = _Checker(references if references is not None else framework_references())
    if not check.mapping(data, ""):
        return check.errors
    check.unknown_fields(data, TOP_FIELDS, "", None)

    check.slug(data.get("key"), "key", node=data)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        check.add("version", _("The version must be a whole number of 1 or more."), node=data)
    if data.get("audience") not in AUDIENCES:
        check.add(
            "audience",
            _("The audience must be one of: %(choices)s.") % {"choices": ", ".join(AUDIENCES)},
            node=data,
        )
    check.text(data.get("name"), "name", key=None, node=data)
    check.text(data.get("intro"), "intro", key=None, node=data)
    _check_scale(check, data.get("scale"), data)
    dimension_keys = _check_dimensions(check, data)
    used = _check_items(check, data, dimension_keys)
    for dimension_key, dimension_node in dimension_keys.items():
        if dimension_key not in used:
            check.add(
                "dimensions",
                _("The dimension has no items."),
                key=dimension_key,
                node=dimension_node,
            )
    _check_pages(check, data, dimension_keys)
    return check.errors


def _check_scale(check: _Checker, scale: Any, parent: Any) -> None:
    if scale is None:
        check.add("scale", _("A scale is required."), node=parent)
        return
    if not check.mapping(scale, "scale", node=parent):
        return
    check.unknown_fields(scale, SCALE_FIELDS, "scale", None)
    check.slug(scale.get("key"), "scale.key", node=scale)
    options = check.entries(scale.get("options"), "scale.options", scale, required=True)
    option_keys: set[str] = set()
    values = []
    faces = []
    for index, option in enumerate(options):
        path = f"scale.options[{index}]"
        if not check.mapping(option, path, node=scale):
            continue
        key = option.get("key")
        check.unknown_fields(option, OPTION_FIELDS, path, key)
        if check.slug(key, f"{path}.key", key=key, node=option):
            if key in option_keys:
                check.add(f"{path}.key", _("This key is used twice."), key=key, node=option)
            option_keys.add(key)
        check.text(option.get("label"), f"{path}.label", key=key, node=option)
        values.append(option.get("value"))
        face = option.get("face")
        faces.append(face)
        if face is not None and face not in FACES:
            check.add(
                f"{path}.face",
                _("The face must be one of: %(choices)s.") % {"choices": ", ".join(FACES)},
                key=key,
                node=option,
            )
    if options and len(options) < 2:
        check.add("scale.options", _("A scale needs at least two options."), node=scale)
    if values and values != list(range(1, len(values) + 1)):
        check.add(
            "scale.options",
            _("The values must be 1 to %(count)s in order; found %(values)s.")
            % {"count": len(values), "values": ", ".join(str(v) for v in values)},
            node=scale,
        )
    if any(face is not None for face in faces) and not all(face is not None for face in faces):
        check.add("scale.options", _("Give every option a face, or none."), node=scale)
    favourable = scale.get("favourable_from")
    if (
        isinstance(favourable, bool)
        or not isinstance(favourable, int)
        or not 1 < favourable <= max(len(values), 2)
    ):
        check.add(
            "scale.favourable_from",
            _("The favourable threshold must be a scale value above 1."),
            node=scale,
        )
    dont_know = scale.get("dont_know")
    if dont_know is not None and check.mapping(dont_know, "scale.dont_know", node=scale):
        key = dont_know.get("key")
        check.unknown_fields(dont_know, DONT_KNOW_FIELDS, "scale.dont_know", key)
        if check.slug(key, "scale.dont_know.key", key=key, node=dont_know) and key in option_keys:
            check.add(
                "scale.dont_know.key",
                _("“Don't know” needs a key of its own, not one of the scale's options."),
                key=key,
                node=dont_know,
            )
        check.text(dont_know.get("label"), "scale.dont_know.label", key=key, node=dont_know)


def _check_dimensions(check: _Checker, data: Mapping) -> dict[str, Any]:
    """Validate dimensions; return the valid keys with their nodes (for line numbers)."""
    keys: dict[str, Any] = {}
    entries = check.entries(data.get("dimensions"), "dimensions", data, required=True)
    for index, dimension in enumerate(entries):
        path = f"dimensions[{index}]"
        if not check.mapping(dimension, path, node=data):
            continue
        key = dimension.get("key")
        check.unknown_fields(dimension, DIMENSION_FIELDS, path, key)
        if check.slug(key, f"{path}.key", key=key, node=dimension):
            if key in keys:
                check.add(f"{path}.key", _("This key is used twice."), key=key, node=dimension)
            else:
                keys[key] = dimension
        check.text(dimension.get("name"), f"{path}.name", key=key, node=dimension)
        for reference, message in (
            ("building_block", _("Unknown building block “%(value)s”.")),
            ("ontwikkelhuis", _("Unknown Ontwikkelhuis element “%(value)s”.")),
            ("slo", _("Unknown learning-organisation dimension “%(value)s”.")),
        ):
            value = dimension.get(reference)
            known = (check.references or {}).get(reference)
            if value is not None and known is not None and value not in known:
                check.add(
                    f"{path}.{reference}",
                    message % {"value": value},
                    key=key,
                    node=dimension,
                )
    return keys


def _check_items(check: _Checker, data: Mapping, dimensions: Mapping[str, Any]) -> set[str]:
    """Validate items and open questions; return the dimension keys that have items."""
    seen: set[str] = set()
    used: set[str] = set()
    items = check.entries(data.get("items"), "items", data, required=True)
    questions = check.entries(data.get("open_questions"), "open_questions", data, required=False)
    for group, entries, allowed in (
        ("items", items, ITEM_FIELDS),
        ("open_questions", questions, OPEN_FIELDS),
    ):
        for index, entry in enumerate(entries):
            path = f"{group}[{index}]"
            if not check.mapping(entry, path, node=data):
                continue
            key = entry.get("key")
            check.unknown_fields(entry, allowed, path, key)
            if check.slug(key, f"{path}.key", pattern=ITEM_KEY_RE, key=key, node=entry):
                if key in seen:
                    check.add(
                        f"{path}.key",
                        _("The key is already used by another question."),
                        key=key,
                        node=entry,
                    )
                seen.add(key)
            dimension = entry.get("dimension")
            is_open = group == "open_questions"
            if dimension is None and is_open:
                pass  # a general open question
            elif dimension is None:
                check.add(
                    f"{path}.dimension", _("The item needs a dimension."), key=key, node=entry
                )
            elif dimension not in dimensions:
                check.add(
                    f"{path}.dimension",
                    _("Unknown dimension “%(dimension)s”.") % {"dimension": dimension},
                    key=key,
                    node=entry,
                )
            elif not is_open:
                used.add(dimension)
            check.text(entry.get("text"), f"{path}.text", key=key, node=entry)
            if is_open:
                continue
            if "reverse" in entry and not isinstance(entry["reverse"], bool):
                check.add(
                    f"{path}.reverse", _("Use true or false for reverse."), key=key, node=entry
                )
            if "read_aloud" in entry:
                check.text(entry["read_aloud"], f"{path}.read_aloud", key=key, node=entry)
    return used


def _check_pages(check: _Checker, data: Mapping, dimensions: Mapping[str, Any]) -> None:
    pages = check.entries(data.get("pages"), "pages", data, required=True)
    page_keys: set[str] = set()
    placed: dict[str, str] = {}
    for index, page in enumerate(pages):
        path = f"pages[{index}]"
        if not check.mapping(page, path, node=data):
            continue
        key = page.get("key")
        check.unknown_fields(page, PAGE_FIELDS, path, key)
        if check.slug(key, f"{path}.key", key=key, node=page):
            if key in page_keys:
                check.add(f"{path}.key", _("This key is used twice."), key=key, node=page)
            page_keys.add(key)
        if "title" in page:
            check.text(page["title"], f"{path}.title", key=key, node=page)
        listed = check.entries(page.get("dimensions"), f"{path}.dimensions", page, required=True)
        for dimension in listed:
            if dimension not in dimensions:
                check.add(
                    f"{path}.dimensions",
                    _("Unknown dimension “%(dimension)s”.") % {"dimension": dimension},
                    key=key,
                    node=page,
                )
            elif dimension in placed:
                check.add(
                    f"{path}.dimensions",
                    _("The dimension “%(dimension)s” is already on page “%(page)s”.")
                    % {"dimension": dimension, "page": placed[dimension]},
                    key=key,
                    node=page,
                )
            else:
                placed[dimension] = key
    if pages:
        for dimension, node in dimensions.items():
            if dimension not in placed:
                check.add(
                    "pages",
                    _("The dimension is not on any page."),
                    key=dimension,
                    node=node,
                )
