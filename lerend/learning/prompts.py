"""Writing prompts: one per phase of Korthagen's reflection cycle, and one per building
block. They are hints in the journal form, never required."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.frameworks.registry import building_blocks

from .models import Phase

PHASE_PROMPTS = {
    Phase.ACTION: gettext_lazy(
        "What happened? Describe one concrete moment: what did you do, and what did the "
        "children or your colleagues do?"
    ),
    Phase.LOOKING_BACK: gettext_lazy(
        "What did you want, think, feel and do at that moment? And what do you think the "
        "other person wanted, thought and felt?"
    ),
    Phase.AWARENESS: gettext_lazy(
        "What strikes you now that you look back? What is it really about, and what does "
        "that say about you as a professional?"
    ),
    Phase.ALTERNATIVES: gettext_lazy(
        "What could you do differently next time? Name two or three options and what each "
        "of them would bring."
    ),
    Phase.TRIAL: gettext_lazy(
        "Which option will you try, and when? How will you notice whether it works?"
    ),
}


@dataclass(frozen=True)
class Prompt:
    key: str
    label: str
    text: str


def phase_prompts() -> list[Prompt]:
    return [Prompt(phase.value, phase.label, str(PHASE_PROMPTS[phase])) for phase in Phase]


def block_prompts() -> list[Prompt]:
    return [
        Prompt(
            b.key,
            str(b.name),
            _(
                "Where did you see “%(block)s” in your work this week? What went "
                "well, and what would you like to learn about it?"
            )
            % {"block": b.name},
        )
        for b in building_blocks()
    ]
