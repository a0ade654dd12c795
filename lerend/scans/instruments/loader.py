"""Questionnaire instruments as data: load, validate and freeze.

An instrument is one YAML file. The shipped ones live in ``data/<key>.yaml``; an organisation
may later upload its own in the same format (see ``validate_instrument_yaml``).

Schema (every ``text``-like value is a translation mapping ``{nl: ..., en: ...}``, both
required and non-empty)::

    key: lerende-organisatiescan     # slug, equals the file name for shipped instruments
    version: 1                       # integer >= 1; raise it when items change meaning
    audience: staff                  # staff | parents | pupils
    name: {nl: ..., en: ...}
    intro: {nl: ..., en: ...}
    scale:                           # how every closed item is answered
      key: agree5
      options:                       # values exactly 1..n in this order, low = unfavourable
        - {key: strongly_disagree, value: 1, label: {nl: ..., en: ...}}
        - ...
        # optional per option: face: happy | neutral | sad (all options or none), for
        # young children; the UI draws the face, the label is its spoken/alt text
      dont_know:                     # optional; NOT a scale value: counted apart, never
        key: dont_know               # part of a mean or a favourable share
        label: {nl: ..., en: ...}
      favourable_from: 4             # values >= this count as favourable
    dimensions:
      - key: cultuur                 # slug, unique within the instrument
        name: {nl: ..., en: ...}
        building_block: cultuur      # optional: key in lerend.frameworks building blocks
        ontwikkelhuis: eigen-regie   # optional: Ontwikkelhuis layer or element key
        slo: onderzoek-innovatie     # optional: key of a school-as-learning-organisation dimension
    items:
      - key: lo.cultuur.3            # stable forever: answers are stored under this key
        dimension: cultuur
        text: {nl: ..., en: ...}
        reverse: true                # optional; negatively worded, so value v scores n+1-v
        read_aloud: {nl: ..., en: ...}   # optional; short text a grown-up reads aloud
    open_questions:                  # optional
      - key: lo.cultuur.open         # shares the namespace of item keys
        dimension: cultuur           # or null for a general question (shown on the last page)
        text: {nl: ..., en: ...}
    pages:                           # the questionnaire, page by page
      - key: cultuur
        title: {nl: ..., en: ...}    # optional; defaults to the (first) dimension's name
        dimensions: [cultuur]        # every dimension on exactly one page

Unknown fields are errors (a typo like ``revers: true`` must not pass silently).

``validate_instrument_data(data)`` returns *all* problems, each an ``InstrumentError`` with a
location (path, key and — for data parsed by ``parse_instrument_yaml`` — the line) and a message
translated through gettext. ``build_instrument(data)`` turns valid data into frozen dataclasses.
``shipped_instruments()`` loads and validates the shipped files once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from .model import (
    Dimension,
    DontKnowOption,
    Instrument,
    InstrumentDataError,
    InstrumentError,
    Item,
    OpenQuestion,
    Page,
    Scale,
    ScaleOption,
    Text,
)
from .validation import (
    AUDIENCES,
    parse_instrument_yaml,
    validate_instrument_data,
    validate_instrument_yaml,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

# --------------------------------------------------------------------------- building


def _text(value: Mapping) -> Text:
    return Text(nl=value["nl"].strip(), en=value["en"].strip())


def build_instrument(data: Mapping) -> Instrument:
    """Freeze *valid* data (run ``validate_instrument_data`` first)."""
    scale_data = data["scale"]
    dont_know = scale_data.get("dont_know")
    scale = Scale(
        key=scale_data["key"],
        options=tuple(
            ScaleOption(
                key=option["key"],
                value=option["value"],
                label=_text(option["label"]),
                face=option.get("face"),
            )
            for option in scale_data["options"]
        ),
        favourable_from=scale_data["favourable_from"],
        dont_know=(
            DontKnowOption(key=dont_know["key"], label=_text(dont_know["label"]))
            if dont_know
            else None
        ),
    )
    dimensions = tuple(
        Dimension(
            key=entry["key"],
            name=_text(entry["name"]),
            building_block=entry.get("building_block"),
            ontwikkelhuis=entry.get("ontwikkelhuis"),
            slo=entry.get("slo"),
        )
        for entry in data["dimensions"]
    )
    names = {dimension.key: dimension.name for dimension in dimensions}
    return Instrument(
        key=data["key"],
        version=data["version"],
        audience=data["audience"],
        name=_text(data["name"]),
        intro=_text(data["intro"]),
        scale=scale,
        dimensions=dimensions,
        items=tuple(
            Item(
                key=entry["key"],
                dimension=entry["dimension"],
                text=_text(entry["text"]),
                reverse=entry.get("reverse", False),
                read_aloud=_text(entry["read_aloud"]) if entry.get("read_aloud") else None,
            )
            for entry in data["items"]
        ),
        open_questions=tuple(
            OpenQuestion(
                key=entry["key"],
                dimension=entry.get("dimension"),
                text=_text(entry["text"]),
            )
            for entry in data.get("open_questions") or ()
        ),
        pages=tuple(
            Page(
                key=entry["key"],
                title=(
                    _text(entry["title"]) if entry.get("title") else names[entry["dimensions"][0]]
                ),
                dimensions=tuple(entry["dimensions"]),
            )
            for entry in data["pages"]
        ),
    )


# --------------------------------------------------------------------------- shipped


_AUDIENCE_ORDER = {audience: index for index, audience in enumerate(AUDIENCES)}


def load_instrument_file(path: Path) -> Instrument:
    """Load one file; raise ``InstrumentDataError`` listing every problem."""
    data, errors = parse_instrument_yaml(path.read_text(encoding="utf-8"))
    if not errors:
        errors = validate_instrument_data(data)
    if not errors and data["key"] != path.stem:
        errors = [
            InstrumentError(path="key", message=f"key must equal the file name {path.stem!r}")
        ]
    if errors:
        raise InstrumentDataError(path.name, errors)
    return build_instrument(data)


@functools.cache
def shipped_instruments() -> tuple[Instrument, ...]:
    """All shipped instruments, validated once per process; staff first, then parents, pupils."""
    instruments = [load_instrument_file(path) for path in sorted(DATA_DIR.glob("*.yaml"))]
    return tuple(sorted(instruments, key=lambda i: (_AUDIENCE_ORDER[i.audience], i.key)))


def instrument(key: str) -> Instrument:
    """The shipped instrument with this key; ``LookupError`` when there is none."""
    for candidate in shipped_instruments():
        if candidate.key == key:
            return candidate
    raise LookupError(f"No shipped instrument {key!r}")


__all__ = [
    "DontKnowOption",
    "Dimension",
    "Instrument",
    "InstrumentDataError",
    "InstrumentError",
    "Item",
    "OpenQuestion",
    "Page",
    "Scale",
    "ScaleOption",
    "Text",
    "build_instrument",
    "instrument",
    "parse_instrument_yaml",
    "shipped_instruments",
    "validate_instrument_data",
    "validate_instrument_yaml",
]
