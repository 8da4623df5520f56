"""What a model-written section must pass before it replaces the deterministic writer's text.

The model rephrases the writer's sentences (slots, never values). Read as an official reads a draft, the 1,5B local
model fails in ways grounding by numbers does not see: a bullet that is only a slot and its unit ("- 212 thủ tục."),
a comparison with a period nobody gave ("… trong khi năm trước có 05 người"), the same figure said twice, and padding
nobody supplied. A fragment means the model lost what its figures count: the whole section falls back. The rest is
removed sentence by sentence and reported."""

from __future__ import annotations

import re

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.chain.grounding import SLOT_RE
from drafting.chain.precedent import unsupplied_names
from drafting.chain.proposer import Proposer
from drafting.models import Paragraph

_SPLIT = re.compile(r"(?<=[.;])\s+(?=[-{A-ZĐÂĂÊÔƠƯ])")
_COMPARISON = re.compile(r"\b(so voi|nam truoc|ky truoc|cung ky)\b")
_WORD = re.compile(r"[^\W\d_]{2,}")
# the units a slot is followed by: they say how much, not what is counted
_UNITS = {"ho", "so", "thu", "tuc", "van", "ban", "nguoi", "luot", "cuoc", "buoi", "nhiem", "vu", "trieu", "dong", "co",
          "quan", "don", "vi", "phan", "anh", "tin", "bai", "phieu", "tai", "khoan", "la", "va", "dat", "gom", "trong",
          "do", "chiem", "ty", "le", "kien", "nghi", "de", "mo", "hinh", "chuong", "trinh"}
MODEL_PROPOSALS_KEPT = 1  # marked sentences of the model's own kept per section; more is padding


def sentences(text: str) -> list[str]:
    return [s for s in _SPLIT.split(text) if s.strip()]


def without_heading(paras: list[Paragraph], heading: str) -> list[Paragraph]:
    """The model sometimes starts by repeating the section's heading ("Cải cách thủ tục hành chính Tổng số TTHC…")."""
    title = re.sub(r"^\s*[\dIVX.]+\s*", "", heading).strip(" .:")
    if not paras or not title:
        return paras
    first = re.sub(rf"^\s*(?:[\dIVX.]+\s*)?{re.escape(title)}\s*[.:]?\s*", "", paras[0].text, flags=re.IGNORECASE)
    if first == paras[0].text:
        return paras
    return ([paras[0].model_copy(update={"text": first[:1].upper() + first[1:]})] if first.strip() else []) + paras[1:]


def fragment(paras: list[Paragraph]) -> str | None:
    """The first sentence that states a figure without saying what it counts, if any."""
    for p in paras:
        for s in sentences(p.text):
            if not SLOT_RE.search(s):
                continue
            if len([w for w in _WORD.findall(fold_lower(SLOT_RE.sub(" ", s))) if w not in _UNITS]) < 2:
                return s.strip()
    return None


def tidy(paras: list[Paragraph], base: list[str], facts: list[str] = ()) -> tuple[list[Paragraph], list[str]]:
    """Drop sentences comparing with a period the writer's sentences never compare with, sentences that only
    repeat figures already stated, and sentences citing only documents that the official's facts (`facts`, written
    after the model's text unchanged) cite again. Returns the paragraphs and the dropped sentences."""
    compares = any(_COMPARISON.search(fold_lower(b)) for b in base)
    cited_after = {r.number for t in facts for r in find_refs(t)}
    seen: set[str] = set()
    out, dropped = [], []
    for p in paras:
        kept = []
        for s in sentences(p.text):
            slots = set(SLOT_RE.findall(s))
            refs = {r.number for r in find_refs(s)}
            if ((not compares and _COMPARISON.search(fold_lower(s))) or (slots and slots <= seen)
                    or (refs and not slots and refs <= cited_after)):
                dropped.append(s.strip())
                continue
            seen |= slots
            kept.append(s)
        if kept:
            out.append(p.model_copy(update={"text": " ".join(kept)}))
    return out, dropped


def mark_unsupported(paras: list[Paragraph], propose: Proposer, fact_words: list[set[str]],
                     supplied: str = "") -> tuple[list[Paragraph], int]:
    """A model's sentence stands when it carries a figure slot, a cited document or most words of one of the
    official's facts, and names no person or place that nothing supplied (`supplied`: folded inputs and the
    deterministic text); any other sentence asserts what nobody supplied and becomes a marked proposal — of those
    without a figure only the first, the rest are left out. Returns the paragraphs and how many were left out."""
    out, marked, left_out = [], 0, 0
    for p in paras:
        kept = []
        for s in sentences(p.text):
            words = set(fold_lower(s).split())
            grounded = SLOT_RE.search(s) or find_refs(s) or any(len(w & words) >= 0.6 * len(w) for w in fact_words if w)
            if grounded and not unsupplied_names(s, supplied):
                kept.append(s)
                continue
            if kept:
                out.append(p.model_copy(update={"text": " ".join(kept)}))
                kept = []
            if SLOT_RE.search(s) or marked < MODEL_PROPOSALS_KEPT:  # a figure with a name nobody gave: marked
                out += propose(s.lstrip("- "), p.style)
                marked += not SLOT_RE.search(s)
            else:
                left_out += 1
        if kept:
            out.append(p.model_copy(update={"text": " ".join(kept)}))
    return out, left_out
