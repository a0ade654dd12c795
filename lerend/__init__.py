"""Lerend. The version lives in one place, ``pyproject.toml``; it is read from there (the
project is not installed as a package: ``[tool.uv] package = false``) and shown in the page
footer and at ``/api/v1/version``. CHANGELOG.md says what each version brought."""

import tomllib
from pathlib import Path


def _version() -> str:
    try:
        with open(Path(__file__).resolve().parent.parent / "pyproject.toml", "rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except FileNotFoundError:  # a copy of the package without its project file
        return "0+unknown"


__version__ = _version()
