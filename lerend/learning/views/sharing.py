"""Sharing a record: the owner's form and taking a share back."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import any_member, require

from .. import selectors, services
from ..forms.sharing import ShareForm

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _share_for_owner(request, share_id):
    return selectors.share_for_owner(request.access, request.user, share_id)


def _share_form(request, data=None, *, with_teams=True):
    """The owner's share form; unbound, it shows a no-JS people search that came back as a
    GET (``share_search``)."""
    form = ShareForm(
        data,
        people=picker.scope(request, "learning.share_targets"),
        teams=team_picker.scope(request, "learning.own_teams") if with_teams else None,
    )
    return form if data is not None else form.search_from(request.GET)


def share_search(form, request, *args):
    """A no-JS search in the share form: back to the record's page with the matches."""
    return picker.search_redirect(request, *args) if form.picker_searching() else None


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
