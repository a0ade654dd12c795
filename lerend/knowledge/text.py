"""Dutch text for the search: folding, stemming, synonyms, query terms and snippets.

One pipeline for indexed text and for the query, so both sides always agree:

1. fold: lower case, diacritics off ("ideeën" -> "ideeen"), apostrophes inside a word
   dropped ("pm'er" -> "pmer");
2. tokens: runs of letters and digits;
3. synonyms: a token sequence that is one of the known variants (compared on stems, so
   plurals count) adds the group's canonical token (``zsynve`` ...) to the text, and in a
   query *replaces* the variant: "VE", "VVE" and "voorschoolse educatie" find each other;
4. stems: the Dutch Snowball stemmer (PyStemmer) on SQLite; PostgreSQL gets the folded,
   unstemmed text and stems it with its own ``dutch`` configuration (the same Snowball
   algorithm), so its stop words and stems are its own.

Every query term is a prefix ("betrokken" finds "betrokkenheid"), except synonym tokens.
"""

import functools
import re
import unicodedata

import Stemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"[^\W_]+")
APOSTROPHE = re.compile(r"(?<=\w)['’`](?=\w)")

# Each group: its canonical token and the variants (as written; folded and stemmed on load).
SYNONYMS = {
    "zsynve": ("VE", "VVE", "voorschoolse educatie", "vroegschoolse educatie"),
    "zsynpm": ("pm'er", "pm'ers", "pedagogisch medewerker", "pedagogisch medewerkers"),
    "zsynib": ("IB'er", "IB'ers", "intern begeleider", "intern begeleiders"),
    "zsynplg": (
        "PLG",
        "PLG's",
        "professionele leergemeenschap",
        "professionele leergemeenschappen",
    ),
}
MAX_QUERY_TERMS = 8


@functools.cache
def _stemmer():
    return Stemmer.Stemmer("dutch")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return APOSTROPHE.sub("", text)


def tokens(text: str) -> list[str]:
    return WORD.findall(fold(text))


def stems(words: list[str]) -> list[str]:
    return _stemmer().stemWords(words)


@functools.cache
def _variants() -> list[tuple[tuple[str, ...], str]]:
    """(stemmed variant, canonical token), longest variants first."""
    found = [
        (tuple(stems(tokens(variant))), canonical)
        for canonical, variants in SYNONYMS.items()
        for variant in variants
    ]
    return sorted(found, key=lambda item: -len(item[0]))


def _synonym_at(stemmed: list[str], i: int) -> tuple[str, int] | None:
    for variant, canonical in _variants():
        if tuple(stemmed[i : i + len(variant)]) == variant:
            return canonical, len(variant)
    return None


def synonym_tokens(words: list[str]) -> list[str]:
    """The canonical tokens of every synonym variant in ``words`` (folded tokens)."""
    stemmed, found, i = stems(words), [], 0
    while i < len(stemmed):
        hit = _synonym_at(stemmed, i)
        if hit:
            found.append(hit[0])
        i += hit[1] if hit else 1
    return sorted(set(found))


def index_text(text: str) -> str:
    """Folded text plus its synonym tokens: what PostgreSQL indexes (stemming itself)."""
    words = tokens(text)
    return " ".join(words + synonym_tokens(words))


def stemmed_text(text: str) -> str:
    """What SQLite's FTS5 table indexes: stems of ``index_text``."""
    words = tokens(text)
    return " ".join(stems(words) + synonym_tokens(words))


def query_terms(query: str) -> list[tuple[str, str, bool]]:
    """The query as (folded word, stem, is_prefix) terms, all of which must match; a synonym
    variant becomes its canonical token (exact). At most MAX_QUERY_TERMS terms."""
    words = tokens(query)[: MAX_QUERY_TERMS * 2]
    stemmed, terms, i = stems(words), [], 0
    while i < len(words):
        hit = _synonym_at(stemmed, i)
        if hit:
            terms.append((hit[0], hit[0], False))
            i += hit[1]
        else:
            terms.append((words[i], stemmed[i], True))
            i += 1
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TERMS]


def fts5_query(terms) -> str:
    """SQLite FTS5 MATCH syntax; every term quoted, so nothing in it is an operator."""
    return " AND ".join(f'"{stem}"' + ("*" if prefix else "") for _w, stem, prefix in terms)


def tsquery(terms) -> str:
    """PostgreSQL to_tsquery('dutch', ...) syntax; terms are letters and digits only."""
    return " & ".join(f"'{word}'" + (":*" if prefix else "") for word, _s, prefix in terms)


# --- snippets ----------------------------------------------------------------------------


def _matcher(terms):
    stems_wanted = [(stem, prefix) for _w, stem, prefix in terms if not stem.startswith("zsyn")]
    synonyms = {canonical for _w, canonical, _p in terms if canonical.startswith("zsyn")}
    variant_heads = {v[0] for v, canonical in _variants() if canonical in synonyms}

    def matches(word: str) -> bool:
        folded = fold(word)
        stem = stems([folded])[0]
        if stem in variant_heads:
            return True
        return any(
            stem.startswith(s) or folded.startswith(s) if prefix else stem == s
            for s, prefix in stems_wanted
        )

    return matches


def highlight(text: str, terms) -> str:
    """``text`` escaped, with the words that match the query in <mark>. Safe HTML."""
    matches = _matcher(terms)
    out, last = [], 0
    for m in WORD.finditer(text):
        if matches(m.group()):
            out.append(escape(text[last : m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece escaped above


def snippet(text: str, terms, width: int = 180) -> str:
    """A window of ``text`` around the first match (or its start), highlighted."""
    text = " ".join(text.split())
    matches = _matcher(terms)
    start = 0
    for m in WORD.finditer(text):
        if matches(m.group()):
            start = max(0, m.start() - width // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    piece = text[start : start + width]
    if start + width < len(text):
        cut = piece.rfind(" ")
        piece = (piece[:cut] if cut > width // 2 else piece) + " …"
    return highlight(("… " if start else "") + piece, terms)
