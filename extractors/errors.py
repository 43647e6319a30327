"""Errors raised by the extractors (the CLI turns them into readable messages)."""
from __future__ import annotations


class ExtractionError(Exception):
    """Base class: the input could not be turned into records."""


class InputDecodeError(ExtractionError):
    """The file is neither UTF-8 nor GB18030 text (e.g. binary junk)."""


class EmptyInputError(ExtractionError):
    """The file holds no text at all (only whitespace)."""
