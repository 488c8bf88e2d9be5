"""The plan as a calendar: an .ics file (RFC 5545) with one event per planned meal.

Each event's summary names the meal and its first foods; its description lists every food
with its amount. Meal times are set per meal type. Times are floating (08:00 wherever the
calendar is) unless a time zone is given, which is then written into the file.

Event ids (UID) are stable across exports, so that importing the file again updates the
events instead of adding copies: a UID is derived from the plan's id (kept in the plan
file, unchanged by edits) and the date and meal of the event. Changing a meal's foods or
its time, adding, moving or deleting other weeks keeps the UID of every meal still on its
date; a meal that moves to another date is another event. A meal emptied since the last
export is not in the new file, and a calendar keeps its old event until it is deleted
there: an import can add and update, not remove.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from planner.core.foods import Catalog
from planner.core.plan import MEAL_LABELS, MEALS, Entry, Plan
from planner.core.shopping import entry_quantity
from planner.errors import PlannerError
from planner.export.dates import span_label
from planner.i18n import _, ngettext
from planner.storage.atomic import describe_os_error, write_atomic

PRODID = "-//Gut-Skin Planner//gutskin//EN"
UID_DOMAIN = "gutskin-planner"
# The namespace of every event id: uuid5 of the plan's id, the date and the meal in it.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://gutskin-planner.invalid/meal")
DEFAULT_TIMES: dict[str, time] = {
    "breakfast": time(8, 0),
    "lunch": time(12, 30),
    "dinner": time(19, 0),
    "snacks": time(16, 0),
}
DEFAULT_MINUTES: dict[str, int] = {"breakfast": 30, "lunch": 45, "dinner": 60, "snacks": 15}
SUMMARY_FOODS = 3  # foods named in an event's title; the description lists them all


class IcalExportError(PlannerError):
    """A calendar that could not be written, or a meal time that cannot be read."""


_TIME = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_time(text: str) -> time:
    """ "8:00", "08:00", "19.30", "7h15" as a time; raises IcalExportError."""
    match = _TIME.match(text)
    if match:
        hours, minutes = int(match[1]), int(match[2])
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise IcalExportError(
        _("{text} is not a time like 08:00.").format(text=repr(text.strip()[:20]))
    )


def parse_times(text: str) -> dict[str, time]:
    """Meal times as given on a command line: "breakfast=07:30,dinner=18:45" (the meals
    not named keep their default). Raises IcalExportError naming what is wrong."""
    times = dict(DEFAULT_TIMES)
    for part in text.split(","):
        if not part.strip():
            continue
        meal, sep, value = part.partition("=")
        meal = meal.strip().casefold()
        meal = "snacks" if meal == "snack" else meal
        if not sep or meal not in MEALS:
            raise IcalExportError(
                # Translators: {meals} are the option's values: not translated.
                _("{text} is not MEAL=HH:MM (meals: {meals}).").format(
                    text=repr(part.strip()[:30]), meals=", ".join(MEALS)
                )
            )
        times[meal] = parse_time(value)
    return times


def time_zone(name: str | None) -> ZoneInfo | None:
    """The named time zone (e.g. Europe/Paris), None for floating times; raises
    IcalExportError for a name that is not a time zone."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise IcalExportError(
            _("{name} is not a time zone like Europe/Paris.").format(name=repr(name[:40]))
        ) from exc


def event_uid(plan_id: str, day: date, meal: str) -> str:
    """The stable id of the event of ``meal`` on ``day`` in the plan ``plan_id``."""
    return f"{uuid.uuid5(UID_NAMESPACE, f'{plan_id}/{day.isoformat()}/{meal}')}@{UID_DOMAIN}"


def _summary(meal: str, names: list[str]) -> str:
    shown = ", ".join(names[:SUMMARY_FOODS])
    more = len(names) - SUMMARY_FOODS
    label = _(MEAL_LABELS[meal])
    if more <= 0:
        # Translators: a calendar event's title: "Breakfast: Kefir, Oats".
        return _("{meal}: {foods}").format(meal=label, foods=shown)
    # Translators: a calendar event's title: "Dinner: Lentils, Spinach, Kimchi and 2 more".
    return ngettext("{meal}: {foods} and {count} more", "{meal}: {foods} and {count} more",
                    more).format(meal=label, foods=shown, count=more)  # fmt: skip


def _description(
    entries: Iterable[Entry], catalog: Catalog, name_of: Callable[[str], str] | None
) -> str:
    lines = []
    for entry in entries:
        food = catalog.get(entry.food_id)
        name = food.name if food else (name_of(entry.food_id) if name_of else entry.food_id)
        lines.append(f"{name} — {entry_quantity(food, entry.amount, entry.unit)}")
    return "\n".join(lines)


def build_calendar(
    plan: Plan,
    catalog: Catalog,
    *,
    times: Mapping[str, time] | None = None,
    minutes: Mapping[str, int] | None = None,
    tz: str | None = None,
    days: Iterable[int] | None = None,
    stamp: datetime | None = None,
    name_of: Callable[[str], str] | None = None,
) -> Calendar:
    """The calendar of the plan's meals (of ``days`` only, if given). ``name_of`` names
    what the catalog does not know, such as a recipe's entry (PlanResolver.name_of)."""
    summary_name = name_of or catalog.name_of
    times = {**DEFAULT_TIMES, **(times or {})}
    minutes = {**DEFAULT_MINUTES, **(minutes or {})}
    zone = time_zone(tz)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    first, last = plan.date_of(0), plan.date_of(plan.day_count - 1)
    # The calendar's name, as calendar apps show it: the dates in the user's language
    # (strftime would follow the machine's locale instead).
    calendar.add("x-wr-calname", _("Gut–Skin plan {span}").format(span=span_label(first, last)))
    wanted = range(plan.day_count) if days is None else sorted(set(days))
    for day in wanted:
        if not 0 <= day < plan.day_count:
            continue
        when = plan.date_of(day)
        for meal in MEALS:
            entries = plan.cell(day, meal)
            if not entries:
                continue
            names = [summary_name(entry.food_id) for entry in entries]
            start = datetime.combine(when, times[meal], tzinfo=zone)
            event = Event()
            event.add("uid", event_uid(plan.id, when, meal))
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=minutes[meal]))
            event.add("summary", _summary(meal, names))
            event.add("description", _description(entries, catalog, name_of))
            # Translators: a calendar category of every planned meal.
            event.add("categories", [_("Meal"), _(MEAL_LABELS[meal])])
            event.add("transp", "TRANSPARENT")  # a planned meal does not make anyone busy
            calendar.add_component(event)
    if zone is not None:
        # The zone's rules over the plan's dates only (the default span, 1970 to 2038,
        # would miss a plan after 2037 and bloat every file with decades of changes).
        calendar.add_missing_timezones(
            first_date=first - timedelta(days=366), last_date=last + timedelta(days=366)
        )
    return calendar


def render_ical(plan: Plan, catalog: Catalog, **options: object) -> bytes:
    """The .ics file's bytes (see build_calendar for the options)."""
    calendar = build_calendar(plan, catalog, **options)  # type: ignore[arg-type]
    data: bytes = calendar.to_ical()
    return data


def export_ical(plan: Plan, catalog: Catalog, path: Path | str, **options: object) -> int:
    """Write the calendar to ``path``, completely or not at all; returns how many events it
    holds. Raises IcalExportError with one sentence for the user."""
    calendar = build_calendar(plan, catalog, **options)  # type: ignore[arg-type]
    target = Path(path)
    try:
        write_atomic(target, calendar.to_ical())
    except OSError as exc:
        raise IcalExportError(describe_os_error(target, exc)) from exc
    return len(calendar.walk("VEVENT"))
