"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

from .models import ThemeStatus, Weekday

ACTION_LABELS = {
    "improvement.settings": gettext_lazy("Improvement cycle settings changed"),
    "vision.update": gettext_lazy("Vision updated"),
    "goal.create": gettext_lazy("Goal added"),
    "goal.update": gettext_lazy("Goal changed"),
    "board.schedule": gettext_lazy("Board session schedule changed"),
    "board.feed_token": gettext_lazy("Board calendar link renewed"),
    "theme.propose": gettext_lazy("Theme proposed"),
    "theme.decide": gettext_lazy("Theme decided"),
    "theme.project": gettext_lazy("Project added to theme"),
    "steering.appoint": gettext_lazy("Steering group member appointed"),
    "steering.remove": gettext_lazy("Steering group member removed"),
}

# Recorded fields that are not a model field with its own label, and stored values as words.
FIELD_LABELS = {
    "vision": gettext_lazy("vision"),
    "mission": gettext_lazy("mission"),
    "core_values": gettext_lazy("core values"),
    "is_public": gettext_lazy("public"),
    "team.weekday": gettext_lazy("day of the board session"),
    "team.starts_at": gettext_lazy("time of the board session"),
    "team.duration_minutes": gettext_lazy("duration (minutes)"),
    "team.place": gettext_lazy("place of the board session"),
    "project": gettext_lazy("theme project"),
    "goals": gettext_lazy("goals"),
    "reason": gettext_lazy("reason"),
}
FIELD_VALUES = {"team.weekday": Weekday, "developmenttheme.status": ThemeStatus}
