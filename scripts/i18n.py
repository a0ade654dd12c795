"""Translations: extract, check completeness, compile — without needing gettext to compile.

    python scripts/i18n.py extract   # refresh the nl catalogues (needs gettext)
    python scripts/i18n.py check     # fail on any string without Dutch
    python scripts/i18n.py compile   # .po -> .mo with polib (pure Python)

Message ids are English (code and source in English), so English needs no catalogue and is
complete by construction; Dutch is the default language and must be complete.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["nl"]
MAKEMESSAGES = [
    "makemessages",
    *[f"--locale={lang}" for lang in LANGUAGES],
    "--no-obsolete",
    "--add-location=never",
    "--ignore=tests/*",
    "--ignore=scripts/*",
    "--ignore=bench/*",
    "--ignore=var/*",
]


def catalogues(root: Path):
    return sorted(root.glob("lerend/**/locale/*/LC_MESSAGES/*.po"))


def run_makemessages(root: Path) -> None:
    if shutil.which("xgettext") is None:
        sys.exit("gettext (xgettext) is not installed: apt-get install gettext")
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES],
        cwd=root,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def problems(po_path: Path) -> list[str]:
    po = polib.pofile(str(po_path))
    found = [f"untranslated: {e.msgid!r}" for e in po.untranslated_entries()]
    found += [f"fuzzy: {e.msgid!r}" for e in po.fuzzy_entries()]
    return found


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        shutil.copytree(ROOT / "lerend", copy / "lerend", ignore=shutil.ignore_patterns("*.mo"))
        shutil.copy(ROOT / "manage.py", copy / "manage.py")
        run_makemessages(copy)
        failures = 0
        total = 0
        for po_path in catalogues(copy):
            rel = po_path.relative_to(copy)
            found = problems(po_path)
            total += len(polib.pofile(str(po_path)))
            for line in found:
                print(f"{rel}: {line}")
            failures += len(found)
    if failures:
        print(
            f"\n{failures} string(s) without a Dutch translation. Run `make messages`, translate."
        )
        return 1
    print(f"translations complete: {total} strings, Dutch translated, English is the source")
    return 0


def compile_all() -> int:
    for po_path in catalogues(ROOT):
        po_path.with_suffix(".mo").write_bytes(polib.pofile(str(po_path)).to_binary())
    return 0


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "extract":
        run_makemessages(ROOT)
        return 0
    if command == "check":
        return check()
    if command == "compile":
        return compile_all()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
