""""Which decree applies?" answered as of a date: retrieved passages of the regulations in force (and of
past reports when the question is about practice), the registry's facts (status on the date,
amendments, replacement, confidence), an extractive answer, or a short synthesised one whose every
citation is checked: a citation found neither in the passages nor in the registry is removed and the
answer says so."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

from langchain_core.prompts import ChatPromptTemplate
from pydantic import BaseModel, Field

from corpus.docnumbers import find_refs
from corpus.errors import BackendError
from corpus.registry import CONFIDENCE_LABELS, LegalDocument, Registry, fmt_date
from corpus.text import fold_lower
from drafting.figures.outline import passage_place
from drafting.law.citations import check_citation, lookup_document, parse_citations
from drafting.law.guidance import guidance_line, lineage_line
from drafting.law.windows import window_line
from drafting.llm.backends import ModelHealth, looks_like_text
from drafting.llm.prompting import PROMPTS_DIR, load_prompt
from drafting.llm.safety import neutralise
from drafting.models import Citation
from retrieval.search import HybridSearcher, SearchFilter, SearchHit

# a question about how others wrote it brings past reports; one that merely mentions "báo cáo" does not
_PRACTICE = re.compile(r"\b(bao cao (truoc|cu|mau|cua (cac )?(xa|huyen|tinh|dia phuong|don vi))|cac dia phuong|"
                       r"dia phuong khac|viet the nao|dien dat|mau cau|ghi nhu the nao|cach viet|viet ra sao)\b")


# a document besides the best match is cited only when its best passage scored at least this share of the best
# one's (or it amended, replaced or was replaced by it): a decree that merely shares words is left out
RELATED = 0.8


def _location(h: SearchHit) -> str:
    return passage_place(h.kind, h.outline_key, h.location)


class AnswerPassage(BaseModel):
    doc_id: str
    title: str
    number: str = ""
    location: str = ""
    snippet: str = ""
    status: str = ""


class AskEvent(BaseModel):
    kind: Literal["token", "done"]
    text: str = ""
    answer: Answer | None = None


class Answer(BaseModel):
    question: str
    as_of: dt.date
    text: str
    citations: list[Citation] = Field(default_factory=list)
    passages: list[AnswerPassage] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    notice: str = ""  # why the model was not used (down, slow, garbage), shown above the answer
    llm: str = "none"


def _topics_tag(doc: LegalDocument) -> str:
    """' [K: chưa xác minh]' when the registry marks its list of what a document covers as unverified."""
    tag = doc.confidence.get("topics")
    return f" [{tag}: {CONFIDENCE_LABELS[tag]}]" if tag and tag != "V" else ""


def lineage(doc: LegalDocument, registry: Registry, day: dt.date) -> str:
    """'61/2018/NĐ-CP, được sửa đổi bởi 107/2021/NĐ-CP, được thay thế từ 01/07/2025 bởi 118/2025/NĐ-CP'."""
    parts = [doc.number]
    amended = [a for a in doc.amended_by if (m := registry.get(a)) and m.start and m.start <= day]
    if amended:
        parts.append("được sửa đổi, bổ sung bởi " + ", ".join(amended))
    if doc.effective_to and doc.replaced_by:
        when = doc.effective_to + dt.timedelta(days=1)
        tag = doc.tag("replaced_by")
        parts.append(f"được thay thế từ {fmt_date(when)} bởi {', '.join(doc.replaced_by)}"
                     + (f" [{tag}]" if tag != "V" else ""))
    if doc.replaces:
        parts.append("thay thế " + ", ".join(doc.replaces))
    if doc.amends:
        parts.append("sửa đổi, bổ sung " + ", ".join(doc.amends))
    return ", ".join(parts)


def _doc_line(doc: LegalDocument, registry: Registry, day: dt.date, article: str, article_tag: str) -> str:
    status = registry.status_on(doc, day)
    art = ""
    if article:
        art = f"; {article}" + (f" [{article_tag}: {CONFIDENCE_LABELS.get(article_tag, '')}, cần kiểm tra số điều]"
                                if article_tag and article_tag not in ("V",) else "")
    history = lineage(doc, registry, day)
    # a document nothing amended, replaced or was replaced by has no history worth a line ("Diễn biến: 09/2019/NĐ-CP")
    return f"{doc.citation()}{art} — {status.text}." + (f" Diễn biến: {history}." if history != doc.number else "")


# only the bare marks: "[K: chưa xác minh, cần kiểm tra số điều]" says what to do and is kept whole
_TAG = re.compile(r"\[(V|S|K|Seed): (?:đã xác minh|nguồn thứ cấp|chưa xác minh|theo báo cáo mẫu)\]")


def fold_tags(lines: list[str]) -> str:
    """The first line (the answer) keeps its confidence mark in words; the details carry the short mark ("[K]")
    and one legend line at the end says what the marks present mean and what to do about them."""
    head, rest = lines[:1], lines[1:]
    used = sorted({m.group(1) for line in rest for m in _TAG.finditer(line)} | {m for line in rest
                  for m in re.findall(r"\[(S|K|Seed)\]", line)}, key=["V", "S", "K", "Seed"].index)
    rest = [_TAG.sub(r"[\1]", line) for line in rest]
    legend = [f"[{t}] {CONFIDENCE_LABELS[t]}" for t in used if t != "V"]
    if legend:
        rest += ["", "*Ký hiệu: " + "; ".join(legend) + " — đối chiếu văn bản gốc trước khi trích dẫn những điểm có ký hiệu.*"]
    return "\n".join(head + rest)


class Asker:
    def __init__(self, searcher: HybridSearcher | None, registry: Registry, model=None, prompts_dir=PROMPTS_DIR,
                 health: ModelHealth | None = None):
        self.searcher = searcher
        self.health = health or ModelHealth()
        self.registry = registry
        self.model = model
        self.chain = None
        if model is not None:
            system = load_prompt("ask_system", prompts_dir)
            user = load_prompt("ask", prompts_dir)
            # no output parser: with one, a stream closed early (the reader left) still pulled every token
            self.chain = ChatPromptTemplate.from_messages([("system", system.template), ("human", user.template)]) | model

    def retrieve(self, question: str, as_of: dt.date) -> list[SearchHit]:
        if self.searcher is None:
            return []
        hits = self.searcher.search(question, k=6, flt=SearchFilter(kind="regulation", as_of=as_of))
        named = {r.key for r in find_refs(question)}
        if named:  # a document the question names is shown even when it is no longer in force
            hits += [h for h in self.searcher.search(question, k=4, flt=SearchFilter(kind="regulation"))
                     if h.number and find_refs(h.number)[0].key in named]
        elif hits:
            # a passage of a document since replaced that answers better than any in force that day ("văn bản xin
            # lỗi khi hồ sơ quá hạn" in 2026: 61/2018's words, replaced by 118/2025): shown, with its replacement
            # so is one not yet in force that day, when it answers best ("một cửa" on 20/06/2018): its predecessor
            # in force is then the answer, or the plain word that the registry has none yet
            for h in self.searcher.search(question, k=3, flt=SearchFilter(kind="regulation")):
                d = self.registry.get(h.number) if h.number else None
                state = self.registry.status_on(d, as_of).state if d is not None else ""
                if not (state == "hết hiệu lực" and d.replaced_by or state == "chưa có hiệu lực"):
                    break
                hits.insert(0, h)
        if _PRACTICE.search(fold_lower(question)):
            hits += self.searcher.search(question, k=2, flt=SearchFilter(kind="report", as_of=as_of))
        seen, out = set(), []
        for h in hits:
            if h.chunk_id not in seen:
                seen.add(h.chunk_id)
                out.append(h)
        return out

    def _before(self, doc: LegalDocument, day: dt.date) -> list[LegalDocument]:
        """The documents a not-yet-in-force one replaces that were in force on the day, looking back through
        the chain (118/2025 → 61/2018 + 107/2021)."""
        seen, todo = set(), [doc]
        while todo:
            d = todo.pop(0)
            for n in d.replaces:
                if (p := self.registry.get(n)) is not None and p.number not in seen:
                    seen.add(p.number)
                    if self.registry.status_on(p, day).in_force:
                        return [p]
                    todo.append(p)
        return []

    def ask(self, question: str, as_of: dt.date | None = None, on_token=None) -> Answer:
        """The whole answer at once; `on_token` sees the model's tokens as they come."""
        for ev in self.ask_events(question, as_of):
            if ev.kind == "token" and on_token:
                on_token(ev.text)
            elif ev.kind == "done":
                return ev.answer
        raise AssertionError("ask_events ended without an answer")

    def ask_events(self, question: str, as_of: dt.date | None = None) -> Iterator[AskEvent]:
        """The model's tokens as they come ("token"), then the checked answer ("done"); without a model only "done"."""
        as_of = as_of or dt.date.today()
        hits = self.retrieve(question, as_of)
        docs: list[tuple[LegalDocument, SearchHit]] = []
        for h in hits:
            if h.kind != "regulation" or not h.number:
                continue
            d = self.registry.get(h.number)
            if d is not None and all(d.number != x.number for x, _ in docs):
                docs.append((d, h))
        named = [d for r in find_refs(question) if (d := self.registry.resolve(r)) is not None]
        # a data window is computed from the reporting decree's rule: that decree is the source, named or not
        lead, rule_doc = window_line(question, as_of, self.registry)
        if rule_doc is not None and not named:
            named = [rule_doc]
        # "Thông tư nào hướng dẫn Nghị định 118/2025?": the circulars that guide it are the answer
        guide_lead, guides = guidance_line(question, named, as_of, self.registry)
        # "… thay thế những văn bản nào?": the link asked for, then what the document is and its status that day
        if not (lead or guide_lead) and (link := lineage_line(question, named, self.registry)):
            lead = f"{link}\n{self.named_line(named[0], as_of)}"
        lead = lead or guide_lead
        # a document the question names comes first, retrieved or not — after the guides when those are asked for
        for d in reversed(guides + named):
            found = next(((x, h) for x, h in docs if x.number == d.number), (d, None))
            docs = [found] + [(x, h) for x, h in docs if x.number != d.number]
        guided = {g.number for g in guides}
        if docs and not named and self.registry.status_on(docs[0][0], as_of).state == "chưa có hiệu lực":
            # the best match is not yet in force that day: what it replaced (walking back) answers in its place
            first, now = docs[0][0], self._before(docs[0][0], as_of)
            if now:
                docs = [next(((x, h) for x, h in docs if x.number == now[0].number), (now[0], None))] + [
                    (x, h) for x, h in docs[1:] if x.number != now[0].number]
                hits = [h for h in hits if h.number != first.number]
        shown_hits = hits
        if named:  # asked about a document: its sources are that document and its lineage, not other hits
            kin = set().union(*(self.lineage(d) for d in named)) | guided
            shown_hits = [h for h in hits if h.kind != "regulation" or h.number in kin]
            docs = [(d, h) for d, h in docs if d.number in kin] or docs
        elif docs:  # the best match, its lineage, and only documents that matched nearly as well
            top, kin = docs[0][1].score if docs[0][1] else max(h.score for h in hits), self.lineage(docs[0][0])
            docs = [docs[0]] + [(d, h) for d, h in docs[1:] if d.number in kin or h.score >= RELATED * top]
            kept = {d.number for d, _ in docs}
            shown_hits = [h for h in hits if h.kind != "regulation" or h.number in kept]
        if docs and not named and not self.registry.status_on(docs[0][0], as_of).in_force:
            # the best passage is of a replaced document: what replaced it, in force that day, is the answer; of one
            # not yet in force, what it replaced (walking back), or nothing yet
            first = docs[0][0]
            if self.registry.status_on(first, as_of).state == "chưa có hiệu lực":  # nothing it replaced was either
                now = []
                lead = lead or (f"**Ngày {fmt_date(as_of)}: sổ đăng ký chưa có văn bản nào về nội dung này có hiệu lực; "
                                f"{first.type} số {first.number} {self.registry.status_on(first, as_of).text}.**")
            else:
                now = self._successors_in_force(first, as_of)
            docs = [(r, next((h for x, h in docs if x.number == r.number), None)) for r in now[:1]] + [
                (d, h) for d, h in docs if not now or d.number != now[0].number]
        passages = [AnswerPassage(doc_id=h.doc_id, title=h.title, number=h.number, location=_location(h),
                                  snippet=h.snippet, status=h.status) for h in shown_hits[:6]]
        # a document the question names is always among the sources, with its title and scope from the registry
        shown = {x.number for x in passages}
        passages = [self._registry_passage(d, as_of) for d in named + guides if d.number not in shown] + passages
        passages.sort(key=lambda x: x.number not in guided)  # the guides asked for are the first sources
        citations = []
        for d, h in docs[:3]:
            status = self.registry.status_on(d, as_of)
            citations.append(Citation(number=d.number, title=d.title, article=h.article if h else "", status=status.text,
                                            source=d.source, confidence=(h.confidence if h and h.article else status.confidence)))
        answer = Answer(question=question, as_of=as_of, text="", citations=citations, passages=passages)
        down = self.health.down() if self.chain is not None else ""
        if self.chain is not None and docs and not down:
            try:
                # the registry's one-line answer first, at once; the model's explanation streams under it
                headline = self._extractive(docs, hits, as_of, named[0] if named else None, lead,
                                            guided).split("\n", 1)[0]
                done = yield from self._synthesise(answer, docs, hits, headline)
                self.health.ok()
                yield AskEvent(kind="done", answer=done)
                return
            except BackendError as exc:
                self.health.failed(exc.message)
                down = exc.message
        if down:
            answer.notice = f"{down} Câu trả lời dưới đây trích trực tiếp từ sổ đăng ký văn bản, không qua mô hình."
        answer.text = self._extractive(docs, hits, as_of, named[0] if named else None, lead, guided)
        yield AskEvent(kind="done", answer=answer)

    def _successors_in_force(self, first: LegalDocument, as_of: dt.date) -> list[LegalDocument]:
        """What replaced a document, walking on while the replacement is itself replaced that day (113/2018 → 29/2023
        → 154/2025): the first in force."""
        seen, wave = {first.number}, list(first.replaced_by)
        for _ in range(6):
            docs = [r for n in wave if n not in seen and (r := self.registry.get(n))]
            now = [r for r in docs if self.registry.status_on(r, as_of).in_force]
            if now or not docs:
                return now
            seen |= {r.number for r in docs}
            wave = [n for r in docs for n in r.replaced_by]
        return []

    @staticmethod
    def lineage(d: LegalDocument) -> set[str]:
        """The document, what replaced or amended it and what it replaced or amended."""
        return {d.number, *d.replaced_by, *d.amended_by, *d.replaces, *d.amends}

    def _registry_passage(self, d: LegalDocument, as_of: dt.date) -> AnswerPassage:
        scope = f" Phạm vi: {'; '.join(d.topics)}.{_topics_tag(d)}" if d.topics else ""
        return AnswerPassage(doc_id=f"registry-{d.number}", title=f"{d.type} {d.number}: {d.title}", number=d.number,
                             location="sổ đăng ký văn bản", snippet=f"{d.title}.{scope}",
                             status=self.registry.status_on(d, as_of).text)

    def named_line(self, d: LegalDocument, as_of: dt.date) -> str:
        """The one-line answer about a document the question names: what it regulates and its status that day
        ("Nghị định số 45/2020/NĐ-CP … quy định về …. Ngày 01/12/2026: hết hiệu lực từ …")."""
        status = self.registry.status_on(d, as_of)
        title = d.title.strip().rstrip(".")
        low = title[:1].lower() + title[1:]
        regulates = "quy định " + low if low.startswith("về ") else low
        # an unverified validity keeps its mark, once (the status text may carry it already)
        tag = "" if status.confidence == "V" or "[" in status.text else f" [{status.confidence}: {CONFIDENCE_LABELS[status.confidence]}]"
        # "có hiệu lực từ ngày nào?": the first day in force is part of the one-line answer
        t = d.tag("effective_from")
        start = (f" Hiệu lực từ {fmt_date(d.effective_from)}" + ("" if t == "V" else f" [{t}: {CONFIDENCE_LABELS[t]}]")
                 + ".") if d.effective_from and status.in_force else ""  # once expired, its end is the answer
        return f"**{d.citation()}: {regulates}.{start} Ngày {fmt_date(as_of)}: {status.text}.**{tag}"

    def _extractive(self, docs, hits, as_of, named: LegalDocument | None = None, lead: str = "",
                    guided: set[str] = frozenset()) -> str:
        if not docs:
            return ("Chưa tìm thấy văn bản trong sổ đăng ký phù hợp với câu hỏi vào ngày "
                    f"{fmt_date(as_of)}. Hãy nêu rõ lĩnh vực (một cửa, kiểm soát TTHC, dịch vụ công trực tuyến…).")
        lines = [lead, "", "Chi tiết:"] if lead else [f"Vào ngày {fmt_date(as_of)}:"]
        # the answer an official needs comes first, in one line; the details and passages follow
        main = next((d for d, _ in docs[:3] if self.registry.status_on(d, as_of).in_force), None)
        if named is not None:  # asked about a document by number: the answer is about that document and its lineage
            scope = f"Phạm vi (theo sổ đăng ký): {'; '.join(named.topics)}.{_topics_tag(named)}" if named.topics else ""
            lines = ([lead] if lead else [self.named_line(named, as_of), *([scope] if scope else [])]) + ["", "Chi tiết:"]
            kin = self.lineage(named) | guided
            docs = [(d, h) for d, h in docs if d.number in kin] or docs
        elif main is not None and not lead:
            amended = [a for a in main.amended_by if (m := self.registry.get(a)) and m.start and m.start <= as_of]
            status = self.registry.status_on(main, as_of)
            # a validity the registry has not verified keeps its mark, even in the one-line answer
            tag = "" if status.confidence == "V" else f" [{status.confidence}: {CONFIDENCE_LABELS[status.confidence]}]"
            lines = [f"**Ngày {fmt_date(as_of)}: {main.type} số {main.number}"
                     + (f", được sửa đổi, bổ sung bởi {', '.join(amended)}" if amended else "") + f".**{tag}", "",
                     "Chi tiết:"]
            # asked of a year in which it took over ("năm 2023" for 29/2023, in force from 20/07/2023): what applied
            # before it that year is part of the answer
            before = [p for n in main.replaces if (p := self.registry.get(n))] if main.start and \
                main.start.year == as_of.year and main.start > dt.date(as_of.year, 1, 1) else []
            if before:
                t = main.tag("effective_from")
                lines.insert(1, f"Trong năm {as_of.year}: {main.number} có hiệu lực từ {fmt_date(main.start)}"
                                + ("" if t == "V" else f" [{t}: {CONFIDENCE_LABELS[t]}]") + "; trước ngày đó áp dụng "
                                + ", ".join(p.citation() for p in before) + ".")
        for d, h in docs[:3]:
            lines.append("- " + _doc_line(d, self.registry, as_of, h.article if h else "", h.confidence if h else ""))
            if h is not None:
                where = h.location.strip("()")  # "(phần đầu)" is already bracketed
                lines.append(f"  Trích ({where}): {h.snippet}")
                if d.replaced_by and self.registry.status_on(d, as_of).state == "hết hiệu lực":
                    lines.append(f"  (Đoạn trích của văn bản đã được thay thế: đối chiếu quy định tương ứng của "
                                 f"{', '.join(d.replaced_by)}.)")
        practice = [h for h in hits if h.kind == "report"]
        for h in practice[:2]:
            lines.append(f"- Báo cáo tham khảo: {h.title} ({_location(h)}): {h.snippet}")
        return fold_tags(lines)

    def _synthesise(self, answer: Answer, docs, hits, headline: str = "") -> Iterator[AskEvent]:
        """Yields the headline, then the model's tokens; returns the answer with unverifiable citations removed
        (`yield from`)."""
        if headline:
            yield AskEvent(kind="token", text=headline + "\n\n")
        facts = "\n".join("- " + _doc_line(d, self.registry, answer.as_of, h.article if h else "", h.confidence if h else "")
                          for d, h in docs[:3])
        # only passages of the documents the facts name (when they name any): given another decree's article, the
        # model explained it as the one asked about ("45/2020 quy định … sửa đổi Nghị định 24/2014"); a document's
        # opening card (no article, no section) repeats the registry's lines; two passages of 400 characters (every
        # 100 prompt tokens delay the model's first word by about 1,5 s)
        named = {d.number for d, _ in docs[:3]}
        cited = [h for h in hits if (h.article or h.section) and (not named or h.number in named)]
        passages = "\n---\n".join(f"[{h.number or h.title}, {h.location}] {neutralise(h.text[:400])}"
                                   for h in cited[:2]) or "(không có đoạn trích của văn bản này)"
        pieces = []
        stream = self.chain.stream({"question": answer.question, "as_of": fmt_date(answer.as_of), "facts": facts,
                                    "passages": passages})
        try:
            for chunk in stream:
                piece = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
                pieces.append(piece)
                yield AskEvent(kind="token", text=piece)
        finally:
            stream.close()  # a reader who leaves stops the model (and frees its lock) at once
        # the 1,5B model drops the tone of "Nghị" about once an answer ("Nghi định 45/2020 …"); the name is fixed
        text = re.sub(r"\bNghi(?= định\b)", "Nghị", "".join(pieces).strip())
        if not looks_like_text(text):
            raise BackendError("Mô hình ngôn ngữ trả về nội dung không đọc được (không phải văn bản tiếng Việt).")
        out, pos = [], 0
        for ref in parse_citations(text):
            doc = lookup_document(ref, self.registry)
            # a registry document is verifiable even when not retrieved; a wrong date or article is not
            ok = doc is not None and not [
                p for p in check_citation(ref, self.registry, answer.as_of, text) if p.kind in ("date", "date_year", "amending_article", "missing_year")]
            if doc is None or not ok:
                out.append(text[pos:ref.start] + "[…]")
                pos = ref.end
                answer.removed.append(ref.text)
        out.append(text[pos:])
        text = "".join(out)
        if answer.removed:
            text += "\n(Đã bỏ trích dẫn không kiểm chứng được: " + "; ".join(answer.removed) + ".)"
        answer.text = (headline + "\n\n" if headline else "") + text + "\n\nNguồn:\n" + facts
        answer.llm = getattr(self.model, "_llm_type", "llm")
        return answer


AskEvent.model_rebuild()
