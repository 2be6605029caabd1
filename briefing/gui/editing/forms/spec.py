"""Declarative record forms: a :class:`FormSpec` per record kind lists its
:class:`FieldSpec`\\ s; :class:`~.dialog.RecordDialog` builds the dialog from it.

A field spec names the record attribute it edits, its label, how to make its input
(given a :class:`FormContext`), and which of :func:`briefing.validation.problems`'
messages belong next to it (``problems`` = message prefixes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.domain import Kind
from briefing.gui.editing.fields import (
    ChoiceField, Field, ListField, MultiLineField, NumberField, TextField,
)
from briefing.gui.editing.pickers import NamePicker, RecordPicker, SourceList
from briefing.gui.editing.widgets import CountryPicker, PartialDateEdit


@dataclass
class FormContext:
    """What inputs need from outside: the store, the message function, and a way to
    create a person or organisation from a name field ("Create person…")."""

    store: object
    ask: Callable
    create_record: Callable[[Kind, dict], int | None] | None = None


@dataclass(frozen=True)
class FieldSpec:
    name: str  # the record attribute
    label: str
    make: Callable[[FormContext], Field]
    problems: tuple[str, ...] = ()  # validation messages starting with these go here
    required: bool = False  # shown with a * after the label
    tip: str = ""

    def matches(self, problem: str) -> bool:
        return any(problem.startswith(p) for p in self.problems)


@dataclass(frozen=True)
class FormSpec:
    kind: Kind
    fields: Sequence[FieldSpec]
    common: bool = True  # add topics, sources and notes at the end
    extra: tuple[FieldSpec, ...] = field(default=())

    def all_fields(self) -> list[FieldSpec]:
        out = list(self.fields)
        if self.common:
            out += [topics(), sources(), notes()]
        return out + list(self.extra)


# --- field spec constructors ------------------------------------------------------------
def _problems(name: str, required: bool, extra: Sequence[str]) -> tuple[str, ...]:
    keys = list(extra)
    if required:
        keys.append(name.replace("_", " ") + " is required")
    return tuple(keys)


def text(name: str, label: str, placeholder: str = "", *, required: bool = False,
         problems: Sequence[str] = (), suggestions: Sequence[str] = (), tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda ctx: TextField(placeholder, suggestions),
                     _problems(name, required, problems), required, tip)


def lines(name: str, label: str, n: int = 3, placeholder: str = "", *, required: bool = False,
          problems: Sequence[str] = (), keep_whitespace: bool = False, tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda ctx: MultiLineField(n, placeholder, keep_whitespace),
                     _problems(name, required, problems), required, tip)


def date(name: str, label: str, *, required: bool = False, problems: Sequence[str] = (),
         tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda ctx: PartialDateEdit(),
                     _problems(name, required, problems), required, tip)


def country(name: str, label: str, *, required: bool = False, problems: Sequence[str] = (),
            tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda ctx: CountryPicker(ctx.store.country_index),
                     _problems(name, required, problems), required, tip)


def _name_picker(kind: Kind, allow_new: bool) -> Callable[[FormContext], Field]:
    def make(ctx: FormContext) -> Field:
        picker = NamePicker(ctx.store, kind, allow_new=allow_new)
        if ctx.create_record is not None:
            def create(name: str) -> None:
                rid = ctx.create_record(kind, {"name": name})
                if rid is not None:
                    picker.set_value(rid)
                    picker.edited.emit()
            picker.create_requested.connect(create)
        return picker
    return make


def person(name: str, label: str, *, required: bool = False, problems: Sequence[str] = (),
           allow_new: bool = True, tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, _name_picker(Kind.PERSON, allow_new),
                     tuple(problems), required, tip)


def organisation(name: str, label: str, *, problems: Sequence[str] = (), allow_new: bool = True,
                 tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, _name_picker(Kind.ORGANISATION, allow_new), tuple(problems),
                     False, tip)


def record(name: str, label: str, kind: Kind, placeholder: str = "", tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda ctx: RecordPicker(ctx.store, kind, placeholder), (),
                     False, tip)


def choice(name: str, label: str, choices: Sequence[tuple[str, str]] | Sequence[str], *,
           editable: bool = False, problems: Sequence[str] = (), tip: str = "") -> FieldSpec:
    pairs = [c if isinstance(c, tuple) else (c, c) for c in choices]
    return FieldSpec(name, label, lambda ctx: ChoiceField(pairs, editable), tuple(problems),
                     False, tip)


def number(name: str, label: str, *, integer: bool = False, minimum: float | None = None,
           required: bool = False, problems: Sequence[str] = (), placeholder: str = "",
           tip: str = "") -> FieldSpec:
    return FieldSpec(name, label, lambda ctx: NumberField(integer, minimum, placeholder),
                     _problems(name, required, problems), required, tip)


def aliases(tip: str = "Other names and spellings, in any script, separated by ;") -> FieldSpec:
    return FieldSpec("aliases", "Also known as",
                     lambda ctx: ListField("other names and spellings, separated by ;"),
                     (), False, tip)


def topics() -> FieldSpec:
    return FieldSpec("topics", "Topics",
                     lambda ctx: ListField("topics separated by ; (e.g. trade; energy)",
                                           suggest=ctx.store.topics),
                     (), False, "Tags shared by all records; type to complete existing topics")


def sources() -> FieldSpec:
    return FieldSpec("source_ids", "Sources", lambda ctx: SourceList(ctx.store), (), False,
                     "The articles or documents this record is taken from")


def notes() -> FieldSpec:
    return lines("notes", "Notes", 2, "anything worth remembering about this record")
