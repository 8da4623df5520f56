"""Rests said in words beside the two counts they are the rest of: tasks of the plan still under way, complaints
not yet dealt with, issues found not yet put right, a staff quota not filled — taken as said when whole − done gives
them, asked about when not, never a figure of their own. A part of the figure reader (figure_links.LinkedReading)."""

from __future__ import annotations

import re
from decimal import Decimal

from drafting.inputs.text_reading import MISMATCH, Unread

# "01 đang xem xét", "1 phản ánh đang xử lý": complaints not yet dealt with
_COMPLAINTS_LEFT = re.compile(r"\s*(?:(?:phan anh|kien nghi|pakn)(?:\s*,\s*kien nghi)?\s+)?(?:con\s+)?(?:dang (?:xem xet|xu ly|giai quyet)|"
                              r"chua (?:xu ly|giai quyet))\b")
_ISSUES_LEFT = re.compile(r"(?:\s+[a-z]+){0,5}?\s+(?:(?:van\s+)?chua (?:duoc\s+)?|dang (?:duoc\s+)?)"
                          r"(?:khac phuc|xu ly|chan chinh|giai quyet|sua chua)\b")
# "được giao 22 biên chế, có mặt 21 công chức, còn thiếu 2 biên chế": the quota not filled, the rest of the two
_SHORT_BEFORE = re.compile(r"\b(?:con )?thieu\s*$")
_LEFT_BEFORE = re.compile(r"(?:con\s+)?(?:dang (?:xem xet|xu ly|giai quyet)|chua (?:xu ly|giai quyet)(?: xong)?)\s*:?\s*$")
# "4 nhiệm vụ đang thực hiện", "còn 4 nhiệm vụ chưa hoàn thành": the noun, then the state of the tasks
# "1 nhiệm vụ chuyển sang năm 2027": carried to the next year, not done
# (a subject may come first: "02 nhiệm vụ về số hóa hồ sơ văn bằng đang thực hiện")
_PENDING = re.compile(r"\s*(?:(?:ve|lien quan den)\s[^.;\d,]{0,50}?\s)?(?:dang (?:thuc hien|trien khai)|chua hoan thanh|con lai|dang lam|chuyen (?:tiep )?(?:sang|qua))\b")
# "02 nhiệm vụ của Kế hoạch CCHC chưa hoàn thành", "3 nhiệm vụ trong kế hoạch chưa hoàn thành": of the unit's own plan
_OF_PLAN_PENDING = re.compile(r"\s*(?:cua|trong|thuoc)\s+(?:ke hoach|kh)\b[^.;\d]{0,40}?" + _PENDING.pattern)


class RestReading:
    """Mixed into the figure reader: uses its text (folded), its reading and its spans."""

    def read_plan_remainder(self, quote: str, value: Decimal, s: int, e: int, noun: str | None, noun_end: int) -> bool:
        """"Kế hoạch … với 62 nhiệm vụ; đã hoàn thành 58 nhiệm vụ, 4 nhiệm vụ đang thực hiện": the rest of the unit's
        own plan, which the draft computes from the two counts — no task set by a higher level. Said once more
        and matching, it is taken as said; not matching, it is asked about."""
        of_plan = _OF_PLAN_PENDING.match(self.folded, noun_end)
        if noun != "nhiệm vụ" or not (_PENDING.match(self.folded, noun_end) or of_plan):
            return False
        held = {f.key: f.value for f in self.reading.figures}
        planned, done = held.get("chi_dao.nhiem_vu_ke_hoach"), held.get("chi_dao.nhiem_vu_hoan_thanh")
        if re.search(r"\b(?:cap tren|giao)\b", self.folded[self.sentence_start(s):noun_end + 30]):
            return False
        if of_plan and (planned is None or done is None):  # "02 nhiệm vụ của Kế hoạch CCHC chưa hoàn thành", alone:
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=(
                "nhiệm vụ của kế hoạch chưa hoàn thành: phần còn lại, tính từ số nhiệm vụ của kế hoạch và số đã hoàn thành")))
            return True  # no count of the plan, nor a task set from above
        if planned is None or done is None or any(k.startswith("chi_dao.nhiem_vu_cap_tren") for k in held):
            return False
        self.check_rest(quote, value, s, e, planned, done, ("nhiệm vụ của kế hoạch chưa hoàn thành", "kế hoạch", "đã hoàn thành"))
        return True

    def read_complaints_left(self, quote: str, value: Decimal, s: int, e: int, noun: str | None) -> bool:
        """"Nhận 03 phản ánh, kiến nghị …; đã giải quyết xong 02, 01 đang xem xét": the complaints not yet dealt with, the
        rest of the two counts — taken as said when it matches, asked about when it does not; no figure of its own."""
        start = self.line_start(s)  # past ";"
        held = {f.key: f.value for f in self.reading.figures if f.start >= start}
        received, handled = held.get("tthc.pakn_tiep_nhan"), held.get("tthc.pakn_da_xu_ly")
        if noun not in (None, "phản ánh", "kiến nghị") or received is None or handled is None or not (
                _COMPLAINTS_LEFT.match(self.folded, e) or _LEFT_BEFORE.search(self.folded, max(start, s - 40), s)):
            return False  # "01 đang xem xét", and "…, đã xử lý 55, đang xử lý 3" with the words before the count
        self.check_rest(quote, value, s, e, received, handled, ("phản ánh chưa xử lý xong", "tiếp nhận", "đã xử lý"))
        return True

    def read_left(self, quote: str, value: Decimal, s: int, e: int, noun: str | None, noun_end: int) -> bool:
        """A rest said in words: issues not yet put right, or a staff quota not yet filled."""
        return self.read_issues_left(quote, value, s, e, noun, noun_end) or self.read_staff_short(quote, value, s, e, noun)

    def read_staff_short(self, quote: str, value: Decimal, s: int, e: int, noun: str | None) -> bool:
        """"Được giao 22 biên chế công chức, có mặt 21 công chức, còn thiếu 2 biên chế": the quota less those present —
        checked when both are said in the sentence, else left for the official (the table computes it)."""
        if noun != "người" or not _SHORT_BEFORE.search(self.folded, max(0, s - 12), s):
            return False
        return self.rest_of_line(quote, value, s, e, ("to_chuc.bien_che_giao", "to_chuc.bien_che_co_mat"),
                                 ("biên chế còn thiếu", "được giao", "có mặt"), "biên chế được giao và số có mặt")

    def read_issues_left(self, quote: str, value: Decimal, s: int, e: int, noun: str | None, noun_end: int) -> bool:
        """"Còn 8 vấn đề phát hiện qua kiểm tra chưa được khắc phục", "còn 3 tồn tại chưa khắc phục": the issues not yet put
        right — neither those found nor those fixed, whatever verb is in the words; the rest of the two counts when both
        are said beside it, else a number left for the official (section III may say it in words)."""
        if noun != "vấn đề" or not _ISSUES_LEFT.match(self.folded, noun_end):
            return False
        return self.rest_of_line(quote, value, s, e, ("chi_dao.van_de_phat_hien", "chi_dao.van_de_da_xu_ly"),
                                 ("tồn tại chưa khắc phục", "phát hiện", "đã khắc phục"), "số phát hiện và số đã khắc phục")

    def rest_of_line(self, quote: str, value: Decimal, s: int, e: int, keys: tuple[str, str],
                     words: tuple[str, str, str], from_what: str) -> bool:
        """A rest said in words, checked against the whole and the done its line states (check_rest); when the line does
        not state both, left for the official with what it is computed from."""
        held = {f.key: f.value for f in self.reading.figures if f.start >= self.line_start(s)}
        whole, done = held.get(keys[0]), held.get(keys[1])
        if whole is not None and done is not None:
            self.check_rest(quote, value, s, e, whole, done, words)
        else:
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e,
                                              reason=f"{words[0]}: phần còn lại, tính từ {from_what}"))
        return True

    def check_rest(self, quote: str, value: Decimal, s: int, e: int, whole: Decimal, done: Decimal,
                   words: tuple[str, str, str]) -> None:
        """The rest of two counts, said in words: taken as said when whole − done gives it, asked about when not."""
        if value != whole - done:
            what, of_whole, of_done = words
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=(
                f"{what} {MISMATCH}: {of_whole} {whole} − {of_done} {done} = {whole - done}")))
