from django.urls import reverse
from django.utils.translation import gettext as _

import lerend
from lerend.kit import contrib
from lerend.kit.contrib import NavItem


def navigation(request):
    """The main menu for the current organisation: home, then what each app offers this
    person (``nav`` in its ``contrib.py``), by the entries' order."""
    access = getattr(request, "access", None)
    if access is None:
        return {"nav_items": []}
    slug = access.organisation.slug
    items = [NavItem(0, _("Home"), reverse("web:org_home", args=[slug]), "home")]
    items += contrib.nav_items(request)
    current = request.path
    return {
        "nav_items": [
            {
                "label": item.label,
                "url": item.url,
                "key": item.key,
                "current": _is_current(current, item.url, slug),
            }
            for item in items
        ]
    }


def _is_current(path: str, url: str, slug: str) -> bool:
    home = f"/o/{slug}/"
    return path == url if url == home else path.startswith(url)


def version(request):
    """The running version (pyproject.toml), shown in the footer."""
    return {"lerend_version": lerend.__version__}
