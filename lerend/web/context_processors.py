from django.urls import reverse
from django.utils.translation import gettext as _


def navigation(request):
    """The main menu for the current organisation: only what this person may open."""
    access = getattr(request, "access", None)
    if access is None:
        return {"nav_items": []}
    from lerend.organisations import rules
    from lerend.scans import rules as scan_rules

    slug = access.organisation.slug
    items = [
        (_("Home"), reverse("web:org_home", args=[slug]), "home"),
        (_("Vision and goals"), reverse("improvement:overview", args=[slug]), "verbeteren"),
        (_("My learning"), reverse("learning:my_learning", args=[slug]), "leren"),
        (_("Learning together"), reverse("collaboration:index", args=[slug]), "samen"),
        (_("Learning-organisation model"), reverse("frameworks:explorer", args=[slug]), "model"),
    ]
    if scan_rules.can_view_campaigns(access):
        items.append((_("Scans"), reverse("scans:list", args=[slug]), "scans"))
    elif scan_rules.can_open_results(access):
        items.append((_("Scan results"), reverse("scans:results", args=[slug]), "scans"))
    if rules.can_manage_organisation(access):
        items.append((_("Management"), reverse("organisations:overview", args=[slug]), "beheer"))
    elif rules.can_view_people(access):
        items.append((_("People"), reverse("organisations:people", args=[slug]), "beheer"))
    current = request.path
    return {
        "nav_items": [
            {"label": label, "url": url, "key": key, "current": _is_current(current, url, slug)}
            for label, url, key in items
        ]
    }


def _is_current(path: str, url: str, slug: str) -> bool:
    home = f"/o/{slug}/"
    return path == url if url == home else path.startswith(url)
