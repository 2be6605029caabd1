"""The inputs record forms are built from.

Every input is a :class:`Field`: ``value()`` reads it as a record value (raising
:class:`FieldError` with a plain message when the text cannot be read),
``set_value()`` fills it from a record, ``set_text()`` types into it as a user would,
and a status line under the input shows a hint ("November 2024") or an error.
The special inputs (dates, countries, names) are in :mod:`.widgets` and
:mod:`.pickers`; this module has the plain ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)


class FieldError(ValueError):
    """The text in a field cannot be read as a value; the message says why."""


def error_colour(widget: QWidget) -> QColor:
    """A red that reads on the widget's background (light or dark palette)."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


class Field(QWidget):
    """Base for form inputs: an input row and a status line under it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        outer.addLayout(self.row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        outer.addWidget(self.status)
        self._hint = ""
        self._error = ""
        self.edited.connect(self._on_edited)

    # --- to override ------------------------------------------------------------------
    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        """Type ``text`` into the field (replacing what is there)."""
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The widget that takes the keyboard focus first."""
        return self

    def focus_chain(self) -> list[QWidget]:
        """Every widget Tab visits in this field, in order."""
        return [self.focus_widget()]

    def refresh(self) -> None:
        """Re-read the text and update the hint (called after each edit)."""
        self.set_error(self.parse_error())

    # --- status line ------------------------------------------------------------------
    def parse_error(self) -> str:
        try:
            self.value()
        except FieldError as exc:
            return str(exc)
        return ""

    def set_hint(self, text: str) -> None:
        self._hint = text
        self._show_status()

    def set_error(self, text: str) -> None:
        self._error = text
        self._show_status()

    @property
    def error(self) -> str:
        return self._error

    def _show_status(self) -> None:
        text = self._error or self._hint
        self.status.setText(text)
        self.status.setVisible(bool(text))
        pal = self.status.palette()
        colour = (error_colour(self) if self._error
                  else self.palette().color(QPalette.ColorRole.PlaceholderText))
        pal.setColor(QPalette.ColorRole.WindowText, colour)
        self.status.setPalette(pal)
        self.status.setAccessibleName("error" if self._error else "hint")

    def _on_edited(self) -> None:
        self.refresh()

    def setFocus(self, *args) -> None:  # noqa: N802 (Qt name)
        self.focus_widget().setFocus(*args)


class TextField(Field):
    """One line of text (``required`` trims and refuses an empty value)."""

    def __init__(self, placeholder: str = "", completions: Sequence[str] = (), parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        if completions:
            comp = QCompleter(list(completions), self.edit)
            comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            comp.setFilterMode(Qt.MatchFlag.MatchContains)
            self.edit.setCompleter(comp)
        self.row.addWidget(self.edit)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value) -> None:
        self.edit.setText("" if value is None else str(value))
        self.refresh()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.edit


class MultiLineField(Field):
    """Several lines of text; Tab moves on (it does not insert a tab)."""

    def __init__(self, lines: int = 4, placeholder: str = "", keep_whitespace: bool = False,
                 parent=None):
        super().__init__(parent)
        self.keep_whitespace = keep_whitespace  # a source's text is kept exactly as it came
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(placeholder)
        margins = self.edit.contentsMargins()
        height = (self.edit.fontMetrics().lineSpacing() * lines + 2 * self.edit.document().documentMargin()
                  + margins.top() + margins.bottom() + 2)
        self.edit.setFixedHeight(int(height))
        self.row.addWidget(self.edit)
        self.edit.textChanged.connect(self.edited.emit)

    def value(self) -> str:
        text = self.edit.toPlainText()
        if self.keep_whitespace and text.strip():
            return text
        return text.strip()

    def set_value(self, value) -> None:
        self.edit.setPlainText("" if value is None else str(value))
        self.refresh()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def focus_widget(self) -> QWidget:
        return self.edit


class ChoiceField(Field):
    """A fixed list (``editable=False``) or suggestions one may type over."""

    def __init__(self, choices: Sequence[tuple[str, str]], editable: bool = False, parent=None):
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(editable)
        for value, label in choices:
            self.combo.addItem(label, value)
        if editable:
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.combo.lineEdit().textEdited.connect(lambda _t: self.edited.emit())
        self.combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.combo.setMinimumWidth(200)

    def value(self) -> str:
        text = self.combo.currentText().strip()
        i = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if i >= 0:
            return self.combo.itemData(i)
        if self.combo.isEditable():
            return text
        return self.combo.currentData() or ""

    def set_value(self, value) -> None:
        value = value or ""
        i = self.combo.findData(value)
        if i < 0 and self.combo.isEditable():
            self.combo.setEditText(value)
        else:
            self.combo.setCurrentIndex(max(i, 0))
        self.refresh()

    def set_text(self, text: str) -> None:
        i = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if i < 0:
            i = self.combo.findData(text)
        if i >= 0:
            self.combo.setCurrentIndex(i)
        elif self.combo.isEditable():
            self.combo.setEditText(text)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.combo


class NumberField(TextField):
    """A number (``integer`` for whole numbers); empty means none."""

    def __init__(self, integer: bool = False, minimum: float | None = None, placeholder: str = "",
                 parent=None):
        super().__init__(placeholder, parent=parent)
        self.integer = integer
        self.minimum = minimum
        self.edit.setMaximumWidth(160)
        self.row.addStretch(1)

    def value(self) -> float | int | None:
        text = self.edit.text().strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return None
        if "," in text and "." not in text and len(text.rsplit(",", 1)[1]) != 3:
            text = text.replace(",", ".")  # 7,5 -> 7.5 (but 1,200 -> 1200)
        text = text.replace(",", "")
        try:
            number = int(text) if self.integer else float(text)
        except ValueError:
            kind = "a whole number" if self.integer else "a number"
            raise FieldError(f"'{self.edit.text().strip()}' is not {kind}") from None
        if self.minimum is not None and number < self.minimum:
            raise FieldError(f"must be {self.minimum:g} or more")
        return number

    def set_value(self, value) -> None:
        if value is None:
            self.edit.setText("")
        elif isinstance(value, float) and value.is_integer():
            self.edit.setText(str(int(value)))
        else:
            self.edit.setText(str(value))
        self.refresh()


class ListField(TextField):
    """Several values in one line, separated by ``;`` (aliases, topics).  With
    ``suggest`` the value being typed after the last ``;`` is completed."""

    def __init__(self, placeholder: str = "", suggest: Callable[[], Sequence[str]] | None = None,
                 parent=None):
        super().__init__(placeholder or "several values separated by ;", parent=parent)
        self._suggest = suggest
        if suggest is not None:
            self._completer = QCompleter(self.edit)
            self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._completer.setWidget(self.edit)
            self._completer.activated.connect(self._insert_completion)
            self._loaded = False
            self.edit.textEdited.connect(self._complete_last)

    def value(self) -> list[str]:
        seen: dict[str, None] = {}
        for part in self.edit.text().split(";"):
            part = " ".join(part.split())
            if part:
                seen.setdefault(part)
        return list(seen)

    def set_value(self, value) -> None:
        self.edit.setText("; ".join(value or []))
        self.refresh()

    def _complete_last(self, text: str) -> None:
        if not self._loaded:
            self._completer.setModel(QStringListModel(list(self._suggest()), self._completer))
            self._loaded = True
        last = text.rsplit(";", 1)[-1].strip()
        if not last:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(last)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, chosen: str) -> None:
        head = self.edit.text().rsplit(";", 1)
        prefix = head[0] + "; " if len(head) > 1 else ""
        self.edit.setText(prefix + chosen + "; ")
        self.edited.emit()
