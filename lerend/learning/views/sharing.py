"""Sharing a record: the owner's form and taking a share back."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.organisations.decorators import any_member, require

from .. import selectors, services
from ..forms.sharing import ShareForm

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _share_for_owner(request, share_id):
    return selectors.share_for_owner(request.access, request.user, share_id)


def _share_form(request, data=None):
    access = request.access
    return ShareForm(
        data,
        people=list(selectors.share_target_people(access, request.user)),
        teams=list(selectors.share_target_teams(access)),
        roles=selectors.share_target_roles(access, request.user),
    )


@require_POST
@require(any_member, obj=_share_for_owner)
def share_revoke(request, share):
    slug = request.organisation.slug
    target = (
        ("learning:entry_detail", share.entry_id)
        if share.entry_id
        else ("learning:plan_detail", share.plan_id)
    )
    services.revoke_share(share=share)
    messages.success(request, _("No longer shared."))
    return redirect(target[0], slug, target[1])
