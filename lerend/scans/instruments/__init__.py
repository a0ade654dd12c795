"""The questionnaire instruments Lerend ships, as validated bilingual data (see loader.py)."""

from .loader import (
    Instrument,
    InstrumentDataError,
    InstrumentError,
    instrument,
    shipped_instruments,
    validate_instrument_data,
    validate_instrument_yaml,
)

__all__ = [
    "Instrument",
    "InstrumentDataError",
    "InstrumentError",
    "instrument",
    "shipped_instruments",
    "validate_instrument_data",
    "validate_instrument_yaml",
]
