"""Apps reach each other only through their public modules, and never through a private
name. The layers themselves (ground floor, domain apps, top) are import-linter's contract in
pyproject.toml, run by `make lint`; this test adds what import-linter cannot say: *which*
modules of another app may be imported, and that no ``_name`` crosses an app's border."""

import ast
from pathlib import Path

LEREND = Path(__file__).resolve().parent.parent / "lerend"

# What one app may import from another. Views, URL modules, forms, templates and tasks are
# an app's own business; its models, reads, writes, rules and contribution are public.
PUBLIC = {
    "models",
    "selectors",
    "services",
    "rules",
    "access",
    "decorators",
    "contrib",
    "auth",
    "schemas",
    "throttle",
    "registry",
    "types",
    "validators",
    "forms",
    "fields",
    "imports",
    "picker",
    # organisations: the team chooser (the people picker for teams, decision 0023)
    "team_picker",
    # organisations: the sector's words (kinderopvang or school), for every app
    "wording",
    # accounts: sending a recurring reminder and the person's choice of them
    "reminders",
}

# Packages whose __init__ is the public API of a sub-domain.
PACKAGES = {"scans/results"}

# Known crossings still to remove (a ratchet: the list only shrinks).
KNOWN = {
    "improvement/views/dashboard.py imports scans/charts",
}


def _imports():
    for path in sorted(LEREND.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(LEREND).parts
        if len(parts) == 1:  # lerend/urls.py and friends sit above every app
            continue
        app = parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield path, app, node.module, [alias.name for alias in node.names], node.lineno
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, app, alias.name, [], node.lineno


def _foreign(app, module):
    parts = module.split(".")
    if parts[0] != "lerend" or len(parts) < 2 or parts[1] in (app, "settings"):
        return None
    return parts


def _imported_modules(parts, names):
    """The modules an import reaches inside another app, as paths below the app: ``from
    lerend.accounts.sso import selectors`` reaches ``sso/selectors``; ``from
    lerend.scans.results import block_scores`` reaches the package ``results``."""
    base = LEREND.joinpath(*parts[1:])
    inner = "/".join(parts[2:])
    submodules = [
        n for n in names if (base / f"{n}.py").exists() or (base / n / "__init__.py").exists()
    ]
    if submodules:
        return [f"{inner}/{n}".lstrip("/") for n in submodules]
    return [inner] if inner else names


def test_apps_import_only_public_modules_of_other_apps():
    """Every module reached must be public by its own name (``selectors``, ``services``,
    ...) or be a public package of the app (``scans/results``, the read model)."""
    wrong, seen = [], set()
    for path, app, module, names, line in _imports():
        parts = _foreign(app, module)
        if parts is None or parts[1] == "kit":
            continue
        for target in _imported_modules(parts, names):
            found = f"{path.relative_to(LEREND)} imports {parts[1]}/{target}"
            seen.add(found)
            public = target.split("/")[-1] in PUBLIC or f"{parts[1]}/{target}" in PACKAGES
            if not public and found not in KNOWN:
                wrong.append(f"{found} (line {line})")
    assert wrong == []
    assert seen >= KNOWN, f"gone, take off KNOWN: {sorted(KNOWN - seen)}"


def test_no_private_name_crosses_an_apps_border():
    wrong = [
        f"{path.relative_to(LEREND)}:{line} imports {module}.{name}"
        for path, app, module, names, line in _imports()
        if _foreign(app, module)
        for name in names
        if name.startswith("_")
    ]
    assert wrong == []
