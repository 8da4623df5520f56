"""What the reader of figures in text (figure_text.py) returns: each figure with the words and span it was read
from, stated rates to check, numbers with two readings (asked, never guessed) and numbers left unread."""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

from drafting.figures.schema import FIELD_BY_KEY

APPROX = "số ước tính (“khoảng”, “gần”, “hơn”): cần xác nhận số chính xác"


class ReadFigure(BaseModel):
    key: str
    label: str
    value: Decimal
    quote: str = Field(description="the number exactly as written")
    phrase: str = Field(description="the words that named it")
    start: int
    end: int
    section: str = ""
    confidence: float = 0.9
    note: str = ""
    after: bool = Field(default=False, description="the naming words follow the number (“05 cuộc họp”)")
    noun: str = Field(default="", description="what is counted, as written, where the draft should say it so "
                                               "(“5 khu phố”, not “05 cơ quan, đơn vị”)")
    said: str = Field(default="", description="the number as the official wrote it when in words (“hai”); "
                                              "quote keeps its digits")

    @property
    def approx(self) -> bool:
        return self.note == APPROX

    @property
    def words(self) -> str:
        """The number with the words that named it, in the text's order (once, where the words hold the number)."""
        # "duy trì áp dụng … ISO 9001:2015": a yes/no figure named by its whole sentence; "100% đúng hạn": a count
        # said by its share, whose words hold the number already
        if self.quote == self.phrase or re.search(rf"(?<![\d.,]){re.escape(self.quote)}(?![\d.,])", self.phrase):
            return self.phrase
        # a percentage with its sign, as typed ("98,6% hài lòng", not "98,6 hài lòng")
        number = self.said or self.quote + ("%" if FIELD_BY_KEY[self.key].unit == "%" else "")
        return f"{number} {self.phrase}" if self.after else f"{self.phrase} {number}".strip()


class StatedRate(BaseModel):
    key: str = Field(description="a derived rate (tthc.ty_le_dung_han) the text states")
    value: Decimal
    quote: str
    start: int
    end: int
    section: str = ""
    context: str = ""
    # "vượt 12% so với dự toán": the text says how far above its base, so value holds 100 + 12, the rate meant
    above: bool = False


class Ambiguous(BaseModel):
    quote: str
    context: str
    options: list[str]
    start: int
    end: int
    section: str = ""


UNCLEAR = "không rõ là chỉ tiêu nào"  # a count no phrase around it names
MISMATCH = "không khớp"  # a count said twice, or a rest said, that the other counts do not give: always asked about
LEVEL_ONLY = "số của riêng một cấp, không phải tổng của đơn vị"  # "Cấp tỉnh tiếp nhận 41.200 hồ sơ"


class Unread(BaseModel):
    quote: str
    context: str
    reason: str
    start: int = 0
    end: int = 0
    column: str = ""  # a table's column it sits in, when that is why it was not read ("Năm 2025", "Cấp xã")


class TextReading(BaseModel):
    figures: list[ReadFigure] = Field(default_factory=list)
    rates: list[StatedRate] = Field(default_factory=list)
    ambiguous: list[Ambiguous] = Field(default_factory=list)
    unread: list[Unread] = Field(default_factory=list)

    def values(self) -> dict[str, Decimal]:
        """The first value read for each figure: in a report, the statistics appendix's where it states one surely
        (the unit's figure for the indicator, where the body may give a part: "… sau khi chuẩn hóa là 1.849", "… ngành
        dọc là 123" beside the table's 1.972), then the one in its own section, then any."""
        out: dict[str, Decimal] = {}
        table = [f for f in self.figures if f.section == "phu_luc" and f.confidence >= 0.8]
        own = [f for f in self.figures if f.section == FIELD_BY_KEY[f.key].section]
        for f in table + own + self.figures:
            out.setdefault(f.key, f.value)
        return out

    def extend(self, other: TextReading) -> None:
        self.figures += other.figures
        self.rates += other.rates
        self.ambiguous += other.ambiguous
        self.unread += other.unread
