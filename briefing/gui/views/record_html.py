"""One record as rich text for the detail pane: its fields, its sources and links to
the records tied to it (``record:<kind>/<id>``), plus ``timeline:`` and ``search:``
links the window follows.  Reads through store verbs and :mod:`briefing.store.related`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import quote

from briefing.domain import (
    Agreement, Briefing, Figure, Kind, Organisation, Person, Record, Source, Stance, Statement,
    Visit,
)
from briefing.gui.icons import KIND_COLORS
from briefing.services import record_labels
from briefing.store import related

Marker = Callable[[str], str] | None


def esc(text) -> str:
    return html.escape(str(text or ""))


def link(kind: Kind | str, record_id, text: str) -> str:
    return f'<a href="record:{Kind(kind).value}/{int(record_id)}">{esc(text)}</a>'


def _date(d) -> str:
    return d.display() if d else ""


def _span(start, end) -> str:
    if start and end and end != start:
        return f"{_date(start)} – {_date(end)}"
    return _date(start)


def css(colors: dict[str, str]) -> str:
    return (
        f"body {{ color: {colors['text']}; }}"
        f"a {{ color: {colors['link']}; text-decoration: none; }}"
        f".kind {{ font-size: 8pt; font-weight: 600; letter-spacing: 1px; }}"
        f".muted {{ color: {colors['muted']}; }}"
        f"h2 {{ margin: 2px 0 4px 0; font-size: 14pt; }}"
        f"h3 {{ margin: 14px 0 4px 0; font-size: 10pt; color: {colors['muted']}; }}"
        f"td.label {{ color: {colors['muted']}; padding: 2px 12px 2px 0; }}"
        f"td {{ padding: 2px 0; }}"
        f"blockquote {{ margin: 6px 0 6px 0; font-size: 11pt; }}"
        f"b {{ background-color: {colors['mark']}; }}"
        f"p.item {{ margin: 0 0 6px 0; }}"
    )


class RecordHtml:
    """Builds the HTML for one record (``render``); ``marker`` highlights search words."""

    def __init__(self, store, marker: Marker = None):
        self.store = store
        self.mark = marker

    def text(self, value: str) -> str:
        value = value or ""
        return self.mark(value) if self.mark else esc(value)

    def country(self, code: str | None) -> str:
        return esc(self.store.country_name(code)) if code else ""

    def person(self, pid: int | None, name: str) -> str:
        return link(Kind.PERSON, pid, name) if pid else ""

    # --- the page ---------------------------------------------------------------------------------
    def render(self, record: Record) -> str:
        kind = record.kind
        head, rows, body, extra = getattr(self, f"_{kind.value}")(record)
        color = KIND_COLORS.get(kind, "#777")
        out = [f'<div class="kind" style="color:{color}">{esc(kind.label.upper())}</div>',
               f"<h2>{head}</h2>"]
        shown = [(label, value) for label, value in rows if value]
        if shown:
            out.append('<table cellspacing="0">')
            out += [f'<tr><td class="label">{esc(label)}</td><td>{value}</td></tr>'
                    for label, value in shown]
            out.append("</table>")
        out += body
        if record.topics:
            out.append(f'<p class="muted">Topics: {esc(", ".join(record.topics))}</p>')
        if record.notes:
            out += ["<h3>NOTES</h3>", f"<p>{self.text(record.notes)}</p>"]
        out += extra
        out += self._sources(record)
        out += self._related(record)
        out.append(f'<p class="muted" style="margin-top:16px; font-size:8pt">Added '
                   f'{esc(record.created_at[:10])} · changed {esc(record.updated_at[:10])}</p>')
        return "".join(out)

    def _sources(self, record: Record) -> list[str]:
        if record.kind == Kind.SOURCE:
            return []
        refs = related.sources_of(self.store, record.kind, record.id)
        if not refs:
            return []
        out = ["<h3>SOURCES</h3>"]
        for i, ref in enumerate(refs, 1):
            meta = " · ".join(esc(p) for p in (ref.outlet, ref.published) if p)
            out.append(f'<p class="item">[{i}] {link(Kind.SOURCE, ref.id, ref.title or "(untitled)")}'
                       f'<br><span class="muted">{meta}</span></p>')
        return out

    def _related(self, record: Record) -> list[str]:
        out = []
        for group in related.related_groups(self.store, record.kind, record.id):
            out.append(f"<h3>{esc(group.title.upper())} ({group.total})</h3>")
            for item in group.items:
                meta = " · ".join(esc(p) for p in (item.date, item.detail) if p)
                out.append(f'<p class="item">{link(item.kind, item.id, item.title)}'
                           + (f'<br><span class="muted">{meta}</span>' if meta else "") + "</p>")
            if group.total > len(group.items):
                out.append(f'<p class="muted">… and {group.total - len(group.items)} more</p>')
        return out

    # --- one method per kind: (headline, [(label, html)], [body html], [extra html]) ------------
    def _statement(self, s: Statement):
        if s.occasion_visit_id:
            occasion = link(Kind.VISIT, s.occasion_visit_id,
                            self.store.title_of(Kind.VISIT, s.occasion_visit_id))
        else:
            occasion = self.text(s.occasion)
        head = self.person(s.speaker_id, s.speaker_name) or "Unknown speaker"
        quote_text = self.text(s.text)
        if s.statement_kind == "direct":
            quote_text = f"“{quote_text}”"
        rows = [("Date", esc(_date(s.date))), ("Country", self.country(s.speaker_country)),
                ("Occasion", occasion), ("Kind", esc(s.statement_kind)),
                ("Language", esc(s.language)), ("Context", self.text(s.context))]
        return head, rows, [f"<blockquote>{quote_text}</blockquote>"], []

    def _visit(self, v: Visit):
        guest = self.person(v.guest_id, v.guest_name) or self.country(v.guest_country)
        where = esc(v.place) or self.country(v.host_country)
        head = f"{guest} in {where}"
        ordinal = f"{record_labels.ordinal(v.ordinal).capitalize()} visit" if v.ordinal else ""
        rows = [("Dates", esc(_span(v.start, v.end))),
                ("Guest", " · ".join(p for p in (self.person(v.guest_id, v.guest_name),
                                                  self.country(v.guest_country)) if p)),
                ("Host", " · ".join(p for p in (self.person(v.host_id, v.host_name),
                                                 self.country(v.host_country)) if p)),
                ("Place", esc(v.place)), ("Kind", esc(v.visit_kind)), ("Ordinal", esc(ordinal)),
                ("Purpose", self.text(v.purpose))]
        extra = []
        if v.guest_country and v.host_country:
            extra.append(f'<p><a href="timeline:pair/{v.guest_country}/{v.host_country}">'
                         f"Show the relations timeline of {self.country(v.guest_country)} and "
                         f"{self.country(v.host_country)}</a></p>")
        return head, rows, [], extra

    def _agreement(self, a: Agreement):
        parties = []
        for p in a.parties:
            if p.party_kind == "person":
                name = link(Kind.PERSON, p.ref, p.name)
            elif p.party_kind == "organisation":
                name = link(Kind.ORGANISATION, p.ref, p.name)
            else:
                name = esc(p.name or p.ref)
            role = f' <span class="muted">({esc(p.role)})</span>' if p.role and p.role != "party" else ""
            parties.append(name + role)
        visit = link(Kind.VISIT, a.visit_id, self.store.title_of(Kind.VISIT, a.visit_id)) if a.visit_id else ""
        rows = [("Parties", "<br>".join(parties)), ("Status", esc(a.status)),
                ("Signed", esc(_date(a.signed))), ("In force", esc(_date(a.in_force))),
                ("Kind", esc(a.agreement_kind)), ("Sector", esc(a.sector)),
                ("Place", esc(a.place)), ("Signed during", visit)]
        body = [f"<p>{self.text(a.summary)}</p>"] if a.summary else []
        return self.text(a.title), rows, body, []

    def _person(self, p: Person):
        offices = []
        for o in p.offices:
            where = link(Kind.ORGANISATION, o.organisation_id, o.organisation_name) if o.organisation_id \
                else self.country(o.country)
            when = _span(o.start, o.end) if o.start or o.end else ""
            offices.append(" · ".join(x for x in (esc(o.title), where, esc(when)) if x))
        rows = [("Office", esc(p.office)), ("Country", self.country(p.country)),
                ("Also known as", self.text(", ".join(p.aliases))),
                ("Offices", "<br>".join(offices))]
        extra = [f'<p><a href="timeline:person/{p.id}">Show {esc(p.name)} on the timeline</a>'
                 f' · <a href="search:person/{quote(p.name)}">Search everything about '
                 f"{esc(p.name)}</a></p>"]
        return self.text(p.name), rows, [], extra

    def _organisation(self, o: Organisation):
        rows = [("Kind", esc(o.org_kind)), ("Country", self.country(o.country)),
                ("Also known as", self.text(", ".join(o.aliases)))]
        return self.text(o.name), rows, [], []

    def _source(self, s: Source):
        url = f'<a href="{esc(s.url)}">{esc(s.url)}</a>' if s.url else ""
        rows = [("Outlet", esc(s.outlet)), ("Author", esc(s.author)),
                ("Published", esc(_date(s.published))), ("Language", esc(s.language)),
                ("Address", url)]
        paragraphs = [p for p in (s.text or "").split("\n") if p.strip()]
        body = ["<h3>TEXT</h3>"] + [f"<p>{self.text(p)}</p>" for p in paragraphs[:400]]
        return self.text(s.title or "(untitled source)"), rows, body, []

    def _figure(self, f: Figure):
        shown = record_labels.figure_value(f)
        flow = esc(record_labels.figure_flow(f, self.store.country_name))
        rows = [("Value", f"<b style='background:none; font-size:13pt'>{esc(shown)}</b>"),
                ("Countries", flow), ("Period", esc(f.period)), ("As of", esc(_date(f.as_of)))]
        return self.text(f.metric), rows, [], []

    def _stance(self, s: Stance):
        holder = self.person(s.holder_person_id, s.holder_name) or self.country(s.holder_country)
        rows = [("Holder", holder), ("Topic", esc(s.topic))]
        return self.text(s.topic or "Stance"), rows, [f"<blockquote>{self.text(s.text)}</blockquote>"], []

    def _briefing(self, b: Briefing):
        rows = [("Counterpart", self.person(b.counterpart_person_id, b.counterpart_name)),
                ("Country", self.country(b.counterpart_country)), ("Date", esc(_date(b.date))),
                ("Place", esc(b.place)), ("Purpose", self.text(b.purpose)),
                ("Classification", esc(b.classification)), ("Status", esc(b.status)),
                ("Author", esc(b.author)), ("Items", str(len(b.items)) if b.items else "")]
        return self.text(b.title), rows, [], []
