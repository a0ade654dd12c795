"""Data types and constants of the learning-organisation models (see ``registry``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def block(key: str):
    """Look a block up in the loaded models (the registry caches them; imported late
    because the registry itself is built from these types)."""
    from .registry import block as registry_block  # noqa: PLC0415 — cycle: the registry is built from these types

    return registry_block(key)


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
