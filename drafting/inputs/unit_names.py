"""The unit a text names: a commune, ward, district or province by its administrative word and capitalised name
("… của xã Ba Trang"), a province's department, board or inspectorate ("Sở Tài chính tỉnh Hà Tĩnh"); a name typed
without diacritics gets its marks from the gazetteer when it knows exactly one such unit."""

from __future__ import annotations

import re

from corpus.places import load_gazetteer
from corpus.text import fold_lower

# folded place word → (as written in a report, level)
_LEVEL_WORDS = {"phuong": ("phường", "xã"), "thi tran": ("thị trấn", "xã"), "xa": ("xã", "xã"),
                "thi xa": ("thị xã", "huyện"), "quan": ("quận", "huyện"), "huyen": ("huyện", "huyện"),
                "thanh pho": ("thành phố", "tỉnh"), "tinh": ("tỉnh", "tỉnh"), "so": ("Sở", "sở"),
                "dac khu": ("đặc khu", "xã")}  # a special zone (from 01/7/2025) is at commune level
_PLACE = re.compile(r"\b(Phường|Phuong|Thị trấn|Thi tran|Đặc khu|Dac khu|Xã|Xa|Thị xã|Thi xa|Quận|Quan|Huyện|Huyen|Thành phố|Thanh pho|"
                    r"Tỉnh|Tinh|Sở|So)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,4})",
                    re.I)
_CAPITAL_WORD = re.compile(r"[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]")


# the departments of a province (names before and after the 2025 mergers): "Sở Tài chính" has a lower-case word
_DEPARTMENTS = {fold_lower(d): d for d in (
    "Nội vụ", "Tư pháp", "Kế hoạch và Đầu tư", "Tài chính", "Công Thương", "Nông nghiệp và Môi trường",
    "Nông nghiệp và Phát triển nông thôn", "Tài nguyên và Môi trường", "Xây dựng", "Giao thông vận tải",
    "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Y tế", "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao", "Du lịch", "Thông tin và Truyền thông", "Ngoại vụ",
    "Dân tộc và Tôn giáo")}
_DEPARTMENT = re.compile(r"\bso\s+(" + "|".join(re.escape(d) for d in sorted(_DEPARTMENTS, key=len, reverse=True)) + r")\b")
# a province's boards of economic zones and industrial parks, its People's Committee's office and its public service
# centre report as its departments do
_BOARD = re.compile(r"\bban quan ly (?:cac )?(?:khu kinh te|khu cong nghiep|khu cong nghe cao)"
                    r"(?:,? (?:va )?(?:cac )?khu (?:cong nghiep|kinh te))?|\bvan phong (?:ubnd|uy ban nhan dan)(?= (?:tinh|thanh pho) )"
                    r"|\btrung tam phuc vu hanh chinh cong(?= (?:tinh|thanh pho) )")
_INSPECTORATE = re.compile(r"\bthanh tra ((?:tinh|thanh pho) [^\W\d]+(?: [^\W\d]+){0,3}?)(?=\s*(?:$|[,.;:(—-]|\s(?:nam|quy|thang|ky)\b))")
_NAME_AFTER = re.compile(r"\s+((?:tỉnh\s+)?[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")
_PROVINCE = re.compile(r"\s+((?:tỉnh|thành phố)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")


# "báo cáo CCHC năm 2025 tỉnh Quảng Trị (Sở Nội vụ tham mưu)": the department drafts for the unit named, it is not it
_ADVISER = re.compile(r"[^.;:(]{0,40}?\b(?:tham muu|chu tri|tong hop|du thao|soan thao)\b")

_TRADE_ACRONYMS = {"tthc", "cchc", "ubnd", "hdnd", "vbqppl", "dvc", "dvctt", "cntt", "pakn", "bpmc", "kt-xh"}


# "phường Phú Lợi, Thành phố Hồ Chí Minh", "xã Ba Trang, huyện Ba Tơ, tỉnh Quảng Ngãi": the body above, said right after
_ABOVE = re.compile(r"\s*[,(-]?\s*(tỉnh|thành phố|huyện|quận|thị xã)\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})",
                    re.I)


def read_parent(text: str, locality: str, level: str | None) -> str:
    """The People's Committee above a commune or district, when the text names it right after the unit's name:
    "UBND Thành phố Hồ Chí Minh" for "phường Phú Lợi, Thành phố Hồ Chí Minh"; "" when not said."""
    at = text.find(locality)
    if level not in ("xã", "huyện") or at < 0:
        return ""
    m = _ABOVE.match(text, at + len(locality))
    if not m:
        return ""
    typed, name = m.group(1), m.group(2)
    word, above = _LEVEL_WORDS[fold_lower(typed)]
    if above == level or (level == "huyện" and above != "tỉnh"):
        return ""
    # "Thành phố Hồ Chí Minh" as the official wrote it (a city under the centre is capitalised); the gazetteer's word
    # when typed without marks
    return f"UBND {typed if fold_lower(typed) != typed.lower() else word} {_with_diacritics(word, name)}"


def read_place(text: str, request: bool = False) -> tuple[str | None, str | None]:
    """('xã Ba Trang', 'xã') from '… của xã Ba Trang: …'; names must start with capitals; a department by its name
    ('Sở Tài chính tỉnh Hà Tĩnh', 'sở'). request: the text asks for the unit's report or is its issuer's line — only
    then is a province's inspectorate the unit ("… của Thanh tra tỉnh Quảng Ngãi"), not one it worked with."""
    folded = fold_lower(text)
    if request and (ins := _INSPECTORATE.search(folded)):  # reports as the province's departments do
        word = "tỉnh" if ins.group(1).startswith("tinh") else "thành phố"  # as written in a title-cased header too
        return f"Thanh tra {word}{text[ins.start(1) + len(word):ins.end(1)]}", "sở"
    d = next((m for m in _DEPARTMENT.finditer(folded) if not _ADVISER.match(folded, m.end())
              and not re.search(r"\b(?:do|giao)\s*$", folded[:m.start()])), None)
    if d is None and _DEPARTMENT.search(folded) and not _PLACE.search(text):
        d = _DEPARTMENT.search(folded)  # "(Sở Nội vụ tham mưu)" alone: still the only unit named
    if d:  # folded text keeps the offsets
        province = _PROVINCE.match(text, d.end())
        named = province.group(1) if province else _bare_province(text, d.end())
        return " ".join(["Sở", _DEPARTMENTS[d.group(1)]] + ([named] if named else [])), "sở"
    if b := _BOARD.search(fold_lower(text)):
        name = _NAME_AFTER.match(text, b.end())
        return " ".join([text[b.start():b.end()]] + ([name.group(1)] if name else [])).strip(), "sở"
    for m in _PLACE.finditer(text):
        if fold_lower(m.group(1)) == "so" and re.search(r"\bho\s*$", fold_lower(text[:m.start()])):
            continue  # "ho so TTHC" typed without diacritics is "hồ sơ", not a department
        if fold_lower(m.group(1)) == "so" and _DEPARTMENT.match(folded, m.start()):
            continue  # "Sở Nội vụ tham mưu …": a department set aside above, not "Sở Nội" by its capitals
        words = m.group(2).split()
        kept = []
        for w in words:
            # a name's words start with a capital; the acronyms of the trade ("TTHC", "CCHC", "UBND") are none
            if not _CAPITAL_WORD.match(w) or fold_lower(w.strip(",.;:")) in _TRADE_ACRONYMS:
                break
            kept.append(w)
        if not kept:
            continue
        word, level = _LEVEL_WORDS[fold_lower(m.group(1))]
        end = m.start(2) + len(" ".join(kept))
        # "phường Hà Giang 1": a number that is part of the name, when the gazetteer knows the unit so numbered
        if (n := re.match(r"\s+(\d{1,2})\b(?![\d/%]|[.,]\d)", text[end:])) and \
                load_gazetteer().lookup(word, f"{' '.join(kept)} {n.group(1)}"):
            kept, end = [*kept, n.group(1)], end + n.end()
        year = re.search(r"\b(?:nam |/)(20\d\d)\b", folded)
        return f"{word} {_with_diacritics(word, ' '.join(kept), text[end:end + 40], int(year.group(1)) if year else None)}", level
    return None, None


def _bare_province(text: str, at: int) -> str:
    """"Sở Y tế Lạng Sơn", "So Tu phap Gia Lai": the province named without its word, when the gazetteer knows it —
    "tỉnh Lạng Sơn" before a city of that name, "thành phố Cần Thơ" for a city under the centre."""
    m = _NAME_AFTER.match(text, at)
    words = m.group(1).split() if m and not fold_lower(m.group(1)).startswith("tinh ") else []
    gazetteer = load_gazetteer()
    for n in range(min(len(words), 3), 0, -1):
        name = " ".join(words[:n]).strip(",.;:")
        for kind in ("tỉnh", "thành phố"):
            if found := gazetteer.lookup(kind, name):
                return f"{kind} {found[0].name}"
    return ""


def _with_diacritics(kind: str, name: str, after: str = "", year: int | None = None) -> str:
    """"Le Chan" typed without diacritics, for a "phường": "Lê Chân" when the gazetteer knows one such unit — or one
    in the province named right after it (after: the text that follows the name: "… xa Tra Linh tinh Cao Bang" is
    Trà Lĩnh, not Đà Nẵng's Trà Linh), or of the map of the report's year —, else as typed (the draft then keeps it, and the review asks for a retype)."""
    if fold_lower(name) != name.lower():
        return name
    found = [p for p in load_gazetteer().lookup(kind, name) if fold_lower(p.name) == fold_lower(name)]
    names = {p.name for p in found}
    if len(names) > 1 and (m := re.match(r"[\s,]*(?:thuoc\s+)?(?:tinh|thanh pho|tp\.?)\s+((?:[a-z]+\s*){1,3})", fold_lower(after))):
        said = m.group(1).split()
        names = {p.name for p in found if fold_lower(p.province) in {" ".join(said[:n]) for n in (1, 2, 3)}}
    if len(names) > 1 and year:  # "phuong Thuan Hoa" in a 2026 report: Huế's ward of 2025, not the former Thuận Hòa
        names = {p.name for p in found if p.name in names and (p.era == "2025") == (year >= 2026)} or names
    return names.pop() if len(names) == 1 else name
