"""Marks of an unconfirmed facilitator: "(tbc)", "TBC", "to be confirmed", "(មិនទាន់បញ្ជាក់)"."""

import re

# The mark, with the brackets around it if any; Khmer "not yet confirmed" with or without them.
_TBC = re.compile(
    r"\(\s*(?:tbc|t\.b\.c\.?|to be confirmed|not yet confirmed|pending confirmation|unconfirmed)\s*\)"
    r"|\b(?:tbc|t\.b\.c\.?|to be confirmed|not yet confirmed|pending confirmation|unconfirmed)(?![\w.])"
    r"|\(\s*(?:មិនទាន់(?:មានការ|ការ)?បញ្ជាក់|រង់ចាំការបញ្ជាក់)\s*\)|មិនទាន់(?:មានការ|ការ)?បញ្ជាក់|រង់ចាំការបញ្ជាក់",
    re.IGNORECASE,
)
# What stands where a name should be: "TBD", "to be announced", "n/a", a dash.
_PLACEHOLDER = re.compile(
    r"(?:tbd|tba|t\.b\.[ad]\.?|to be (?:determined|announced)|n/?a|-+|…|\.{3})", re.IGNORECASE
)


def split_tbc(text: str) -> tuple[str, bool]:
    """The text without its tbc marks, and whether it had one."""
    cleaned, count = _TBC.subn(" ", text)
    if not count:
        return text, False
    return " ".join(cleaned.replace("()", " ").split()).rstrip(" ,;:-"), True


def is_placeholder(text: str) -> bool:
    """Whether a facilitator cell holds no name at all ("TBD", "-")."""
    return bool(_PLACEHOLDER.fullmatch(text.strip(" ()[].,;:")))
