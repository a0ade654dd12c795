"""Frozen dataclasses for instruments, and the error types of validation."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

# --------------------------------------------------------------------------- frozen model


@dataclass(frozen=True)
class Text:
    """One text in both languages; ``str()`` gives the active language (Dutch as fallback)."""

    nl: str
    en: str

    def in_language(self, language: str | None) -> str:
        return self.en if (language or "").startswith("en") else self.nl

    def __str__(self) -> str:
        return self.in_language(get_language())


@dataclass(frozen=True)
class ScaleOption:
    key: str
    value: int
    label: Text
    face: str | None = None


@dataclass(frozen=True)
class DontKnowOption:
    key: str
    label: Text


@dataclass(frozen=True)
class Scale:
    key: str
    options: tuple[ScaleOption, ...]
    favourable_from: int
    dont_know: DontKnowOption | None = None

    @property
    def points(self) -> int:
        return len(self.options)

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)

    @property
    def has_faces(self) -> bool:
        return all(option.face for option in self.options)

    def option(self, key: str) -> ScaleOption:
        for option in self.options:
            if option.key == key:
                return option
        raise KeyError(key)

    def is_favourable(self, value: int) -> bool:
        return value >= self.favourable_from


@dataclass(frozen=True)
class Dimension:
    key: str
    name: Text
    building_block: str | None = None
    ontwikkelhuis: str | None = None
    slo: str | None = None


@dataclass(frozen=True)
class Item:
    key: str
    dimension: str
    text: Text
    reverse: bool = False
    read_aloud: Text | None = None

    def score(self, value: int, scale: Scale) -> int:
        """The value as it counts: reversed items turn around so high is always favourable."""
        return scale.points + 1 - value if self.reverse else value


@dataclass(frozen=True)
class OpenQuestion:
    key: str
    dimension: str | None
    text: Text


@dataclass(frozen=True)
class Page:
    key: str
    title: Text
    dimensions: tuple[str, ...]


@dataclass(frozen=True)
class Instrument:
    key: str
    version: int
    audience: str
    name: Text
    intro: Text
    scale: Scale
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    open_questions: tuple[OpenQuestion, ...] = ()
    pages: tuple[Page, ...] = ()

    @property
    def favourable_from(self) -> int:
        return self.scale.favourable_from

    def dimension(self, key: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise KeyError(key)

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def items_for(self, dimension_key: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.dimension == dimension_key)

    def open_questions_for(self, page: Page) -> tuple[OpenQuestion, ...]:
        """Open questions of the page's dimensions; general ones go on the last page."""
        last = bool(self.pages) and page.key == self.pages[-1].key
        return tuple(
            question
            for question in self.open_questions
            if question.dimension in page.dimensions or (last and question.dimension is None)
        )


# --------------------------------------------------------------------------- errors


@dataclass(frozen=True)
class InstrumentError:
    """One problem, located so a person can find and fix it in the file."""

    path: str  # e.g. "items[4].dimension"
    message: str  # translated at validation time
    key: str | None = None  # the item/dimension/... key, when there is one
    line: int | None = None  # 1-based line in the YAML text, when known

    @property
    def location(self) -> str:
        """E.g. ``line 57, items[4].dimension “lo.cultuur.3”`` (line first: editors jump to it)."""
        parts = []
        if self.line:
            parts.append(_("line %(line)s") % {"line": self.line} + ",")
        if self.path:
            parts.append(self.path)
        if self.key:
            parts.append(f"“{self.key}”")
        return " ".join(parts).rstrip(",")

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InstrumentDataError(ValueError):
    """A shipped instrument file is invalid: a programming error, reported in full."""

    def __init__(self, source: str, errors: list[InstrumentError]):
        self.source = source
        self.errors = errors
        lines = "\n".join(f"  {error}" for error in errors)
        super().__init__(f"{source}: {len(errors)} error(s)\n{lines}")
