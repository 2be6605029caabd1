"""What an import tells the user: every bad row with file, line, column and reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RowError:
    file: str
    line: int  # 1-based physical line where the row starts (0: the file as a whole)
    column: str  # column name ('' when the whole row or file is wrong)
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        col = f": column '{self.column}'" if self.column else ""
        return f"{where}{col}: {self.reason}"


@dataclass
class FileReport:
    path: str
    kind: str = ""  # a Kind value, or "bundle"
    rows: int = 0
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    created: dict[str, int] = field(default_factory=dict)  # people/organisations/sources made
    errors: list[RowError] = field(default_factory=list)
    rejects_path: str | None = None


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    dry_run: bool = False
    skip_invalid: bool = False
    committed: bool = False  # whether anything was written

    @property
    def errors(self) -> list[RowError]:
        return [e for f in self.files for e in f.errors]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    def summary(self) -> str:
        """One paragraph for the terminal or a dialog."""
        lines = []
        for f in self.files:
            name = Path(f.path).name
            made = ", ".join(f"{n} new {k}" for k, n in sorted(f.created.items()) if n)
            verb = "would add" if self.dry_run else "added"
            if not self.committed and not self.dry_run and f.errors and not self.skip_invalid:
                verb = "would add"
            parts = [f"{f.rows} rows", f"{verb} {f.added} {f.kind or 'records'}"]
            if f.updated:
                parts.append(f"updated {f.updated}")
            if f.duplicates:
                parts.append(f"{f.duplicates} already in the store")
            if made:
                parts.append(made)
            if f.errors:
                parts.append(f"{len(f.errors)} problems")
            if f.rejects_path:
                parts.append(f"bad rows saved to {f.rejects_path}")
            lines.append(f"{name}: " + ", ".join(parts))
        if self.errors and not self.skip_invalid and not self.dry_run:
            lines.append(
                "Nothing was imported: fix the rows above, or use --skip-invalid to import "
                "the good rows and save the bad ones to a .rejects.csv file."
            )
        return "\n".join(lines)
