"""Fill Dutch translations into a catalogue from a YAML mapping (msgid: msgstr).

    python scripts/po_fill.py lerend/web/locale/nl/LC_MESSAGES/django.po translations.yaml

Handy after `make messages`: write the new strings' Dutch in a small YAML file and apply
it. Entries not in the mapping are left alone; a fuzzy flag is cleared when filled.
Plural entries take a list of two strings. An entry with a context (pgettext) is keyed as
"context\x04msgid" (in YAML: "PDCA phase\x04Plan"), so it never fills the msgid without one.
"""

import sys

import polib
import yaml


def main(po_path: str, mapping_path: str) -> int:
    with open(mapping_path, encoding="utf-8") as fh:
        mapping = yaml.safe_load(fh) or {}
    po = polib.pofile(po_path)
    filled = 0
    for entry in po:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key not in mapping:
            continue
        value = mapping[key]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: value[0], 1: value[1]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    po.save(po_path)
    left = len(po.untranslated_entries()) + len(po.fuzzy_entries())
    print(f"{po_path}: filled {filled}, still untranslated or fuzzy: {left}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
