"""What a parser reports, as codes: the messages live in sala.core.errors.MESSAGES.

A parser never decides wording or language; it says what went wrong (`code`) and where
(`params`, such as the row or line number). The app that called it turns the code into
a message in the user's language.
"""

from dataclasses import dataclass, field


class ImportProblem(Exception):
    """The whole document cannot be read (empty, too large, encrypted, not a table...)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)


@dataclass(frozen=True)
class Finding:
    """One thing worth telling the user about a part of the document (a row, a line)."""

    code: str
    params: dict = field(default_factory=dict)
