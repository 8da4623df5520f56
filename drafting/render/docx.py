"""ReportDraft → .docx in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins 20/20/30/15 mm,
Times New Roman, the borderless header table, BÁO CÁO and the subject, justified body with a first
line indent, page numbers centred in the header from page 2, Nơi nhận and the signature block side
by side, and an appendix of the figures. Rendered from the model, never by editing a template's text
(replacing across Word runs breaks formatting)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from drafting.figures.nd30 import QUOC_HIEU, TIEU_NGU
from drafting.figures.vnformat import fmt_date_long
from drafting.models import ReportDraft
from drafting.render.closing import HEADING_II, appendix_table, first_area, recipient_lines, signature_lines
from drafting.render.provenance import COMMENT_AUTHOR, Provenance

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 14
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165
LEFT_COL_MM, RIGHT_COL_MM = 62, TEXT_WIDTH_MM - 62


def _set_rfonts(rpr) -> None:
    """Times New Roman for every script slot, so Word does not fall back to another font for any character."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _set_font(run, size: float | None = None, bold: bool | None = None, italic: bool | None = None):
    run.font.name = FONT
    _set_rfonts(run._element.get_or_add_rPr())
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic


def _para(container, text: str = "", size: float = BODY_PT, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER,
          indent: bool = False, space_after: float = 0, keep_next: bool = False):
    p = container.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(space_after)
    pf.first_line_indent = Cm(1.27) if indent else Cm(0)
    pf.line_spacing = 1.0 if not indent else 1.15
    if keep_next:
        pf.keep_with_next = True
    if text:
        _set_font(p.add_run(text), size, bold, italic)
    return p


def _rule(container, width_mm: float, column_mm: float):
    """A solid line `width_mm` long, centred in its column: the bottom border of a tight empty paragraph."""
    p = container.add_paragraph()
    side = max(0.0, (column_mm - width_mm) / 2)
    pf = p.paragraph_format
    pf.left_indent, pf.right_indent = Mm(side), Mm(side)
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing = Pt(5)
    ppr = p._p.get_or_add_pPr()
    # the paragraph mark's own size sets the empty line's height; keep it tiny so the rule hugs the text
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "4")
    mark.append(sz)
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)
    ppr.append(mark)
    return p


def _no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)


def _widths(table, widths_mm):
    table.autofit = False
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


def _clear(cell):
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)


def _page_number_header(section):
    section.different_first_page_header_footer = True  # no number on page 1
    header = section.header
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)
        elif text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = "2"
            run._r.append(t)


def _header_block(doc, draft: ReportDraft):
    m = draft.meta
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, (LEFT_COL_MM, RIGHT_COL_MM))
    left, right = table.cell(0, 0), table.cell(0, 1)
    for c in (left, right, table.cell(1, 0), table.cell(1, 1)):
        _clear(c)
    parent, issuer = m.header_lines
    if parent:
        _para(left, parent.upper(), 13)
    issuer = issuer.upper()
    for head in ("ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN "):
        if issuer.startswith(head) and len(issuer) > 24:
            issuer = head.strip() + "\n" + issuer[len(head):]  # the customary break: body / locality
    for line in issuer.split("\n"):
        _para(left, line, 13, bold=True)
    _rule(left, LEFT_COL_MM * 0.4, LEFT_COL_MM)
    _para(right, QUOC_HIEU, 12, bold=True)
    _para(right, TIEU_NGU, 13, bold=True)
    _rule(right, 57, RIGHT_COL_MM)  # as long as the Tiêu ngữ line at 13 pt
    _para(table.cell(1, 0), m.number_line, 13)
    _para(table.cell(1, 1), f"{m.place}, {fmt_date_long(m.date)}", 14, italic=True)
    for c in (table.cell(1, 0), table.cell(1, 1)):
        c.paragraphs[0].paragraph_format.space_before = Pt(6)


def _closing_block(doc, draft: ReportDraft):
    m = draft.meta
    _para(doc, "", space_after=6, keep_next=True)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    # the signer's name never alone on a page of its own: the row of Nơi nhận and the signature does not split
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _widths(table, (80, TEXT_WIDTH_MM - 80))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _clear(left)
    _clear(right)
    _para(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in recipient_lines(m):
        _para(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    *titles, signer = signature_lines(m)
    for line in titles:
        _para(right, line, 14, bold=True)
    for _ in range(4):
        _para(right, "", 14)
    _para(right, signer, 14, bold=True)


def _appendix(doc, draft: ReportDraft):
    m = draft.meta
    # the appendix starts a page of its own without an empty paragraph that could spill onto a blank page
    _para(doc, "PHỤ LỤC", 14, bold=True, keep_next=True).paragraph_format.page_break_before = True
    _para(doc, f"BIỂU SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {m.period_text.upper()}", 14, bold=True)
    num = m.number_line.removeprefix("Số: ").strip()
    _para(doc, f"(Kèm theo Báo cáo số {num} {fmt_date_long(m.date)} của {m.issuer})", 14, italic=True, space_after=6)
    tab = appendix_table(draft)
    extra = len(tab.headers) - 4
    col = 22 if extra < 3 else 20  # three comparison columns leave the label room to wrap in few lines
    widths = [12, TEXT_WIDTH_MM - 12 - 22 - 24 - col * extra, 22, 24] + [col] * extra
    table = doc.add_table(rows=1, cols=len(tab.headers))
    table.style = "Table Grid"
    for cell, h in zip(table.rows[0].cells, tab.headers):
        _clear(cell)
        _para(cell, h, 12, bold=True)
    for kind, vals in tab.rows:
        if kind == "area":
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            _clear(merged)
            _para(merged, vals[0], 12, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
            continue
        for j, (cell, v) in enumerate(zip(table.add_row().cells, vals)):
            _clear(cell)
            _para(cell, v, 12, align=WD_ALIGN_PARAGRAPH.LEFT if j == 1 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, widths)
    # formulas once, below the table, not in a cell of every row (drafting-practice §5)
    if tab.derived:
        _para(doc, "Ghi chú: (*) chỉ tiêu tính từ số liệu đã nhập:", 12, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for note in tab.derived:
            _para(doc, f"- {note}", 12, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    if tab.target_sources:
        _para(doc, "Chỉ tiêu giao theo: " + "; ".join(tab.target_sources) + ".", 12, italic=True,
              align=WD_ALIGN_PARAGRAPH.LEFT)


def _runs(para, text: str, notes: list[tuple[str, str]]):
    """Split `text` into runs so that each noted piece (a figure, a document number, the whole paragraph when the
    piece is "") carries its own comment; yields (run, comment or "")."""
    spans: list[tuple[int, int, str]] = []
    whole = [n for piece, n in notes if not piece]
    for piece, note in notes:
        if not piece:
            continue
        for m in re.finditer(rf"(?<![\d.,/]){re.escape(piece)}(?![\d,/])", text):
            if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), note))
                break
    pos = 0
    pieces: list[tuple[str, str]] = []
    for a, b, note in sorted(spans):
        pieces += [(text[pos:a], ""), (text[a:b], note)]
        pos = b
    pieces.append((text[pos:], ""))
    pieces = [(t, n) for t, n in pieces if t]
    if whole and pieces:  # a comment on the paragraph as a whole sits on its first run
        first_text, first_note = pieces[0]
        pieces[0] = (first_text, "\n".join([*whole, first_note]).strip())
    for piece_text, note in pieces:
        run = para.add_run(piece_text)
        _set_font(run, BODY_PT)
        yield run, note


def render_docx(draft: ReportDraft, path: Path | None = None, appendix: bool = True, clean: bool = False) -> bytes:
    """The draft in the Nghị định 30/2020 layout. Unless `clean`: proposals highlighted, and a Word comment on every
    figure, fact, citation and proposal naming its source (drafting/render/provenance.py)."""
    provenance = Provenance(draft)
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    sec.left_margin, sec.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    sec.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_rfonts(normal.element.get_or_add_rPr())
    doc.core_properties.title = f"Báo cáo {draft.meta.subject}"[:250]
    doc.core_properties.author = draft.meta.issuer
    _page_number_header(sec)
    _header_block(doc, draft)
    _para(doc, "", space_after=0)
    _para(doc, "BÁO CÁO", 14, bold=True, keep_next=True)
    _para(doc, draft.meta.subject, 14, bold=True, keep_next=True)
    _rule(doc, TEXT_WIDTH_MM / 3, TEXT_WIDTH_MM)
    _para(doc, "", space_after=6)
    for p in draft.opening:
        _para(doc, p.text, BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, space_after=6)
    under_ii = first_area(draft)
    for s in draft.sections:
        if s.key == under_ii:
            _para(doc, HEADING_II, BODY_PT, bold=True,
                  align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, space_after=6, keep_next=True)
        _para(doc, s.heading, BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, space_after=6,
              keep_next=True)
        for p in s.paragraphs:
            if p.style == "subheading":
                _para(doc, p.text, BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, space_after=6,
                      keep_next=True)
            else:
                para = _para(doc, "", BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, space_after=6)
                notes = [] if clean else provenance.notes(s, p)
                for run, note in _runs(para, p.text, notes):
                    if p.proposed and not clean:  # a sentence the official must confirm: yellow, as reviewers mark
                        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                    if note:
                        doc.add_comment(run, text=note, author=COMMENT_AUTHOR, initials="TL")
    closing = f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {draft.meta.period_text} của {draft.meta.issuer}./."
    if len(draft.sections) > 1:  # kept on the page of the signature block (which never splits)
        _para(doc, closing, BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, space_after=6, keep_next=True)
    _closing_block(doc, draft)
    if appendix and draft.figures:
        _appendix(doc, draft)
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    if path is not None:
        tmp = Path(path).with_suffix(".docx.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return data
