"""A summary a person may bring to a therapist, made only of what they choose, from their
own data. It is built on request and never stored: the page or PDF is the only copy.

The PDF is drawn with fpdf2 (pure Python, no system libraries, maintained): a Unicode font
is used when one is installed (DejaVu Sans, as on most Linux systems); otherwise the core
Helvetica font, where characters outside Latin-1 become "?" (the printable page keeps them).
"""

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from nearer.plans.definitions import all_plans
from nearer.plans.models import Enrollment, StepLog
from nearer.progress import services
from nearer.progress.measure import csi4
from nearer.progress.series import SERIES, week_starts

UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WEEKS = 12


@dataclass
class Section:
    title: str
    note: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Summary:
    name: str
    made_on: str
    sections: list[Section]
    words: str = ""


def _csi(user) -> Section:
    scale = csi4()
    rows = [
        (formats.date_format(when.astimezone(user.tz), "DATE_FORMAT"), f"{score} / 21")
        for when, score in services.results(user, timezone.now() - timedelta(days=365))
    ]
    note = _("Couples Satisfaction Index, four items (%(citation)s). Higher is more satisfied.")
    return Section(
        _("CSI-4 answers, last year"),
        note % {"citation": scale.citation},
        rows or [(_("No answers yet"), "")],
    )


def _weekly(user, keys) -> list[Section]:
    weeks = week_starts(timezone.now().astimezone(user.tz).date(), WEEKS)
    sections = []
    for series in SERIES:
        if series.key not in keys:
            continue
        found = series.weekly(user, None, False, weeks)
        rows = [
            (_("Week of %(day)s") % {"day": formats.date_format(w, "j M")}, str(found.get(w, "–")))
            for w in weeks
        ]
        sections.append(Section(str(series.title), str(series.description), rows))
    return sections


def _plan(user) -> Section:
    plans = all_plans()
    rows = []
    for enrollment in Enrollment.objects.filter(user=user).order_by("started_on")[:10]:
        names = ", ".join(plans[s].title for s in enrollment.situations if s in plans)
        rows.append((formats.date_format(enrollment.started_on, "DATE_FORMAT"), names))
    done = StepLog.objects.filter(enrollment__user=user, status="done").count()
    rows.append((_("Steps marked done, in all"), str(done)))
    return Section(_("Seasons chosen in Nearer"), "", rows)


def build(user, choices: dict) -> Summary:
    sections = []
    if choices.get("csi"):
        sections.append(_csi(user))
    keys = set()
    if choices.get("connection"):
        keys.add("connection")
    if choices.get("activity"):
        keys |= {"talks", "notes", "appreciations"}
    sections += _weekly(user, keys)
    if choices.get("plan"):
        sections.append(_plan(user))
    return Summary(
        name=user.display_name,
        made_on=formats.date_format(timezone.now().astimezone(user.tz), "DATE_FORMAT"),
        sections=sections,
        words=(choices.get("words") or "").strip(),
    )


class _Pdf(FPDF):
    def setup_font(self):
        if UNICODE_FONT.exists():
            self.add_font("body", fname=str(UNICODE_FONT))
            self.family, self.unicode = "body", True
        else:
            self.family, self.unicode = "helvetica", False

    def text_of(self, value: str) -> str:
        value = str(value)
        return value if self.unicode else value.encode("latin-1", "replace").decode("latin-1")

    def para(self, value: str, size: int = 11):
        self.set_font(self.family, size=size)
        self.multi_cell(0, size * 0.55, self.text_of(value), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)


def to_pdf(summary: Summary) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.setup_font()
    pdf.set_title(pdf.text_of(_("Summary for a first session")))
    pdf.add_page()
    pdf.para(_("Summary for a first session"), size=16)
    pdf.para(
        _("Prepared by %(name)s with Nearer on %(day)s.")
        % {"name": summary.name, "day": summary.made_on},
        size=10,
    )
    if summary.words:
        pdf.para(_("In my own words"), size=13)
        pdf.para(summary.words)
    for section in summary.sections:
        pdf.para(section.title, size=13)
        if section.note:
            pdf.para(section.note, size=9)
        pdf.set_font(pdf.family, size=10)
        with pdf.table(col_widths=(2, 1), first_row_as_headings=False) as table:
            for label, value in section.rows:
                row = table.row()
                row.cell(pdf.text_of(label))
                row.cell(pdf.text_of(value))
        pdf.ln(3)
    return bytes(pdf.output())
