"""Exports of the heat-protection plan for funding applications: DOCX (editable, python-docx) and PDF
(WeasyPrint from the print template the browser also shows). German, with the municipality's name,
the date and page numbers."""

from __future__ import annotations

import datetime
import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from toolbox import selectors

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"

WORKSHEET_TEXT_FIELDS = [
    ("working_note", "Bearbeitungsvermerk"),
    ("project_sketch", "Projektskizze zur Umsetzung"),
    ("responsible_bodies", "Verantwortlichkeiten in Ihrer Kommune"),
    ("participating_actors", "Mitwirkende Akteure"),
    ("groundwork", "Bestehende Vorarbeiten in Ihrer Kommune"),
    ("locations", "Verortung in Ihrer Kommune"),
]


def export_context(plan, worksheet=None):
    """The whole plan, or one worksheet (``single``), with the funding programmes that apply."""
    today = timezone.localdate()
    if worksheet is None:
        overview = selectors.plan_overview(plan)
        worksheets, funding = overview["worksheets"], overview["funding"]
    else:
        worksheets, funding = [worksheet], _funding_of([worksheet])
    return {
        "plan": plan,
        "municipality": plan.municipality,
        "worksheets": worksheets,
        "funding": funding,
        "date": today,
        "date_text": _german_date(today),
        "single": worksheet is not None,
        "text_fields": WORKSHEET_TEXT_FIELDS,
    }


def _funding_of(worksheets):
    return [
        {"via": f.via, "programme": f.programme, "url": f.url, "measures": [{"code": w.measure.code, "share": f.share}]}
        for w in worksheets
        for f in w.measure.funding_programmes.all()
    ]


MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]


def _german_date(day: datetime.date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def filename(plan, worksheet=None, ext="pdf"):
    from django.utils.text import slugify

    base = f"hitzeschutzplan-{slugify(plan.municipality.name.replace('ß', 'ss'))}"
    if worksheet is not None:
        base += f"-{worksheet.measure.code.lower()}"
    return f"{base}.{ext}"


# --- PDF ----------------------------------------------------------------------------------------


def render_pdf(request, plan, worksheet=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("toolbox/plan_print.html", {**export_context(plan, worksheet), "for_pdf": True}, request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()


# --- DOCX ---------------------------------------------------------------------------------------


def _add_page_number_field(paragraph, instruction):
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _label_value(document, label, value):
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value or "–")


def _text_block(document, label, text):
    document.add_heading(label, level=3)
    for part in (text or "").split("\n\n") if text else ["–"]:
        document.add_paragraph(part.strip() or "–")


def render_docx(plan, worksheet=None) -> bytes:
    context = export_context(plan, worksheet)
    worksheets = context["worksheets"]
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = f"Hitzeschutzplan {plan.municipality.name} · Stand {context['date_text']}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Seite ")
    _add_page_number_field(footer, "PAGE")
    footer.add_run(" von ")
    _add_page_number_field(footer, "NUMPAGES")

    title = "Arbeitsblatt" if context["single"] else "Hitzeschutzplan"
    document.add_heading(f"{title} – {plan.municipality.name}", level=0)
    intro = document.add_paragraph(
        f"Erstellt mit der Kommunalen Hitze-Toolbox Thüringen. Stand: {context['date_text']}."
    )
    intro.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    if not context["single"]:
        document.add_heading("Übersicht der Maßnahmen", level=1)
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Kürzel", "Maßnahme", "Planung", "Aufwand", "Kosten"], strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for w in worksheets:
            row = table.add_row().cells
            row[0].text = w.measure.code
            row[1].text = w.measure.title
            row[2].text = f"{w.get_decision_display()} ({w.status_label})"
            row[3].text = w.get_effort_display() or "–"
            row[4].text = w.get_cost_display() or "–"

    if context["funding"]:
        document.add_heading("Passende Förderprogramme", level=1)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        headings = ["Zu beantragen über", "Förderprogramm", "Förderanteil je Maßnahme"]
        for cell, text in zip(table.rows[0].cells, headings, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for programme in context["funding"]:
            row = table.add_row().cells
            row[0].text = programme["via"]
            row[1].text = programme["programme"]
            row[2].text = ", ".join(f"{m['code']}: {m['share'] or '–'}" for m in programme["measures"])

    for w in worksheets:
        measure = w.measure
        if not context["single"]:
            document.add_page_break()
        document.add_heading(f"Maßnahme {measure.code}: {measure.title}", level=1)
        _label_value(document, "Strategie", measure.get_strategy_display())
        _label_value(document, "Stufe", measure.get_level_display())
        _label_value(document, "Maßnahme planen?", w.get_decision_display())
        _label_value(document, "Stand", w.status_label)
        document.add_heading("Beschreibung der Maßnahme (Katalog)", level=2)
        document.add_paragraph(" ".join(strip_tags(measure.description).split()))
        document.add_heading("Umsetzung in der Kommune", level=2)
        for field, label in WORKSHEET_TEXT_FIELDS:
            _text_block(document, label, getattr(w, field))
        _text_block(document, f"Aufwand für die Kommune: {w.get_effort_display() or 'nicht eingeschätzt'}", w.effort_note)
        _text_block(document, f"Kosten für die Kommune: {w.get_cost_display() or 'nicht eingeschätzt'}", w.cost_note)
        steps = list(w.steps.all())
        document.add_heading("Umsetzungsplanung", level=3)
        if steps:
            table = document.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, ["Nr.", "Schritt", "Status", "fällig am"], strict=True):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            for number, step in enumerate(steps, start=1):
                row = table.add_row().cells
                row[0].text = str(number)
                row[1].text = step.title
                row[2].text = step.get_status_display()
                row[3].text = step.due_date.strftime("%d.%m.%Y") if step.due_date else "–"
        else:
            document.add_paragraph("Noch keine Schritte geplant.")
        programmes = list(measure.funding_programmes.all())
        if programmes:
            document.add_heading(f"Förderprogramme{f' ({measure.funding_status})' if measure.funding_status else ''}", level=3)
            for funding in programmes:
                document.add_paragraph(
                    f"{funding.programme} – zu beantragen über {funding.via}, Förderanteil {funding.share or 'k. A.'}",
                    style="List Bullet",
                )

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
