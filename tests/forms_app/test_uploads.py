import io
import tracemalloc
import zipfile

import pytest

from forms_app.uploads import sniff


class Upload(io.BytesIO):
    def __init__(self, data, name="file"):
        super().__init__(data)
        self.name = name


def zipped(*members, mimetype=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype)
        for member in members:
            archive.writestr(member, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, name, kind",
    [
        (b"%PDF-1.7\n...", "letter.pdf", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "photo.png", "png"),
        (b"\xff\xd8\xff\xe0....", "photo.jpg", "jpg"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "old.doc", "doc"),
        (b"{\\rtf1\\ansi hello}", "note.rtf", "rtf"),
        ("Register printout – Zoë\n".encode(), "notes.txt", "txt"),
        (b"upn,name\nA123,Sam\n", "pupils.csv", "csv"),
        (zipped("[Content_Types].xml", "word/document.xml"), "letter.docx", "docx"),
        (zipped("[Content_Types].xml", "xl/workbook.xml"), "sheet.xlsx", "xlsx"),
        (zipped("content.xml", mimetype="application/vnd.oasis.opendocument.text"), "a.odt", "odt"),
    ],
)
def test_accepted_kinds_are_recognised_by_content(data, name, kind):
    assert sniff(Upload(data, name)) == kind


@pytest.mark.parametrize(
    "data, name",
    [
        (b"MZ\x90\x00\x03\x00\x00\x00", "invoice.pdf"),  # a Windows program named .pdf
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "picture.png"),
        (zipped("evil.exe"), "letter.docx"),
        (b"PK\x03\x04 not really a zip", "letter.docx"),
        (b"", "empty.txt"),
        (b"\x00\x01\x02binary", "data.txt"),
        (b"\xff\xfe\xfa\xfb latin-1 garbage \xe9\xe9", "notes.txt"),
    ],
)
def test_everything_else_is_refused_whatever_its_name(data, name):
    assert sniff(Upload(data, name)) is None


def odt(compression=zipfile.ZIP_DEFLATED, mimetype="application/vnd.oasis.opendocument.text"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<xml/>")
    return bytearray(buffer.getvalue())


def flag_entries(data, local_offset, central_offset, change):
    """Change a field of every entry's local header and central directory record."""
    for signature, offset in ((b"PK\x03\x04", local_offset), (b"PK\x01\x02", central_offset)):
        start = data.find(signature)
        while start != -1:
            change(data, start + offset)
            start = data.find(signature, start + 4)
    return bytes(data)


def encrypted():
    return flag_entries(odt(), 6, 8, lambda data, at: data.__setitem__(at, data[at] | 1))


def unknown_method():
    return flag_entries(odt(zipfile.ZIP_STORED), 8, 10, lambda data, at: data.__setitem__(at, 99))


def corrupt():
    data = odt(mimetype="application/vnd.oasis.opendocument.text" * 40)
    data[40:60] = b"\xff" * 20
    return bytes(data)


@pytest.mark.parametrize("data", [encrypted(), unknown_method(), corrupt()])
def test_a_zip_that_cannot_be_read_is_refused_not_a_server_error(data):
    # Found by the fuzz: RuntimeError, NotImplementedError and zlib.error were not caught.
    assert sniff(Upload(data, "letter.odt")) is None


def test_a_zip_bomb_mimetype_is_not_unpacked():
    # Found by the fuzz: the whole "mimetype" entry was read; 50MB of it is 50KB zipped.
    bomb = bytes(odt(mimetype="application/vnd.oasis.opendocument.text" + " " * 50_000_000))
    assert len(bomb) < 100_000
    tracemalloc.start()
    try:
        sniff(Upload(bomb, "letter.odt"))
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
