"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

from .models import RoleGroup
from .results.comments import REVIEW_HIDDEN, REVIEW_PUBLISHED

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

# Recorded fields that are not a model field with its own label, and stored values as words.
FIELD_LABELS = {
    "campaign.instrument_version": gettext_lazy("questionnaire version"),
    "campaign.leaders_apart": gettext_lazy("leaders reported apart"),
    "campaign.locations": gettext_lazy("locations"),
    "campaign.teams": gettext_lazy("teams"),
    "campaign.invited": gettext_lazy("invited"),
    "campaign.k": gettext_lazy("anonymity threshold"),
    "campaign.letters": gettext_lazy("letters"),
    "campaign.decision": gettext_lazy("decision"),
    "based_on": gettext_lazy("based on version"),
    "version": gettext_lazy("version"),
}
FIELD_VALUES = {
    "campaign.role_groups": RoleGroup,
    "campaign.decision": {
        REVIEW_PUBLISHED: gettext_lazy("published"),
        REVIEW_HIDDEN: gettext_lazy("hidden"),
    },
}
