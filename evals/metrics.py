"""Retrieval metrics against gold passages: recall@k and MRR@k."""

from __future__ import annotations

from corpus.docnumbers import find_refs
from corpus.text import fold


def _norm_number(number: str) -> str:
    refs = find_refs(number)
    return refs[0].key if refs else fold(number).upper()


def _norm_article(article: str) -> str:
    return " ".join(fold(article).lower().split())


def hit_matches(hit, gold: dict) -> bool:
    """A hit matches a gold item naming a document number (and article, if given) or a report
    (doc id, and outline section, if given)."""
    if "number" in gold:
        if not hit.number or _norm_number(hit.number) != _norm_number(gold["number"]):
            return False
        if gold.get("article"):
            return _norm_article(hit.article) == _norm_article(gold["article"])
        return True
    if "report" in gold:
        if hit.doc_id != gold["report"]:
            return False
        return not gold.get("section") or hit.outline_key == gold["section"]
    raise ValueError(f"gold item without number or report: {gold}")


def first_rank(hits, golds: list[dict]) -> int | None:
    for i, h in enumerate(hits, 1):
        if any(hit_matches(h, g) for g in golds):
            return i
    return None


def summarize(ranks: list[int | None]) -> dict[str, float]:
    n = max(len(ranks), 1)
    return {
        "recall@1": sum(1 for r in ranks if r is not None and r <= 1) / n,
        "recall@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        "mrr@10": sum(1.0 / r for r in ranks if r is not None and r <= 10) / n,
    }
