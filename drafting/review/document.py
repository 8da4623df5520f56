"""A draft as the reviewer reads it: its paragraphs in order (a .docx's table cells included, each with its runs
for the layout checks), each placed in its part of the outline, and the importer's text of the whole file."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from corpus.chunking import outline_key_of, report_heading_level
from corpus.errors import InputError
from corpus.loaders import load_bytes
from corpus.text import fold_lower
from drafting.inputs.report_text import closing_or_appendix

AREAS = ["II.1", "II.2", "II.3", "II.4", "II.5", "II.6"]


@dataclass
class Para:
    text: str
    index: int  # 1-based
    section: str = ""
    heading_level: int | None = None
    runs: list = field(default_factory=list)  # python-docx runs (layout checks)
    docx_para: object = None


@dataclass
class ReviewDocument:
    name: str
    paragraphs: list[Para]
    docx: object = None  # python-docx Document when the input was a .docx
    # the importer's text, as the library and `read-figures` read the file: a table row on one line ("3 | Hồ sơ
    # đã giải quyết | hồ sơ | 3.012"), where the paragraphs above hold one cell each and the row number reads as a count
    plain: str = ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def _assign_sections(paras: list[Para]) -> None:
    current = "mo_dau"
    for p in paras:
        level = report_heading_level(p.text)
        p.heading_level = level
        if ending := closing_or_appendix(current, fold_lower(p.text.strip())):
            current = ending  # the closing, the signature block and the statistics appendix after the body
        elif level in (1, 2) and len(p.text) < 160 and current not in ("ket_thuc", "phu_luc"):
            key = outline_key_of(p.text)
            if level == 1 and re.match(r"^\W*(I|II|III|IV|V)\s*[.\-:]", p.text):
                roman = re.match(r"^\W*(I|II|III|IV|V)\b", p.text).group(1)
                key = roman if roman in ("I", "II") and key not in ("III", "IV", "V") else (key or roman)
                if key in AREAS:
                    key = roman
            if level == 2 and current.startswith("II") and key in AREAS:
                current = key
            elif level == 1 and key:
                current = key
        p.section = current


def load_review_document(data: bytes, name: str) -> ReviewDocument:
    if name.lower().endswith(".docx") or data[:2] == b"PK":
        import docx

        loaded = load_bytes(data, name)  # the importer's checks: zip bomb, broken file, not a Word file
        try:
            d = docx.Document(io.BytesIO(data))
            paras = _docx_paragraphs(d)
        except Exception as exc:  # a package the importer could read but python-docx's object model cannot
            raise InputError(f"{name}: tệp .docx bị hỏng, không rà soát được.", detail=repr(exc)) from exc
        doc = ReviewDocument(name=name, paragraphs=[p for p in paras if p.text], docx=d, plain=loaded.text)
    else:
        from drafting.review.plain_text import text_paragraphs

        loaded = load_bytes(data, name)
        blocks = text_paragraphs(loaded.text)
        doc = ReviewDocument(name=name, paragraphs=[Para(text=t, index=i) for i, t in enumerate(blocks, 1) if t],
                             plain=loaded.text)
    _assign_sections(doc.paragraphs)
    return doc


def _docx_paragraphs(d) -> list[Para]:
    paras: list[Para] = []
    seen = set()  # a merged cell yields the same paragraph once per spanned column
    idx = 0
    for p in _document_order(d):
        if id(p._p) in seen:
            continue
        seen.add(id(p._p))
        idx += 1
        paras.append(Para(text=p.text.strip(), index=idx, runs=list(p.runs), docx_para=p))
    return paras


def _document_order(d):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, d)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                for cell in row.cells:
                    yield from cell.paragraphs
