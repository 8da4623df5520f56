"""Command line for the corpus.

  python -m corpus extract FILE [--json]

prints the text the importer reads from any supported file (.docx, .pdf, .txt, .md, .html, .doc, .odt, scanned
.pdf, .png, .jpg, .tif): NFC, page by page, and for OCR the mean confidence of each page and the numbers read
with a low confidence — so an official can check what went in. Ingest and the app read files the same way.
Exit codes: 0 read; 2 the file could not be read (the message says why)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from corpus.errors import TroLyError, configure_logging, shown


def cmd_extract(args) -> int:
    from corpus.loaders import load_file
    from retrieval.settings import load_settings

    settings = load_settings()

    def progress(done: int, total: int) -> None:
        if not args.json:
            print(f"  nhận dạng chữ trang {done}/{total}…", file=sys.stderr)

    loaded = load_file(Path(args.file), max_bytes=settings.max_upload_bytes, limits=settings.read_limits(),
                       on_page=progress)
    if args.json:
        print(json.dumps(asdict(loaded), ensure_ascii=False, indent=1))
        return 0
    how = "nhận dạng chữ (OCR)" if loaded.ocr else f"định dạng {loaded.fmt}"
    if loaded.converted_from:
        how += f", chuyển từ {loaded.converted_from} bằng LibreOffice"
    print(f"# {args.file}: {how}" + (f", {loaded.pages} trang" if loaded.pages else ""))
    pages = loaded.page_texts or [loaded.text]
    for n, text in enumerate(pages, 1):
        if len(pages) > 1 or loaded.ocr:
            conf = f" — độ tin cậy OCR {loaded.page_confidence[n - 1]:.0f}/100" if loaded.ocr else ""
            print(f"\n----- trang {n}{conf} -----")
        print(text)
    if loaded.low_numbers:
        print("\nSố đọc chưa chắc chắn (cần đối chiếu bản gốc):")
        for page, word, conf in loaded.low_numbers:
            print(f"  trang {page}: “{word}” (độ tin cậy {conf:.0f})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="in ra chữ đọc được từ một tệp")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_extract)
    args = parser.parse_args(argv)
    configure_logging()
    try:
        return args.fn(args)
    except TroLyError as exc:
        print(f"Lỗi: {shown(exc, 'troly.corpus')}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
