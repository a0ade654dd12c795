"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "instrument.copy": gettext_lazy("Questionnaire copied"),
    "instrument.update": gettext_lazy("Questionnaire draft changed"),
    "instrument.publish": gettext_lazy("Questionnaire published"),
    "campaign.create": gettext_lazy("Campaign created"),
    "campaign.launch": gettext_lazy("Campaign launched"),
    "campaign.close": gettext_lazy("Campaign closed"),
    "campaign.remind": gettext_lazy("Campaign reminder sent"),
    "campaign.letters": gettext_lazy("Letters with codes shown for handing out"),
    "comment.review": gettext_lazy("Open comment reviewed"),
}
