"""Vietnamese references to documents in free text, and their check against the registry.

"Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ", "NĐ 107/2021", "khoản 2 Điều 8 Nghị định
61/2018", "Điều 21a Nghị định số 107/2021/NĐ-CP", "Nghi dinh so 61/2018/ND-CP", "Ké hoach s6 116/KH-UBND":
document numbers come from corpus.docnumbers (which already reads OCR spellings); this module adds the
article and clause, the date and the issuer around each number, and checks them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel

from corpus.docnumbers import TYPE_LABELS, TYPE_NAMES, find_refs
from corpus.registry import CONFIDENCE_LABELS, Registry, fmt_date
from corpus.text import fold, fold_lower

# symbols of central bodies: a number with one of these that the registry lacks is worth a look
CENTRAL = ("CP", "TTG", "QH", "BNV", "VPCP", "BTC", "BTP", "BTTTT", "BCA", "UBTVQH")
_ARTICLE = re.compile(r"(?:(?:diem\s+(?P<point>[a-zđ])\)?\s*,?\s*)?khoan\s+(?P<clause>\d+)\s*,?\s*)?dieu\s+(?P<article>\d+[a-z]?)\b",
                      re.IGNORECASE)
_DATE = re.compile(r"^\s*,?\s*ngay\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
                   r"|(?P<d2>\d{1,2})\s+thang\s+(?P<m2>\d{1,2})\s+nam\s+(?P<y2>\d{4}))", re.IGNORECASE)
# the issuer ends where a second citation starts: "… của Chính phủ và Nghị định số 107/2021/NĐ-CP"
_ISSUER = re.compile(r"^\s*,?\s*(?:cua|do)\s+(?P<issuer>[^,.;:()\n]{3,80}?)(?=\s+(?:ve|quy dinh|ban hanh|huong dan|sua doi|phe duyet)\b"
                     r"|\s+va\s+(?:nghi dinh|nghi quyet|quyet dinh|thong tu|chi thi|ke hoach|cong van|luat|van ban)\b|[,.;:()\n]|$)",
                     re.IGNORECASE)
# a ministry's symbol names its body: "…/TT-VPCP" is the Văn phòng Chính phủ's, not the Bộ Nội vụ's nor the Government's
_MINISTRY = {"VPCP": "Văn phòng Chính phủ", "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính", "BTP": "Bộ Tư pháp",
             "BTTTT": "Bộ Thông tin và Truyền thông", "BCA": "Bộ Công an", "BKHCN": "Bộ Khoa học và Công nghệ",
             "BXD": "Bộ Xây dựng", "BYT": "Bộ Y tế", "BGDDT": "Bộ Giáo dục và Đào tạo"}
# "của Bộ trưởng, Chủ nhiệm …": the issuer read stops at the comma, and a minister is no other body
_CENTRAL_BODY = re.compile(r"\b(?:bo (?!truong\b)[a-z]|chinh phu|thu tuong)")
_LOCAL_ISSUER = re.compile(r"\b(?:hdnd|hoi dong nhan dan|ubnd|uy ban nhan dan|so (?!\d)|phong )", re.IGNORECASE)


class CitationRef(BaseModel):
    """One reference found in text, with its character span."""

    text: str
    start: int
    end: int
    doc_type: str = ""  # 'ND', 'NQ', 'QD' …
    number: str
    year: int | None = None
    symbol: str = ""
    key: str
    issuer: str = ""
    date: dt.date | None = None
    date_text: str = ""
    article: str = ""  # "Điều 21a"
    clause: str = ""  # "khoản 2"
    point: str = ""


class CitationProblem(BaseModel):
    kind: Literal["unknown", "unverified", "date", "date_year", "issuer_symbol", "type_symbol", "amending_article",
                  "not_in_force", "missing_year"]
    severity: Literal["error", "warning", "info"]
    ref: CitationRef
    message: str
    suggestion: str = ""


def parse_citations(text: str) -> list[CitationRef]:
    folded = fold(text)
    out = []
    for r in find_refs(text):
        start, end = r.start, r.end
        article = clause = point = ""
        before = fold_lower(folded[max(0, start - 40):start])
        m = None
        for m in _ARTICLE.finditer(before):  # noqa: B007 — the last match, nearest the reference
            pass
        if m is not None and before[m.end():].strip(" ,") in ("", "cua", "tai"):
            article, clause, point = m["article"], m["clause"] or "", m["point"] or ""
            start = start - len(before) + m.start()
        after = folded[end:end + 120]
        date = None
        date_text = ""
        dm = _DATE.match(after)
        if dm:
            d, mo, y = (dm["d"] or dm["d2"]), (dm["m"] or dm["m2"]), (dm["y"] or dm["y2"])
            date_text = text[end + dm.start():end + dm.end()].strip(" ,")
            try:
                date = dt.date(int(y), int(mo), int(d))
            except ValueError:
                date = None
            end += dm.end()
            after = folded[end:end + 120]
        issuer = ""
        im = _ISSUER.match(after)
        if im:
            issuer = text[end + im.start("issuer"):end + im.end("issuer")].strip()
            end += im.end()
        if not article:
            am = re.match(r"^\s*,?\s*(?:tai\s+)?(?:(?:khoan\s+(?P<clause>\d+)\s+)?dieu\s+(?P<article>\d+[a-z]?))\b",
                          fold_lower(folded[end:end + 30]))
            if am:
                article, clause = am["article"], am["clause"] or ""
        out.append(CitationRef(text=text[start:end], start=start, end=end, doc_type=r.doc_type, number=r.number,
                               year=r.year, symbol=r.symbol, key=r.key, issuer=issuer, date=date,
                               date_text=date_text, article=f"Điều {article}" if article else "",
                               clause=f"khoản {clause}" if clause else "", point=point))
    return out


def is_central(symbol: str) -> bool:
    tail = symbol.split("-")[-1] if "-" in symbol else symbol
    return tail.upper() in CENTRAL or symbol.startswith("QH")


def _claims_in_force(text: str, ref: CitationRef) -> bool:
    """Is the document used as a current basis ('căn cứ', 'theo quy định tại', 'thực hiện')?"""
    before = fold_lower(text[max(0, ref.start - 60):ref.start])
    return bool(re.search(r"(can cu|theo quy dinh|theo|thuc hien|trien khai|ap dung|quy dinh tai)\s*(?:\w+\s*){0,4}$", before))


def _show(symbol: str) -> str:
    # as written in a document's number: "NĐ-CP", "QĐ-TTg", "HĐND"
    return re.sub(r"\bTTG\b", "TTg", re.sub(r"\bHDND\b", "HĐND", re.sub(r"\bND\b", "NĐ", re.sub(r"\bQD\b", "QĐ", symbol))))


def lookup_document(ref: CitationRef, registry: Registry):
    """The registry document named; a number without its year is settled by the date when it is given."""
    refs = find_refs(ref.key)
    doc = registry.resolve(refs[0]) if refs else None
    if doc is None and ref.symbol and ref.year is None and ref.date:
        hits = [d for d in registry if d.ref.number == ref.number and d.ref.symbol == ref.symbol
                and d.signed and d.signed.year == ref.date.year]
        doc = hits[0] if len(hits) == 1 else None
    return doc


# symbols whose first part names the kind of document (a công văn's "UBND-NC" names its office, not its kind)
_KIND_SYMBOLS = ("ND", "NQ", "QD", "TT", "CT", "TTLT")
_WRITTEN_TYPE = re.compile(r"^(" + "|".join(sorted(TYPE_NAMES, key=len, reverse=True)) + r")\b")


def check_citation(ref: CitationRef, registry: Registry, as_of: dt.date | None, context: str = "") -> list[CitationProblem]:
    problems: list[CitationProblem] = []

    def add(kind, severity, message, suggestion=""):
        problems.append(CitationProblem(kind=kind, severity=severity, ref=ref, message=message, suggestion=suggestion))

    sym = ref.symbol
    doc = lookup_document(ref, registry)
    # a decree, circular or law number must carry its year ("107/NĐ-CP" is incomplete)
    if sym and ref.year is None and (sym in ("ND-CP",) or sym.startswith(("TT-", "TTLT-")) or sym.startswith("QH")):
        add("missing_year", "error", f"“{ref.text}” thiếu năm ban hành trong số hiệu.",
            doc.number if doc else f"{ref.number}/<năm>/{_show(sym)}")
    if ref.date and ref.year and ref.date.year < ref.year:
        add("date_year", "error", f"“{ref.text}”: ngày {fmt_date(ref.date)} sớm hơn năm {ref.year} ghi trong số hiệu.")
    # the kind written against the kind the symbol carries: "Nghị định số 01/2023/TT-VPCP" is a circular
    written = TYPE_NAMES.get(" ".join(m.group(1).split())) if (m := _WRITTEN_TYPE.match(fold_lower(ref.text))) else None
    said = sym.split("-")[0] if sym else ""
    if written and said in _KIND_SYMBOLS and written != said:
        add("type_symbol", "error", f"“{ref.text}”: ghi là {TYPE_LABELS[written].lower()} nhưng ký hiệu {_show(sym)} là "
                                    f"của {TYPE_LABELS[said].lower()}.", TYPE_LABELS[said])
    # issuer against symbol: a council's resolution is …/NQ-HĐND, the Government's …/NQ-CP
    if ref.issuer and sym:
        fi = fold_lower(ref.issuer)
        local = bool(_LOCAL_ISSUER.search(fi + " "))
        if sym.endswith("-CP") and local:
            fix = "NQ-HĐND" if ("hdnd" in fi or "hoi dong" in fi) else f"{sym.split('-')[0]}-UBND"
            add("issuer_symbol", "error",
                f"“{ref.text}”: ký hiệu {_show(sym)} là của Chính phủ nhưng cơ quan ban hành ghi là "
                f"“{ref.issuer}”.", f"…/{ref.year or '<năm>'}/{fix}" if sym.startswith("NQ") else fix)
        elif sym.endswith(("-UBND", "-HDND")) and ("chinh phu" in fi or "thu tuong" in fi):
            add("issuer_symbol", "error", f"“{ref.text}”: ký hiệu địa phương nhưng cơ quan ban hành là “{ref.issuer}”.")
        # the Government's decrees and resolutions (…/NĐ-CP, …/NQ-CP) are not the Prime Minister's (…/QĐ-TTg)
        elif sym.endswith("-CP") and "thu tuong" in fi:
            add("issuer_symbol", "error", f"“{ref.text}”: ký hiệu {_show(sym)} là văn bản của Chính phủ nhưng cơ quan "
                                          f"ban hành ghi là “{ref.issuer}”.", "của Chính phủ")
        elif sym.endswith("-TTG") and "thu tuong" not in fi:  # "Chỉ thị 23/CT-TTg … của Bộ Nội vụ", "… của Chính phủ"
            add("issuer_symbol", "error", f"“{ref.text}”: ký hiệu {_show(sym)} là văn bản của Thủ tướng Chính phủ nhưng "
                                          f"cơ quan ban hành ghi là “{ref.issuer}”.", "của Thủ tướng Chính phủ")
        elif sym.endswith("-CP") and re.search(r"\bbo (?!truong\b)[a-z]", fi):
            add("issuer_symbol", "error", f"“{ref.text}”: ký hiệu {_show(sym)} là văn bản của Chính phủ nhưng cơ quan "
                                          f"ban hành ghi là “{ref.issuer}”.", "của Chính phủ")
        elif (body := _MINISTRY.get(sym.rsplit("-", 1)[-1])) and fold_lower(body) not in fi and _CENTRAL_BODY.search(fi):
            add("issuer_symbol", "error", f"“{ref.text}”: ký hiệu {_show(sym)} là văn bản của {body} nhưng cơ quan ban "
                                          f"hành ghi là “{ref.issuer}”.", f"của {body}")
    if doc is None:
        if any(p.kind in ("issuer_symbol", "missing_year") for p in problems):
            return problems
        if ref.year and sym and is_central(sym):
            add("unknown", "warning", f"“{ref.text}” không có trong sổ đăng ký văn bản; cần kiểm tra số hiệu.")
        elif sym or ref.year:
            add("unverified", "info", f"“{ref.text}” là văn bản chưa có trong sổ đăng ký (thường là văn bản địa phương); "
                                      "chưa xác minh được.")
        return problems
    if ref.date and doc.signed and ref.date != doc.signed and doc.tag("signed") in ("V", "S", "Seed"):
        # one wrong date is one finding: its year before the number's is said within the registry's correction
        early = [p for p in problems if p.kind == "date_year"]
        problems[:] = [p for p in problems if p.kind != "date_year"]
        add("date", "error", f"“{ref.text}”: ngày ký ghi {fmt_date(ref.date)}"
            + (f" (sớm hơn năm {ref.year} ghi trong số hiệu)" if early else "") + f", sổ đăng ký ghi {fmt_date(doc.signed)}.",
            f"{doc.display_name} ngày {fmt_date(doc.signed)}")
    if ref.article and re.search(r"\d+[a-z]$", ref.article) and doc.amends:
        target = doc.amends[0]
        add("amending_article", "error",
            f"“{ref.article}” không thuộc {doc.display_name}: đó là điều được bổ sung vào {target} bởi văn bản này.",
            f"{ref.article} {TYPE_LABELS.get(doc.ref.doc_type, '')} {target} (được bổ sung bởi {doc.number})".replace("  ", " "))
    if as_of and not doc.in_force_on(as_of):
        status = registry.status_on(doc, as_of)
        # an end of force the registry holds unverified ([K]) is a warning to check, never an error asserted — unless
        # the document only amended others whose end is known (107/2021 falls with the 61/2018 it amended)
        known = status.confidence != "K" or bool(doc.amends) and all(
            (t := registry.get(a)) is not None and not t.in_force_on(as_of)
            and registry.status_on(t, as_of).confidence != "K" for a in doc.amends)
        # a document signed after the report's date cannot be cited by it, whatever the sentence claims
        unborn = doc.signed is not None and as_of < doc.signed and status.confidence == "V"
        severity = "error" if unborn or _claims_in_force(context, ref) and known else "warning"
        repl = ", ".join(doc.replaced_by)
        # not yet in force, in place of documents that were: those applied on the report's date (118/2025 in March
        # 2025 → 61/2018, amended by 107/2021) — with the registry's tag when the replacing is not verified
        then = [t for n in doc.replaces if (t := registry.get(n)) is not None and t.in_force_on(as_of) and not t.amends]
        applied = "; ".join(t.citation() + (f" (được sửa đổi, bổ sung bởi {', '.join(t.amended_by)})" if t.amended_by else "")
                            for t in then)
        tag = "" if doc.tag("replaces") == "V" else f" [{doc.tag('replaces')}: {CONFIDENCE_LABELS[doc.tag('replaces')]}]"
        add("not_in_force", severity,
            f"“{ref.text}”: tính đến ngày {fmt_date(as_of)} (ngày của báo cáo), văn bản {status.text}"
            + (f"; văn bản thay thế: {repl}" if repl and repl not in status.text else "")
            + (f"; ngày đó áp dụng {applied}{tag}" if applied else "") + ".", repl or applied)
    return problems


def check_text(text: str, registry: Registry, as_of: dt.date | None) -> list[CitationProblem]:
    out = []
    for ref in parse_citations(text):
        out += check_citation(ref, registry, as_of, text)
    return out
