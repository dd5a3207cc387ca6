"""Times and dates as concept notes write them, English and Khmer, Latin and Khmer digits."""

from datetime import date

import pytest

from sala.importers.concept_note.times import (
    find_dates,
    find_range,
    hhmm,
    leading_time,
    looks_like_time,
    resolve_dates,
    shift_to_afternoon,
)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("7:30-8:00 am", "07:30", "08:00"),
        ("11.30 – 12.00 noon", "11:30", "12:00"),
        ("08:00 - 08:30 | Registration", "08:00", "08:30"),
        ("1530-1600 Wrap-up", "15:30", "16:00"),
        ("៧:៣០ - ៨:០០", "07:30", "08:00"),
        ("ម៉ោង ៧:៣០ - ៨:០០\tចុះឈ្មោះ", "07:30", "08:00"),
        ("៧:៣០ ព្រឹក ដល់ ១២:០០ ថ្ងៃត្រង់", "07:30", "12:00"),
        ("២:០០ - ៣:៣០ រសៀល", "14:00", "15:30"),
        ("7h30 - 9h", "07:30", "09:00"),
        ("1.30 – 5.00 pm", "13:30", "17:00"),  # the suffix counts for both ends
        ("11:30-12:30 pm", "11:30", "12:30"),  # ...unless that reverses the range
        ("12:00-1:00 pm", "12:00", "13:00"),
        ("12:00 - 1:30 Lunch", "12:00", "13:30"),  # the clock went past noon
        ("9am-10am", "09:00", "10:00"),
        ("8 - 9 a.m.", "08:00", "09:00"),
        ("10:00 to 11:00", "10:00", "11:00"),
        ("- 08:00-09:00 Opening", "08:00", "09:00"),
        ("13:30 pm - 14:00", "13:30", "14:00"),
    ],
)
def test_time_ranges_at_the_start_of_a_line(text, start, end):
    found = leading_time(text)
    assert found is not None and not found.single
    assert (hhmm(found.start), hhmm(found.end)) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "1. Background",
        "2015-2016 strategic plan",
        "1-4 Chapters",
        "Chapter 1-4",
        "2.1 Scope",
        "25:00 - 26:00",
        "",
        "13:00 am - 2 pm",
    ],
)
def test_what_is_no_time_range(text):
    assert leading_time(text) is None


def test_a_reversed_range_is_read_as_written():
    found = leading_time("10:00 - 09:00")
    assert (found.start, found.end, found.ordered) == (600, 540, False)


def test_a_lone_start_time_needs_a_colon_h_or_suffix():
    assert leading_time("08:00 Registration").single
    assert leading_time("9 am Opening").single
    assert leading_time("8.30 Opening") is None  # could be a section number
    assert leading_time("8 Opening") is None


def test_what_looks_like_a_time_but_cannot_be_read():
    assert looks_like_time("25:00 - 26:00 Party")
    assert looks_like_time("៨:៧៥ ចុះឈ្មោះ")
    assert not looks_like_time("Background")


def test_a_time_range_anywhere_in_a_line():
    assert hhmm(find_range("27 August 2015: 1.30 – 5.00 pm").start) == "13:30"
    assert hhmm(find_range("Time: 8:00 am - 4:30 pm").end) == "16:30"
    assert find_range("Thursday, 12 March 2015") is None


def test_afternoon_is_assumed_only_after_a_late_morning_and_for_early_hours():
    afternoon = shift_to_afternoon(leading_time("1:30 - 2:30"), previous_end=13 * 60 + 30)
    assert (hhmm(afternoon.start), hhmm(afternoon.end)) == ("13:30", "14:30")
    assert shift_to_afternoon(leading_time("8:30 - 10:00"), previous_end=15 * 60) is None  # a new day
    assert shift_to_afternoon(leading_time("1:30 - 2:30 am"), previous_end=13 * 60) is None  # written
    assert shift_to_afternoon(leading_time("1:30 - 2:30"), previous_end=9 * 60) is None


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Date: Thursday, 12 March 2015", [date(2015, 3, 12)]),
        ("27 August 2015: 1.30 – 5.00 pm", [date(2015, 8, 27)]),
        ("Date: 14-15 October 2021", [date(2021, 10, 14), date(2021, 10, 15)]),
        ("October 14-15, 2021", [date(2021, 10, 14), date(2021, 10, 15)]),
        ("14 October – 15 October 2021", [date(2021, 10, 14), date(2021, 10, 15)]),
        ("12th of March 2015", [date(2015, 3, 12)]),
        ("Day 1 – 14 October 2021", [date(2021, 10, 14)]),
        ("Thursday 5 June 2014, 07:30 to 12:00", [date(2014, 6, 5)]),
        ("កាលបរិច្ឆេទ៖ ថ្ងៃព្រហស្បតិ៍ ទី១៩ ខែកុម្ភៈ ឆ្នាំ២០១៥", [date(2015, 2, 19)]),
        ("ថ្ងៃទី១៤ ដល់ទី១៥ ខែតុលា ឆ្នាំ២០២១", [date(2021, 10, 14), date(2021, 10, 15)]),
        ("2015-03-12", [date(2015, 3, 12)]),
        ("25/03/2015", [date(2015, 3, 25)]),
        ("31 February 2015", []),
        ("1-30 October 2021", []),  # a month is no meeting
        ("we may 5 go", []),
    ],
)
def test_dates(text, dates):
    assert resolve_dates(find_dates(text), None) == dates


def test_a_date_without_year_takes_the_one_given():
    assert resolve_dates(find_dates("Friday, 15 October"), 2021) == [date(2021, 10, 15)]
    assert resolve_dates(find_dates("Friday, 15 October"), None) == []


def test_a_date_that_reads_both_ways_is_marked_ambiguous():
    assert find_dates("03/04/2015")[0].ambiguous
    assert not find_dates("13/04/2015")[0].ambiguous
