"""Instruments: the shipped ones and the organisation's own copies. A modest form-based
editor: add, remove and reorder items and open questions within existing dimensions, then
publish as a new frozen version."""

import copy
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.organisations.decorators import require

from . import rules, selectors, services
from .forms import ItemForm, OpenQuestionForm
from .instruments.validation import parse_instrument_yaml, validate_instrument_yaml
from .models import InstrumentVersion

UPLOAD_MAX_BYTES = 200 * 1024


# Loaders: through the tenant (another organisation's version or draft: 404); the rule
# declared with each decides 403.
def _version(request, version_id):
    version = selectors.shipped_or_own_version(request.organisation, version_id)
    if version is None:
        raise Http404
    return version


def _draft(request, draft_id):
    own = selectors.own_instrument(request.organisation, draft_id)
    if own is None:
        raise Http404
    return own


def _list_context(request, **extra):
    org = request.organisation
    return {
        "versions": selectors.instrument_choices(org),
        "own": list(selectors.own_instruments(org)),
        "can_manage": rules.can_manage_instruments(request.access),
        "upload_max_kb": UPLOAD_MAX_BYTES // 1024,
        **extra,
    }


@require(rules.can_view_campaigns)
def instrument_list(request):
    return render(request, "scans/instrument_list.html", _list_context(request))


def _upload_text(upload) -> tuple[str | None, str | None]:
    """The uploaded file as text, or a message saying why it cannot be read."""
    if upload is None:
        return None, _("Choose a YAML file to upload.")
    if upload.size > UPLOAD_MAX_BYTES:
        return None, _("The file is larger than %(max)s kB. Upload a smaller file.") % {
            "max": UPLOAD_MAX_BYTES // 1024
        }
    try:
        return upload.read().decode("utf-8"), None
    except UnicodeDecodeError:
        return None, _("The file is not UTF-8 text. Save it as UTF-8 and upload it again.")


@require_POST
@require(rules.can_manage_instruments)
def instrument_upload(request):
    """Upload an own instrument as a YAML file: every problem is listed with its line and
    nothing is stored, or one draft is created."""
    text, problem = _upload_text(request.FILES.get("file"))
    errors = [] if problem else validate_instrument_yaml(text)
    if problem or errors:
        context = _list_context(request, upload_problem=problem, upload_errors=errors)
        return render(request, "scans/instrument_list.html", context, status=400)
    data, _errors = parse_instrument_yaml(text)
    definition = json.loads(json.dumps(data))  # plain dicts and lists for the JSONField
    own = services.import_instrument_draft(
        organisation=request.organisation, actor=request.user, definition=definition
    )
    messages.success(
        request, _("The questionnaire has been imported as a draft. Check it, then publish it.")
    )
    return redirect("scans:instrument_edit", request.organisation.slug, own.pk)


@require_POST
@require(rules.can_copy_instrument, obj=_version)
def instrument_copy(request, version):
    org = request.organisation
    own = services.copy_instrument(organisation=org, actor=request.user, version=version)
    messages.success(request, _("A copy has been made. Change it, then publish it."))
    return redirect("scans:instrument_edit", org.slug, own.pk)


def _move(entries: list, key: str, step: int) -> None:
    index = next(i for i, e in enumerate(entries) if e["key"] == key)
    target = index + step
    if 0 <= target < len(entries):
        entries[index], entries[target] = entries[target], entries[index]


def _next_key(definition, prefix: str) -> str:
    taken = {e["key"] for e in definition["items"]} | {
        e["key"] for e in definition.get("open_questions") or []
    }
    number = 1
    while f"{definition['key']}.{prefix}{number}" in taken:
        number += 1
    return f"{definition['key']}.{prefix}{number}"


def _edit(definition: dict, post) -> dict | None:
    """Apply one editor action to a copy of the definition; None for an invalid form."""
    definition = copy.deepcopy(definition)
    action, key = post.get("action", ""), post.get("key", "")
    items = definition["items"]
    questions = definition.setdefault("open_questions", [])
    if action == "item_remove":
        definition["items"] = [e for e in items if e["key"] != key]
    elif action in ("item_up", "item_down"):
        _move(items, key, -1 if action == "item_up" else 1)
    elif action == "question_remove":
        definition["open_questions"] = [e for e in questions if e["key"] != key]
    elif action in ("question_up", "question_down"):
        _move(questions, key, -1 if action == "question_up" else 1)
    return definition


@require(rules.can_edit_instrument, obj=_draft)
def instrument_edit(request, own):
    org = request.organisation
    instrument = services.build_instrument(own.definition)
    dimensions = [(d.key, str(d.name)) for d in instrument.dimensions]
    item_form = ItemForm(dimensions=dimensions, prefix="item")
    question_form = OpenQuestionForm(dimensions=dimensions, prefix="question")
    if request.method == "POST":
        action = request.POST.get("action", "")
        definition = None
        if action == "item_add":
            item_form = ItemForm(request.POST, dimensions=dimensions, prefix="item")
            if item_form.is_valid():
                data = item_form.cleaned_data
                definition = copy.deepcopy(own.definition)
                definition["items"].append(
                    {
                        "key": _next_key(definition, "eigen"),
                        "dimension": data["dimension"],
                        "text": {"nl": data["text_nl"], "en": data["text_en"]},
                        **({"reverse": True} if data["reverse"] else {}),
                    }
                )
        elif action == "question_add":
            question_form = OpenQuestionForm(request.POST, dimensions=dimensions, prefix="question")
            if question_form.is_valid():
                data = question_form.cleaned_data
                definition = copy.deepcopy(own.definition)
                question = {
                    "key": _next_key(definition, "open"),
                    "text": {"nl": data["text_nl"], "en": data["text_en"]},
                }
                if data["dimension"]:
                    question["dimension"] = data["dimension"]
                definition.setdefault("open_questions", []).append(question)
        else:
            definition = _edit(own.definition, request.POST)
        if definition is not None:
            try:
                services.update_instrument_draft(own=own, actor=request.user, definition=definition)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            return redirect("scans:instrument_edit", org.slug, own.pk)
        instrument = services.build_instrument(own.definition)
    names = {d.key: str(d.name) for d in instrument.dimensions}
    context = {
        "own": own,
        "instrument": instrument,
        "items": [(item, names[item.dimension]) for item in instrument.items],
        "questions": [(q, names.get(q.dimension, _("General"))) for q in instrument.open_questions],
        "item_form": item_form,
        "question_form": question_form,
        "versions": InstrumentVersion.objects.filter(organisation=org, key=own.key),
    }
    return render(request, "scans/instrument_edit.html", context)


@require_POST
@require(rules.can_edit_instrument, obj=_draft)
def instrument_publish(request, own):
    org = request.organisation
    try:
        version = services.publish_instrument(own=own, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Version %(version)s has been published; campaigns can now use it.")
            % {"version": version.version},
        )
    return redirect("scans:instrument_edit", org.slug, own.pk)
