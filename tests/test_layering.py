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
}

# Known crossings still to remove (a ratchet: the list only shrinks).
KNOWN = {
    "improvement/views/dashboard.py imports lerend.scans.charts.charts",
    "scans/charts.py imports lerend.frameworks.diagrams.diagrams",
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


def test_apps_import_only_public_modules_of_other_apps():
    wrong, seen = [], set()
    for path, app, module, names, line in _imports():
        parts = _foreign(app, module)
        if parts is None or parts[1] == "kit":
            continue
        # "from lerend.x import services" names the module in ``names``.
        targets = [parts[2]] if len(parts) > 2 else names
        for target in targets:
            found = f"{path.relative_to(LEREND)} imports {module}.{target}"
            seen.add(found)
            if target.split(".")[0] not in PUBLIC and found not in KNOWN:
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
