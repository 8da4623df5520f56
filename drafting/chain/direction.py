"""Section I's sentences about inspections and outreach, from the official's counts, in the official's nouns where
the message gave them ("đã kiểm tra 05 khu phố", not "05 cơ quan, đơn vị"). Mixed into the deterministic writer."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.chain.grounding import slot
from drafting.chain.substance import clause, dated
from drafting.figures.facts import Fact
from drafting.figures.figureset import FigureSet
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.models import Paragraph

# "3 tồn tại về niêm yết công khai TTHC, đã xử lý xong 3 tồn tại": what was dealt with is named by the head noun
COUNTED_DIALOGUE = re.compile(r"(?<!\d)(\d+)(?=\s+(?:cuoc |buoi |hoi nghi )?doi thoai\b)")
# "xây dựng 4 chuyên mục tuyên truyền CCHC bằng tiếng Mông và tiếng Dao": an outreach event that tells its count
COUNTED_OUTREACH = re.compile(r"(?<![\d/.,])(\d+)(?=\s+(?:chuyen muc|chuong trinh|phong su|tin, bai|tin bai|bai viet|"
                              r"buoi tuyen truyen|luot phat)\b)")
OUTREACH_KEYS = ("chi_dao.chuong_trinh_phat_thanh", "chi_dao.tin_bai", "chi_dao.buoi_tuyen_truyen")
_COUNTED_PEOPLE = re.compile(r"(?<![\d/.,])(\d+)(?=\s+(?:luot\s+)?(?:nguoi|can bo|cong chuc|vien chuc|hoc vien|dai bieu)\b)")
_NOUN_DETAIL = re.compile(r"\s+(?:về|trong|của|liên quan|khi)\s")  # not "tại": "tồn tại"


class DirectionSentences:
    fs: FigureSet
    facts: list[Fact]

    def has(self, *keys: str) -> bool:
        return self.fs.has(*keys)

    def noun(self, key: str, default: str) -> str:
        return self.fs.nouns.get(key) or default

    def with_count_slots(self, facts: list[Fact], section: str, keys: tuple[str, ...],
                         counted: re.Pattern = _COUNTED_PEOPLE) -> tuple[list[Fact], set[str]]:
        """"Xã mở 01 lớp bồi dưỡng kỹ năng giao tiếp cho 35 cán bộ, công chức", "Xã tổ chức 1 cuộc đối thoại với người
        dân về thủ tục đất đai ngày 20/3/2027": an event of the section that tells a count the figures hold (of people,
        or with counted=COUNTED_DIALOGUE of dialogues) is written as told, with the figure's slot for the count; the
        keys it tells are returned, so that the section's own sentence does not say them twice."""
        told, out = set(), []
        for f in facts:
            folded = fold_lower(f.text)
            # a note tells a count as an event does ("Cử 57 lượt công chức tham gia bồi dưỡng kỹ năng số …")
            if f.section == section and f.kind in ("event", "note") and len(folded) == len(f.text):
                for m in counted.finditer(folded):
                    key = next((k for k in keys if k not in told and self.fs.get(k) == int(m.group(1))), None)
                    if key:
                        f = f.model_copy(update={"text": f.text[:m.start(1)] + slot(key) + f.text[m.end(1):]})
                        told.add(key)
                        break
            out.append(f)
        return out, told

    def inspection(self, found: list[Fact]) -> list[Paragraph]:
        """found: what the inspections found, said in words; written in the inspection's sentence."""
        if not (self.has("chi_dao.co_quan_duoc_kiem_tra") or self.has("chi_dao.cuoc_kiem_tra")):
            return []
        units = (f"{slot('chi_dao.co_quan_duoc_kiem_tra')} {self.noun('chi_dao.co_quan_duoc_kiem_tra', 'cơ quan, đơn vị')}"
                 if self.has("chi_dao.co_quan_duoc_kiem_tra") else "")
        # "4 cuộc kiểm tra CCHC tại các tổ dân phố": the rounds as the official named them, unless the places are counted
        told = fold_lower(self.noun("chi_dao.cuoc_kiem_tra", ""))
        told_ok = told.startswith("cuoc kiem tra") and not re.search(r"\b(?:tai|o|doi voi|voi)$", told) and not (
            units and " tai " in f" {told} ")
        rounds = (f"{slot('chi_dao.cuoc_kiem_tra')} {self.noun('chi_dao.cuoc_kiem_tra', '') if told_ok else 'cuộc kiểm tra'}"
                  if self.has("chi_dao.cuoc_kiem_tra") else "")
        found = list(found)
        full = next(((f, said) for f in found if units and (said := self._told_in_full(f))), None)
        if full:  # "Kiểm tra việc niêm yết … tại 4 tổ dân phố; phát hiện 3 tồn tại, đã khắc phục 2": said once, as told
            found.remove(full[0])
            return self._inspection_as_told(*full, found, rounds="cuộc kiểm tra" if rounds else "")
        told = [] if rounds or not units else [(f, said) for f in found if (said := self._places_told(f))]
        named = told[0][0] if told else None
        if named:  # "kiểm tra đột xuất … tại UBND 9 xã", the places counted: the official's words say what was inspected
            found.remove(named)
            units = told[0][1]
        elif units and (parts := next(((f, said) for f in found if (said := self._places_summed(f))), None)):
            found.remove(parts[0])  # "… tại 10 trường THPT và 2 trung tâm GDTX": the 12 places, as the official named them
            units = f"{units} ({parts[1]})"
        t = "Về công tác kiểm tra CCHC: " + (f"đã tổ chức {rounds}" + (f" tại {units}" if units else "")
                                             if rounds else f"đã {units}" if named else f"đã kiểm tra {units}")
        if self.has("chi_dao.van_de_phat_hien"):
            t += self._found(self.noun("chi_dao.van_de_phat_hien", "vấn đề"), "đã xử lý xong")
        t += "".join(f"; {(c := clause(dated(f).text))[:1].lower()}{c[1:]}" for f in found)  # its day, if given
        return [Paragraph(text=t + ".", sources=[f.origin for f in [*([named] if named else []), *found]])]

    def _found(self, noun: str, put_right: str) -> str:
        """"; qua kiểm tra phát hiện {…} tồn tại, đã khắc phục {…} tồn tại (đạt {…})": what the inspections found."""
        t = f"; qua kiểm tra phát hiện {slot('chi_dao.van_de_phat_hien')} {noun}"
        if self.has("chi_dao.van_de_da_xu_ly"):
            t += f", {put_right} {slot('chi_dao.van_de_da_xu_ly')} {_NOUN_DETAIL.split(noun)[0]}"
            if self.has("chi_dao.ty_le_van_de_xu_ly"):
                t += f" (đạt {slot('chi_dao.ty_le_van_de_xu_ly')})"
        return t

    _FOUND_VERB = re.compile(r"[;,]\s*(?:qua kiểm tra,?\s*)?(?:đã\s+)?phát hiện\s*$")

    def _told_in_full(self, f: Fact) -> tuple[str, str, str] | None:
        """An inspection told with the counts the figures hold, in their order — the places, what was found, what was
        put right ("Kiểm tra việc niêm yết, công khai TTHC tại 4 tổ dân phố; phát hiện 3 tồn tại, đã khắc phục 2"):
        (what was inspected and where, the places' count a slot; what was found as the official named it; the verb of
        putting right, as said); None when it is not."""
        c = re.sub(r"^(?:đã\s+)?", "", clause(f.text))
        counts = list(NUMBER_RE.finditer(c))
        keys = ("chi_dao.co_quan_duoc_kiem_tra", "chi_dao.van_de_phat_hien", "chi_dao.van_de_da_xu_ly")
        if not (fold_lower(c).startswith("kiem tra ") and 2 <= len(counts) <= 3 and all(
                self.has(k) and parse_vn_number(m.group(0)) == self.fs.get(k) for k, m in zip(keys, counts))):
            return None
        verb = self._FOUND_VERB.search(c, counts[0].end(), counts[1].start())
        found = re.match(r"\s*([^\d,;.]+?)\s*(?:[,;]|$)", c[counts[1].end():counts[2].start() if len(counts) > 2 else len(c)])
        if not verb or not found:
            return None
        put_right = c[counts[1].end() + found.end():counts[2].start()].strip(" ,;") if len(counts) > 2 else ""
        return (c[len("kiểm tra "):counts[0].start()] + slot(keys[0]) + c[counts[0].end():verb.start()],
                found.group(1), put_right)

    def _inspection_as_told(self, f: Fact, told: tuple[str, str, str], others: list[Fact], rounds: str) -> list[Paragraph]:
        where, found_noun, put_right = told
        t = "Về công tác kiểm tra CCHC: " + (f"đã tổ chức {slot('chi_dao.cuoc_kiem_tra')} {rounds} {where}" if rounds
                                             else f"đã kiểm tra {where}")
        t += self._found(found_noun, put_right or "đã xử lý xong")
        t += "".join(f"; {(c := clause(dated(g).text))[:1].lower()}{c[1:]}" for g in others)
        return [Paragraph(text=t + ".", sources=[g.origin for g in [f, *others]])]

    def _places_told(self, f: Fact) -> str:
        """An inspection told with one count, that of the places inspected ("Kiểm tra … tại UBND 9 xã"): its words with
        that count's slot ("kiểm tra … tại UBND {…} xã"); "" when it is not."""
        c = re.sub(r"^(?:đã\s+)?", "", clause(f.text))
        counts = list(NUMBER_RE.finditer(c))
        if not (fold_lower(c).startswith("kiem tra") and len(counts) == 1
                and parse_vn_number(counts[0].group(0)) == self.fs.get("chi_dao.co_quan_duoc_kiem_tra")):
            return ""
        return f"{c[:counts[0].start()]}{slot('chi_dao.co_quan_duoc_kiem_tra')}{c[counts[0].end():]}"

    def _places_summed(self, f: Fact) -> str:
        """An inspection told with the places it went to in groups that add up to the places counted ("Kiểm tra CCHC
        tại 10 trường trung học phổ thông và 2 trung tâm giáo dục thường xuyên"): the words after "tại"; "" else."""
        c = re.sub(r"^(?:đã\s+)?", "", clause(f.text))
        at = re.search(r"\btại\s+", c)
        counts = list(NUMBER_RE.finditer(c))
        if not (fold_lower(c).startswith("kiem tra") and at and len(counts) >= 2 and counts[0].start() > at.start()):
            return ""
        return c[at.end():] if sum(parse_vn_number(m.group(0)) for m in counts) == self.fs.get(
            "chi_dao.co_quan_duoc_kiem_tra") else ""

    def outreach(self, told: set[str] = frozenset(), joined: list[Fact] = ()) -> list[Paragraph]:
        """told: the counts an event of the section already says (with_count_slots), not said again here; joined:
        outreach activities the official told ("Tuyên truyền lưu động bằng tiếng Mông …"), said after the counts."""
        prop = []
        if self.has("chi_dao.tin_bai") and "chi_dao.tin_bai" not in told:
            prop.append(f"đăng tải {slot('chi_dao.tin_bai')} tin, bài về CCHC")
        if self.has("chi_dao.buoi_tuyen_truyen") and "chi_dao.buoi_tuyen_truyen" not in told:
            t = f"tổ chức {slot('chi_dao.buoi_tuyen_truyen')} buổi tuyên truyền trực tiếp"
            if self.has("chi_dao.luot_nguoi_tuyen_truyen"):
                t += f" với {slot('chi_dao.luot_nguoi_tuyen_truyen')} lượt người tham gia"
            prop.append(t)
        if self.has("chi_dao.chuong_trinh_phat_thanh") and "chi_dao.chuong_trinh_phat_thanh" not in told:
            noun = self.noun("chi_dao.chuong_trinh_phat_thanh", "chương trình phát thanh, truyền hình")
            verb = "phát" if fold_lower(noun).startswith(("luot", "tin", "ban tin")) else "thực hiện"  # "36 lượt tin"
            prop.append(f"{verb} {slot('chi_dao.chuong_trinh_phat_thanh')} {noun}")
        told = [f for f in self.facts if f.section == "I" and f.kind == "event" and "doi thoai" in fold_lower(f.text)]
        if self.has("chi_dao.doi_thoai") and not told:  # a dialogue told with its subject is written as told
            prop.append(f"lãnh đạo tổ chức {slot('chi_dao.doi_thoai')} cuộc đối thoại với người dân, doanh nghiệp")
        if not prop:
            return []
        tail = "".join(f"; {(c := clause(dated(f).text))[:1].lower()}{c[1:]}" for f in joined)
        return [Paragraph(text="Về công tác thông tin, tuyên truyền CCHC: " + ", ".join(prop) + tail + ".",
                          sources=[f.origin for f in joined])]
