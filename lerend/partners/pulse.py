"""The partnership pulse: four statements both sides answer on a five-point scale."""

from django.utils.translation import gettext_lazy as _

ITEMS = (
    ("expectations", _("We know what we can expect from each other.")),
    ("agreements", _("Agreements we make are kept.")),
    ("information", _("Information is shared in good time and in the right way.")),
    ("learning", _("We learn from each other.")),
)
SCALE = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)
