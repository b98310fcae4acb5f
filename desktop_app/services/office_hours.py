"""Office hours as a simple weekly timetable setting, for planning mystery calls and traffic (C8.4).

The setting `office_hours` reads `1-4 08:00-12:00 13:00-17:30; 5 08:00-13:30`: ISO weekdays
(1 = Monday … 7 = Sunday) or ranges of them, then one or more time ranges, sessions separated by
`;`. It is one timetable for the whole year: summer and Ramadan single sessions and public
holidays are not modelled here (an administrator edits the setting when the hours change).
"""

from __future__ import annotations

import re
from datetime import datetime, time

from desktop_app.i18n import translate
from desktop_app.services.errors import UserError

DEFAULT_OFFICE_HOURS = "1-4 08:00-12:00 13:00-17:30; 5 08:00-13:30"
Timetable = dict[int, list[tuple[time, time]]]
_DAYS = re.compile(r"^([1-7])(?:-([1-7]))?$")
_RANGE = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


def _bad(text: str) -> UserError:
    return UserError(
        translate(
            "calls",
            "“{text}” is not a timetable: write for example "
            "1-4 08:00-12:00 13:00-17:30; 5 08:00-13:30 (1 = Monday).",
        ).format(text=text)
    )


def parse(text: str) -> Timetable:
    table: Timetable = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        words = part.split()
        days = _DAYS.match(words[0])
        if days is None or len(words) < 2:
            raise _bad(text)
        first = int(days[1])
        last = int(days[2] or days[1])
        if last < first:
            raise _bad(text)
        ranges: list[tuple[time, time]] = []
        for word in words[1:]:
            m = _RANGE.match(word)
            if m is None:
                raise _bad(text)
            try:
                start, end = time(int(m[1]), int(m[2])), time(int(m[3]), int(m[4]))
            except ValueError:
                raise _bad(text) from None
            if end <= start:
                raise _bad(text)
            ranges.append((start, end))
        for day in range(first, last + 1):
            table.setdefault(day, []).extend(ranges)
    if not table:
        raise _bad(text)
    return table


def check(text: str) -> None:
    """For the settings registry: refuse a timetable that does not parse."""
    parse(text)


def is_open(table: Timetable, local: datetime) -> bool:
    """`local` is a Tunis-local datetime."""
    moment = local.time()
    return any(start <= moment < end for start, end in table.get(local.isoweekday(), ()))
