"""Substance eval: does the draft carry what the official supplied, and only that?

For every figures-and-facts file in cases/substance (seed 003 in full; synthetic units of other levels and
periods), draft the whole report and measure, independently of the writer's own bookkeeping:
- facts present: each fact's text (and its cause) found in the draft, word for word up to case, dates
  without leading zeros and final punctuation;
- asserted unsupported sentences: sentences of the draft that carry no input figure, no fact, no registry
  citation, are no zero-statement about a given figure, and are not visibly marked for confirmation;
- marked proposals: sentences the draft marks "[đề nghị xác nhận: …]" / "[đề nghị bổ sung: …]";
- verdicts without a named target: "đạt/chưa đạt/vượt chỉ tiêu" or "đạt yêu cầu" with no "chỉ tiêu … theo …"."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.chain.substance import body_dates
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY
from drafting.figures.vnformat import fmt_decimal, fmt_percent, rate
from drafting.inputs.files import load_figures_file
from drafting.models import ASK_OPEN, PROPOSAL_OPEN

CASES = Path(__file__).parent / "cases" / "substance"
# Frames every report has: the opening, the data window line, the closing
_FRAMES = ("bao cao ket qua thuc hien cong tac cai cach hanh chinh", "so lieu trong bao cao duoc tong hop")
_VERDICT = re.compile(r"\b(chua dat|khong dat|dat yeu cau|chua dap ung yeu cau|dat chi tieu|vuot chi tieu)\b")


def _norm(text: str) -> str:
    # quotes typeset ('…' → “…”) are the same words; so are words put in brackets beside the figure they detail
    return re.sub(r"[\s.;:,'\"“”‘’«»()]+", " ", fold_lower(body_dates(text))).strip()


def _words(text: str) -> set[str]:
    return {w for w in _norm(text).split() if len(w) > 1}


def sentences(draft) -> list[str]:
    out = []
    for p in [*draft.opening, *(p for s in draft.sections for p in s.paragraphs)]:
        if p.style in ("heading", "subheading"):
            continue
        out += [s for s in re.split(r"(?<=[.;])\s+(?=[-+]?\s*[A-ZĐÂĂÊÔƠƯ\[])", p.text) if s.strip(" -+")]
    return out


def supported(sentence: str, data, figure_texts: set[str], fact_words: list[set[str]], zero_labels: list[set[str]],
              flag_labels: list[set[str]], counts: set[str]) -> bool:
    if PROPOSAL_OPEN in sentence or ASK_OPEN in sentence:
        return True
    n = _norm(sentence)
    if any(f in n for f in _FRAMES):
        return True
    if any(re.search(rf"(?<![\d.,]){re.escape(t)}(?![\d,])", sentence) for t in figure_texts):
        return True
    if find_refs(sentence):
        return True
    words = _words(sentence)
    # most of a fact's words, or a piece of one fact's words (a fact with a ";" reads as two sentences)
    if any(w and (len(w & words) >= 0.6 * len(w) or (len(words) >= 3 and words <= w)) for w in fact_words):
        return True
    if any(len(z & words) >= 0.5 * len(z) for z in flag_labels):  # a yes/no figure given as yes
        return True
    # the lead of a list of the official's items, counted in code: "Trong kỳ đã thực hiện 02 hoạt động:"
    if sentence.rstrip().endswith(":") and set(re.findall(r"\d+", sentence.replace(data.meta.period_text, ""))) <= counts:
        return True
    # a zero said in words: "không ban hành văn bản quy phạm pháp luật" for a given 0
    return bool(re.search(r"\b(khong|chua)\b", n)) and any(len(z & words) >= 0.5 * len(z) for z in zero_labels)


def _compared_texts(fs) -> set[str]:
    """What a comparison with the previous period or the same period last year may say, computed here apart from
    the writer: the earlier value, the difference and the change in percent of the earlier value."""
    out = set()
    for earlier in (fs.previous, fs.same_period):
        for key, before in earlier.items():
            now = fs.values.get(key)
            out.add(fmt_decimal(before))
            if now is None or now == before:
                continue
            out.add(fmt_decimal(abs(now - before)))
            if before:
                out.add(fmt_percent(rate(abs(now - before), before)))
    return out


def evaluate(draft, data) -> dict:
    fs = data.figures
    text = "\n".join([p.text for p in draft.opening] + [p.text for s in draft.sections for p in s.paragraphs])
    ntext = _norm(text)
    pieces = [(f.text, f.origin) for f in data.facts] + [(f.cause, f.origin + " (nguyên nhân)") for f in data.facts if f.cause]
    sents = sentences(draft)
    sent_words = [_words(s) for s in sents]
    # present word for word, or every word of it inside one sentence (a shortcoming joined to its target's verdict)
    missing = [origin for piece, origin in pieces
               if _norm(piece) not in ntext and not any(_words(piece) <= w for w in sent_words)]
    figure_texts = {fs.text(k) for k in [*fs.values, *fs.derived] if fs.get(k)} | _compared_texts(fs)
    fact_words = [_words(t) for f in data.facts for t in (f.text, f.cause) if t]
    zero_labels = [_words((FIELD_BY_KEY.get(k) or DERIVED_BY_KEY[k]).label) for k, v in fs.values.items() if v == 0]
    flag_labels = [_words(FIELD_BY_KEY[k].label.split("(")[0]) for k, v in fs.values.items()
                   if FIELD_BY_KEY[k].kind == "flag" and v == 1]
    counts = {f"{n:02d}" for f in data.facts for n in [sum(1 for g in data.facts if (g.section, g.kind) == (f.section, f.kind))]}
    unsupported = [s for s in sents if not supported(s, data, figure_texts, fact_words, zero_labels, flag_labels, counts)]
    proposals = [s for s in sents if PROPOSAL_OPEN in s or ASK_OPEN in s]
    targets = [_norm(t.source) for t in data.targets]
    # the official's own words are supplied, whatever they say; the writer's verdicts must name a target
    own = [_norm(f.text) for f in data.facts]
    verdicts = [s for s in sents if _VERDICT.search(_norm(s)) and PROPOSAL_OPEN not in s and ASK_OPEN not in s
                and not any(t and t in _norm(s) for t in targets) and not any(o and o in _norm(s) for o in own)]
    return {"facts": len(pieces), "facts_present": len(pieces) - len(missing), "missing_facts": missing,
            "sentences": len(sents), "unsupported": unsupported, "proposals": len(proposals),
            "verdicts_without_target": verdicts}


def _model_use(draft) -> dict:
    """Sections the model wrote, sections it was given but that went back to the writer (and why), sentences of its
    own left out — read from the draft's sections and findings."""
    back = [f.message for f in draft.findings if f.kind == "llm" and f.fallback]
    dropped = sum(f.dropped for f in draft.findings if f.kind == "llm")
    return {"model_sections": sum(s.writer == "llm" for s in draft.sections), "model_fallbacks": back,
            "model_dropped": dropped}


def run_substance(assistant, cases_dir: Path = CASES) -> list[dict]:
    rows = []
    for path in sorted(cases_dir.glob("*.yaml")):
        data = load_figures_file(path)
        draft = assistant.draft_input(data)
        row = evaluate(draft, data)
        row.update(case=path.stem, level=data.meta.level, period=data.meta.period, llm=draft.llm, **_model_use(draft))
        rows.append(row)
    return rows


def print_substance(rows: list[dict]) -> None:
    print(f"{'bản thảo':34}{'sự việc có mặt':>16}{'câu không căn cứ':>18}{'đề xuất đánh dấu':>18}{'kết luận thiếu chỉ tiêu':>25}")
    for r in rows:
        print(f"{r['case']:34}{r['facts_present']:>9}/{r['facts']:<6}{len(r['unsupported']):>18}{r['proposals']:>18}"
              f"{len(r['verdicts_without_target']):>25}")
    if any(r["llm"] != "none" for r in rows):
        written, back = sum(r["model_sections"] for r in rows), sum(len(r["model_fallbacks"]) for r in rows)
        print(f"Mô hình: viết {written} mục, {back} mục trở về bản soạn tự động "
              f"({back / max(written + back, 1):.0%}), bỏ {sum(r['model_dropped'] for r in rows)} câu tự thêm")
        for r in rows:
            for m in r["model_fallbacks"]:
                print(f"- {r['case']}: {m}")
    for r in rows:
        for s in r["unsupported"]:
            print(f"- {r['case']}: câu không căn cứ: {s}")
        for s in r["verdicts_without_target"]:
            print(f"- {r['case']}: kết luận không nêu chỉ tiêu: {s}")
        if r["missing_facts"]:
            print(f"- {r['case']}: thiếu sự việc {r['missing_facts']}")
