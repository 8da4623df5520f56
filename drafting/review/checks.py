"""The reviewer: findings on any draft (an official's or ours) as a .docx, .txt or .md.

Checks: arithmetic (stated rates against their counts, Vietnamese number formats), citations (the
checker in citations.py), outline (sections of the standard outline missing or out of order), period
(the period in the title against the data window and the dates; wrong-year references; outdated
terms), layout (.docx against NĐ 30/2020) and wording (repeated words, empty placeholders), plus text
that tries to instruct the assistant."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from corpus.errors import InputError
from corpus.registry import Registry, fmt_date
from corpus.text import fold_lower, marked_share
from drafting.figures.periods import data_window, period_name, title_period
from drafting.figures.vnformat import fmt_int, fmt_two, parse_vn_number, rate, rate_shown
from drafting.law.citations import check_citation, parse_citations
from drafting.llm.safety import has_injection
from drafting.models import ReviewIssue
from drafting.review.document import AREAS, Para, ReviewDocument, load_review_document
from drafting.review.signature import below_signer_title

ORDER = ["I", "II", "III", "IV", "V"]
AREA_NAMES = {"II.1": "cải cách thể chế", "II.2": "cải cách thủ tục hành chính", "II.3": "cải cách tổ chức bộ máy",
              "II.4": "cải cách chế độ công vụ", "II.5": "cải cách tài chính công",
              "II.6": "xây dựng chính quyền điện tử, chính quyền số"}
PART_NAMES = {"I": "I. Công tác chỉ đạo, điều hành", "II": "II. Kết quả thực hiện các nhiệm vụ CCHC",
              "III": "III. Đánh giá chung", "IV": "IV. Phương hướng, nhiệm vụ", "V": "V. Kiến nghị, đề xuất"}
_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
_PCT = r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%"


# ---------------------------------------------------------------- arithmetic
def _dec(s: str) -> Decimal | None:
    return parse_vn_number(s.replace(" ", ""))


def check_arithmetic(doc: ReviewDocument) -> list[ReviewIssue]:
    issues: list[ReviewIssue] = []
    paras = doc.paragraphs
    for p in paras:
        t = p.text
        # "1.641/1.642 hồ sơ đạt tỷ lệ 99,94%"
        for m in re.finditer(rf"(?<![\d/])({_NUM})\s*/\s*({_NUM})(?![\d/])[^%/]{{0,50}}?\s\(?{_PCT}", t):
            num, den, pct = _dec(m.group(1)), _dec(m.group(2)), _dec(m.group(3).replace(".", ","))
            if not num or not den or pct is None or den == 0 or num > den * 2:
                continue
            if 1900 <= den <= 2100 and "." not in m.group(2):
                continue  # a month and year ("4/2023") or a document's number ("Nghị định 118/2025"), not a fraction
            if re.search(r"\b(tu|tir|tren|duoi|toi thieu|it nhat)\s*\(?$", fold_lower(t[:m.start(3)]).rstrip()):
                continue  # a threshold ("đạt mức điểm từ 90%"), not the fraction's rate
            calc = rate(num, den)
            if not rate_shown(pct, calc):
                issues.append(_rate_issue(p, m.group(0), pct, calc, f"{m.group(1)}/{m.group(2)}"))
        # "tiếp nhận 253 hồ sơ, trả trước hạn 245 (tỷ lệ 96,83%)": a count with its share of the sentence's total
        sentence_total = None
        for m in re.finditer(rf"(?<![\d/.,])({_NUM})(?![\d/])\s*(?:hồ sơ|hs|văn bản|nhiệm vụ|thủ tục)?\s*\(\s*(?:tỷ lệ|chiếm|đạt)?\s*{_PCT}",
                             t, re.IGNORECASE):
            num, pct = _dec(m.group(1)), _dec(m.group(2).replace(".", ","))
            before = t[:m.start()]
            if re.search(r"\b(tăng|giảm)\s*$", before.rstrip()) or re.match(r"\)?\s*so với", t[m.end():]):
                continue  # "tăng 162 hồ sơ (8,76%) so với kỳ trước": a change against another period
            totals = [_dec(x) for x in re.findall(rf"(?<![\d/.,])({_NUM})(?![\d/])\s*(?:hồ sơ|hs)\b", before, re.IGNORECASE)]
            totals = [x for x in totals if x and num and x >= num]
            if not totals or num is None or pct is None:
                continue
            sentence_total = totals[0]
            if any(rate_shown(pct, rate(num, tot)) for tot in totals):
                continue
            calc = rate(num, sentence_total)
            if abs(calc - pct) <= 2:  # same denominator, miscalculated or truncated; farther means another base
                issues.append(_rate_issue(p, m.group(0), pct, calc, f"{m.group(1)}/{sentence_total:,}".replace(",", ".")))
    # biểu mẫu rows: "3.2. | Tỷ lệ … | % | 96,01%" followed by its parts "3.2.1 … 79.139" (denominator)
    # and "3.2.2 … 74.605" (numerator), the indicator-table convention (I.2 = I.2.2 / I.2.1)
    rows = [(re.match(r"^\s*(\d+(?:\.\d+)+)[.,]?\s*\|?", p.text), p) for p in paras]
    for i, (m, p) in enumerate(rows):
        if not m:
            continue
        code = m.group(1)
        pm = re.search(r"(?<![\d.,])" + _PCT, p.text)
        if not pm:
            continue
        near = {mm.group(1): pp for mm, pp in rows[i + 1:i + 8] if mm}
        d, n = near.get(code + ".1"), near.get(code + ".2")
        if not d or not n:
            continue
        den, num = _last_number(d.text), _last_number(n.text)
        pct = _dec(pm.group(1).replace(".", ","))
        if den and num and pct is not None and den > 0:
            calc = rate(num, den)
            if not rate_shown(pct, calc):
                issues.append(_rate_issue(p, p.text.strip()[:120], pct, calc, f"{fmt_int(num)}/{fmt_int(den)} (mục {code}.2/{code}.1)"))
    # a combined rate stated for the whole locality against the sum of the parts the report gives
    # ("toàn huyện đạt 99,87%" where huyện 1.641/1.642 and xã 23.359/23.378 give 99,92%)
    parts = []
    for p in paras:
        for m in re.finditer(rf"d[iu]ng han\s+({_NUM})\s*/\s*({_NUM})(?![\d/])", fold_lower(p.text)):
            parts.append((_dec(m.group(1)), _dec(m.group(2))))
    if len(parts) >= 2 and all(a is not None and b for a, b in parts):
        calc = rate(sum(a for a, _ in parts), sum(b for _, b in parts))
        for p in paras:
            m = re.search(r"d[iu]ng han[^%]{0,80}?toan (?:huyen|tinh|xa|thanh pho)[^%\d]{0,25}?(\d{1,3}(?:,\d{1,2})?)\s*%",
                          fold_lower(p.text))
            if m:
                pct = _dec(m.group(1))
                if pct is not None and not rate_shown(pct, calc):
                    basis = " + ".join(f"{fmt_int(a)}/{fmt_int(b)}" for a, b in parts)
                    issues.append(_rate_issue(p, p.text[m.start():m.end()], pct, calc, f"tổng các cấp ({basis})"))
    # number formats: a percentage with a decimal point ("96.84%"), thousands with commas ("1,641 hồ sơ")
    for p in paras:
        for m in re.finditer(r"(?<![\d.,])\d{1,3}\.\d{1,2}\s*%", p.text):
            issues.append(ReviewIssue(kind="number_format", severity="warning", section=p.section, paragraph=p.index,
                                      text=m.group(0), message=f"“{m.group(0)}”: số thập phân tiếng Việt dùng dấu phẩy.",
                                      suggestion=m.group(0).replace(".", ",")))
        for m in re.finditer(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])\s*(?:hồ sơ|văn bản|người|thủ tục|triệu)", p.text):
            issues.append(ReviewIssue(kind="number_format", severity="warning", section=p.section, paragraph=p.index,
                                      text=m.group(0), message=f"“{m.group(0)}”: phân cách hàng nghìn tiếng Việt dùng dấu chấm.",
                                      suggestion=m.group(0).replace(",", ".")))
    return issues


def _last_number(text: str) -> Decimal | None:
    nums = re.findall(rf"(?<![\d.,])({_NUM})(?![\d])", text.split("|")[-1] if "|" in text else text)
    return _dec(nums[-1]) if nums else None


def _rate_issue(p: Para, text: str, stated: Decimal, calc: Decimal, basis: str) -> ReviewIssue:
    shown = fmt_two(calc)  # two places always, as the suggestion to paste: "96,80%"
    return ReviewIssue(kind="arithmetic", severity="error", section=p.section, paragraph=p.index, text=text.strip(),
                       message=f"Tỷ lệ ghi {str(stated).replace('.', ',')}% nhưng {basis} = {shown}%.",
                       suggestion=f"{shown}%")


# ---------------------------------------------------------------- citations
def check_citations(doc: ReviewDocument, registry: Registry, as_of: dt.date | None) -> list[ReviewIssue]:
    issues = []
    for p in doc.paragraphs:
        if p.section in ("", "mo_dau") and re.match(r"\s*(?:Số|So)\s*:", p.text):
            continue  # "Số: 45/BC-UBND" is the report's own number, not a document it cites
        for ref in parse_citations(p.text):
            for prob in check_citation(ref, registry, as_of, p.text):
                issues.append(ReviewIssue(kind="citation", severity=prob.severity, section=p.section, paragraph=p.index,
                                          text=ref.text, message=prob.message, suggestion=prob.suggestion,
                                          group="unverified_local" if prob.kind == "unverified" else ""))
    return issues


# ---------------------------------------------------------------- outline
def doc_type(doc: ReviewDocument) -> str:
    head = fold_lower(" ".join(p.text for p in doc.paragraphs[:15]))
    if re.search(r"\bthong bao\b", head) and not re.search(r"\bbao cao\b", head.replace("thong bao", "")):
        return "thông báo"
    return "báo cáo"


def check_outline(doc: ReviewDocument) -> list[ReviewIssue]:
    if doc_type(doc) != "báo cáo":
        return []  # a conclusion notice has no standard outline
    issues = _outline_issues(doc)
    if not _has_diacritics(doc.text):
        # OCR text mangles headings ("I11. PANH GIA CHUNG"): say so, do not accuse
        return [i.model_copy(update={"severity": "info", "message": i.message + " (văn bản OCR: cần kiểm tra lại bằng mắt)"})
                for i in issues]
    return issues


def _outline_issues(doc: ReviewDocument) -> list[ReviewIssue]:
    issues = []
    seen_parts: list[tuple[str, Para]] = []
    seen_areas: list[tuple[str, Para]] = []
    for p in doc.paragraphs:
        if re.match(r"^(Nơi nhận|PHỤ LỤC|Noi nhan|PHU LUC)", p.text):
            break  # the closing block and the appendix tables are not the outline
        if p.heading_level == 1 and sum(c.isupper() for c in p.text) >= 0.6 * sum(c.isalpha() for c in p.text):
            m = re.match(r"^\W*(I|II|III|IV|V)\s*[.\-:]", p.text)
            if m:
                seen_parts.append((p.section if p.section in ORDER else m.group(1), p))
        elif p.heading_level == 2 and p.section in AREAS:
            seen_areas.append((p.section, p))
    parts = [k for k, _ in seen_parts]
    for k in ORDER:
        if k not in parts:
            issues.append(ReviewIssue(kind="outline", severity="error", section=k,
                                      message=f"Thiếu phần “{PART_NAMES[k]}” của đề cương báo cáo CCHC.",
                                      suggestion=PART_NAMES[k].upper()))
    order = [ORDER.index(k) for k in parts if k in ORDER]
    if order != sorted(order):
        issues.append(ReviewIssue(kind="outline", severity="warning", section=parts[0] if parts else "",
                                  message="Các phần I–V không theo thứ tự của đề cương: " + ", ".join(parts) + "."))
    if "II" in parts:
        areas = [k for k, _ in seen_areas]
        if areas != sorted(areas, key=AREAS.index):  # "6. … chính quyền số" before "5. … tài chính công"
            issues.append(ReviewIssue(kind="outline", severity="warning", section="II", paragraph=seen_areas[0][1].index,
                                      message="Các lĩnh vực của phần II không theo thứ tự của đề cương: "
                                              + ", ".join(k.split(".")[1] for k in areas) + "."))
        for k in AREAS:
            if k not in areas:
                issues.append(ReviewIssue(kind="outline", severity="warning", section="II",
                                          message=f"Phần II thiếu lĩnh vực “{AREA_NAMES[k]}”."))
    return issues


# ---------------------------------------------------------------- period
_WINDOW = re.compile(r"tu ngay\s+(\d{1,2})/(\d{1,2})/(\d{4})\s+den ngay\s+(\d{1,2})/(\d{1,2})/(\d{4})")


def report_period(doc: ReviewDocument) -> tuple[str | None, int | None]:
    """The period and year the title names (periods.title_period)."""
    return title_period([p.text for p in doc.paragraphs])


def check_period(doc: ReviewDocument, as_of: dt.date | None) -> list[ReviewIssue]:
    issues = []
    period, year = report_period(doc)
    if period and year:
        window = data_window(period, year)
        for p in doc.paragraphs:
            m = _WINDOW.search(fold_lower(p.text))
            if m:
                try:
                    start = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                    end = dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
                except ValueError:
                    continue
                if (start, end) != (window.start, window.end):
                    issues.append(ReviewIssue(kind="period", severity="error", section=p.section, paragraph=p.index,
                                              text=m.group(0), message=(
                            f"Khoảng số liệu {fmt_date(start)}–{fmt_date(end)} không đúng kỳ {period_name(period, year)} "
                            f"(quy định chốt số liệu: {window.text()})."), suggestion=window.text()))
        # plans and tasks of a past year named among this period's work
        for p in doc.paragraphs:
            if p.section not in ("I", "II", *AREAS, "mo_dau", "IV"):
                continue
            f = fold_lower(p.text)
            for m in re.finditer(rf"(ban hanh ke hoach[^.;]{{0,50}}|giao trong nam|ke hoach (?:cai cach hanh chinh|cchc|dao tao[^.;]{{0,20}}) )\s*(?:nam\s+)?(?<![/\d])({year - 1})\b", f):
                issues.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                          text=p.text[m.start():m.end()], message=(
                        f"Báo cáo năm {year} nhắc kế hoạch/nhiệm vụ năm {year - 1} như việc của kỳ này; có thể ghi nhầm năm."),
                                          suggestion=str(year)))
            for ref in parse_citations(p.text):
                if ref.date and ref.doc_type == "KH":
                    # the plan's own words, up to the report's formula: "… về CCHC năm 2026, Sở báo cáo …"; a
                    # period named ("báo cáo kết quả quý I năm 2026") is the report's words, not the plan's year
                    tail = re.split(r"[;:.]|\bbao cao\b", fold_lower(p.text[ref.end:ref.end + 120]), maxsplit=1)[0]
                    ym = re.search(r"(?<!thang )(?<!quy i )(?<!quy ii )(?<!quy iii )(?<!quy iv )\bn[a-z]m\s+((?:19|20)\d\d)", tail)  # "nim": OCR
                    if ym and int(ym.group(1)) < ref.date.year:
                        issues.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                                  text=ref.text, message=(
                                f"{ref.text} ban hành ngày {fmt_date(ref.date)} nhưng ghi cho năm {ym.group(1)}, sớm hơn năm ban hành; "
                                "có thể ghi nhầm năm."), suggestion=str(ref.date.year + (ref.date.month == 12))))
                    elif ym and p.section == "mo_dau" and int(ym.group(1)) < year:
                        # "Thực hiện Kế hoạch … về CCHC năm 2025, UBND xã báo cáo kết quả năm 2026": the opening's
                        # basis is last year's plan — copied from last year's report, most often
                        issues.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                                  text=ref.text, message=(
                                f"Báo cáo {period_name(period, year)} nhưng câu mở đầu căn cứ {ref.text} về năm {ym.group(1)}; "
                                f"có thể chép từ báo cáo năm trước — kế hoạch CCHC của năm {year}?"), suggestion=str(year)))
    day = as_of
    if day and day >= dt.date(2022, 8, 1):
        for p in doc.paragraphs:
            m = re.search(r"\bm[a-z]{1,3}c\s+do\s*3\s*(?:,|va|\+|-)\s*(?:m[a-z]{1,3}c\s+do\s*)?4\b|\bmuc do 4\b",
                          fold_lower(p.text))
            if m:
                issues.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                          text=p.text[m.start():m.end()], message=(
                        "Thuật ngữ “dịch vụ công trực tuyến mức độ 3, 4” không còn dùng từ 01/8/2022 "
                        "(Nghị định 42/2022/NĐ-CP); nay là dịch vụ công trực tuyến toàn trình / một phần."),
                                          suggestion="dịch vụ công trực tuyến toàn trình / một phần"))
    return issues


# ---------------------------------------------------------------- wording and injection
_PLACEHOLDER = re.compile(r"\[\s*…?\s*\]|\[\.\.\.\]|…{2,}|\.{4,}|\bxx+\b|\bXX+\b|\[…\]")


_REDUPLICATED = {"song song", "từ từ", "dần dần", "đều đều", "thường thường", "xa xa", "lâu lâu", "ngày ngày",
                 "nhiều nhiều", "từng từng"}


def _has_diacritics(text: str) -> bool:
    """OCR text without diacritics makes distinct words look alike ("tiên tiến" → "tien tien")."""
    return marked_share(text) > 0.3


def check_wording(doc: ReviewDocument) -> list[ReviewIssue]:
    issues = []
    check_repeats = _has_diacritics(doc.text)
    prev = ""  # the paragraph above: a signer's title sits above the name line
    for p in doc.paragraphs:
        for m in re.finditer(r"(?<!\w)(\w{2,}(?:\s+\w{2,})?)\s+\1(?!\w)", p.text, re.IGNORECASE) if check_repeats else ():
            w = m.group(1)
            if w.isdigit() or m.group(0).lower() in _REDUPLICATED:
                continue
            if re.match(r"\s+(lịch|luận|do|tưởng|thuyết)\b", p.text[m.end():], re.I) and w.lower() == "lý":
                continue  # "quản lý lý lịch", "xử lý lý do": two words that share a syllable, not a repeat
            issues.append(ReviewIssue(kind="wording", severity="warning", section=p.section, paragraph=p.index,
                                      text=m.group(0), message=f"Lặp từ “{m.group(0)}”.", suggestion=w))
        for m in _PLACEHOLDER.finditer(p.text):
            if re.match(r"^Số:", p.text):
                continue
            # the signer's name is written by hand at signing: a dotted line there is expected, not a gap
            signature = below_signer_title(prev, p.text, m.start())
            issues.append(ReviewIssue(kind="wording", severity="info" if signature else "warning", section=p.section,
                                      paragraph=p.index, text=m.group(0),
                                      message="Chỗ ghi họ tên người ký." if signature else "Còn chỗ trống chưa điền.",
                                      suggestion="ghi họ tên người ký" if signature else "điền nội dung"))
        if has_injection(p.text):
            issues.append(ReviewIssue(kind="injection", severity="error", section=p.section, paragraph=p.index,
                                      text=p.text[:160], message=(
                    "Đoạn văn chứa câu lệnh gửi cho trợ lý hoặc ký tự ẩn; không làm theo, cần xóa khỏi văn bản.")))
        prev = p.text
    return issues


def review_document(doc: ReviewDocument, registry: Registry, as_of: dt.date | None = None,
                    section: str = "") -> list[ReviewIssue]:
    """section: only findings inside that part ("II" covers II.1 … II.6); the whole document when empty."""
    from drafting.review.abolished import check_district_bodies
    from drafting.review.bracket_parts import check_bracket_parts
    from drafting.review.excerpt import with_excerpts
    from drafting.review.layout import (
        check_date_line,
        check_layout,
        check_symbol,
        check_text_head,
        check_text_motto,
        check_text_number,
    )
    from drafting.review.period_words import check_period_words, document_date
    from drafting.review.places import check_places
    from drafting.review.signature import check_closing, check_recipients, check_signature
    from drafting.review.stated import check_stated_figures
    from drafting.review.tidy import in_scope, tidy
    from drafting.review.unaccented import check_unaccented
    from drafting.review.verdicts import check_verdicts

    dated = document_date(doc.paragraphs)
    as_of = as_of or dated  # the law of the day the report is dated, unless told another
    arithmetic = check_arithmetic(doc)
    # the reader's findings where the pattern checks said nothing about the same paragraph and rate
    said = {(i.paragraph, i.suggestion) for i in arithmetic}
    arithmetic += [i for i in check_stated_figures(doc.paragraphs) if (i.paragraph, i.suggestion) not in said]
    # kinds the schema does not hold ("12 văn bản (05 kế hoạch, …)"), where no check above spoke of the paragraph
    arithmetic += [i for i in check_bracket_parts(doc.paragraphs) if i.paragraph not in {a.paragraph for a in arithmetic}]
    issues = (arithmetic + check_citations(doc, registry, as_of) + check_outline(doc)
              + check_period(doc, as_of) + check_period_words(doc.paragraphs, *report_period(doc))
              + check_wording(doc) + check_places(doc.paragraphs) + check_verdicts(doc.paragraphs)
              + check_signature(doc.paragraphs) + check_closing(doc.paragraphs) + check_date_line(doc.paragraphs)
              + check_symbol(doc.paragraphs) + check_district_bodies(doc.paragraphs, dated or as_of)
              + check_unaccented(doc.paragraphs, doc.text))
    if doc.docx is None:
        issues += check_recipients(doc.paragraphs) + check_text_head(doc.paragraphs) + check_text_number(doc.paragraphs) \
            + check_text_motto(doc.paragraphs)
    else:
        try:
            issues += check_layout(doc)
        except Exception as exc:  # XML python-docx cannot model: the other findings still stand
            issues.append(ReviewIssue(kind="layout", severity="error", message=(
                "Không kiểm tra được thể thức: cấu trúc tệp .docx bất thường (tệp có thể bị hỏng hoặc do "
                f"phần mềm lạ tạo ra; {type(exc).__name__}). Hãy mở bằng Word và lưu lại.")))
    if section:  # a missing section elsewhere is not this part's finding
        if not any(in_scope(p.section, section) for p in doc.paragraphs):
            raise InputError(f"Không thấy mục {section} trong {doc.name or 'văn bản'} (đề mục có thể ghi khác); hãy rà "
                             "soát toàn bộ văn bản.")
        issues = [i for i in issues if i.paragraph and in_scope(i.section, section)]
    rank = {"error": 0, "warning": 1, "info": 2}
    return sorted(with_excerpts(tidy(issues), doc.paragraphs), key=lambda i: (rank[i.severity], i.paragraph))


def review(path_or_bytes: Path | bytes, registry: Registry, as_of: dt.date | None = None, name: str = "",
           section: str = "") -> list[ReviewIssue]:
    if isinstance(path_or_bytes, (str, Path)):
        p = Path(path_or_bytes)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"Không đọc được tệp {p}.", detail=str(exc)) from exc
        name = name or p.name
    else:
        data = path_or_bytes
    return review_document(load_review_document(data, name or "van-ban.txt"), registry, as_of, section)
