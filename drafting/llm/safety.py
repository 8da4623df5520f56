"""Text that must not steer the assistant: instructions hidden in documents, fake system prompts,
invisible Unicode. Retrieved text is data; these helpers find and neutralise what tries to be more."""

from __future__ import annotations

import re
import unicodedata

from corpus.text import fold_lower

# zero-width, bidi controls, word joiners, BOM, Unicode tag characters
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")

_PATTERNS = [
    r"bo qua (?:moi|tat ca|cac|toan bo|nhung)?\s*(?:huong dan|chi dan|chi thi|yeu cau|quy tac|lenh)",
    r"khong (?:can )?tuan theo (?:huong dan|chi dan)",
    r"ignore (?:all |any |the )?(?:previous |prior |above )?(?:instructions|rules|prompts?)",
    r"disregard (?:all |the )?(?:previous |above )?instructions",
    r"(?:^|\W)(?:system|assistant|user)\s*(?:prompt)?\s*:",
    r"<\|?(?:im_start|im_end|system|endoftext)\|?>",
    r"\[/?(?:inst|sys)\]",
    r"ban (?:la|hay dong vai) (?:mot )?(?:tro ly|ai|mo hinh|chatgpt|qwen)",
    r"(?:hay|phai) (?:ghi|viet|bao cao|sua)\s+(?:ty le|so lieu|tat ca)[^.\n]{0,40}\d",
    r"(?:thay|doi) (?:so lieu|ty le|con so)",
    r"huong dan moi\s*:",
    r"new instructions?\s*:",
    # text that addresses the assistant itself
    r"(?:ghi chu|luu y|chu y|loi nhan|thong diep|nhan) (?:cho|gui|danh cho|toi) (?:tro ly|he thong|mo hinh|ai|chatbot)",
    r"\btro ly (?:ai )?(?:hay|phai|can|nen)\b",
    r"hay trich dan (?:nhu vay|rang)",
]
INJECTION_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE | re.MULTILINE)


def strip_invisible(text: str) -> str:
    return INVISIBLE_RE.sub("", text)


def _compat(text: str) -> str:
    """Fullwidth and other compatibility forms ("ＳＹＳＴＥＭ") as plain letters, one character for one,
    so offsets still point into the original text."""
    return "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def injection_spans(text: str) -> list[tuple[int, int]]:
    """Spans (in `text`) of instruction-like phrases; folded matching keeps the offsets."""
    spans = [(m.start(), m.end()) for m in INJECTION_RE.finditer(fold_lower(_compat(text)))]
    spans += [(m.start(), m.end()) for m in INVISIBLE_RE.finditer(text)]
    return sorted(spans)


def has_injection(text: str) -> bool:
    return bool(injection_spans(text))


def neutralise(text: str) -> str:
    """Drop invisible characters and every sentence that carries an instruction, for text quoted to a model."""
    text = strip_invisible(text)
    out = []
    for sentence in re.split(r"(?<=[.!?;\n])\s+", text):
        if not INJECTION_RE.search(fold_lower(_compat(sentence))):
            out.append(sentence)
    return " ".join(out)
