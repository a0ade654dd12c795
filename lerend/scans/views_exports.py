"""Downloads of a closed campaign at /o/<slug>/scans/export/<campaign_id>/: a page that says
what each file holds, the anonymous raw answers (streamed CSV) and the aggregated results
(CSV, XLSX). Bestuurder and beheerder only; everything through the campaign's plan."""

from django.http import Http404
from django.shortcuts import render
from django.utils.text import slugify

from lerend.kit import downloads
from lerend.organisations.decorators import require

from . import exports, rules, selectors


# Loaders: the campaign through the tenant; a file only once its results are there (404
# before). The rule declared with each decides 403.
def _campaign(request, campaign_id):
    campaign = selectors.campaign_for(request.organisation, campaign_id)
    if campaign is None:
        raise Http404
    return campaign


def _ready_campaign(request, campaign_id):
    campaign = _campaign(request, campaign_id)
    if not exports.is_ready(campaign):
        raise Http404
    return campaign


def _filename(campaign, what: str, extension: str) -> str:
    return f"{slugify(campaign.title)[:60] or 'scan'}-{what}.{extension}"


@require(rules.can_export_campaign, obj=_campaign)
def export_index(request, campaign):
    ready = exports.is_ready(campaign)
    context = {"campaign": campaign, "ready": ready}
    if ready:
        labels = {"location": "location", "team": "team", "role_group": "role_group"}
        context.update(
            raw_possible=exports.raw_possible(campaign, request.user),
            raw_columns=[labels[c] for c in exports.raw_columns(campaign, request.user)],
            k=exports.campaign_k(campaign),
        )
    return render(request, "scans/exports/index.html", context)


@require(rules.can_export_campaign, obj=_ready_campaign)
def export_raw_csv(request, campaign):
    # The files hold survey results: never keep them in a shared cache.
    return downloads.streamed_download(
        exports.raw_csv(campaign, request.user),
        _filename(campaign, "antwoorden", "csv"),
        private=True,
    )


@require(rules.can_export_campaign, obj=_ready_campaign)
def export_results_csv(request, campaign):
    return downloads.streamed_download(
        exports.aggregate_csv(campaign, request.user),
        _filename(campaign, "resultaten", "csv"),
        private=True,
    )


@require(rules.can_export_campaign, obj=_ready_campaign)
def export_results_xlsx(request, campaign):
    return downloads.xlsx_response(
        exports.aggregate_sheets(campaign, request.user),
        _filename(campaign, "resultaten", "xlsx"),
        private=True,
    )
