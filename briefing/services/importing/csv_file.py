"""Reading a CSV file strictly: UTF-8 (with or without BOM), a header row of known
columns, rows with their physical line numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from briefing.domain import Kind
from briefing.services.importing.columns import CSV_KINDS, REASON_COLUMN, detect_kind
from briefing.services.importing.report import RowError


# the key under which a row with more cells than columns says so (no column can be named so)
EXTRA = "\x00extra"


class CsvFileError(ValueError):
    """The file as a whole cannot be imported (carries the :class:`RowError`)."""

    def __init__(self, error: RowError):
        self.error = error
        super().__init__(str(error))


@dataclass
class CsvFile:
    path: Path
    kind: Kind
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line, {column: value})


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CsvFileError(RowError(
            str(path), line, "",
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at character {col}); "
            "save it as UTF-8 and import again",
        )) from None


def read_csv(path: Path, kind: Kind | None = None) -> CsvFile:
    """Read and check a CSV file; :class:`CsvFileError` for a file that cannot be
    imported at all (not UTF-8, empty, unknown or missing columns, unknown kind)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise CsvFileError(RowError(str(path), 0, "", "is a folder, not a CSV file")) from None
    except OSError as exc:
        raise CsvFileError(RowError(str(path), 0, "", f"cannot be read: {exc.strerror or exc}")) from None
    if b"\x00" in data[:4096]:
        raise CsvFileError(RowError(str(path), 0, "", "is a binary file, not CSV text"))
    text = _decode(path, data)
    if not text.strip():
        raise CsvFileError(RowError(str(path), 0, "", "the file is empty (it needs a header row)"))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise CsvFileError(RowError(str(path), 1, "", f"the header row is not valid CSV ({exc})")) from None
    header = [h.strip().lower() for h in header]
    if not any(header):
        raise CsvFileError(RowError(str(path), 1, "", "the first line must be a header row of column names"))
    if kind is None:
        kind = detect_kind(header)
        if kind is None:
            kinds = "; ".join(
                f"{k.plural}: {', '.join(s.required)}" for k, s in CSV_KINDS.items()
            )
            raise CsvFileError(RowError(
                str(path), 1, "",
                f"cannot tell what this file holds from its header ({', '.join(header)}); "
                f"the required columns are — {kinds} (or name the kind with --kind)",
            ))
    if kind not in CSV_KINDS:
        raise CsvFileError(RowError(str(path), 0, "", f"{kind.plural} cannot be imported from CSV"))
    spec = CSV_KINDS[kind]
    known = set(spec.columns) | {REASON_COLUMN}
    dupes = sorted({h for h in header if header.count(h) > 1 and h})
    if dupes:
        raise CsvFileError(RowError(str(path), 1, dupes[0], "this column appears twice in the header"))
    unknown = [h for h in header if h not in known]
    if unknown:
        raise CsvFileError(RowError(
            str(path), 1, unknown[0],
            f"unknown column for {kind.plural} (the columns are: {', '.join(spec.columns)})",
        ))
    missing = [c for c in spec.required if c not in header]
    if missing:
        raise CsvFileError(RowError(
            str(path), 1, missing[0], f"required column is missing from the header for {kind.plural}",
        ))
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CsvFileError(RowError(str(path), line, "", f"not valid CSV ({exc})")) from None
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue  # blank line
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        if len(cells) > len(header):
            extra = [c for c in cells[len(header):] if c.strip()]
            if extra:
                row[EXTRA] = f"{len(cells)} cells for {len(header)} columns"
        rows.append((start, row))
    return CsvFile(path, kind, header, rows)
