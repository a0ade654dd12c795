from django import forms
from django.utils.translation import gettext_lazy as _

from . import registry


class PracticeFilterForm(forms.Form):
    """GET filter for the practices library; works without JavaScript."""

    block = forms.ChoiceField(label=_("Building block"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request: the block names follow the active language.
        self.fields["block"].choices = [("", _("All building blocks"))] + [
            (b.key, str(b.name)) for b in registry.building_blocks()
        ]
        self.fields["level"].choices = [("", _("All levels"))] + list(registry.LEVELS.items())

    def filtered(self) -> tuple[registry.Practice, ...]:
        """The practices matching the valid part of the filter."""
        found = registry.practices()
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("block"):
            found = tuple(p for p in found if data["block"] in p.building_blocks)
        if data.get("level"):
            found = tuple(p for p in found if data["level"] in p.levels)
        return found
