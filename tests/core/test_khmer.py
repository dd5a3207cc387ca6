from datetime import UTC, date, datetime, time

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from sala.core import khmer
from sala.core.templatetags.sala import timespan
from tests.factories import pp


def test_khmer_digits_round_trip():
    assert khmer.khmer_digits("07:30") == "០៧:៣០"
    assert khmer.latin_digits("០៧:៣០") == "07:30"


@given(st.text())
def test_digit_mapping_is_reversible(text):
    latin = khmer.latin_digits(text)
    assert khmer.latin_digits(khmer.khmer_digits(latin)) == latin


def test_dates_in_khmer_use_khmer_names_and_digits():
    assert khmer.format_date(date(2014, 6, 5), "km") == "ថ្ងៃព្រហស្បតិ៍ ទី៥ ខែមិថុនា ឆ្នាំ២០១៤"
    assert khmer.format_date(date(2014, 6, 5), "en") == "Thursday 5 June 2014"
    assert khmer.format_date(date(2014, 12, 31), "km", weekday=False) == "ទី៣១ ខែធ្នូ ឆ្នាំ២០១៤"


def test_times_are_shown_in_phnom_penh():
    utc = datetime(2014, 6, 5, 0, 30, tzinfo=UTC)  # 07:30 in Phnom Penh
    assert khmer.format_time(utc, "en") == "07:30"
    assert khmer.format_time(utc, "km") == "៧:៣០"
    assert khmer.format_time(time(12, 0), "km") == "១២:០០"


def test_language_follows_the_active_translation():
    with translation.override("km"):
        assert khmer.digits(55) == "៥៥"
    with translation.override("en"):
        assert khmer.digits(55) == "55"


def test_a_span_over_two_days_names_both():
    with translation.override("en"):
        assert timespan(pp(8, 30, day=14), pp(12, 0, day=15)) == (
            "Saturday 14 June 2014, 08:30 to Sunday 15 June 2014, 12:00"
        )
