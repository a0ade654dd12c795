"""Open comments before anyone reads them (route 6 of docs/anonymity.md).

* **Names are masked**: every word of a comment that is (part of) the name of someone in the
  organisation is replaced by "[naam]" — whoever wrote it, about whomever. Words are matched
  case-insensitively after the first letter is checked to be a capital (so "bos" in a sentence
  stays, "Bos" goes); name particles such as "van" and "de" are never masked on their own.
* **Roles are flagged**: a comment that mentions a role held by one or a few people (team
  leader, intern begeleider, coach, ...) can point at its writer or at a colleague. It is held
  back until the campaign's manager has reviewed it (publish or hide); see
  ``services.review_comment``.

Pure functions on text; the names come from the caller (one query per page).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable

from django.conf import settings

MASK = "[naam]"
PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "la", "le", "du", "da", "in", "t", "v"}
)
# Roles that one or a few people hold in a team, school or location (Dutch, as written in
# comments; lower case, matched on word boundaries).
ROLE_WORDS = (
    "teamleider",
    "leidinggevende",
    "locatiemanager",
    "locatieleider",
    "directeur",
    "adjunct",
    "bestuurder",
    "beheerder",
    "coach",
    "pedagogisch coach",
    "beleidsmedewerker",
    "intern begeleider",
    "ib'er",
    "ib-er",
    "bouwcoördinator",
    "aandachtsfunctionaris",
    "vertrouwenspersoon",
    "conciërge",
    "administratief medewerker",
    "stagiair",
    "stagiaire",
    "invaller",
    "vakleerkracht",
    "gymdocent",
)
_ROLES = re.compile(r"(?<!\w)(" + "|".join(re.escape(r) for r in ROLE_WORDS) + r")(?!\w)", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)

REVIEW_FLAGGED = "flagged"
REVIEW_PUBLISHED = "published"
REVIEW_HIDDEN = "hidden"


def name_tokens(names: Iterable[str]) -> frozenset[str]:
    """Lower-case words of people's names, without particles and one-letter words (unless
    the name has nothing else)."""
    tokens = set()
    for name in names:
        words = [w.casefold().strip("'’-") for w in _WORD.findall(name or "")]
        words = [w for w in words if len(w) > 1]
        # A name made of particles only ("Da van der Da", "De Ter") keeps them: every name
        # must leave at least one word to mask.
        tokens.update([w for w in words if w not in PARTICLES] or words)
    return frozenset(tokens)


def mask_names(text: str, tokens: frozenset[str]) -> str:
    """``text`` with every capitalised word that is part of a person's name replaced."""

    def replace(match: re.Match) -> str:
        word = match.group(0)
        if word[0].isupper() and word.casefold().strip("'’-") in tokens:
            return MASK
        return word

    masked = _WORD.sub(replace, text)
    # "[naam] [naam]" (a first and a last name) reads as one name.
    return re.sub(r"\[naam\](\s+\[naam\])+", MASK, masked)


def role_mentions(text: str) -> list[str]:
    """The role words a comment mentions (lower case, in order, without repeats)."""
    found: list[str] = []
    for match in _ROLES.finditer(text):
        word = match.group(1).casefold()
        if word not in found:
            found.append(word)
    return found


def review_state(comment: dict) -> str | None:
    """None for a comment that needs no review; otherwise flagged/published/hidden."""
    decided = comment.get("review")
    if decided in (REVIEW_PUBLISHED, REVIEW_HIDDEN):
        return decided
    return REVIEW_FLAGGED if role_mentions(comment.get("text", "")) else None


def review_key(response_id: int, index: int) -> str:
    """An opaque handle for one comment on the review page (no response id, so no order of
    submission, leaves the server)."""
    message = f"lerend.scans.comment:{response_id}:{index}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:24]
