"""Reading data shipped as YAML (the frameworks, the intervision methods and rubrics): a
reader whose errors name the file and the entry, so a mistake in the data is found at once.

A loader subclasses ``Reader`` and sets ``error`` (the exception it raises), ``languages``
(every text must be given in each) and ``text_type`` (what such a text becomes, called with
one keyword argument per language, e.g. ``frameworks.types.Text``).
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import yaml


class Reader:
    error: type[Exception] = ValueError
    languages: tuple[str, ...] = ()
    text_type: Callable[..., Any] | None = None

    def __init__(self, directory: Path, filename: str):
        self.filename = filename
        try:
            with (directory / filename).open(encoding="utf-8") as fh:
                self.data = yaml.safe_load(fh)
        except FileNotFoundError:
            raise self.error(f"{filename}: file is missing") from None
        except yaml.YAMLError as exc:
            raise self.error(f"{filename}: not valid YAML ({exc})") from None
        if not isinstance(self.data, dict):
            self.fail("top level", "expected a mapping")

    def fail(self, where: str, problem: str) -> NoReturn:
        raise self.error(f"{self.filename}: {where}: {problem}")

    def key(self, entry: dict, where: str, seen: set[str]) -> str:
        """``entry["key"]`` (a number becomes text), unique among ``seen``, which it joins."""
        key: object = entry.get("key")
        if isinstance(key, int):
            key = str(key)
        if not isinstance(key, str) or not key:
            self.fail(where, "missing 'key'")
        if key in seen:
            self.fail(f"{where} ({key})", f"duplicate key '{key}'")
        seen.add(key)
        return key

    def text(self, entry: dict, field: str, where: str, *, optional=False):
        """``entry[field]`` as a text in every language; ``None`` when optional and absent."""
        value = entry.get(field)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            self.fail(where, f"'{field}' needs {' and '.join(map(repr, self.languages))}")
        for language in self.languages:
            if not isinstance(value.get(language), str) or not value[language].strip():
                self.fail(where, f"'{field}' is missing '{language}'")
        make = self.text_type
        assert make is not None, "a Reader sets text_type"
        return make(**{language: value[language].strip() for language in self.languages})
