"""Sections III (assessment), IV (next tasks) and V (recommendations), from what the official supplied.

- A strength or a shortcoming is written only when a figure or a fact supports it; a shortcoming carries
  the official's cause, or a visible request for it, never an invented one.
- A verdict ("đạt", "chưa đạt") is given only against a target the official supplied, naming its source.
- Next tasks are the official's, plus the tasks still pending; recommendations are the official's and are
  addressed to the right level. Anything else is a marked proposal (or left out, by setting)."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.chain.grounding import slot
from drafting.chain.proposer import Proposer
from drafting.chain.substance import body_dates, clause, sentence
from drafting.figures.facts import HARDSHIP, PENDING_TASKS, WITHIN_TIME_TASKS, Fact, Target
from drafting.figures.figureset import FigureSet, changes, format_value
from drafting.figures.periods import TWO_LEVEL_FROM
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY, in_sentence
from drafting.models import Paragraph, ReportMeta


def desk(meta: ReportMeta) -> str:
    """Where dossiers are received: a province has its public-administration service centre."""
    return "Trung tâm Phục vụ hành chính công" if meta.level == "tỉnh" else "Bộ phận Một cửa"


def upper_level(meta: ReportMeta) -> str:
    """Who the recommendations address: the parent body when given, else by level and era."""
    if meta.parent:
        return meta.parent
    if meta.level == "xã":
        return "Ủy ban nhân dân huyện" if meta.date < TWO_LEVEL_FROM else "Ủy ban nhân dân tỉnh"
    if meta.level in ("huyện", "sở"):
        return "Ủy ban nhân dân tỉnh"
    return "Bộ Nội vụ"


def _covers(fact: Fact, *words: str) -> bool:
    t = fold_lower(fact.text)
    return any(w in t for w in words)


# "Một nhiệm vụ UBND tỉnh giao về … chưa hoàn thành": the official's own words for the tasks given from above and not
# done, whoever gave them (cấp trên, UBND tỉnh, Thành phố) — the figure's sentence would say it twice
_UNDONE_GIVEN = re.compile(r"\bnhiem vu\b[^.;]*\bgiao\b[^.;]*\bchua (?:hoan thanh|xong|thuc hien)")


def _late_dossiers_alone(fact: Fact) -> bool:
    """"Hồ sơ quá hạn do …" names the late dossiers and nothing narrower (no field, no count): the period's count of
    late dossiers is what it speaks of; "hồ sơ đất đai quá hạn" is a part of it and keeps its own words."""
    words = re.sub(r"\b(con|mot so|van|bi|tinh trang|giai quyet|viec|de|xay ra|co)\b", " ", fold_lower(fact.text))
    return bool(re.fullmatch(r"\s*(?:ho so\s+)?(qua|tre) (han|hen)\s*[.;]?\s*", words))  # "Quá hạn do …" too


# "Hồ sơ quá hạn chủ yếu thuộc lĩnh vực đất đai": the late dossiers with where most of them were, said after the count
_MAINLY_LATE = re.compile(r"\s*(?:con\s+)?(?:cac\s+)?(?:ho so\s+)?(?:giai quyet\s+)?(?:qua|tre) (?:han|hen)\s*,?\s*"
                          r"((?:chu yeu|phan lon|tap trung)\b.+)$")


class Assessment:
    def __init__(self, meta: ReportMeta, fs: FigureSet, facts: list[Fact], targets: list[Target], propose: Proposer):
        self.m = meta
        self.fs = fs
        self.facts = facts
        self.targets = targets
        self.propose = propose
        self._verdicts = self._judge()  # once: strengths take the met ones, shortcomings the missed ones

    # verdicts -------------------------------------------------------------------------------------
    def _judge(self) -> tuple[list[Paragraph], list[tuple[Target, Paragraph]]]:
        """(met, not met): each stated against its target and the document that set it."""
        met, missed = [], []
        self._unjudged: list[Paragraph] = []
        for t in self.targets:
            value = self.fs.get(t.key)
            goal = format_value(t.value, t.unit)
            if value is None:  # no verdict without the figure; the figures that would give it are asked for
                derived = DERIVED_BY_KEY.get(t.key)
                lacking = [in_sentence(FIELD_BY_KEY[k].label) for k in (derived.inputs if derived else [t.key])
                           if self.fs.get(k) is None and k in FIELD_BY_KEY]
                self._unjudged.append(Proposer.ask(
                    f"số liệu {'; '.join(lacking) or 'của chỉ tiêu'} — để đánh giá chỉ tiêu {in_sentence(t.label)} {goal} theo "
                    f"{body_dates(t.source)}", "bullet"))
                continue
            ok = value <= t.value if t.ceiling else value >= t.value
            word = ("không vượt" if ok else "vượt") if t.ceiling else ("đạt" if ok else "chưa đạt")
            text = (f"- {t.label} là {slot(t.key)}, {word} chỉ tiêu {goal} theo {body_dates(t.source)}.")
            para = Paragraph(text=text, style="bullet", sources=[t.key, t.origin])
            (met if ok else missed).append((t, para))
        return [p for _, p in met], missed

    # III ------------------------------------------------------------------------------------------
    def strengths(self) -> list[Paragraph]:
        out = [Paragraph(text=f"- {sentence(f.text)}", style="bullet", sources=[f.origin])
               for f in self.facts if f.section == "III" and f.kind in ("note", "progress", "initiative")]
        out += self._verdicts[0]
        if self.fs.get("tthc.ho_so_qua_han") == 0 and self.fs.get("tthc.ho_so_da_giai_quyet"):
            out.append(Paragraph(text=f"- Không có hồ sơ giải quyết quá hạn trong tổng số {slot('tthc.ho_so_da_giai_quyet')} "
                                      "hồ sơ đã giải quyết.", style="bullet", sources=["tthc.ho_so_qua_han"]))
        return out

    def candidate_strengths(self) -> list[Paragraph]:
        """When the official named no strength: the headline figures that may be one, each marked for confirmation
        (calling a figure a strength is the official's verdict): the on-time rate, what was done in full, what grew
        against the period compared with. At most three; the figures come from slots, computed in code."""
        judged = {t.key for t in self.targets}
        out: list[str] = []
        if self.fs.get("tthc.ty_le_dung_han") is not None and "tthc.ty_le_dung_han" not in judged:
            out.append(f"Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt {slot('tthc.ty_le_dung_han')}")
        for key, what in (("tthc.ty_le_pakn_xu_ly", "phản ánh, kiến nghị tiếp nhận trong kỳ đã được xử lý"),
                          ("chi_dao.ty_le_nhiem_vu_cap_tren_dung_han", "nhiệm vụ cấp trên giao hoàn thành đúng hạn"),
                          ("cds.ty_le_ky_so", "văn bản đi dưới dạng điện tử có chữ ký số")):
            if self.fs.get(key) == 100 and key not in judged:
                out.append(f"{slot(key)} {what}")
        against = (changes(self.fs, period=self.m.period, year=self.m.year), changes(self.fs, "same_period", self.m.period, self.m.year))
        for key, what in (("tthc.ho_so_truc_tuyen", "Số hồ sơ tiếp nhận trực tuyến"),
                          ("tthc.ho_so_da_giai_quyet", "Số hồ sơ đã giải quyết")):
            grown = [c for c in (a.get(key) for a in against) if c and c.delta > 0]
            if grown:
                out.append(f"{what} {grown[0].phrase('hồ sơ')}")
        return [p for text in out[:3] for p in self.propose(text, "bullet")]

    def shortcomings(self) -> list[Paragraph]:
        out: list[Paragraph] = []
        facts = [f for f in self.facts if f.kind == "shortcoming"]

        def with_cause(text: str, cause: str, sources: list[str]) -> None:
            out.append(Paragraph(text=f"- {sentence(text)}", style="bullet", sources=sources))
            if cause:
                out.append(Paragraph(text=f"Nguyên nhân: {clause(cause)}.", sources=sources))
            elif not HARDSHIP.match(fold_lower(text)):  # a difficulty is a circumstance: no cause asked of it
                out.append(Proposer.ask("nguyên nhân của hạn chế trên (chủ quan, khách quan)"))

        late = self.fs.get("tthc.ho_so_qua_han")
        if late and not any(_covers(f, "qua han", "tre han") for f in facts):
            with_cause(f"Còn {slot('tthc.ho_so_qua_han')} hồ sơ giải quyết quá hạn", "", ["tthc.ho_so_qua_han"])
        pending = self.fs.get("chi_dao.nhiem_vu_cap_tren_chua_xong")
        pending = pending if self.fs.nouns.get("chi_dao.nhiem_vu_cap_tren_chua_xong") != WITHIN_TIME_TASKS else None
        if pending and not any(_covers(f, "cap tren giao") or _UNDONE_GIVEN.search(fold_lower(f.text)) for f in facts):
            with_cause(f"Còn {slot('chi_dao.nhiem_vu_cap_tren_chua_xong')} nhiệm vụ cấp trên giao chưa hoàn thành", "",
                       ["chi_dao.nhiem_vu_cap_tren_chua_xong"])
        used: set[int] = set()
        for target, para in self._verdicts[1]:
            # the official's own shortcoming about the same figure carries the cause
            core = set(fold_lower(target.label).split()) - {"ty", "le", "so", "ho", "cua"}
            same = next((i for i, f in enumerate(facts) if i not in used and core
                         and len(core & set(fold_lower(f.text).split())) >= 0.6 * len(core)), None)
            out.append(para)
            if same is not None:
                used.add(same)
                if facts[same].cause:
                    out.append(Paragraph(text=f"Nguyên nhân: {clause(facts[same].cause)}.", sources=[facts[same].origin]))
                    continue
            out.append(Proposer.ask("nguyên nhân chưa đạt chỉ tiêu"))
        for i, f in enumerate(facts):
            if i in used:
                continue
            if late and _late_dossiers_alone(f):  # "Còn 09 hồ sơ giải quyết quá hạn", with the official's cause
                with_cause(f"Còn {slot('tthc.ho_so_qua_han')} hồ sơ giải quyết quá hạn", f.cause,
                           ["tthc.ho_so_qua_han", f.origin])
            elif late and (mainly := _MAINLY_LATE.match(fold_lower(f.text))):  # "…, chủ yếu lĩnh vực đất đai": counted
                with_cause(f"Còn {slot('tthc.ho_so_qua_han')} hồ sơ giải quyết quá hạn, {f.text[mainly.start(1):]}",
                           f.cause, ["tthc.ho_so_qua_han", f.origin])
            elif pending and f.text == PENDING_TASKS:  # counted, with its cause
                with_cause(f"Còn {slot('chi_dao.nhiem_vu_cap_tren_chua_xong')} nhiệm vụ cấp trên giao chưa hoàn thành",
                           f.cause, ["chi_dao.nhiem_vu_cap_tren_chua_xong", f.origin])
            else:
                with_cause(f.text, f.cause, [f.origin])
        return out

    def section_III(self) -> list[Paragraph]:
        p = [Paragraph(text="1. Ưu điểm", style="subheading")]
        strengths = self.strengths() or self.candidate_strengths()
        p += strengths or self.propose("Công tác cải cách hành chính được quan tâm lãnh đạo, chỉ đạo; các nhiệm vụ "
                                       f"trong {self.m.period_text} cơ bản được triển khai theo kế hoạch", "bullet")
        p.append(Paragraph(text="2. Tồn tại, hạn chế và nguyên nhân", style="subheading"))
        weak = self.shortcomings()
        p += weak or [Proposer.ask("tồn tại, hạn chế trong kỳ và nguyên nhân (nếu có)", "bullet")]
        return p + self._unjudged

    # IV -------------------------------------------------------------------------------------------
    def section_IV(self, program: str | None) -> list[Paragraph]:
        own = [f for f in self.facts if f.section == "IV" and f.kind in ("task", "note", "progress")]
        pending = [f for f in self.facts if f.kind == "task" and f.section != "IV" and f.status and not f.done]
        # a next task with the official's status keeps it: "Triển khai bệnh án điện tử … (đang thực hiện)"
        p = [Paragraph(text=f"- {sentence(f'{clause(f.text)} ({f.status})' if f.kind == 'task' and f.status else f.text)}",
                       style="bullet", sources=[f.origin]) for f in own]
        p += [Paragraph(text=f"- Tiếp tục thực hiện: {clause(f.text)}.", style="bullet", sources=[f.origin])
              for f in pending]
        if self.m.period == "năm":
            if not any(_covers(f, "ke hoach cai cach hanh chinh nam", "ke hoach cchc nam") for f in own):
                p += self.propose(f"Ban hành Kế hoạch cải cách hành chính năm {self.m.year + 1}", "bullet")
        if not own:
            p += self.propose("Tiếp tục triển khai các nhiệm vụ cải cách hành chính còn lại của kế hoạch năm"
                              + (f"; thực hiện {program}" if program else ""), "bullet")
            if self.fs.get("tthc.ho_so_qua_han"):
                p += self.propose(f"Chấn chỉnh việc giải quyết hồ sơ tại {desk(self.m)}, không để phát sinh hồ sơ "
                                  "quá hạn", "bullet")
        return p

    # V --------------------------------------------------------------------------------------------
    def section_V(self) -> list[Paragraph]:
        own = [f for f in self.facts if f.kind == "proposal"]
        if own:
            return [Paragraph(text=f"- {sentence(f.text)}", style="bullet", sources=[f.origin]) for f in own]
        return self.propose(f"Đề nghị {upper_level(self.m)} quan tâm hướng dẫn, hỗ trợ thực hiện các nhiệm vụ "
                            "cải cách hành chính", "bullet")
