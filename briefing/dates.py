"""Partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with an *approximate* flag.

A partial date is stored as its ISO text (which sorts correctly: ``2024`` <
``2024-11`` < ``2024-11-05`` < ``2025``) and printed at its own precision
("2024", "November 2024", "5 November 2024").  Pure Python, no dependencies.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
_MONTH_LOOKUP = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_LOOKUP.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
_MONTH_LOOKUP["sept"] = 9

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(\d{4})$")
_WORDS_US = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


class DateError(ValueError):
    """A text that is not a date this app understands; the message says why."""


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(
                    f"day {self.day} does not exist in {MONTHS[self.month - 1]} {self.year}"
                )

    # --- parsing -----------------------------------------------------------------
    @classmethod
    def parse(cls, text: str, approximate: bool = False) -> "PartialDate":
        """Read ``2024``, ``2024-11``, ``2024-11-05``, ``5 November 2024``,
        ``November 2024``, ``Nov 5, 2024`` or ``05.11.2024``.  A leading ``~`` or
        ``c.``/``circa`` marks the date approximate.  Raises :class:`DateError`."""
        raw = (text or "").strip()
        if not raw:
            raise DateError("empty date")
        low = raw.lower()
        for prefix in ("~", "circa ", "c. ", "ca. ", "about "):
            if low.startswith(prefix):
                approximate = True
                raw = raw[len(prefix):].strip()
                low = raw.lower()
                break
        if m := _ISO.match(raw):
            y, mo, d = m.groups()
            return cls(int(y), int(mo) if mo else None, int(d) if d else None, approximate)
        if m := _DMY.match(raw):
            d, mo, y = m.groups()
            return cls(int(y), int(mo), int(d), approximate)
        if m := _WORDS.match(raw):
            d, name, y = m.groups()
            month = _MONTH_LOOKUP.get(name.lower())
            if month:
                return cls(int(y), month, int(d) if d else None, approximate)
        if m := _WORDS_US.match(raw):
            name, d, y = m.groups()
            month = _MONTH_LOOKUP.get(name.lower())
            if month:
                return cls(int(y), month, int(d), approximate)
        raise DateError(
            f"'{text}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-11)"
        )

    @classmethod
    def parse_optional(cls, text: str | None, approximate: bool = False) -> "PartialDate | None":
        if text is None or not str(text).strip():
            return None
        return cls.parse(str(text), approximate)

    @classmethod
    def from_store(cls, iso: str | None, approximate: int | bool | None = 0) -> "PartialDate | None":
        if not iso:
            return None
        return cls.parse(iso, bool(approximate))

    @classmethod
    def from_date(cls, d: date) -> "PartialDate":
        return cls(d.year, d.month, d.day)

    # --- forms -------------------------------------------------------------------
    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """The stored form: ``2024``, ``2024-11`` or ``2024-11-05``."""
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def lower(self) -> str:
        """First day this date can mean, as ``YYYY-MM-DD``."""
        return f"{self.year:04d}-{self.month or 1:02d}-{self.day or 1:02d}"

    def upper(self) -> str:
        """Last day this date can mean, as ``YYYY-MM-DD``."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return f"{self.year:04d}-{month:02d}-{day:02d}"

    def display(self) -> str:
        """Printed at its own precision: ``2024``, ``November 2024``, ``5 November 2024``;
        approximate dates get a ``c.`` prefix."""
        if self.day:
            text = f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        elif self.month:
            text = f"{MONTHS[self.month - 1]} {self.year}"
        else:
            text = str(self.year)
        return f"c. {text}" if self.approximate else text

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: "PartialDate") -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: "PartialDate") -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: "PartialDate") -> bool:
        return self.sort_key() >= other.sort_key()

    def __str__(self) -> str:
        return ("~" if self.approximate else "") + self.iso


def display(iso: str | None, approximate: bool | int = False) -> str:
    """Print a stored ISO partial date at its precision ('' for none)."""
    if not iso:
        return ""
    try:
        return PartialDate.parse(iso, bool(approximate)).display()
    except DateError:
        return iso
