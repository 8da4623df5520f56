"""Structure-aware chunking.

Legal texts are cut along Phần / Chương / Mục / Điều / Khoản / Điểm, keeping the heading path and
the article id on every chunk. Reports are cut along their outline (I–V, the reform areas 1–6 or
1–7, a) b) items), keeping the section path and the standard-outline key of the section. OCR lines
that were hard-wrapped are joined back into paragraphs, so a chunk reads as whole sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.models import Chunk, SourceDocument
from corpus.text import fold

MAX_CHARS = 1100
MIN_CHARS = 250

_MD = re.compile(r"^\s*(#{1,6})\s*")
_EMPH = re.compile(r"\*\*|__|^\*\s+(?=\S)")
_TAG = re.compile(r"\[(V|S|K|Seed)\b[^\]]*\]")
_BULLET = re.compile(r"^\s*([-+*•–]|\(\d+\)|\d+(\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)\s*")


def _strip_md(line: str) -> tuple[str, int]:
    m = _MD.match(line)
    level = len(m.group(1)) if m else 0
    text = line[m.end():] if m else line
    return _EMPH.sub("", text).strip(), level


_ARTICLE_LINE = re.compile(r"^(dieu\s+\d+[a-z]?\.?\s.{0,110}|chuong\s+[ivxl\d]+\.?.{0,110})$", re.I)


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, with hard-wrapped lines joined; a line that starts with a
    list or heading marker starts a new paragraph."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for raw in block.split("\n"):
            line = raw.strip()
            if not line:
                continue
            starts_new = (bool(_BULLET.match(line)) or line.startswith("#") or not current
                          or current.startswith("#") or bool(_ARTICLE_LINE.match(fold(current))))
            if starts_new:
                if current:
                    out.append(current)
                current = line
            else:
                current = f"{current} {line}"
        if current:
            out.append(current)
    return out


# ---------------------------------------------------------------- legal texts
_PART = re.compile(r"^phan\s+(thu\s+\w+|[ivx]+|\d+)\b", re.I)
_CHAPTER = re.compile(r"^chuong\s+([ivxl]+|\d+)\b", re.I)
_SECTION = re.compile(r"^muc\s+([ivx]+|\d+)\b", re.I)
_ARTICLE = re.compile(r"^dieu\s+(\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?)\s*[.:]?", re.I)
_APPENDIX = re.compile(r"^phu\s+luc\b", re.I)
_CLAUSE = re.compile(r"^(\d{1,2})\.\s+\S")


@dataclass
class _Section:
    path: list[str]
    article: str = ""
    confidence: str = ""
    paras: list[str] = field(default_factory=list)
    outline_key: str = ""


def _tag_of(heading: str, inherited: str) -> str:
    m = _TAG.search(heading)
    return m.group(1) if m else inherited


def _legal_sections(text: str, default_conf: str) -> list[_Section]:
    sections: list[_Section] = []
    # path slots: 0 part, 1 chapter, 2 section, 3 article; markdown-only headings use their level
    path: dict[int, str] = {}
    conf: dict[int, str] = {}
    md_slot: dict[int, int] = {}  # markdown level -> slot of the last keyword heading at it
    slot_md: dict[int, int] = {}  # path slot -> markdown level of its heading
    current = _Section([], confidence=default_conf)
    sections.append(current)
    for para in paragraphs(text):
        line, md = _strip_md(para)
        if not line:
            continue
        f = fold(line)
        slot = None
        if md == 1:
            continue  # the document title
        if _PART.match(f):
            slot = 0
        elif _CHAPTER.match(f) or _APPENDIX.match(f):
            slot = 1
        elif _SECTION.match(f) and len(line) < 160:
            slot = 2
        elif _ARTICLE.match(f) and (md or len(line) < 200 or "." in line[:12]):
            slot = 3
        elif md:
            parents = [md_slot[k] for k in md_slot if k < md]
            slot = max(parents) + 1 if parents else min(md, 3)
        if slot is None:
            current.paras.append(para if not md else line)
            continue
        for k in [k for k in path if k >= slot or (md and slot_md.get(k, 0) >= md)]:
            path.pop(k)
            conf.pop(k, None)
            slot_md.pop(k, None)
        if md:
            slot_md[slot] = md
        parent_conf = next((conf[k] for k in sorted(conf, reverse=True)), default_conf)
        if md:
            md_slot = {k: v for k, v in md_slot.items() if k < md}
            if not (slot > 3 and not _ARTICLE.match(f)):
                md_slot[md] = slot
        parent_article = current.article if slot > 3 else ""
        path[slot] = line
        conf[slot] = _tag_of(line, parent_conf)
        m = _ARTICLE.match(f)
        article = "Điều " + re.sub(r"\s*[-–]\s*", "–", m.group(1)) if m else parent_article
        current = _Section([path[k] for k in sorted(path)], article=article, confidence=conf[slot])
        sections.append(current)
    return [s for s in sections if s.paras or s.path]


def _split(paras: list[str], max_chars: int) -> list[list[str]]:
    """Group paragraphs into pieces under max_chars; a single long paragraph is cut at sentence
    ends so no chunk exceeds about twice the target."""
    pieces: list[list[str]] = []
    cur: list[str] = []
    size = 0
    for p in paras:
        if len(p) > max_chars * 1.5:
            sentences = re.split(r"(?<=[.;:])\s+", p)
            parts, buf = [], ""
            for s in sentences:
                if buf and len(buf) + len(s) > max_chars:
                    parts.append(buf)
                    buf = s
                else:
                    buf = f"{buf} {s}".strip()
            if buf:
                parts.append(buf)
        else:
            parts = [p]
        for part in parts:
            if cur and size + len(part) > max_chars:
                pieces.append(cur)
                cur, size = [], 0
            cur.append(part)
            size += len(part) + 1
    if cur:
        pieces.append(cur)
    # fold a too-small tail into the previous piece
    if len(pieces) > 1 and sum(len(p) for p in pieces[-1]) < min(MIN_CHARS, max_chars // 4):
        pieces[-2].extend(pieces.pop())
    return pieces


def chunk_legal(doc: SourceDocument, max_chars: int = MAX_CHARS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for sec in _legal_sections(doc.text, doc.confidence):
        if not sec.paras:
            continue  # a bare heading: its children carry it in their section path
        for piece in _split(sec.paras, max_chars):
            clause = ""
            m = _CLAUSE.match(fold(piece[0]))
            if sec.article and m:
                clause = f"khoản {m.group(1)}"
            chunks.append(Chunk(
                chunk_id=f"{doc.doc_id}:{len(chunks)}", doc_id=doc.doc_id, index=len(chunks),
                text="\n".join(piece), section_path=sec.path, article=sec.article, clause=clause,
                confidence=sec.confidence,
            ))
    return chunks


# ---------------------------------------------------------------- reports
_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII)\s*[.\-:]\s*\S")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.)]\s*[A-Za-zĐđ]")
_SUB = re.compile(r"^(\d{1,2}\.\d{1,2}(\.\d{1,2})?)\.?,?\s+\S")
_LETTER = re.compile(r"^([a-zđ])\)\s+\S")

# Standard outline keys and the folded words that name them, most specific first.
_OUTLINE_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("IV", ("phuong huong", "nhiem vu trong tam", "ke hoach thuc hien cong tac", "nhiem vu cai cach hanh chinh quy",
            "nhiem vu cai cach hanh chinh 6 thang cuoi", "nhiem vu trong thoi gian toi")),
    ("V", ("kien nghi", "de xuat")),
    ("III", ("danh gia chung", "mat tich cuc", "uu diem", "ton tai", "han che", "nguyen nhan")),
    ("I", ("chi dao", "dieu hanh")),
    ("II.1", ("the che",)),
    ("II.3", ("bo may", "b may", "bd may", "bd m4y", "cai cach to chuc", "cai cich to")),  # OCR: "to chirc b may"
    ("II.4", ("che do cong vu", "che d", "cong vu")),
    ("II.5", ("tai chinh cong",)),
    ("II.6", ("chinh quyen dien", "chinh quyen so", "chinh phu dien", "chinh phu so", "chuyen doi so")),
    ("II.2", ("thu tuc hanh chinh", "tthc", "thu tuc", "tuc hanh chinh")),  # OCR: "thii tuc", "thua tuc"
    ("II", ("ket qua",)),
]
TOP_LEVEL_KEYS = {"III", "IV", "V"}


def outline_key_of(heading: str) -> str:
    f = " ".join(fold(heading).lower().split())
    for key, words in _OUTLINE_RULES:
        if any(w in f for w in words):
            return key
    return ""


def _report_heading_level(line: str) -> int | None:
    f = fold(line)
    short = len(line) < 140 and not line.rstrip().endswith((";", ","))
    if _ROMAN.match(f) and short:
        return 1
    if _SUB.match(f) and short:
        return 3
    if _ARABIC.match(f) and short and len(line) < 110:
        return 2
    if _LETTER.match(f) and len(line) < 90 and not line.rstrip().endswith((";", ",", ".")):
        return 4
    return None


def chunk_report(doc: SourceDocument, max_chars: int = MAX_CHARS) -> list[Chunk]:
    sections: list[_Section] = [_Section(["Phần mở đầu"], outline_key="mo_dau")]
    path: dict[int, str] = {}
    keys: dict[int, str] = {}
    for para in paragraphs(doc.text):
        line, md = _strip_md(para)
        if not line:
            continue
        level = _report_heading_level(line)
        if level is None:
            sections[-1].paras.append(line)
            continue
        for k in [k for k in path if k >= level]:
            path.pop(k)
            keys.pop(k, None)
        path[level] = line[:120]
        keys[level] = outline_key_of(line)
        top = next((keys[k] for k in sorted(keys) if keys[k] in TOP_LEVEL_KEYS), "")
        specific = next((keys[k] for k in sorted(keys, reverse=True) if keys[k] and keys[k] != "II"), "")
        key = top or specific or next((keys[k] for k in sorted(keys) if keys[k]), "")
        sections.append(_Section([path[k] for k in sorted(path)], outline_key=key, paras=[]))
    chunks: list[Chunk] = []
    pending: _Section | None = None
    for sec in sections:
        if not sec.paras:
            continue
        # a very short section (one line under a heading) joins the next one of the same key
        if pending is not None:
            if pending.outline_key == sec.outline_key and sum(map(len, pending.paras)) < MIN_CHARS:
                sec.paras = [f"{pending.path[-1]}: " + " ".join(pending.paras)] + sec.paras
            else:
                chunks.extend(_report_chunks(doc, pending, len(chunks), max_chars))
        pending = sec
    if pending is not None:
        chunks.extend(_report_chunks(doc, pending, len(chunks), max_chars))
    return chunks


def _report_chunks(doc: SourceDocument, sec: _Section, start: int, max_chars: int) -> list[Chunk]:
    out = []
    for piece in _split(sec.paras, max_chars):
        i = start + len(out)
        out.append(Chunk(chunk_id=f"{doc.doc_id}:{i}", doc_id=doc.doc_id, index=i,
                         text="\n".join(piece), section_path=sec.path, outline_key=sec.outline_key))
    return out


def chunk_document(doc: SourceDocument, max_chars: int = MAX_CHARS) -> list[Chunk]:
    return chunk_legal(doc, max_chars) if doc.kind == "regulation" else chunk_report(doc, max_chars)


def report_heading_level(line: str) -> int | None:
    """1 for "I. …", 2 for "1. …", 3 for "1.1 …", 4 for "a) …"; None for body text. Markdown marks are ignored."""
    text, _ = _strip_md(line)
    return _report_heading_level(text) if text else None
