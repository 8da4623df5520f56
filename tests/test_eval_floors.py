"""Floors on the retrieval eval: hybrid recall@5 >= 0.90, MRR@10 >= 0.80, and hybrid beats both
single methods."""

from evals.run import CASES_DIR, load_cases, run_retrieval


def test_retrieval_floors(searcher):
    cases = load_cases(CASES_DIR / "retrieval.jsonl")
    assert len(cases) >= 60
    assert sum(1 for c in cases if c["question"].isascii()) >= 10  # typed without diacritics
    res = run_retrieval(searcher, cases)["modes"]
    hybrid = res["hybrid"]
    assert hybrid["recall@5"] >= 0.90 and hybrid["mrr@10"] >= 0.80, res
    for single in ("lexical", "dense"):
        assert hybrid["mrr@10"] > res[single]["mrr@10"], res
        assert hybrid["recall@5"] >= res[single]["recall@5"], res
