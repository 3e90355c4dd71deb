"""Uploads are checked as what they claim to be: each question's own kinds, each kind read
whole by its own parser, and what could harm the officer who opens the file refused
(scripts, macros, embedded files, anything after the file's end, zip bombs, huge pictures).
First through uploads.judge, then through the real journey step."""

import io
import struct
import zipfile
import zlib

import pytest
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from forms_app.engine import UploadField
from forms_app.models import Attachment
from forms_app.uploads import ALLOWED, judge

from .licensing_fixtures import *  # noqa: F403  (the licensing pages; uploads cleaned up)
from .licensing_fixtures import licence_answers, pdf_bytes, png_bytes, upload, walk
from .referral_fixtures import *  # noqa: F403  (the referral page and its school user)

PHOTO = ("jpg", "png")
CERTIFICATE = ("pdf", "jpg", "png")
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


class Upload(io.BytesIO):
    def __init__(self, data, name):
        super().__init__(data)
        self.name = name


def verdict(data, name, kinds=ALLOWED):
    return judge(Upload(data, name), kinds)


def accepted(data, name, kinds=ALLOWED):
    result = verdict(data, name, kinds)
    assert result.error is None, result.error
    return result.kind


def refused(data, name, kinds=ALLOWED):
    result = verdict(data, name, kinds)
    assert result.kind is None and result.error
    return result.error


NOT_CHECKED = "The selected file could not be checked"


# --- files of each kind ------------------------------------------------------------------


def picture(format_name, size=(40, 30), **options):
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, format_name, **options)
    return buffer.getvalue()


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
WORD_DOCUMENT = (
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Absence agreed</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


def docx(**extra):
    return zipped(
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": WORD_DOCUMENT, **extra}
    )


def xlsx():
    book = Workbook()
    book.active.append(["UPN", "Session", "Code"])
    book.active.append(["H801200001001", "2026-10-05 AM", "O"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def odt():
    return zipped(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": '<?xml version="1.0"?><office:document-content xmlns:office='
            '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        }
    )


def pdf_with(key, value):
    """The real PDF, with one more entry in its catalogue (e.g. an opening action)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer._root_object[NameObject(key)] = value
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def jpeg_with_thumbnail():
    """A photo whose EXIF segment holds a thumbnail: a whole JPEG, end marker and all."""
    photo, thumbnail = picture("JPEG"), picture("JPEG", (8, 8))
    payload = b"Exif\x00\x00" + thumbnail
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return photo[:2] + app1 + photo[2:]


def png_declaring(width, height):
    """A PNG whose header claims a huge picture: a few bytes that decode to gigabytes."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )


def word_97(*storages):
    """A Word 97-2003 file as olefile reads it (olefile cannot write one): a compound file
    with an empty WordDocument stream and the storages named (e.g. "Macros")."""
    unused, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    names = ["WordDocument", *storages]

    def entry(name, kind, right=unused, child=unused):
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, unused, right, child)
            + b"\0" * 36  # class id, state bits, times
            + struct.pack("<IQ", end, 0)  # every stream is empty
        )

    directory = entry("Root Entry", 5, child=1)
    for number, name in enumerate(names, start=1):
        following = number + 1 if number < len(names) else unused
        directory += entry(name, 2 if name == "WordDocument" else 1, right=following)
    directory = directory.ljust(512 * ((len(directory) + 511) // 512), b"\0")
    sectors = len(directory) // 512
    fat = [fat_sector] + [number + 2 for number in range(sectors - 1)] + [end]
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *[unused] * 108)
    )
    return header + struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff") + directory


def zip_bomb_docx():
    """A docx of 60MB of zeros (over the 50MB limit) that is about 60KB zipped."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", WORD_DOCUMENT)
        with archive.open("word/media/image1.png", "w") as member:
            for _ in range(60):
                member.write(bytes(1024 * 1024))
    return buffer.getvalue()


ZIP = zipped({"run.exe": b"MZ" + bytes(100)})


# --- each kind accepted ------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, name, kind",
    [
        (pdf_bytes(), "letter.pdf", "pdf"),
        (picture("JPEG"), "photo.jpg", "jpg"),
        (jpeg_with_thumbnail(), "camera.jpg", "jpg"),
        (picture("JPEG", (300, 200), progressive=True), "scan.jpg", "jpg"),  # several scans
        (picture("JPEG", (300, 200), exif=Image.Exif()), "exif.jpg", "jpg"),
        (picture("PNG"), "photo.png", "png"),
        (png_bytes(), "tiny.png", "png"),
        (word_97(), "letter.doc", "doc"),
        (docx(), "letter.docx", "docx"),
        (xlsx(), "register.xlsx", "xlsx"),
        (odt(), "letter.odt", "odt"),
        (
            b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Absence agreed \\'e9\\par}",
            "a.rtf",
            "rtf",
        ),
        (b'UPN,Session,Code\r\nH801200001001,"5 Oct, AM",O\r\n', "register.csv", "csv"),
        ("بچہ پیر سے بیمار ہے۔ < 5 دن\n".encode(), "note.txt", "txt"),  # Urdu
        ("\ufeffZoë's register, with a BOM\n".encode(), "note.txt", "txt"),
    ],
)
def test_each_kind_is_accepted_when_it_is_what_it_claims(data, name, kind):
    assert accepted(data, name) == kind


# --- refused whatever its name ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["photo.png", "notes.txt", "register.csv"])
def test_an_svg_with_a_script_is_refused_whatever_its_name(name):
    refused(SVG, name)
    refused(b'<?xml version="1.0"?>\n' + SVG, name)


@pytest.mark.parametrize("data", [HTML, b"<!DOCTYPE html><p>Hello</p>", b"Hi <a href=x>there</a>"])
def test_html_renamed_pdf_or_txt_is_refused(data):
    assert refused(data, "letter.pdf", CERTIFICATE) == (
        "The selected file must be a PDF, JPG or PNG"
    )
    refused(data, "letter.pdf")  # text, but markup
    refused(data, "notes.txt")


@pytest.mark.parametrize(
    "data",
    [
        pdf_bytes() + HTML + ZIP,
        pdf_bytes() + ZIP,
        pdf_bytes() + b"\n" + HTML,
        pdf_bytes() + b"%%EOF trailing words",
    ],
    ids=["html and zip", "zip", "html", "words"],
)
def test_a_pdf_with_something_after_its_end_is_refused(data):
    assert NOT_CHECKED in refused(data, "letter.pdf", CERTIFICATE)


def test_a_pdf_ending_in_whitespace_is_accepted():
    assert accepted(pdf_bytes() + b"\r\n \n", "letter.pdf") == "pdf"


@pytest.mark.parametrize(
    "data",
    [picture("JPEG") + HTML + ZIP, picture("JPEG") + ZIP, picture("JPEG") + b"extra"],
    ids=["html and zip", "zip", "bytes"],
)
def test_a_jpeg_with_something_after_its_end_is_refused(data):
    assert NOT_CHECKED in refused(data, "photo.jpg", PHOTO)


@pytest.mark.parametrize(
    "data",
    [picture("PNG") + b"trailing", picture("PNG") + ZIP, png_bytes() + HTML],
    ids=["bytes", "zip", "html"],
)
def test_a_png_with_trailing_data_is_refused(data):
    assert NOT_CHECKED in refused(data, "photo.png", PHOTO)


def test_html_inside_a_picture_is_refused():
    photo = picture("PNG")
    comment = b"tEXt" + b"Comment\x00<script>alert(1)</script>"
    chunk = struct.pack(">I", len(comment) - 4) + comment + struct.pack(">I", zlib.crc32(comment))
    assert NOT_CHECKED in refused(photo[:33] + chunk + photo[33:], "photo.png", PHOTO)


def test_a_pdf_that_runs_javascript_is_refused():
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    assert NOT_CHECKED in refused(pdf_with("/OpenAction", action), "letter.pdf")


def test_a_pdf_that_launches_a_program_is_refused():
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )
    refused(pdf_with("/OpenAction", action), "letter.pdf")


def test_a_pdf_with_an_embedded_file_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.add_attachment("run.exe", b"MZ" + bytes(100))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert NOT_CHECKED in refused(buffer.getvalue(), "letter.pdf")


def test_a_pdf_with_an_xfa_form_is_refused():
    refused(
        pdf_with("/AcroForm", DictionaryObject({NameObject("/XFA"): TextStringObject("x")})),
        "a.pdf",
    )


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
        b"%PDF-1.7\n%%EOF\n",
        pdf_bytes()[:300] + b"\n%%EOF\n",
    ],
    ids=["no pages", "nothing", "cut short"],
)
def test_a_pdf_that_cannot_be_read_is_refused_not_a_server_error(data):
    assert NOT_CHECKED in refused(data, "letter.pdf")


def test_a_docx_with_macros_is_refused():
    assert NOT_CHECKED in refused(docx(**{"word/vbaProject.bin": b"\x00" * 64}), "letter.docx")


@pytest.mark.parametrize(
    "part", ["word/embeddings/oleObject1.bin", "word/activeX/activeX1.xml", "word/oleObject1.bin"]
)
def test_a_docx_with_an_embedded_object_is_refused(part):
    refused(docx(**{part: b"\x00" * 64}), "letter.docx")


def test_a_zip_bomb_docx_is_refused():
    bomb = zip_bomb_docx()
    assert len(bomb) < 200_000
    assert NOT_CHECKED in refused(bomb, "letter.docx")


def test_a_docx_with_html_after_it_is_refused():
    assert NOT_CHECKED in refused(docx() + HTML, "letter.docx")


def test_a_docx_whose_document_is_not_xml_is_refused():
    refused(
        zipped({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "not <xml"}), "a.docx"
    )


def test_a_docx_with_an_xml_entity_bomb_is_refused():
    lol = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><d>&a;&a;</d>'
    refused(zipped({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": lol}), "a.docx")


def test_an_xlsx_with_macros_is_refused():
    book = zipfile.ZipFile(io.BytesIO(xlsx()))
    members = {info.filename: book.read(info) for info in book.infolist()}
    refused(zipped({**members, "xl/vbaProject.bin": b"\x00" * 64}), "register.xlsx")


def test_a_word_97_document_with_macros_or_objects_is_refused():
    assert NOT_CHECKED in refused(word_97("Macros"), "letter.doc")
    refused(word_97("ObjectPool"), "letter.doc")


def test_an_rtf_with_an_embedded_object_is_refused():
    data = b"{\\rtf1\\ansi Hello {\\object\\objemb {\\*\\objdata 0105000002000000}}}"
    assert NOT_CHECKED in refused(data, "letter.rtf")
    refused(b"{\\rtf1\\ansi Hello \x00\x01\x02 binary}", "letter.rtf")


@pytest.mark.parametrize(
    "data",
    [b"Sam\x00Jones\n", b"Sam\x1b[31mJones\n", "caf\u00e9".encode("latin-1"), b"   \n"],
    ids=["nul", "escape", "latin-1", "blank"],
)
def test_text_that_is_not_plain_utf8_text_is_refused(data):
    refused(data, "register.csv")


def test_a_picture_over_the_pixel_limit_is_refused_not_a_server_error():
    # 100,000 by 100,000 pixels in a few hundred bytes: far over Pillow's own limit too.
    error = refused(png_declaring(100_000, 100_000), "photo.png", PHOTO)
    assert error == "The selected picture must be smaller than 40 megapixels"
    refused(png_declaring(8_000, 6_000), "photo.png", PHOTO)  # 48 megapixels


def test_the_pixel_limit_is_a_setting(settings):
    settings.PORTAL_UPLOAD_MAX_PIXELS = 1_000
    assert "must be smaller than 0.001 megapixels" in refused(picture("JPEG"), "a.jpg", PHOTO)


# --- each question's own kinds ---------------------------------------------------------------


def test_each_question_names_its_own_kinds():
    assert refused(pdf_bytes(), "photo.pdf", PHOTO) == "The selected file must be a JPG or PNG"
    assert (
        refused(docx(), "cert.docx", CERTIFICATE) == "The selected file must be a PDF, JPG or PNG"
    )
    assert refused(b"MZ\x90\x00", "x.pdf", ("pdf",)) == "The selected file must be a PDF"


def test_an_upload_field_takes_only_kinds_the_council_accepts():
    with pytest.raises(ValueError):
        UploadField(kinds=("jpg", "exe"))
    assert UploadField(kinds=("jpg", "png")).kinds == ("jpg", "png")


# --- virus scanning: cannot run ------------------------------------------------------------------


def test_when_clamav_cannot_be_reached_the_file_is_refused(settings, tmp_path):
    settings.PORTAL_CLAMD_ADDRESS = str(tmp_path / "no-such-clamd.sock")
    error = refused(pdf_bytes(), "letter.pdf")
    assert error == "The selected file could not be checked for viruses. Try again later"


def test_when_clamav_is_off_no_scan_is_tried(settings):
    settings.PORTAL_CLAMD_ADDRESS = ""
    assert accepted(pdf_bytes(), "letter.pdf") == "pdf"


# --- through the journey step --------------------------------------------------------------------


def page_of(response):
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'")


@pytest.fixture
def at_documents(licence_applicant):
    walk(licence_applicant, licence_answers(), until="step/documents/")
    return licence_applicant


def send_documents(applicant, photo, certificate):
    return page_of(
        applicant.post("step/documents/", {"photo": photo, "birth_certificate": certificate})
    )


def error_summary(page):
    start = page.index('class="govuk-error-summary"')
    return page[start : page.index("</ul>", start)]


def test_an_svg_photo_is_refused_by_the_step_and_not_stored(at_documents):
    page = send_documents(
        at_documents,
        upload("photo.png", SVG, "image/png"),
        upload("birth.pdf", pdf_bytes() + HTML + ZIP, "application/pdf"),
    )
    summary = error_summary(page)
    assert "There is a problem" in summary
    assert "The selected file must be a JPG or PNG" in summary
    assert "The selected file could not be checked. Save it again as a PDF, JPG or PNG" in summary
    assert not Attachment.objects.exists()


def test_a_pdf_photo_is_refused_and_a_good_certificate_kept(at_documents):
    page = send_documents(
        at_documents,
        upload("photo.pdf", pdf_bytes(), "application/pdf"),
        upload("birth.jpg", picture("JPEG"), "image/jpeg"),
    )
    assert "The selected file must be a JPG or PNG" in error_summary(page)
    assert list(Attachment.objects.values_list("question", "kind")) == [
        ("documents.birth_certificate", "jpg")
    ]


def test_a_jpeg_with_a_zip_after_it_is_refused_by_the_step(at_documents):
    page = send_documents(
        at_documents,
        upload("photo.jpg", picture("JPEG") + HTML + ZIP, "image/jpeg"),
        upload("birth.pdf", pdf_bytes(), "application/pdf"),
    )
    assert "The selected file could not be checked. Save it again as a JPG or PNG" in page
    assert not Attachment.objects.filter(question="documents.photo").exists()


def test_a_step_refuses_the_file_when_clamav_cannot_run(at_documents, settings, tmp_path):
    settings.PORTAL_CLAMD_ADDRESS = str(tmp_path / "clamd.sock")  # nothing listens there
    page = send_documents(
        at_documents,
        upload("photo.png", picture("PNG"), "image/png"),
        upload("birth.pdf", pdf_bytes(), "application/pdf"),
    )
    summary = error_summary(page)
    assert summary.count("The selected file could not be checked for viruses. Try again later") == 2
    assert not Attachment.objects.exists()


def test_the_register_step_takes_a_spreadsheet_and_refuses_a_zip_bomb(at_register):
    page = page_of(
        at_register.post("step/register/", {"printout": upload("r.docx", zip_bomb_docx())})
    )
    assert "The selected file could not be checked" in error_summary(page)
    assert not Attachment.objects.exists()
    at_register.answer("step/register/", {"printout": upload("register.xlsx", xlsx())})
    assert Attachment.objects.get().kind == "xlsx"
