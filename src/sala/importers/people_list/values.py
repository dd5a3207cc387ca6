"""One cell's text to the value Sala stores: genders, organisation types, titles, names,
emails and phone numbers, as secretariats type them in English and Khmer."""

import re
import unicodedata

from .text import clean, has_khmer, latin_digits, words

_GENDERS = {
    "woman": {"f", "female", "woman", "women", "w", "ស្រី", "នារី", "ភេទស្រី"},
    "man": {"m", "male", "man", "men", "ប្រុស", "បុរស", "ភេទប្រុស"},
    "another": {"other", "others", "another", "non binary", "nonbinary", "ផ្សេងទៀត", "ផ្សេងៗ", "ផ្សេង"},
}
_GENDER_OF_WORD = {word: gender for gender, spellings in _GENDERS.items() for word in spellings}

# What a type column says when it names the type itself: no warning.
_TYPE_LABELS = {
    "cso": {
        "cso",
        "civil society",
        "civil society organisation",
        "civil society organization",
        "សង្គមស៊ីវិល",
        "អង្គការសង្គមស៊ីវិល",
    },
    "academia": {"academia", "academic"},
    "legal": {"legal", "legal profession", "ច្បាប់"},
    "government": {"government", "រដ្ឋាភិបាល"},
    "private": {"private", "private sector", "វិស័យឯកជន"},
    "development_partner": {"development partner", "ដៃគូអភិវឌ្ឍន៍"},
    "media": {"media", "ប្រព័ន្ធផ្សព្វផ្សាយ"},
}
# Other words for a type, tried in this order: the first that matches wins, so the specific
# words come before the generic ones ("non-governmental" is not "government", "bar association"
# is legal, and an association that nothing else describes is a CSO).
_TYPE_WORDS = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "cso",
            r"\b(i?l?ngos?|csos?|cbos?|civil society|non ?governmental|community based)\b"
            r"|មិនមែនរដ្ឋាភិបាល|សង្គមស៊ីវិល",
        ),
        (
            "development_partner",
            r"\b(development partners?|donors?|embassy|embassies|un|united nations"
            r"|un agency|bilateral|multilateral)\b|ដៃគូអភិវឌ្ឍន៍|ម្ចាស់ជំនួយ|ស្ថានទូត|សហប្រជាជាតិ",
        ),
        ("legal", r"\b(legal|law|lawyers?|bar|attorneys?)\b|មេធាវី|ច្បាប់"),
        (
            "media",
            r"\b(media|press|journalists?|journalism|news|radio|tv|television|newspapers?)\b"
            r"|ប្រព័ន្ធផ្សព្វផ្សាយ|សារព័ត៌មាន|ព័ត៌មាន",
        ),
        (
            "academia",
            r"\b(academia|academic|universit(y|ies)|research|institutes?|school|faculty|college"
            r"|think tank)\b|សាកលវិទ្យាល័យ|មហាវិទ្យាល័យ|វិទ្យាស្ថាន|សិក្សា|ស្រាវជ្រាវ",
        ),
        (
            "private",
            r"\b(private|business|company|companies|corporate|enterprise|chamber|industry)\b"
            r"|ឯកជន|ក្រុមហ៊ុន|ពាណិជ្ជ",
        ),
        (
            "government",
            r"\b(government|gov|govt|ministry|ministries|authority|authorities|public sector"
            r"|state|parliament|national assembly|senate|provincial)\b"
            r"|រដ្ឋាភិបាល|ក្រសួង|អាជ្ញាធរ|រដ្ឋសភា|ព្រឹទ្ធសភា|មន្ទីរ",
        ),
        (
            "cso",
            r"\b(associations?|unions?|trade union|networks?|foundation|coalition)\b"
            r"|សមាគម|សហជីព|បណ្តាញ|អង្គការ",
        ),
    )
)

_TITLE_WORDS = {
    "mr": {"mr", "mister", "លោក"},
    "mrs": {"mrs", "madam", "madame", "លោកស្រី", "អ្នកស្រី"},
    "ms": {"ms", "miss", "កញ្ញា"},
    "dr": {"dr", "doctor", "បណ្ឌិត", "វេជ្ជបណ្ឌិត"},
    "he": {"h e", "his excellency", "her excellency", "excellency", "ឯកឧត្តម", "លោកជំទាវ", "ឯ ឧ"},
}
_TITLE_OF_WORD = {word: title for title, spellings in _TITLE_WORDS.items() for word in spellings}
# A title written before a name, then a space (or, in Latin script, a dot). A bare "He" is
# not stripped: it is also a family name.
_NAME_PREFIX = re.compile(
    r"^(?:(?P<latin>mrs|mr|ms|miss|dr|doctor|madam|madame|(?:his |her )?excellency|h\.\s?e)(?:\.\s*|\s+)"
    r"|(?P<khmer>ឯកឧត្តម|ឯ\.ឧ\.?|លោកជំទាវ|លោកស្រី|អ្នកស្រី|លោក|កញ្ញា|វេជ្ជបណ្ឌិត|បណ្ឌិត)\s+)",
    re.IGNORECASE,
)
_NAME_EDGE_PUNCTUATION = '()[]{}/|,;:-–—"“”'

_EMAIL = re.compile(
    r"[a-z0-9!#$%&'*+=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)"
)
_SEVERAL_EMAILS = re.compile(r"[\s,;/]+")
_SEVERAL_PHONES = re.compile(r"[/,;|&\n]|\bor\b|\band\b|ឬ|និង")

# Digits in a national number (after the trunk 0); Cambodia's are 8 or 9.
_NATIONAL_LENGTHS = {"855": (8, 9)}
_DEFAULT_NATIONAL_LENGTHS = (6, 12)
_PHONE_BODY = re.compile(r"[\d\s.\-–]+")


def gender(text: str) -> str | None:
    """The gender a cell names ("woman", "man", "another"), or None when Sala cannot tell."""
    said = words(text)
    if said in _GENDER_OF_WORD:
        return _GENDER_OF_WORD[said]
    found = {_GENDER_OF_WORD.get(word) for word in said.split()}  # "Female (ស្រី)"
    return found.pop() if len(found) == 1 else None


def organisation_type(text: str) -> tuple[str, bool]:
    """The type ("" when unknown) and whether the text named it exactly (no synonym)."""
    said = words(text)
    for kind, labels in _TYPE_LABELS.items():
        if said in labels:
            return kind, True
    for kind, pattern in _TYPE_WORDS:
        if pattern.search(said):
            return kind, False
    return "", False


def title(text: str) -> str | None:
    """The honorific a title cell names ("mr", "ms", "mrs", "dr", "he"), or None."""
    return _TITLE_OF_WORD.get(words(text))


def strip_title(name: str) -> tuple[str, str]:
    """(title, name without it) for a name written with its honorific, like "H.E. Chea Bopha"."""
    if whole := title(name):  # "Mr." alone, beside a name in the other script
        return whole, ""
    found = ""
    while (match := _NAME_PREFIX.match(name)) and match.end() < len(name):
        found = found or _TITLE_OF_WORD[words(match.group("latin") or match.group("khmer"))]
        name = name[match.end() :]
    return found, name


def split_by_script(text: str) -> tuple[str, str]:
    """(Latin part, Khmer part) of a name cell: one "Name" column often holds both scripts."""
    latin, khmer = [], []
    for token in clean(text).split():
        token = token.strip(_NAME_EDGE_PUNCTUATION)
        if token:
            (khmer if has_khmer(token) else latin).append(token)
    return " ".join(latin), " ".join(khmer)


def email(text: str) -> str | None:
    """The address trimmed and lower-cased, or None when it cannot be an address."""
    address = text.strip().lower().removeprefix("mailto:")
    return address if _EMAIL.fullmatch(address) else None


def first_of_several(text: str, field: str) -> tuple[str, bool]:
    """The first of several emails or phone numbers typed in one cell, and whether there were more."""
    pattern = _SEVERAL_EMAILS if field == "email" else _SEVERAL_PHONES
    parts = [part.strip() for part in pattern.split(text) if part and part.strip()]
    return (parts[0], len(parts) > 1) if parts else ("", False)


def normalise_phone(text: str, country_code: str = "855") -> str | None:
    """E.164 form ("+85512345678") of one phone number, or None if the text is not one.

    A national number may have lost its leading 0 (a number cell in Excel) or carry a
    country code without "+" (a number cell again); "+855 (0)12…" keeps no trunk 0.
    """
    text = latin_digits(unicodedata.normalize("NFKC", text)).replace("(", " ").replace(")", " ").strip()
    if re.fullmatch(r"\d+\.0+", text):  # 12345678.0: a number cell written out as a float
        text = text.partition(".")[0]
    international = text.startswith("+")
    body = text[1:] if international else text
    if not _PHONE_BODY.fullmatch(body):
        return None
    digits = re.sub(r"\D", "", body)
    if international:
        return _international(digits, country_code)
    if digits.startswith("00"):
        return _international(digits[2:], country_code)
    if digits.startswith("0"):
        return _e164(country_code, digits[1:])
    if digits.startswith(country_code) and _national_length_ok(country_code, digits[len(country_code) :]):
        return _e164(country_code, digits[len(country_code) :])
    return _e164(country_code, digits)


def _international(digits: str, country_code: str) -> str | None:
    if digits.startswith(country_code):
        return _e164(country_code, digits[len(country_code) :].removeprefix("0"))
    return f"+{digits}" if 8 <= len(digits) <= 15 and not digits.startswith("0") else None


def _e164(country_code: str, national: str) -> str | None:
    ok = _national_length_ok(country_code, national) and not national.startswith("0")
    return f"+{country_code}{national}" if ok else None


def _national_length_ok(country_code: str, national: str) -> bool:
    low, high = _NATIONAL_LENGTHS.get(country_code, _DEFAULT_NATIONAL_LENGTHS)
    return low <= len(national) <= high
