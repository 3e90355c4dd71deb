"""The kinds of file the council accepts, and what a file's first bytes claim it is. The claim
is only where checking starts: checks.py then reads the whole file as that kind."""

import zipfile

from django.utils.translation import gettext as _

ALLOWED = ("pdf", "jpg", "png", "doc", "docx", "odt", "rtf", "txt", "csv", "xlsx")
LABELS = {
    "pdf": "PDF", "jpg": "JPG", "png": "PNG", "doc": "DOC", "docx": "DOCX", "odt": "ODT",
    "rtf": "RTF", "txt": "TXT", "csv": "CSV", "xlsx": "XLSX",
}  # fmt: skip
ZIPPED = ("docx", "xlsx", "odt")  # zip files of XML parts
MIMETYPE_BYTES = 100  # an ODT's mimetype entry is 39 bytes


def described(kinds):
    """ "PDF, JPG or PNG": the kinds a question allows, as its error message names them."""
    labels = [LABELS[kind] for kind in kinds]
    if len(labels) == 1:
        return labels[0]
    return _("%(first)s or %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


def _zip_kind(upload):
    """docx, xlsx and odt are zip files; tell them apart by what is inside."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                # Only its first bytes: a "mimetype" that unpacks to gigabytes is a zip bomb.
                with archive.open("mimetype") as member:
                    mimetype = member.read(MIMETYPE_BYTES).decode("ascii", "replace").strip()
                if mimetype == "application/vnd.oasis.opendocument.text":
                    return "odt"
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return "docx"
                if any(name.startswith("xl/") for name in names):
                    return "xlsx"
    except Exception:
        # A zip that cannot be read, whatever the reason (corrupt, encrypted, a compression
        # method zipfile lacks: BadZipFile, RuntimeError, NotImplementedError, zlib.error,
        # EOFError...), is not a document we accept.
        return None
    finally:
        upload.seek(0)
    return None


def _text_kind(head, name):
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the sample's end is still text.
        if error.start < len(head) - 3:
            return None
    return "csv" if name.lower().endswith(".csv") else "txt"


def sniff(upload):
    """The kind a file claims to be by its first bytes (one of ALLOWED), or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    if not head:
        return None
    return _text_kind(head, getattr(upload, "name", ""))
