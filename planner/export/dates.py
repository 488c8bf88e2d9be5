"""Dates as a person reads them on paper and in the command line, in the user's language.

The names of days and months are the locale's (Babel's copy of the Unicode CLDR, through
planner.i18n); the order of the parts is a message, so that each language's catalogue
says where the day, the month and the year go ("Mon 30 Nov", "Mo. 30. Nov."). Nothing
here reads the machine's locale (strftime would, and change the PDF's bytes).
"""

from __future__ import annotations

from datetime import date

from planner.i18n import _, locale_id, weekday_name


def month_name(day: date) -> str:
    """The month of ``day``, abbreviated as the locale abbreviates it ("Nov")."""
    from babel.dates import get_month_names

    return str(get_month_names("abbreviated", locale=locale_id())[day.month])


def day_label(day: date) -> str:
    """A day of a week: "Mon 30 Nov"."""
    # Translators: a date without its year; {weekday} and {month} are abbreviated names.
    return _("{weekday} {day} {month}").format(
        weekday=weekday_name(day, "abbreviated"), day=day.day, month=month_name(day)
    )


def short_day_label(day: date) -> str:
    """A day without its weekday: "30 Nov"."""
    # Translators: a date without weekday and year; {month} is an abbreviated name.
    return _("{day} {month}").format(day=day.day, month=month_name(day))


def full_day_label(day: date) -> str:
    """A day with its weekday and year: "Mon 30 Nov 2026"."""
    # Translators: a date; {weekday} and {month} are abbreviated names.
    return _("{weekday} {day} {month} {year}").format(
        weekday=weekday_name(day, "abbreviated"), day=day.day, month=month_name(day), year=day.year
    )


def span_label(first: date, last: date) -> str:
    """Dates like 30 Nov – 6 Dec 2026, with both years when the span crosses one."""
    if first.year != last.year:
        # Translators: a span of days across two years; {first_month} and {last_month}
        # are abbreviated names.
        text = _("{first_day} {first_month} {first_year} – {last_day} {last_month} {last_year}")
    else:
        # Translators: a span of days within a year; the months are abbreviated names.
        text = _("{first_day} {first_month} – {last_day} {last_month} {last_year}")
    return text.format(
        first_day=first.day,
        first_month=month_name(first),
        first_year=first.year,
        last_day=last.day,
        last_month=month_name(last),
        last_year=last.year,
    )


def compact_day_label(day: date) -> str:
    """A day in a narrow column, with its year in two digits: "30 Nov 26"."""
    # Translators: a date in a narrow table column; {month} is an abbreviated name and
    # {year} has two digits.
    return _("{day} {month} {year}").format(
        day=day.day, month=month_name(day), year=f"{day.year % 100:02d}"
    )
