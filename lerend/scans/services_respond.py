"""Answering a questionnaire: start through a code, keep a draft, submit.

Submitting is the hot path (many respondents at once, benchmarked): ONE transaction with a
fixed number of statements whatever the number of items —

1. ``UPDATE invitation SET used_on = today, draft = '{}' WHERE id = ? AND used_on IS NULL``
   (0 rows: already submitted -> nothing stored; it also deletes the draft),
2. ``INSERT`` the response (strata, date, open comments),
3. one multi-row ``INSERT`` of the answers,
4. one ``INSERT ... ON CONFLICT DO UPDATE`` adding this response to the aggregates of its
   stratum: every item row AND every dimension row in one statement (they share one table,
   :class:`~lerend.scans.models.Aggregate`).

Outside a transaction Django also counts the BEGIN and COMMIT around them: six in all.
The upsert is plain SQL understood by SQLite >= 3.24 and PostgreSQL.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import AccessCode, Aggregate, Answer, Response, ScanInvitation
from .services import audience_role_group, new_invitation, token_for

DONT_KNOW = "dk"
COMMENT_MAX_LENGTH = 2000


class AlreadySubmitted(Exception):
    pass


class CodeExhausted(Exception):
    pass


@transaction.atomic
def start_with_code(*, code: AccessCode, language: str = "nl") -> str:
    """A parent or pupil starts: count one use of the code (conditional UPDATE, so the limit
    holds with many starting at once) and create their own invitation with the code's
    strata. Returns the token of the new personal link. Raises CodeExhausted."""
    used = AccessCode.objects.filter(pk=code.pk, uses__lt=F("use_limit")).update(uses=F("uses") + 1)
    if not used:
        raise CodeExhausted
    campaign = code.campaign
    invitation = new_invitation(
        campaign,
        access_code=code,
        location_key=code.location_key,
        team_key=code.team_key,
        role_group=audience_role_group(campaign.audience),
        language=language,
    )
    invitation.save()
    return token_for(invitation.nonce)


def clean_page_answers(instrument, page, data) -> tuple[dict, dict]:
    """Closed answers and open comments of one page from POST data. Unknown or missing values
    are simply not answered (every question is optional)."""
    values = {str(v) for v in instrument.scale.values}
    answers, comments = {}, {}
    for dimension in page.dimensions:
        for item in instrument.items_for(dimension):
            raw = data.get(item.key, "")
            if raw in values:
                answers[item.key] = int(raw)
            elif raw == DONT_KNOW and instrument.scale.dont_know is not None:
                answers[item.key] = DONT_KNOW
    for question in instrument.open_questions_for(page):
        text = (data.get(question.key) or "").strip()[:COMMENT_MAX_LENGTH]
        if text:
            comments[question.key] = text
    return answers, comments


def save_page(*, invitation: ScanInvitation, instrument, page, data, page_index: int) -> dict:
    """Store one page's answers in the draft (one UPDATE; only while not yet submitted).
    Answers of this page that were cleared are removed. Side effects: the invitation's draft."""
    answers, comments = clean_page_answers(instrument, page, data)
    draft = dict(invitation.draft or {})
    stored = dict(draft.get("answers", {}))
    stored_comments = dict(draft.get("comments", {}))
    for dimension in page.dimensions:
        for item in instrument.items_for(dimension):
            stored.pop(item.key, None)
    for question in instrument.open_questions_for(page):
        stored_comments.pop(question.key, None)
    stored.update(answers)
    stored_comments.update(comments)
    draft = {"answers": stored, "comments": stored_comments, "page": page_index}
    ScanInvitation.objects.filter(pk=invitation.pk, used_on__isnull=True).update(draft=draft)
    invitation.draft = draft
    return draft


def set_language(*, invitation: ScanInvitation, language: str) -> None:
    ScanInvitation.objects.filter(pk=invitation.pk).update(language=language)
    invitation.language = language


_CELL = ("campaign_id", "location_key", "team_key", "role_group")
_KEY = ("item_key", "dimension_key")
_UPSERT_COLUMNS = (*_CELL, *_KEY, *Aggregate.COUNT_COLUMNS)


def _upsert(rows: list[tuple]) -> None:
    """Add ``rows`` (item and dimension rows alike) to the aggregate table in one statement.
    Each row: the cell, item_key ("" for a dimension row), dimension_key, then every count
    column of ``Aggregate.COUNT_COLUMNS`` — each added to the stored value (the other kind's
    columns carry zeros, so adding them changes nothing)."""
    if not rows:
        return
    q = connection.ops.quote_name
    table = q(Aggregate._meta.db_table)
    placeholders = "(" + ", ".join(["%s"] * len(_UPSERT_COLUMNS)) + ")"
    sql = (
        f"INSERT INTO {table} ({', '.join(q(c) for c in _UPSERT_COLUMNS)}) "
        f"VALUES {', '.join([placeholders] * len(rows))} "
        # The conflict target is the unique constraint aggregate_unique_cell, in its order.
        f"ON CONFLICT ({', '.join(q(c) for c in ('campaign_id', *_KEY, *_CELL[1:]))}) "
        "DO UPDATE SET "
        + ", ".join(f"{q(c)} = {table}.{q(c)} + excluded.{q(c)}" for c in Aggregate.COUNT_COLUMNS)
    )
    params = [value for row in rows for value in row]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _insert_answers(response_id: int, answers: list[tuple[str, int | None]]) -> None:
    """One multi-row INSERT of the answers — what bulk_create sends, without building a model
    instance per answer (that was half the submit's time with 59 items)."""
    if not answers:
        return
    q = connection.ops.quote_name
    columns = ", ".join(q(c) for c in ("response_id", "item_key", "value"))
    sql = f"INSERT INTO {q(Answer._meta.db_table)} ({columns}) VALUES " + ", ".join(
        ["(%s, %s, %s)"] * len(answers)
    )
    params = [value for key, answer in answers for value in (response_id, key, answer)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _counts(scores: list[int], dont_know: int) -> tuple:
    histogram = [0] * 5
    for score in scores:
        histogram[score - 1] += 1
    return (len(scores), sum(scores), sum(s * s for s in scores), *histogram, dont_know)


def submit(*, invitation: ScanInvitation, instrument) -> Response:
    """Turn the invitation's draft into a Response, its answers and the aggregates, in one
    transaction of four statements (six with BEGIN/COMMIT). Raises AlreadySubmitted (nothing
    stored) when the invitation was used already — a double click, a second tab. The caller
    checks that the campaign is open. Side effects: the invitation used and its draft
    emptied, Response, Answers, Aggregate rows (items and dimensions)."""
    draft = invitation.draft or {}
    raw_answers = draft.get("answers", {})
    raw_comments = draft.get("comments", {})
    today = timezone.localdate()
    scale = instrument.scale
    answers: list[tuple[str, int | None]] = []
    for item in instrument.items:  # instrument order; unknown keys in the draft are ignored
        value = raw_answers.get(item.key)
        if value == DONT_KNOW and scale.dont_know is not None:
            answers.append((item.key, None))
        elif isinstance(value, int) and value in scale.values:
            answers.append((item.key, value))
    questions = {q.key: q for q in instrument.open_questions}
    comments = [
        {"question": key, "dimension": questions[key].dimension, "text": text}
        for key, text in sorted(raw_comments.items())
        if key in questions and text
    ]
    cell = (invitation.campaign_id, invitation.location_key, invitation.team_key)
    cell = (*cell, invitation.role_group)

    # Complete cases (every item of the dimension answered on the scale) feed the extra
    # columns Cronbach's alpha needs; see ItemAggregate / DimensionAggregate.
    per_dimension: dict[str, tuple[list[int], int]] = defaultdict(lambda: ([], 0))
    item_scores: list[tuple[str, str, int | None]] = []
    for key, value in answers:
        item = instrument.item(key)
        scores, dk = per_dimension[item.dimension]
        if value is None:
            item_scores.append((key, item.dimension, None))
            per_dimension[item.dimension] = (scores, dk + 1)
        else:
            score = item.score(value, scale)
            item_scores.append((key, item.dimension, score))
            scores.append(score)
    complete = {
        dimension
        for dimension, (scores, _dk) in per_dimension.items()
        if len(scores) == len(instrument.items_for(dimension))
    }
    # Rows in the column order of _UPSERT_COLUMNS: cell, item_key, dimension_key, the nine
    # shared counts, respondents, score_total, score_total_sq, complete_n, complete_total(_sq).
    rows = []
    for key, dimension, score in item_scores:
        counts = _counts([], 1) if score is None else _counts([score], 0)
        done = (score, score * score) if dimension in complete else (0, 0)
        rows.append((*cell, key, dimension, *counts, 0, 0.0, 0.0, 0, *done))
    for dimension, (scores, dk) in per_dimension.items():
        mean = sum(scores) / len(scores) if scores else 0.0
        respondent = (1 if scores else 0, mean, mean * mean)
        whole = sum(scores)
        done = (1, whole, whole * whole) if dimension in complete else (0, 0, 0)
        rows.append((*cell, "", dimension, *_counts(scores, dk), *respondent, *done))

    # savepoint=False: no SAVEPOINT/RELEASE round trips when a caller already holds a
    # transaction; nothing inside raises after writing, so no partial state can survive.
    with transaction.atomic(savepoint=False):
        marked = ScanInvitation.objects.filter(pk=invitation.pk, used_on__isnull=True).update(
            used_on=today, draft={}
        )
        if marked:
            response = _store(invitation, today, comments, answers, rows)
    if not marked:
        raise AlreadySubmitted
    invitation.used_on = today
    invitation.draft = {}
    return response


def _store(invitation, today, comments, answers, rows) -> Response:
    response = Response.objects.create(
        campaign_id=invitation.campaign_id,
        location_key=invitation.location_key,
        team_key=invitation.team_key,
        role_group=invitation.role_group,
        submitted_on=today,
        comments=comments,
    )
    _insert_answers(response.pk, answers)
    _upsert(rows)
    return response
