"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

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
