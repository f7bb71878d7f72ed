"""Tiny PDFs with a real text layer, written from scratch for fixtures.

Each distinct character gets a 2-byte glyph id under Identity-H and a ToUnicode
entry, so text extraction sees exactly the characters given (no font is embedded:
a viewer would show boxes, an extractor reads text)."""

from __future__ import annotations

import zlib


def make_pdf(lines: list[str], *, encrypt_marker: bool = False, created: str | None = None) -> bytes:
    """``created``: a PDF date string for the Info /CreationDate (e.g. "D:20261120071800+09'00'")."""
    chars = sorted({c for line in lines for c in line})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    content = []
    y = 800
    for line in lines:
        glyphs = "".join(f"{cid[c]:04X}" for c in line)
        content.append(f"BT /F1 10 Tf 40 {y} Td <{glyphs}> Tj ET")
        y -= 16
    stream = "\n".join(content).encode("ascii")
    bfchars = "\n".join(f"<{cid[c]:04X}> <{''.join(f'{u:04X}' for u in _utf16(c))}>" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{bfchars}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fixture /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fixture "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
        b"/FontDescriptor 8 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /Fixture /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    info = None
    if created:
        objects.append(b"<< /Producer (fixture) /CreationDate (%s) >>" % created.encode("ascii"))
        info = len(objects)
    return _assemble(objects, info)


def make_textless_pdf() -> bytes:
    """A page with only a drawn rectangle: what a scanned release gives an extractor."""
    stream = b"0 0 1 rg 40 40 200 200 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return _assemble(objects)


def make_operator_bomb(pages: int, operators: int) -> bytes:
    """``pages`` pages that all draw one compressed content stream of ``operators`` text operators:
    a few kilobytes that cost a text extractor seconds a page."""
    stream = zlib.compress(("BT /F1 9 Tf 40 800 Td " + "(x) Tj 1 0 Td " * operators + "ET").encode("ascii"), 9)
    first_page = 5
    kids = " ".join(f"{first_page + n} 0 R" for n in range(pages)).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
    objects += [page + b"/Contents 3 0 R >>"] * pages
    return _assemble(objects)


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _assemble(objects: list[bytes], info: int | None = None) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    info_ref = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info_ref, xref)
    return bytes(out)
