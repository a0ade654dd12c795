"""Who may open which learning page. Personal records are not governed by roles at all
(see ``selectors``); roles decide only who sees the per-team counts."""

from lerend.organisations.access import Access


def can_view_team_overview(access: Access) -> bool:
    """Leaders see counts per team in their scope — never the records themselves."""
    return access.is_leader
