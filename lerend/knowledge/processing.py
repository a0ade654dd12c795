"""What knowledge declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Knowledge base and expertise directory"),
        data=_(
            "Who wrote or is contact for a knowledge entry; what a person says they know "
            "about (only when they choose to)"
        ),
        subjects=_("Staff"),
        purpose=_("Finding what colleagues learned, and who to ask"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_(
            "Published entries stay for colleagues without the name, or with a new owner; "
            "drafts and the directory entry go on erasure"
        ),
        recipients=_("The entry's audience (team, location or organisation)"),
        models=("knowledge.KnowledgeEntry", "knowledge.Expertise"),
    ),
)
