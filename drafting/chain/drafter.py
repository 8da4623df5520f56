"""The drafting chain: for each outline section, retrieve precedent (same section of past reports)
and the law in force on the report's date, let the LLM write prose with figure slots (or the
deterministic writer when there is no LLM or it fails), fill the slots from code, then verify every
number and strip other localities' names. The result is a ReportDraft, never raw model text."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableLambda

from corpus.errors import BackendError
from corpus.registry import Registry
from corpus.text import fold_lower
from drafting.chain.grounding import MARK, SLOT_RE, GroundingContext, fill_slots, ground, unaccented_findings
from drafting.chain.input_checks import input_findings
from drafting.chain.model_check import fragment, mark_unsupported, tidy, without_heading
from drafting.chain.precedent import (
    foreign_names,
    mask_for_prompt,
    place_names,
    style_sentences,
)
from drafting.chain.proposer import Proposer, Unsupported
from drafting.chain.substance import told_in_words, with_figure_notes
from drafting.chain.writer import DeterministicWriter
from drafting.figures.facts import Fact, Target
from drafting.figures.figureset import Change, FigureSet
from drafting.figures.outline import DRAFTED, SECTION_BY_KEY, heading, passage_place
from drafting.figures.schema import FIELD_BY_KEY, in_sentence, online_rate_keys
from drafting.law.catalog import LawCatalog
from drafting.llm.backends import ModelHealth, looks_like_text
from drafting.llm.prompting import PROMPTS_DIR, load_prompt
from drafting.llm.safety import has_injection, strip_invisible
from drafting.models import (
    ASK_OPEN,
    DraftEvent,
    DraftFinding,
    Paragraph,
    Proposal,
    ReportDraft,
    ReportMeta,
    Section,
    SourceRef,
)
from retrieval.search import HybridSearcher, SearchFilter, SearchHit

log = logging.getLogger("troly.drafting")
SLOW_DRAFT_S = 30.0  # a draft slower than this is logged at INFO
MAX_BARE_NUMBERS = 2  # bare numbers tolerated (and removed) in a model-written section before falling back
Progress = Callable[[str, int, int], None]  # (section key, done, total)
TokenSink = Callable[[str, str], None]  # (section key, text piece)

def build_section_chain(model: BaseChatModel, prompts_dir=PROMPTS_DIR) -> Runnable:
    """inputs dict → prompt (system + section) → model → message chunks. Plain LCEL, no agent. No output parser at
    the end: with one, closing the stream early (a looping model) still pulled every token (langchain-core 1.7)."""
    system = load_prompt("system", prompts_dir)
    section = load_prompt("section", prompts_dir)
    prompt = ChatPromptTemplate.from_messages([("system", system.template), ("human", section.template)])
    return prompt | model


def _clean_llm_text(text: str) -> list[Paragraph]:
    paras = []
    for line in re.split(r"\n\s*\n|\n(?=[-+•*] |\d{1,2}[.)] )", strip_invisible(text).strip()):
        line = re.sub(r"\s+", " ", line).strip()
        line = re.sub(r"^#+\s*|\*\*", "", line)
        if not line or (re.fullmatch(r"(?:[IVX]+|\d+(?:\.\d+)*)\.?\s+[A-ZĐÂĂÊÔƠƯ].{0,100}", line) and len(line) < 110
                        and not line.endswith(".")):
            continue  # a heading the model added
        # the model numbered the sentences it was given: "1. … người. 2. Việc này …"
        line = re.sub(r"(?:^|(?<=[.;:]))\s*\d{1,2}[.)]\s+(?=[^\W\d])", " ", line).strip()
        style = "bullet" if line.startswith(("- ", "+ ", "• ", "* ")) else "body"
        if style == "bullet":
            line = "- " + line[2:].strip()
        paras.append(Paragraph(text=line, style=style))
    return paras


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def _said_before(sentence: str, seen: set[str]) -> bool:
    """A sentence of some length the model already wrote (a 1,5B model loops on short sections)."""
    key = re.sub(r"\s+", " ", sentence).strip().lower()
    if len(key) >= 25 and key in seen:
        return True
    seen.add(key)
    return False


def _repeating(text: str) -> bool:
    seen: set[str] = set()
    return any(_said_before(x, seen) for x in _SENTENCE_END.split(text)[:-1])  # the last may be unfinished


def _kept_sentences(paras: list[Paragraph]) -> list[Paragraph]:
    """Without sentences carrying the precedent's masks ("…", "[địa phương]": copied from another unit's report)
    and without the model's repeats."""
    out, seen = [], set()
    for p in paras:
        kept = [x for x in _SENTENCE_END.split(p.text)
                if "…" not in x and "[địa phương]" not in x and not _said_before(x, seen)]
        if kept:
            out.append(p.model_copy(update={"text": " ".join(kept)}))
    return out


def _source(h: SearchHit) -> SourceRef:
    return SourceRef(doc_id=h.doc_id, title=h.title, kind=h.kind, location=passage_place(h.kind, h.outline_key, h.location),
                     chunk_id=h.chunk_id)


def count_subject(label: str) -> str:
    """A count's label as a sentence's subject: "Số hồ sơ kỳ trước chuyển sang là …", "Số hội nghị, cuộc họp về CCHC
    đã tổ chức tăng …" — the label names the things, the sentence speaks of how many."""
    return label if label.startswith(("Tỷ lệ", "Tổng số", "Số ")) else f"Số {in_sentence(label)}"


def figure_sentence(key: str, fs: FigureSet) -> str:
    """One figure as a sentence of its own: "Số hồ sơ kỳ trước chuyển sang là 05 hồ sơ."."""
    spec = FIELD_BY_KEY[key]
    return f"{count_subject(spec.label)} là {{{key}}}" + ("." if spec.unit == "%" else f" {spec.unit}.")


# a level and the figure that counts its fall in the period
_CUT_OF = {"to_chuc.don_vi_su_nghiep": "to_chuc.don_vi_su_nghiep_giam"}


def with_every_figure(key: str, fs: FigureSet, paras: list[Paragraph], compared: tuple[Change, ...] | list[Change] = ()) -> list[Paragraph]:
    """Every figure the official gave for this section is stated: those the prose did not place (a part
    given without its total, a slot the model left out) get a sentence each, so nothing entered is dropped
    and no line is a dump of fields. So is each comparison with last period's figures (compared, computed in code)
    that no sentence says yet: "Tổng số TTHC thuộc thẩm quyền giải quyết tăng 14 thủ tục (0,76%) so với kỳ trước."."""
    stated = {m.group(1) for p in paras for m in SLOT_RE.finditer(p.text)}
    # a zero is said in words by the section's own sentences or left out: "đúng hạn: 0" reads as if nothing was
    rest = [k for k, spec in FIELD_BY_KEY.items() if spec.section == key and fs.values.get(k)
            and k not in stated and spec.kind != "flag"]
    paras, rest = told_in_words(fs, list(paras), rest)
    paras = [*paras, *(Paragraph(text=figure_sentence(k, fs), sources=[k]) for k in rest)]
    said = " ".join(p.text for p in paras)
    unsaid: dict[str, list[str]] = {}
    for c in compared:
        spec = FIELD_BY_KEY[c.key]
        # "Hiện có 27 đơn vị …; trong kỳ giảm 04 đơn vị": the cut the official gave already tells this change
        cut = _CUT_OF.get(c.key)
        if cut and c.delta < 0 and fs.values.get(cut) == -c.delta:
            continue
        if spec.section == key and c.phrase(spec.unit) not in said and c.phrase(spec.unit, bracketed=True) not in said \
                and c.phrase(spec.unit) not in unsaid.get(c.key, []):
            unsaid.setdefault(c.key, []).append(c.phrase(spec.unit))
    for k, ps in unsaid.items():  # right after the sentence that states the figure, else at the section's end
        at = next((i + 1 for i in range(len(paras) - 1, -1, -1) if "{" + k + "}" in paras[i].text), len(paras))
        paras.insert(at, Paragraph(text=f"{count_subject(FIELD_BY_KEY[k].label)} {'; '.join(ps)}.", sources=[k]))
    return paras


class Drafter:
    def __init__(self, searcher: HybridSearcher | None, registry: Registry, model: BaseChatModel | None = None,
                 known_places: set[str] | None = None, prompts_dir=PROMPTS_DIR, precedent_k: int = 3,
                 health: ModelHealth | None = None, unsupported: Unsupported = "mark"):
        self.searcher = searcher
        self.unsupported = unsupported
        self.health = health or ModelHealth()
        self.registry = registry
        self.model = model
        self.known_places = set(known_places or ())
        self.prompts_dir = prompts_dir
        self.chain = build_section_chain(model, prompts_dir) if model is not None else None
        self._unreadable = 0  # model answers in a row that were not Vietnamese text
        self.precedent_k = precedent_k

    def warm(self) -> float:
        """Ready the model for the first section (the app calls this at start); 0 when there is nothing to warm."""
        warm = getattr(self.model, "warm", None)
        return warm(load_prompt("system", self.prompts_dir).format()) if warm else 0.0

    # retrieval ---------------------------------------------------------------------------------
    def precedent(self, key: str, meta: ReportMeta) -> list[SearchHit]:
        if self.searcher is None:
            return []
        sec = SECTION_BY_KEY[key]
        # the unit's own past reports first (its final versions saved from the review tab), then any unit's
        own = self.searcher.search(sec.topic, k=self.precedent_k, flt=SearchFilter(
            kind="report", outline_key=key, as_of=meta.date, locality=meta.locality)) if meta.locality else []
        rest = self.searcher.search(sec.topic, k=self.precedent_k,
                                    flt=SearchFilter(kind="report", outline_key=key, as_of=meta.date))
        seen = {h.chunk_id for h in own}
        hits = own + [h for h in rest if h.chunk_id not in seen]
        return hits[:self.precedent_k]  # text that carries instructions is masked before a model sees it, never reused

    def law_hits(self, key: str, meta: ReportMeta) -> list[SearchHit]:
        if self.searcher is None:
            return []
        return self.searcher.search(SECTION_BY_KEY[key].topic, k=6, flt=SearchFilter(kind="regulation", as_of=meta.date))

    # drafting ----------------------------------------------------------------------------------
    def draft(self, meta: ReportMeta, fs: FigureSet, sections: list[str] | None = None,
              on_progress: Progress | None = None, on_token: TokenSink | None = None,
              facts: list[Fact] | None = None, targets: list[Target] | None = None) -> ReportDraft:
        """The whole draft at once; `on_progress` and `on_token` see the events of `draft_events` as they come."""
        for ev in self.draft_events(meta, fs, sections, facts=facts, targets=targets):
            if ev.kind == "progress" and on_progress:
                on_progress(ev.section, ev.index, ev.total)
            elif ev.kind == "token" and on_token:
                on_token(ev.section, ev.text)
            elif ev.kind == "done":
                return ev.draft
        raise AssertionError("draft_events ended without a draft")

    def draft_events(self, meta: ReportMeta, fs: FigureSet, sections: list[str] | None = None,
                     facts: list[Fact] | None = None, targets: list[Target] | None = None) -> Iterator[DraftEvent]:
        """The draft as it is written: progress before each section, the model's tokens, each section when done,
        then the finished draft ("done"). A plain generator: whoever shows it pulls, no thread in between."""
        started = time.perf_counter()
        if sections is not None and set(DRAFTED) <= set(sections):
            sections = None  # every section asked for (the chat's "Soạn cả báo cáo"): the whole report, opening and all
        keys = [k for k in DRAFTED if sections is None or k in sections]
        facts, targets = list(facts or []), list(targets or [])
        law = LawCatalog(self.registry, meta.date)
        writer = DeterministicWriter(meta, fs, law, facts, targets, Proposer(self.unsupported))
        ctx = GroundingContext(fs, meta, self.registry, extra_refs=meta.basis, facts=facts, targets=targets)
        # the official's own places (hamlets, the parent district) are never "another locality"
        own = place_names(meta.locality, meta.issuer, meta.parent, meta.place, *(f.text for f in facts),
                          *(f.cause for f in facts), *(t.source for t in targets)) | {meta.place}
        _, other = online_rate_keys(meta.online_base, fs.derived)
        draft = ReportDraft(meta=meta, figures=[f for f in fs.figures() if f.key != other], figure_issues=list(fs.issues),
                            previous={k: str(v) for k, v in fs.previous.items()},
                            same_period={k: str(v) for k, v in fs.same_period.items()}, facts=facts, targets=targets,
                            llm=getattr(self.model, "_llm_type", "none") if self.model else "none")
        draft.findings += input_findings(meta, fs, facts, sections, keys)
        if sections is None:
            opening = writer.opening()
            draft.opening = self._finish(opening, fs, ctx, "mo_dau", own, set(), draft)[0]
        for i, key in enumerate(keys):
            yield DraftEvent(kind="progress", section=key, index=i, total=len(keys))
            section = yield from self._section(key, meta, fs, writer, ctx, own, draft)
            draft.sections.append(section)
            yield DraftEvent(kind="section", section=key, index=i + 1, total=len(keys))
        if sections is None:
            present = {s.key for s in draft.sections}
            for k in DRAFTED:
                if k not in present:
                    draft.findings.append(DraftFinding(kind="missing", severity="error", section=k,
                                                       message=f"Thiếu mục {SECTION_BY_KEY[k].heading}."))
        missing = [FIELD_BY_KEY[k].label for k in ("tthc.ho_so_tiep_nhan", "tthc.ho_so_da_giai_quyet") if not fs.has(k)]
        if missing and (sections is None or "II.2" in keys):
            draft.findings.append(DraftFinding(kind="missing", severity="info", section="II.2",
                                               message="Chưa có số liệu: " + "; ".join(missing) + "."))
        for s in draft.sections:
            for p in s.paragraphs:
                if p.proposed:  # a request for what only the official knows, or a sentence the official must own
                    asked = p.text.partition(ASK_OPEN)[2].rstrip("]")
                    draft.findings.append(DraftFinding(kind="proposal", severity="info", section=s.key, text=p.text,
                                                       message=f"Cần cán bộ bổ sung: {asked}." if asked else
                                                       "Câu do trợ lý đề xuất (không phải điều cán bộ đã nêu): xin xác "
                                                       "nhận, sửa hoặc xóa."))
                else:
                    draft.findings += unaccented_findings(s.key, p.text)
        yield DraftEvent(kind="progress", section="", index=len(keys), total=len(keys))
        seconds = time.perf_counter() - started
        (log.info if seconds > SLOW_DRAFT_S else log.debug)("draft of %d sections in %.1f s (model: %s)", len(keys),
                                                            seconds, draft.llm)
        yield DraftEvent(kind="done", draft=draft)

    def _section(self, key, meta, fs, writer, ctx, own, draft) -> Iterator[DraftEvent]:
        """One section; yields the model's tokens, returns the Section (`yield from`)."""
        sec = SECTION_BY_KEY[key]
        title = heading(key, meta.next_period_text)
        hits = self.precedent(key, meta)
        names = set(self.known_places)
        for h in hits:
            names |= place_names(h.text, h.locality, h.issuer)
        # precedent is offered, never inserted: the official chooses what to take (names and numbers masked)
        proposals = [Proposal(text=s, source=f"{h.title} — {h.location}".strip(" —"))
                     for h in hits if h.quality == "clean" for s in style_sentences(h.text, names, own)][:5]
        sources = [_source(h) for h in hits]
        paragraphs = self._deterministic(key, writer)
        writer_kind = "deterministic"
        # the assessment, next tasks and recommendations are the official's: a model would invent causes; a section
        # with no figure has nothing for a model to phrase (its text is the official's facts, or a request for them)
        # one sentence is already prose: given it alone, the model padded it with the precedent's content
        base = self._rephrasable(key, writer, paragraphs) if self.chain is not None else []
        use_model = (self.chain is not None and key not in ("III", "IV", "V")
                     and any(FIELD_BY_KEY[k].section == key for k in fs.values) and len(base) >= 2)
        down = self.health.down() if use_model else ""
        if down:
            note = f"{down} Trợ lý tạm dùng bản soạn tự động (không cần mô hình)."
            if not any(f.kind == "llm" and f.message == note for f in draft.findings):
                draft.findings.append(DraftFinding(kind="llm", severity="warning", section=key, message=note,
                                                   fallback=True))
        elif use_model:
            try:
                llm_paras = yield from self._llm_section(key, title, meta, base, hits, names, own)
                llm_paras = without_heading(llm_paras, title)
                unreadable = bool(llm_paras) and not looks_like_text(" ".join(p.text for p in llm_paras))
                self._unreadable = self._unreadable + 1 if unreadable else 0
                if self._unreadable >= 2:  # noise twice running: the server is broken, not one answer poor
                    raise BackendError("Mô hình ngôn ngữ trả về nội dung không đọc được (không phải văn bản tiếng Việt).")
                self.health.ok()  # the model answered: one poor answer is this section's fallback, not an outage
                if unreadable:
                    draft.findings.append(DraftFinding(kind="llm", severity="warning", section=key, fallback=True, message=(
                        "Mô hình ngôn ngữ trả về nội dung không đọc được (không phải văn bản tiếng Việt). "
                        "Mục này dùng bản soạn tự động.")))
                elif cut := fragment(llm_paras):  # the model lost what a figure counts: its section is unusable
                    log.info("section %s: model wrote a fragment, deterministic writer used: %s", key, cut)
                    draft.findings.append(DraftFinding(kind="llm", severity="warning", section=key, text=cut, fallback=True, message=(
                        "Mô hình viết câu cụt (chỉ có con số, không nói số gì); mục này dùng bản soạn tự động.")))
                elif llm_paras:
                    llm_paras, dropped = tidy(llm_paras, base, [p.text for p in writer.facts_for(key)])
                    fact_words = [set(fold_lower(f.text).split()) for f in writer.facts if f.section == key]
                    supplied = ctx.supplied_text + " " + fold_lower(" ".join(p.text for p in paragraphs))
                    llm_paras, left_out = mark_unsupported(llm_paras, writer.propose, fact_words, supplied)
                    if dropped or left_out:
                        draft.findings.append(DraftFinding(kind="llm", severity="info", section=key,
                                                           dropped=len(dropped) + left_out, message=(
                            f"Đã bỏ {len(dropped) + left_out} câu mô hình tự thêm (so sánh với kỳ không có số liệu, "
                            "nhắc lại số đã nêu, hoặc không có căn cứ).")))
                    paragraphs = with_every_figure(key, fs, self._law_sentences(key, writer, paragraphs) + llm_paras,
                                                   [*writer.changes.values(), *writer.changes_same.values()])
                    writer_kind = "llm"
                else:
                    draft.findings.append(DraftFinding(kind="llm", severity="info", section=key, fallback=True,
                                                       message="Mô hình không trả về nội dung; dùng bản soạn tự động."))
            except BackendError as exc:
                self.health.failed(exc.message)
                log.warning("section %s: model failed, deterministic writer used: %s | %s", key, exc.message, exc.detail)
                draft.findings.append(DraftFinding(kind="llm", severity="warning", section=key, fallback=True,
                                                   message=f"{exc.message} Mục này dùng bản soạn tự động."))
        if writer_kind == "llm":
            # a model must write every figure as a slot: a bare number is ungrounded even when it equals some
            # figure (it may be the right number in the wrong place); it is removed and reported. A model that
            # keeps doing it did not follow the discipline, and the section falls back to the deterministic writer
            strict = ctx.without_figures()
            checked = [(p, *ground(p.text, strict, key)) for p in paragraphs]
            bare = [f for _, _, found in checked for f in found]
            if len(bare) > MAX_BARE_NUMBERS:
                log.info("section %s: model wrote %d bare numbers, deterministic writer used", key, len(bare))
                draft.findings.append(DraftFinding(kind="llm", severity="warning", section=key, fallback=True, message=(
                    f"Mô hình tự viết {len(bare)} con số thay vì dùng số liệu được cung cấp; mục này dùng bản soạn tự động.")))
                paragraphs, writer_kind = self._deterministic(key, writer), "deterministic"
            else:
                draft.findings += bare
                # the official's facts follow what the model wrote; the model never saw them, so they are not its numbers
                paragraphs = [p.model_copy(update={"text": text}) for p, text, _ in checked] + writer.facts_for(key)
        # a decree is a source of a section only where the section cites it: one that merely shares the topic is not
        cited = {c.number for c in writer.citations.get(key, [])}
        first: dict[str, SearchHit] = {}
        for h in self.law_hits(key, meta):
            if h.number in cited:
                first.setdefault(h.number, h)  # one passage per decree
        law_sources = [_source(h) for h in first.values()]
        paragraphs, used = self._finish(paragraphs, fs, ctx, key, own, names, draft)
        return Section(key=key, heading=title, level=sec.level, paragraphs=paragraphs, figures=used,
                       sources=sources + law_sources, citations=writer.citations.get(key, []), proposals=proposals,
                       writer=writer_kind)

    def _deterministic(self, key: str, w: DeterministicWriter) -> list[Paragraph]:
        fn = {"I": w.section_I, "II.1": w.section_II_1, "II.2": w.section_II_2, "II.3": w.section_II_3,
              "II.4": w.section_II_4, "II.5": w.section_II_5, "II.6": w.section_II_6}.get(key)
        if fn:
            compared = [*w.changes.values(), *w.changes_same.values()]
            paras = with_figure_notes(with_every_figure(key, w.fs, fn(), compared),
                                      [f for f in w.facts if f.section == key and f.figure])
            return paras or [Proposer.ask("kết quả thực hiện trong kỳ của lĩnh vực này")]
        return {"III": w.section_III, "IV": w.section_IV, "V": w.section_V}[key]()

    @staticmethod
    def _law_sentences(key: str, writer: DeterministicWriter, paragraphs: list[Paragraph]) -> list[Paragraph]:
        """The writer's sentences that cite a decree of the registry: they open the section unchanged, never
        rephrased (a model may garble a number or a date; each costs ~100 prompt and output tokens)."""
        cited = [c.number for c in writer.citations.get(key, [])]
        return [p for p in paragraphs if any(n in p.text for n in cited)]

    def _rephrasable(self, key: str, writer: DeterministicWriter, paragraphs: list[Paragraph]) -> list[str]:
        """The deterministic writer's sentences for a section, without the official's own facts and the requests
        for them (those follow what the model wrote, unchanged) and without the law's sentences (they lead)."""
        keep = {p.text for p in writer.facts_for(key)} | {p.text for p in self._law_sentences(key, writer, paragraphs)}
        return [p.text for p in paragraphs if not p.proposed and p.text not in keep]

    def _llm_section(self, key, heading, meta, base, hits, names, own) -> Iterator[DraftEvent]:
        """The model rewrites this section's sentences from the deterministic writer into flowing prose: it brings
        style, not content. (Given only the figures' labels, the 1,5B local model filled sections with stock claims
        nobody made and copied the prompt's example sentence into sections it did not belong to.) A sentence it
        copied from the masked precedent ("Đạt … theo kế hoạch") is another unit's and is dropped."""
        # the sentences are all the model sees of the figures: slots, never values, each named by its sentence (a list
        # of the slots' labels besides made the first token 1,5x later over 12 sections and saved no fallback:
        # docs/evaluation.md)
        # one short masked passage: each 1,000 prompt tokens cost 10–26 s before the first token on 2 cores
        precedent = "\n---\n".join(mask_for_prompt(h.text[:400], names, own) for h in hits[:1]) or "(không có)"
        inputs = {"heading": heading, "issuer": meta.issuer, "period": meta.period_text,
                  "sentences": "\n".join(f"- {t}" for t in base), "precedent": precedent}
        chain = RunnableLambda(lambda x: x) | self.chain
        pieces = []
        stream = chain.stream(inputs)
        try:
            for chunk in stream:
                piece = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
                pieces.append(piece)
                yield DraftEvent(kind="token", section=key, text=piece)
                if _repeating("".join(pieces)):
                    break  # looping: every further token is paid for and thrown away
        finally:
            stream.close()  # stops the model's generation (and frees its lock) at once
        text = "".join(pieces).rstrip()
        ends = [m.end() for m in re.finditer(r"[.!?;](?=\s)", text)]
        if ends and not re.search(r"[.!?;:)»”\"]$", text):  # a last sentence cut off by the token limit (or the loop)
            text = text[:ends[-1]]
        return _kept_sentences(_clean_llm_text(text))

    def _finish(self, paragraphs: list[Paragraph], fs: FigureSet, ctx: GroundingContext, key: str, own: set[str],
                names: set[str], draft: ReportDraft) -> tuple[list[Paragraph], list[str]]:
        out, used_all = [], []
        for p in paragraphs:
            text, used, f1 = fill_slots(p.text, fs, key)
            text, f2 = ground(text, ctx, key)
            for n in foreign_names(text, names, own):
                text = re.sub(re.escape(n), MARK, text)
                f2.append(DraftFinding(kind="foreign_name", severity="warning", section=key, text=n,
                                       message=f"Đã bỏ tên “{n}” của địa phương khác (lấy từ báo cáo tham khảo)."))
            if has_injection(text):
                f2.append(DraftFinding(kind="injection", severity="error", section=key, text=text[:120],
                                       message="Đoạn văn có câu mang tính ra lệnh cho trợ lý; đã bỏ đoạn này."))
                draft.findings += f1 + f2
                continue
            draft.findings += f1 + f2
            used_all += used
            out.append(p.model_copy(update={"text": text}))
        return out, list(dict.fromkeys(used_all))
