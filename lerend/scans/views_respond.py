"""The public questionnaire at /vragenlijst/: no log-in, the token in the link is the key.

Every step works without JavaScript: each page is a plain form POST that stores the page in
the server-side draft, then redirects (so a reload never posts twice). The respondent's
language is stored on the invitation and activated for each page.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_POST

from lerend.kit.tokens import hash_token

from . import services_respond
from .forms import AccessCodeForm
from .models import AccessCode, CampaignStatus, ScanInvitation
from .services_respond import DONT_KNOW, AlreadySubmitted, CodeExhausted

LANGUAGES = dict(settings.LANGUAGES)


def _render(request, template, context, *, language=None, status=200):
    language = language if language in LANGUAGES else translation.get_language()
    with translation.override(language):
        request.LANGUAGE_CODE = language
        return render(request, template, {**context, "respond_language": language}, status=status)


def _unavailable(request, reason, *, language=None):
    status = {"unknown": 404, "used": 410, "closed": 410, "exhausted": 410}.get(reason, 200)
    return _render(
        request,
        "scans/respond/unavailable.html",
        {"reason": reason},
        language=language,
        status=status,
    )


def _load(request, token):
    """The invitation and its campaign, or a response explaining why it cannot be used."""
    invitation = (
        ScanInvitation.objects.select_related(
            "campaign__instrument_version", "campaign__organisation"
        )
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        return None, _unavailable(request, "unknown")
    language = invitation.language
    if invitation.used_on is not None:
        return None, _unavailable(request, "used", language=language)
    status = invitation.campaign.status
    if status == CampaignStatus.CLOSED:
        return None, _unavailable(request, "closed", language=language)
    if status != CampaignStatus.OPEN:
        return None, _unavailable(request, "not_open", language=language)
    return invitation, None


def _common(invitation, token, **extra):
    campaign = invitation.campaign
    instrument = campaign.instrument_version.instrument
    return {
        "campaign": campaign,
        "instrument": instrument,
        "token": token,
        "page_count": len(instrument.pages),
        **extra,
    }


def start(request, token):
    invitation, problem = _load(request, token)
    if problem:
        return problem
    draft = invitation.draft or {}
    context = _common(invitation, token, resume_page=draft.get("page"), has_draft=bool(draft))
    return _render(request, "scans/respond/start.html", context, language=invitation.language)


@require_POST
def language(request, token):
    invitation, problem = _load(request, token)
    if problem:
        return problem
    chosen = request.POST.get("language")
    if chosen in LANGUAGES:
        services_respond.set_language(invitation=invitation, language=chosen)
    target = request.POST.get("next", "")
    if not target.startswith(reverse("respond:start", args=[token])):
        target = reverse("respond:start", args=[token])
    return redirect(target)


def _page_context(invitation, instrument, page, number):
    scale = instrument.scale
    draft = invitation.draft or {}
    answers, comments = draft.get("answers", {}), draft.get("comments", {})
    options = [(str(o.value), str(o.label), o.face) for o in scale.options]
    items = []
    for dimension in page.dimensions:
        for item in instrument.items_for(dimension):
            value = answers.get(item.key)
            items.append(
                {
                    "key": item.key,
                    "text": str(item.text),
                    "read_aloud": str(item.read_aloud) if item.read_aloud else "",
                    "value": str(value) if value is not None else "",
                }
            )
    questions = [
        {"key": q.key, "text": str(q.text), "value": comments.get(q.key, "")}
        for q in instrument.open_questions_for(page)
    ]
    return {
        "page": page,
        "page_title": str(page.title),
        "number": number,
        "items": items,
        "options": options,
        "dont_know": str(scale.dont_know.label) if scale.dont_know else "",
        "dont_know_value": DONT_KNOW,
        "questions": questions,
        "comment_max_length": services_respond.COMMENT_MAX_LENGTH,
        "has_faces": scale.has_faces,
    }


def page(request, token, number):
    invitation, problem = _load(request, token)
    if problem:
        return problem
    instrument = invitation.campaign.instrument_version.instrument
    if not 1 <= number <= len(instrument.pages):
        raise Http404
    current = instrument.pages[number - 1]
    if request.method == "POST":
        services_respond.save_page(
            invitation=invitation,
            instrument=instrument,
            page=current,
            data=request.POST,
            page_index=number,
        )
        action = request.POST.get("action", "next")
        if action == "save":
            link = request.build_absolute_uri(reverse("respond:start", args=[token]))
            context = _common(invitation, token, link=link, number=number)
            return _render(
                request, "scans/respond/saved.html", context, language=invitation.language
            )
        if action == "previous":
            if number == 1:
                return redirect("respond:start", token)
            return redirect("respond:page", token, number - 1)
        if number == len(instrument.pages):
            return redirect("respond:review", token)
        return redirect("respond:page", token, number + 1)
    with translation.override(invitation.language):
        context = _common(
            invitation, token, **_page_context(invitation, instrument, current, number)
        )
    return _render(request, "scans/respond/page.html", context, language=invitation.language)


def review(request, token):
    invitation, problem = _load(request, token)
    if problem:
        return problem
    instrument = invitation.campaign.instrument_version.instrument
    if request.method == "POST":
        try:
            services_respond.submit(invitation=invitation, instrument=instrument)
        except AlreadySubmitted:
            return _unavailable(request, "used", language=invitation.language)
        response = redirect("respond:thanks")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, invitation.language, samesite="Lax", httponly=True
        )
        return response
    draft = invitation.draft or {}
    answers = draft.get("answers", {})
    comments = draft.get("comments", {})
    pages = []
    with translation.override(invitation.language):
        for number, current in enumerate(instrument.pages, start=1):
            keys = [i.key for d in current.dimensions for i in instrument.items_for(d)]
            pages.append(
                {
                    "number": number,
                    "title": str(current.title),
                    "total": len(keys),
                    "answered": sum(1 for k in keys if k in answers and answers[k] != DONT_KNOW),
                    "dont_know": sum(1 for k in keys if answers.get(k) == DONT_KNOW),
                    "comments": sum(
                        1 for q in instrument.open_questions_for(current) if comments.get(q.key)
                    ),
                }
            )
    context = _common(invitation, token, pages=pages, number=len(instrument.pages) + 1)
    return _render(request, "scans/respond/review.html", context, language=invitation.language)


def thanks(request):
    return _render(request, "scans/respond/thanks.html", {})


def enter_code(request):
    form = AccessCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("respond:code_start", form.cleaned_data["code"])
    return _render(request, "scans/respond/code.html", {"form": form})


def code_start(request, code):
    access_code = (
        AccessCode.objects.select_related("campaign__instrument_version", "campaign__organisation")
        .filter(code=code.upper())
        .first()
    )
    if access_code is None:
        return _unavailable(request, "unknown")
    campaign = access_code.campaign
    status = campaign.status
    if status == CampaignStatus.CLOSED:
        return _unavailable(request, "closed")
    if status != CampaignStatus.OPEN:
        return _unavailable(request, "not_open")
    if access_code.uses >= access_code.use_limit:
        return _unavailable(request, "exhausted")
    language = request.POST.get("language") or translation.get_language()
    if request.method == "POST":
        try:
            token = services_respond.start_with_code(
                code=access_code, language=language if language in LANGUAGES else "nl"
            )
        except CodeExhausted:
            return _unavailable(request, "exhausted")
        return redirect("respond:page", token, 1)
    context = {
        "campaign": campaign,
        "instrument": campaign.instrument_version.instrument,
        "code": access_code,
    }
    return _render(request, "scans/respond/code_start.html", context)
