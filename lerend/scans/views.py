"""Campaign pages for leaders at /o/<slug>/scans/: list, create, detail, launch, close,
remind. Counts and rates only, through the anonymity plan; never who did (not) answer."""

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.background import selectors as outbox
from lerend.kit.forms import apply_errors
from lerend.organisations import team_picker
from lerend.organisations.decorators import require
from lerend.organisations.models import Team

from . import exports, rules, selectors, services
from .forms import CampaignForm
from .models import CampaignStatus
from .tasks import mail_group


# Loaders: the object a page is about, through the tenant (404 when it is not there, or
# there is nothing to show yet); the rule declared with each decides 403.
def _campaign(request, campaign_id):
    campaign = selectors.campaign_for(request.organisation, campaign_id)
    if campaign is None:
        raise Http404
    return campaign


def _campaign_team_letters(request, campaign_id, team_id):
    """A launched campaign's team that got letters."""
    campaign = _campaign(request, campaign_id)
    team = Team.objects.filter(organisation=request.organisation, pk=team_id).first()
    if team is None or campaign.launched_at is None or not selectors.has_letters(campaign, team):
        raise Http404
    return selectors.CampaignTeam(campaign, team)


def _campaign_with_results(request, campaign_id):
    """Comments can be reviewed once the campaign's results are there."""
    campaign = _campaign(request, campaign_id)
    if not exports.is_ready(campaign):
        raise Http404
    return campaign


@require(rules.can_view_campaigns)
def campaign_list(request):
    context = {
        "campaigns": list(selectors.campaigns_for(request.organisation)),
        "can_manage": rules.can_manage_campaigns(request.access),
        "can_manage_instruments": rules.can_manage_instruments(request.access),
    }
    return render(request, "scans/campaign_list.html", context)


@require(rules.can_manage_campaigns)
def campaign_create(request):
    org = request.organisation
    versions = selectors.instrument_choices(org)
    form = CampaignForm(
        request.POST or None,
        organisation=org,
        versions=versions,
        teams=team_picker.scope(request, "scans.campaign_teams"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not rules.can_manage_targets(request.access, data["locations"], data["teams"]):
            form.add_error(None, _("Choose only locations or teams you manage."))
            return render(request, "scans/campaign_form.html", {"form": form})
        try:
            campaign = services.create_campaign(
                organisation=org,
                actor=request.user,
                instrument_version=data["instrument_version"],
                title=data["title"],
                intro=data["intro"],
                audience=data["audience"],
                role_groups=data["role_groups"],
                leaders_apart=data["leaders_apart"],
                locations=list(data["locations"]),
                teams=list(data["teams"]),
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                code_use_limit=data["code_use_limit"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The campaign has been created as a draft."))
            return redirect("scans:detail", org.slug, campaign.pk)
    return render(request, "scans/campaign_form.html", {"form": form})


@require(rules.can_view_campaign, obj=_campaign)
def campaign_detail(request, campaign):
    overview = selectors.response_overview(campaign) if campaign.launched_at else None
    can_manage = rules.can_manage_campaign(request.access, campaign)
    mails = None
    if can_manage and campaign.launched_at and campaign.audience == "staff":
        group = mail_group(campaign.pk)
        mails = {"counts": outbox.group_mail(group), "failed": outbox.failed_mails(group)}
    context = {
        "campaign": campaign,
        "status": campaign.status,
        "overview": overview,
        # Letters per team, counted — never the codes: those only on the letters page.
        "letters": selectors.letters_per_team(campaign) if campaign.launched_at else [],
        "can_manage": can_manage,
        "mails": mails,
        "can_view_results": rules.can_view_organisation_results(request.access),
        "can_export": exports.can_export(request.access),
        "Status": CampaignStatus,
    }
    return render(request, "scans/campaign_detail.html", context)


@require(rules.can_hand_out_letters, obj=_campaign_team_letters)
def campaign_letters(request, target):
    """Printable single-use letters of one team, only for a manager of the campaign (who hands
    them out). Every visit is audited."""
    campaign, team = target.campaign, target.team
    letters = services.show_letters(campaign=campaign, team=team, actor=request.user)
    base = request.build_absolute_uri("/")[:-1]
    context = {
        "campaign": campaign,
        "team": team,
        "letters": [
            {
                # Never whether a letter was used: whoever hands them out knows which
                # family got which, so that would tell who took part.
                "code": letter.code,
                "link": base + reverse("respond:code_start", args=[letter.code]),
                "qr": _qr_svg(base + reverse("respond:code_start", args=[letter.code])),
            }
            for letter in letters
        ],
        "enter_url": base + reverse("respond:code"),
    }
    return render(request, "scans/letters.html", context)


@require(rules.can_manage_campaign, obj=_campaign_with_results)
def comment_review(request, campaign):
    """Comments that mention a role, for the campaign's manager to publish or hide (route 6
    of docs/anonymity.md): masked, sorted by text, without anything that tells whose."""
    if request.method == "POST":
        try:
            services.review_comment(
                campaign=campaign,
                key=request.POST.get("key", ""),
                decision=request.POST.get("decision", ""),
                actor=request.user,
            )
        except (services.UnknownComment, ValueError):
            raise Http404 from None
        messages.success(request, _("Your decision has been saved."))
        return redirect("scans:comment_review", request.organisation.slug, campaign.pk)
    context = {"campaign": campaign, "comments": selectors.comments_to_review(campaign)}
    return render(request, "scans/comment_review.html", context)


def _qr_svg(link: str) -> str:
    # segno writes plain SVG attributes (no style=), so it passes the strict CSP inline.
    svg = segno.make(link, error="m").svg_inline(
        scale=3, title=link, svgclass="qr-code", lineclass=None, omitsize=True
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 - our own SVG


@require_POST
@require(rules.can_manage_campaign, obj=_campaign)
def campaign_launch(request, campaign):
    try:
        services.launch_campaign(campaign=campaign, actor=request.user)
    except services.CannotLaunch as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The campaign has been launched."))
    return redirect("scans:detail", request.organisation.slug, campaign.pk)


@require_POST
@require(rules.can_manage_campaign, obj=_campaign)
def campaign_close(request, campaign):
    services.close_campaign(campaign=campaign, actor=request.user)
    messages.success(request, _("The campaign has been closed."))
    return redirect("scans:detail", request.organisation.slug, campaign.pk)


@require_POST
@require(rules.can_manage_campaign, obj=_campaign)
def campaign_remind(request, campaign):
    services.send_reminders(campaign=campaign, actor=request.user)
    messages.success(request, _("A reminder is being sent to everyone who has not answered."))
    return redirect("scans:detail", request.organisation.slug, campaign.pk)
