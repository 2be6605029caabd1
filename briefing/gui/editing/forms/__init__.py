"""Record forms: per-kind field specs (:mod:`.kinds`) and the dialog built from
them (:mod:`.dialog`)."""

from briefing.gui.editing.forms.dialog import RecordDialog, new_names, replace_new_names
from briefing.gui.editing.forms.kinds import FORMS
from briefing.gui.editing.forms.spec import FieldSpec, FormContext, FormSpec

__all__ = ["RecordDialog", "FORMS", "FieldSpec", "FormContext", "FormSpec", "new_names",
           "replace_new_names"]
