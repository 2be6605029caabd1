"""How records read in one line, the same wherever they are listed: search results,
the composer's item list and profile, the PDF dossier.

Plain strings (callers escape them for their medium).  What names a country takes a
``country_name`` function (code → name): the store's ``country_name``, or the
country names an assembled briefing carries.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from briefing.domain import Figure, Organisation, Person, Stance, Visit

CountryName = Callable[[str | None], str]

_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
             "eighth", "ninth", "tenth", "eleventh", "twelfth"]


def number(value: float, *, exact: bool = False) -> str:
    """``60``, ``7.5``, ``1,200,000``; non-finite values print as words.  ``exact``:
    every digit and no thousands separators (``1200000``, ``0.125``), as the search
    index holds the number, so a searched number is marked in the text."""
    if math.isnan(value):
        return "n/a"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value)) if exact else f"{int(value):,}"
    if exact:
        return repr(float(value))
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure_value(fig: Figure, *, exact: bool = False) -> str:
    """``more than 7%``, ``60 companies``, ``USD 1.2 bn`` (see :func:`number` for
    ``exact``)."""
    if fig.value is None:
        return fig.qualifier or ""
    num = number(fig.value, exact=exact)
    unit = (fig.unit or "").strip()
    if unit in ("%", "‰", "pp"):
        body = f"{num}{unit}" if unit != "pp" else f"{num} pp"
    elif unit:
        body = f"{num} {unit}"
    else:
        body = num
    return f"{fig.qualifier} {body}".strip() if fig.qualifier else body


def figure_flow(fig: Figure, country_name: CountryName) -> str:
    """``Serbia → Kazakhstan`` (or the one country a figure names)."""
    a, b = country_name(fig.from_country), country_name(fig.to_country)
    if a and b:
        return f"{a} → {b}"
    return a or b


def stance_holder(stance: Stance, country_name: CountryName) -> str:
    """The person who holds a stance, else the country."""
    return stance.holder_name or country_name(stance.holder_country)


def visit_guest(visit: Visit, country_name: CountryName) -> str:
    """The guest of a visit, else the guest country."""
    return visit.guest_name or country_name(visit.guest_country)


def affiliation(rec: Person | Organisation, country_name: CountryName) -> str:
    """A person's office or an organisation's kind, and its country: ``President,
    Kazakhstan``."""
    what = rec.office if isinstance(rec, Person) else rec.org_kind
    return ", ".join(x for x in (what, country_name(rec.country)) if x)


def ordinal(n: int | None) -> str:
    """``fourth``, ``twelfth``, ``21st``; empty for no number."""
    if not n or n < 1:
        return ""
    if n < len(_ORDINALS):
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
