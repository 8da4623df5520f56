"""Quality evals.
`python -m evals.run retrieval [--cases FILE.jsonl] [--dense-weight W] [--json]` prints recall@1, recall@5 and MRR@10 for
lexical only, dense only and hybrid, side by side.
`python -m evals.run drafting [--llm none|local|openai] [--cases DIR] [--json]` drafts every figures file
and prints, per draft, exact input figures, ungrounded numbers, sections present and foreign names.
`python -m evals.run ask [--llm …] [--show-answers] [--json]`: answers cite a gold document of the registry; with
--show-answers, every question and its answer as the official reads it.
`python -m evals.run injection [--llm …] [--json]`: instructions hidden in past reports and uploaded drafts
(see evals/injection_eval.py).
`python -m evals.run substance [--llm …] [--cases DIR] [--json]`: the official's facts present in the draft,
sentences asserted without support, marked proposals and verdicts without a named target
(see evals/substance_eval.py).
`python -m evals.run reading [--assist local] [--json]`: figures read from chat messages and whole past reports by the one
reader of figures in text — exact, misread (wrong field), missed, asked (see evals/reading_eval.py).
`python -m evals.run conversation [--json]`: follow-ups ("Tháng 3/2024 thì sao?", "Nó thay thế văn bản nào?") answered against the topic before
(see evals/conversation_eval.py).
`python -m evals.run chat [--json]`: reports built in the chat one message at a time — sections drafted, the report's period
and unit kept, figures and facts taken at each turn (see evals/chat_eval.py).
`python -m evals.run ocr [--dpi …] [--pages N] [--font F] [--no-digits-pass] [--json]`: the clean seed printed, scanned, read back
by OCR — character error rate and numbers exact (see evals/ocr_eval.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from evals.metrics import first_rank, summarize

CASES_DIR = Path(__file__).parent / "cases"
MODES = ("lexical", "dense", "hybrid")


def load_cases(path: Path) -> list[dict]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            case = json.loads(line)
            case.setdefault("id", f"{path.stem}-{n}")
            cases.append(case)
    return cases


def run_retrieval(searcher, cases: list[dict], k: int = 10) -> dict:
    from retrieval.search import SearchFilter

    per_mode: dict[str, list[int | None]] = {m: [] for m in MODES}
    misses: list[dict] = []
    for case in cases:
        as_of = dt.date.fromisoformat(case["as_of"]) if case.get("as_of") else None
        flt = SearchFilter(as_of=as_of, kind=case.get("kind"))
        for mode in MODES:
            hits = searcher.search(case["question"], k=k, flt=flt, mode=mode)
            rank = first_rank(hits, case["gold"])
            per_mode[mode].append(rank)
            if mode == "hybrid" and (rank is None or rank > 5):
                misses.append({"id": case["id"], "question": case["question"], "rank": rank,
                               "top": [f"{h.number or h.doc_id} {h.location}" for h in hits[:3]]})
    return {"n": len(cases), "modes": {m: summarize(r) for m, r in per_mode.items()}, "misses": misses}


def print_table(result: dict) -> None:
    print(f"Truy hồi: {result['n']} câu hỏi")
    print(f"{'':10}{'recall@1':>10}{'recall@5':>10}{'MRR@10':>10}")
    for mode in MODES:
        m = result["modes"][mode]
        print(f"{mode:10}{m['recall@1']:>10.3f}{m['recall@5']:>10.3f}{m['mrr@10']:>10.3f}")
    if result["misses"]:
        print("\nNgoài top 5 (hybrid):")
        for miss in result["misses"]:
            print(f"- {miss['id']}: {miss['question']} → hạng {miss['rank']}; top: {miss['top']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.run")
    sub = parser.add_subparsers(dest="suite", required=True)
    p = sub.add_parser("retrieval")
    p.add_argument("--cases", type=Path, default=CASES_DIR / "retrieval.jsonl")
    p.add_argument("--dense-weight", type=float, help="weight of the dense vote in the fusion (default: the product's)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("drafting")
    p.add_argument("--cases", type=Path, default=CASES_DIR / "drafting")
    p.add_argument("--llm", choices=["none", "local", "openai"], default="none")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("review")
    p.add_argument("--cases", type=Path, default=CASES_DIR / "review")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("ask")
    p.add_argument("--cases", type=Path, default=CASES_DIR / "retrieval.jsonl")
    p.add_argument("--llm", choices=["none", "local", "openai"], default="none")
    p.add_argument("--show-answers", action="store_true", help="in cả câu hỏi và câu trả lời")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("injection")
    p.add_argument("--llm", choices=["none", "local", "openai"], default="none")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("ocr")
    p.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    p.add_argument("--pages", type=int, default=None, help="chỉ quét N trang đầu")
    p.add_argument("--font", default="Times New Roman", help="phông in bản mẫu trước khi quét")
    p.add_argument("--no-digits-pass", action="store_true", help="tắt lượt đọc lại chữ số (để so sánh)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("conversation")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("chat")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("reading")
    p.add_argument("--assist", choices=["none", "local", "openai"], default="none",
                   help="also score the messages with the model proposing fields for numbers the rules left unread")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("substance")
    p.add_argument("--cases", type=Path, default=CASES_DIR / "substance")
    p.add_argument("--llm", choices=["none", "local", "openai"], default="none")
    p.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.suite == "ocr":
        from evals.ocr_eval import print_ocr, run_ocr

        res = run_ocr(tuple(args.dpi), args.pages, font=args.font, digits_pass=not args.no_digits_pass)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_ocr(res)
        return 0
    if args.suite == "reading":
        from evals.reading_eval import print_reading, run_reading

        assist = None
        if args.assist != "none":
            from drafting.service.assistant import make_llm
            from retrieval.settings import load_settings

            assist = make_llm(load_settings(), args.assist)
        res = run_reading(assist)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_reading(res)
        return 0
    if args.suite == "review":
        from evals.review_eval import print_review, run_review
        from evals.review_unseen import print_unseen, run_unseen

        res = run_review(args.cases)
        unseen = run_unseen()
        if args.json:
            print(json.dumps({**res, "unseen": unseen}, ensure_ascii=False, indent=1))
        else:
            print_review(res)
            print_unseen(unseen)
        return 0
    from retrieval.settings import load_settings
    from retrieval.wiring import build_retrieval

    if args.suite == "drafting":
        return main_drafting(args, load_settings())
    if args.suite == "ask":
        return main_ask(args, load_settings())
    if args.suite == "injection":
        return main_injection(args, load_settings())
    if args.suite == "substance":
        return main_substance(args, load_settings())
    if args.suite == "chat":
        from drafting.service.assistant import build_assistant
        from evals.chat_eval import print_chat, run_chat_sets

        sets = run_chat_sets(build_assistant(load_settings(), llm="none"))
        if args.json:
            print(json.dumps(sets, ensure_ascii=False, indent=1, default=str))
        for res in [] if args.json else sets:
            print_chat(res)
        return 0
    if args.suite == "conversation":
        from drafting.service.assistant import build_assistant
        from evals.conversation_eval import (
            print_conversations,
            print_document_follow_ups,
            run_conversations,
            run_document_follow_ups,
        )

        asst = build_assistant(load_settings(), llm="none")
        res, docs = run_conversations(asst), run_document_follow_ups(asst)
        if args.json:
            print(json.dumps({**res, "documents": docs}, ensure_ascii=False, indent=1))
        else:
            print_conversations(res)
            print_document_follow_ups(docs)
        return 0
    stack = build_retrieval(load_settings())
    stack.ensure_index()
    if args.dense_weight is not None:
        stack.searcher.dense_weight = args.dense_weight
    result = run_retrieval(stack.searcher, load_cases(args.cases))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_table(result)
    return 0


def run_ask(asker, cases: list[dict]) -> dict:
    """Share of questions whose answer cites a gold document (registry numbers only), and the share of cited
    documents that are a gold document or in its lineage (what amended or replaced it, what it amended or replaced):
    a loosely related decree among the citations lowers it."""
    from corpus.docnumbers import find_refs

    rows, hits, cited_total, cited_kin = [], 0, 0, 0
    for case in cases:
        gold = [g["number"] for g in case["gold"] if g.get("number") and find_refs(g["number"])
                and asker.registry.get(g["number"]) is not None]
        if not gold:
            continue
        as_of = dt.date.fromisoformat(case["as_of"]) if case.get("as_of") else None
        ans = asker.ask(case["question"], as_of)
        cited = [c.number for c in ans.citations]
        ok = any(asker.registry.get(g).number in cited for g in gold)
        kin = set().union(*(asker.lineage(asker.registry.get(g)) for g in gold))
        extra = [c for c in cited if c not in kin]
        hits += ok
        cited_total += len(cited)
        cited_kin += len(cited) - len(extra)
        rows.append({"id": case["id"], "ok": ok, "gold": gold, "cited": cited, "extra": extra,
                     "question": case["question"], "answer": ans.text})
    return {"n": len(rows), "gold_cited": round(hits / len(rows), 3) if rows else None,
            "citation_precision": round(cited_kin / cited_total, 3) if cited_total else None,
            "cited_per_answer": round(cited_total / len(rows), 2) if rows else None,
            "misses": [r for r in rows if not r["ok"]], "extras": [r for r in rows if r["extra"]], "rows": rows}


def main_ask(args, settings) -> int:
    from drafting.service.assistant import build_assistant

    assistant = build_assistant(settings, llm=args.llm)
    assistant.retrieval.ensure_index()
    res = run_ask(assistant.asker, load_cases(args.cases))
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"Hỏi văn bản áp dụng ({args.llm}): {res['n']} câu; câu trả lời trích đúng văn bản chuẩn: {res['gold_cited']}; "
          f"văn bản được trích thuộc chuẩn hoặc dòng sửa đổi/thay thế của nó: {res['citation_precision']} "
          f"({res['cited_per_answer']} văn bản/câu)")
    for m in res["misses"]:
        print(f"  trượt {m['id']}: chuẩn {m['gold']}, trích {m['cited']}")
    for m in res["extras"]:
        print(f"  trích thêm {m['id']}: {m['extra']} (chuẩn {m['gold']})")
    for r in res["rows"] if args.show_answers else []:  # the answers as an official reads them, quoted from here
        print(f"\n— {r['id']}: {r['question']}\n{r['answer']}")
    return 0


def main_injection(args, settings) -> int:
    from corpus.registry import Registry
    from drafting.service.assistant import build_assistant
    from evals.injection_eval import print_injection, run_injection

    res = run_injection(lambda s: build_assistant(s, llm=args.llm), settings, Registry.load())
    print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_injection(res)
    ok = res["passed"] == res["n"] and res["draft_same_figures"] and res["answer_ok"] and not res["draft_ungrounded"]
    return 0 if ok else 1


def _cases_with_assistant(args, settings, run, show, title: str) -> int:
    """Draft every case of a folder with one assistant over the index; print a table or JSON."""
    from drafting.service.assistant import build_assistant

    assistant = build_assistant(settings, llm=args.llm)
    assistant.retrieval.ensure_index()
    rows = run(assistant, args.cases)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print(f"{title} ({args.llm}): {len(rows)} bộ số liệu")
        show(rows)
    return 0


def main_substance(args, settings) -> int:
    from evals.substance_eval import print_substance, run_substance

    return _cases_with_assistant(args, settings, run_substance, print_substance, "Nội dung của đơn vị")


def main_drafting(args, settings) -> int:
    from evals.drafting_eval import print_rows, run_drafting

    return _cases_with_assistant(args, settings, run_drafting, print_rows, "Soạn thảo")


if __name__ == "__main__":
    sys.exit(main())
