"""Form helpers every app uses: a service's errors on the form, date and time pickers that
work in any language, labels without a trailing colon."""

from django import forms


def apply_errors(form, error) -> None:
    """Put a service's ValidationError on the form, so the person sees it next to the field."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class DateInput(forms.DateInput):
    """A native date picker. Its value is always an ISO date (2026-11-24): the browser accepts
    nothing else, whatever the page's language (Dutch formats would leave it empty)."""

    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):
        super().__init__(attrs, format)


class TimeInput(forms.TimeInput):
    """A native time picker with an ISO value (09:30), for the same reason as DateInput."""

    input_type = "time"

    def __init__(self, attrs=None, format="%H:%M"):
        super().__init__(attrs, format)


class NoLabelSuffix:
    """Labels without a trailing colon: cleaner, and what screen readers read out. Put it
    before ``forms.Form`` or ``forms.ModelForm`` in the bases."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
