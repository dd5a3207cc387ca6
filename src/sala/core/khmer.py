"""Numbers, dates and times in the page's language: Khmer digits and names on km pages.

Django's km formats and Babel both give Latin digits, so Sala formats dates itself, with one
convention: "ថ្ងៃព្រហស្បតិ៍ ទី៥ ខែមិថុនា ឆ្នាំ២០១៤" and times as "៧:៣០" (24-hour, no leading
zero, as Khmer writes them; English keeps the printed agenda's "07:30").
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .models.bilingual import active_language

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
LATIN_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

KM_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)
KM_WEEKDAYS = ("ចន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def has_khmer(text: str) -> bool:
    """Whether a text is written (at least partly) in Khmer script."""
    return any("\u1780" <= ch <= "\u17ff" for ch in text)


def khmer_digits(value) -> str:
    return str(value).translate(KHMER_DIGITS)


def latin_digits(value: str) -> str:
    return value.translate(LATIN_DIGITS)


def digits(value, lang: str | None = None) -> str:
    """The value as text, with Khmer digits when the language is Khmer."""
    text = str(value)
    return khmer_digits(text) if (lang or active_language()) == "km" else text


def local(dt: datetime) -> datetime:
    return timezone.localtime(dt, ZoneInfo(settings.TIME_ZONE)) if timezone.is_aware(dt) else dt


def format_time(value: datetime | time, lang: str | None = None) -> str:
    if isinstance(value, datetime):
        value = local(value).time()
    if (lang or active_language()) == "km":
        return khmer_digits(f"{value.hour}:{value.minute:02d}")
    return f"{value.hour:02d}:{value.minute:02d}"


def format_date(value: datetime | date, lang: str | None = None, weekday: bool = True) -> str:
    lang = lang or active_language()
    if isinstance(value, datetime):
        value = local(value).date()
    if lang == "km":
        text = f"ទី{khmer_digits(value.day)} ខែ{KM_MONTHS[value.month - 1]} ឆ្នាំ{khmer_digits(value.year)}"
        return f"ថ្ងៃ{KM_WEEKDAYS[value.weekday()]} {text}" if weekday else text
    text = f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
    return f"{EN_WEEKDAYS[value.weekday()]} {text}" if weekday else text


def format_month(value: date, lang: str | None = None) -> str:
    """A month and its year, for dates known only that far: "May 2012", "ខែឧសភា ឆ្នាំ២០១២"."""
    if (lang or active_language()) == "km":
        return f"ខែ{KM_MONTHS[value.month - 1]} ឆ្នាំ{khmer_digits(value.year)}"
    return f"{EN_MONTHS[value.month - 1]} {value.year}"


def format_year(value: date, lang: str | None = None) -> str:
    """A year alone, for dates known only that far: "2010", "ឆ្នាំ២០១០"."""
    return f"ឆ្នាំ{khmer_digits(value.year)}" if (lang or active_language()) == "km" else str(value.year)
