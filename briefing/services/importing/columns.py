"""The CSV columns of each importable kind (DESIGN.md, "Interchange")."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.domain import Kind


@dataclass(frozen=True)
class CsvKind:
    kind: Kind
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


CSV_KINDS: dict[Kind, CsvKind] = {
    Kind.VISIT: CsvKind(
        Kind.VISIT,
        ("start", "guest", "guest_country", "host_country"),
        ("end", "host", "place", "kind", "purpose", "source_url", "source_title"),
    ),
    Kind.AGREEMENT: CsvKind(
        Kind.AGREEMENT,
        ("title", "parties"),
        ("signed", "in_force", "kind", "sector", "status", "place", "summary", "source_url",
         "source_title"),
    ),
    Kind.STATEMENT: CsvKind(
        Kind.STATEMENT,
        ("text", "speaker", "date"),
        ("speaker_country", "occasion", "topics", "language", "kind", "source_url",
         "source_title"),
    ),
    Kind.PERSON: CsvKind(
        Kind.PERSON,
        ("name",),
        ("aliases", "country", "office", "organisation"),
    ),
}

# a rejects file adds this column; importing it again ignores it
REASON_COLUMN = "reason"


def detect_kind(header: list[str]) -> Kind | None:
    """The one kind whose required columns are all in ``header`` (best match)."""
    cols = set(header)
    matches = [k for k, spec in CSV_KINDS.items() if set(spec.required) <= cols]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:  # prefer the kind that explains the most columns
        return max(matches, key=lambda k: len(cols & set(CSV_KINDS[k].columns)))
    return None
