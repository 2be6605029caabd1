"""What every story builder needs: the assembled briefing, styles, labels and width."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reportlab.lib.styles import StyleSheet1

from briefing.domain import AssembledBriefing

from .labels import Labels
from .styles import ACCENT, css
from .text import markup


@dataclass
class Context:
    assembled: AssembledBriefing
    styles: StyleSheet1
    width: float  # frame width in points

    @cached_property
    def labels(self) -> Labels:
        return Labels(self.assembled.country_names)

    @property
    def source_count(self) -> int:
        return len(self.assembled.sources)

    def refs(self, numbers: list[int]) -> str:
        """`` [1, 3]`` with each number linked to its entry in the sources list."""
        shown = []
        for n in numbers or []:
            if isinstance(n, int) and 1 <= n <= self.source_count:
                shown.append(f'<a href="#src-{n}" color="{css(ACCENT)}">{n}</a>')
            else:  # a number with no source to point at: print it, link nothing
                shown.append(markup(n))
        return f" [{', '.join(shown)}]" if shown else ""
