"""A certificate of attendance, as a one-page PDF (fpdf2)."""

from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF

from shared import times

# A Unicode font where the machine has one, so every attendee's name prints as typed;
# otherwise PDF's built-in Helvetica (Latin-1 only).
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _pdf_with_font():
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(_("Certificate of attendance"))
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("Portal", "", str(regular))
        pdf.add_font("Portal", "B", str(bold))
        return pdf, "Portal", str
    return pdf, "Helvetica", lambda text: str(text).encode("latin-1", "replace").decode("latin-1")


def certificate_pdf(booking, council):
    session, course = booking.session, booking.session.course
    pdf, font, safe = _pdf_with_font()
    pdf.add_page()
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(35)

    def line(text, size, style="", gap=6):
        pdf.set_font(font, style, size)
        pdf.multi_cell(0, size * 0.5, safe(text), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line(council.council_name or "", 16)
    line(_("Certificate of attendance"), 30, "B", 14)
    line(_("This is to certify that"), 14)
    line(booking.name, 26, "B")
    line(_("attended the training course"), 14)
    line(course.title, 20, "B")
    line(
        _("on %(date)s (%(duration)s)")
        % {
            "date": times.day(session.starts_at),
            "duration": course.duration,
        },
        14,
        gap=16,
    )
    line(
        _("%(service)s · Booking reference %(reference)s")
        % {"service": council.service_name or "", "reference": booking.reference},
        11,
    )
    return bytes(pdf.output())
