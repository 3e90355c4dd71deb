"""Read a whole file as the kind it claims to be, with that kind's own parser, and refuse
what could harm the officer who opens it: scripts, macros, embedded files and programs,
anything hidden after the file's end, and files that unpack to far more than was sent.

check(data, kind) returns nothing when the file is accepted and raises Refused when it is
not. A parser that fails in any other way also means "not accepted": the caller treats
every exception as a refusal."""

import codecs
import io
import re
import struct
import zipfile

import olefile
from defusedxml import ElementTree
from django.conf import settings
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from .kinds import ZIPPED

CONTENT = "content"  # not what it claims to be, or carries something we do not accept
PIXELS = "pixels"  # a picture with more pixels than the limit


class Refused(Exception):
    def __init__(self, why, reason=CONTENT):
        super().__init__(why)
        self.reason = reason


def refuse(why, reason=CONTENT):
    raise Refused(why, reason)


# Browsers run these whatever the file's name; found anywhere in a file that is not a zip.
HTML_MARKERS = re.compile(rb"<(html|script|svg|!doctype html|iframe|body)", re.IGNORECASE)
# Text may hold tab, CR and LF; any other control character means it is not plain text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Markup: a tag, comment, declaration or processing instruction ("<b", "<!", "<?", "</").
MARKUP = re.compile(r"<[A-Za-z!?/]")


def check(data, kind):
    if kind not in ZIPPED:
        # A zip after a PDF or picture: the file is also an archive of something else.
        if zipfile.is_zipfile(io.BytesIO(data)):
            refuse("it is also a zip")
        if HTML_MARKERS.search(data):
            refuse("it holds HTML")
    CHECKS[kind](data, kind)


# --- text ------------------------------------------------------------------------------------


def text(data, kind):
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    content = data.decode("utf-8")  # all of it, not a sample
    if not content.strip():
        refuse("empty")
    if CONTROL.search(content):
        refuse("control characters")
    if MARKUP.search(content):
        refuse("markup")  # HTML or SVG is text too, but a browser would run it


def rtf(data, kind):
    if CONTROL_BYTES.search(data):
        refuse("binary")
    # \object, \objdata, \objemb...: every control word that embeds an object starts "\obj".
    if re.search(rb"\\obj", data, re.IGNORECASE):
        refuse("embedded object")
    if not data.rstrip().endswith(b"}"):
        refuse("not a whole RTF document")


# --- PDF -------------------------------------------------------------------------------------

# What a PDF may not carry: scripts, actions that start programs, attached files, Flash and
# other media players, and XFA forms (which run scripts of their own).
PDF_FORBIDDEN = {
    "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA",
}  # fmt: skip
PDF_MAX_OBJECTS = 50_000  # a 7MB PDF of scanned pages has hundreds


def pdf(data, kind):
    end = data.rfind(b"%%EOF")
    if end == -1 or data[end + len(b"%%EOF") :].strip():
        refuse("data after the end")
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        refuse("encrypted: its content cannot be read")
    if len(reader.pages) == 0:
        refuse("no pages")
    _walk_pdf(reader)


def _walk_pdf(reader):
    """Every object, the ones the document refers to and any others its tables list.
    pypdf decodes names, so "/J#61vaScript" is seen as "/JavaScript"."""
    pending = [reader.trailer]
    for generation, numbers in reader.xref.items():
        pending += [IndirectObject(number, generation, reader) for number in numbers]
    pending += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    seen = set()
    visited = 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        visited += 1
        if visited > PDF_MAX_OBJECTS:
            refuse("too many objects to check")
        if isinstance(item, DictionaryObject):
            for key, value in item.items():  # values unresolved: references are queued
                if key in PDF_FORBIDDEN:
                    refuse(f"{key}")
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, NameObject) and item in PDF_FORBIDDEN:
            refuse(f"{item}")  # e.g. /S /JavaScript, /Type /EmbeddedFile


# --- pictures --------------------------------------------------------------------------------


def png(data, kind):
    # Chunk by chunk to IEND: nothing may follow it.
    at = 8
    while True:
        length, chunk = struct.unpack(">I4s", data[at : at + 8])
        at += 12 + length  # length, type, data, CRC
        if at > len(data):
            refuse("cut short")
        if chunk == b"IEND":
            break
    if data[at:]:
        refuse("data after IEND")
    _picture(data, "PNG")


def jpg(data, kind):
    if len(data) > _jpeg_end(data):
        refuse("data after the end-of-image marker")
    _picture(data, "JPEG")


def _jpeg_end(data):
    """Where the image ends: marker by marker, skipping each segment by its length (an EXIF
    thumbnail in APP1 has its own end marker), and through the coded data after each
    start-of-scan to the next marker."""
    at = 2  # after SOI
    while True:
        if data[at] != 0xFF:
            refuse("not a JPEG marker")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
        elif marker == 0xD9:  # end of image
            return at + 2
        elif 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers with no length
            at += 2
        else:
            (length,) = struct.unpack(">H", data[at + 2 : at + 4])
            if length < 2:
                refuse("bad segment length")
            at += 2 + length
            if marker == 0xDA:  # start of scan: coded data up to the next real marker
                while True:
                    at = data.index(b"\xff", at)  # ValueError when there is none
                    following = data[at + 1]
                    if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffing, restart
                        at += 2
                    else:
                        break
        if at >= len(data):
            refuse("no end-of-image marker")


def _picture(data, format_name):
    try:
        image = Image.open(io.BytesIO(data), formats=[format_name])
    except Image.DecompressionBombError:  # far over Pillow's own limit, let alone ours
        refuse("too many pixels", PIXELS)
    with image:
        if image.format != format_name:
            refuse(f"not a {format_name}")
        width, height = image.size
        if width * height > settings.PORTAL_UPLOAD_MAX_PIXELS:
            refuse("too many pixels", PIXELS)
        image.verify()


# --- Word 97-2003 (OLE2) ---------------------------------------------------------------------

# Storages that hold macros (VBA) or embedded objects (ObjectPool), at any depth.
OLE_FORBIDDEN = {"macros", "vba", "_vba_project_cur", "_vba_project", "objectpool"}


def doc(data, kind):
    # A file object: olefile takes bytes shorter than a compound file for a file's name.
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        if not ole.exists("WordDocument"):
            refuse("not a Word document")
        for path in ole.listdir(streams=True, storages=True):
            if any(part.lower() in OLE_FORBIDDEN for part in path):
                refuse("macros or embedded objects")


# --- docx, xlsx, odt (zips) ------------------------------------------------------------------

ZIP_MAX_ENTRIES = 1_000  # a letter has a few dozen parts; a big spreadsheet a few hundred
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "odt": "content.xml"}
# Macros (vbaProject.bin; ODF Basic/ and Scripts/), embedded objects and ActiveX controls
# (embeddings/, activeX/, oleObject; ODF "Object 1/").
ZIP_FORBIDDEN = re.compile(
    r"vbaproject|(^|/)embeddings/|(^|/)activex/|oleobject|^basic/|^scripts/|^object \d",
    re.IGNORECASE,
)


def zipped(data, kind):
    # Nothing after the zip's end record (and its comment): HTML there would be a second file.
    end = data.rfind(b"PK\x05\x06")
    if end == -1 or len(data) != end + 22 + int.from_bytes(data[end + 20 : end + 22], "little"):
        refuse("data after the end of the zip")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len(entries) > ZIP_MAX_ENTRIES:
            refuse("too many entries")
        # What the entries say they unpack to; reading stops there too (zipfile's own check).
        if sum(entry.file_size for entry in entries) > settings.PORTAL_UPLOAD_MAX_UNPACKED_BYTES:
            refuse("unpacks to too much")
        for entry in entries:
            if ZIP_FORBIDDEN.search(entry.filename):
                refuse(f"holds {entry.filename}")
        with archive.open(MAIN_PART[kind]) as part:
            xml = part.read(settings.PORTAL_UPLOAD_MAX_UNPACKED_BYTES + 1)
    if len(xml) > settings.PORTAL_UPLOAD_MAX_UNPACKED_BYTES:
        refuse("unpacks to too much")
    ElementTree.fromstring(xml)  # defusedxml: no entities, no external references


CHECKS = {
    "txt": text,
    "csv": text,
    "rtf": rtf,
    "pdf": pdf,
    "png": png,
    "jpg": jpg,
    "doc": doc,
    "docx": zipped,
    "xlsx": zipped,
    "odt": zipped,
}
