"""OCR eval: the clean seed report (003) laid out as an official prints it (Times New Roman 13 pt, via
python-docx and LibreOffice), scanned at 150/200/300 dpi (pdftoppm, greyscale), read back through the
product's own OCR path (corpus.loaders → the OCR worker corpus.ocr_worker → corpus.ocr), and compared with the source text:
- character error rate (Levenshtein distance / source length, whitespace collapsed, NFC);
- numbers exact: of the numbers in the source, how many the OCR text holds (as a multiset);
- numbers flagged: of the numbers OCR got wrong, how many it listed as low-confidence.

python -m evals.run ocr [--dpi 200] [--json]     python -m evals.bench ocr (seconds per page)"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"
_NUM = re.compile(r"\d+(?:[.,/]\d+)*")


def seed_lines(path: Path = SEED) -> list[str]:
    return [re.sub(r"^#+\s*|\*\*", "", line).rstrip() for line in path.read_text(encoding="utf-8").splitlines()]


def docx_bytes(lines: list[str], font: str = "Times New Roman") -> bytes:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(13)
    for line in lines:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(data: bytes, suffix: str = ".docx", timeout: float = 120) -> bytes:
    """A document converted to PDF with LibreOffice (a throwaway profile)."""
    from corpus.office import soffice

    with tempfile.TemporaryDirectory(prefix="troly-eval-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=timeout)
        return (Path(tmp) / "in.pdf").read_bytes()


def scan(pdf: bytes, dpi: int, pages: int | None = None) -> bytes:
    """A PDF with no text layer: each page rendered to a greyscale image at dpi, as a scanner would."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="troly-scan-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        cmd = ["pdftoppm", "-r", str(dpi), "-gray", "-png"] + (["-l", str(pages)] if pages else []) + [str(src),
                                                                                                      f"{tmp}/p"]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        images = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("p-*.png"))]
        out = io.BytesIO()
        images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
        return out.getvalue()


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def measure(source: str, ocr_text: str, low_numbers: list[str]) -> dict:
    from rapidfuzz.distance import Levenshtein

    s, o = _norm(source), _norm(ocr_text)
    if len(s) > len(o) * 1.05:  # the first pages only: the source up to where the scanned text ends
        ends = range(int(len(o) * 0.9), min(len(s), int(len(o) * 1.1)) + 1, 4)
        s = min((s[:e] for e in ends), key=lambda cut: Levenshtein.distance(o, cut))
    src_nums, ocr_nums = Counter(_NUM.findall(s)), Counter(_NUM.findall(o))
    exact = sum(min(n, ocr_nums[k]) for k, n in src_nums.items())
    wrong = [k for k in ocr_nums if ocr_nums[k] > src_nums.get(k, 0)]  # numbers OCR made up
    flagged = [k for k in wrong if any(k in w for w in low_numbers)]
    return {"cer": round(Levenshtein.distance(o, s) / max(1, len(s)) * 100, 2), "numbers": sum(src_nums.values()),
            "numbers_exact": exact, "numbers_exact_share": round(exact / max(1, sum(src_nums.values())) * 100, 1),
            "wrong_numbers": wrong[:20], "wrong_flagged": len(flagged)}


def run_ocr(dpis: tuple[int, ...] = (150, 200, 300), pages: int | None = None, font: str = "Times New Roman",
            digits_pass: bool = True) -> dict:
    """digits_pass=False: the product's OCR without its second reading of unsure numbers, to measure what it adds."""
    from corpus.loaders import ReadLimits, load_bytes

    lines = seed_lines()
    pdf = to_pdf(docx_bytes(lines, font))
    rows = []
    limits = ReadLimits() if digits_pass else ReadLimits(ocr_digit_passes=0)
    for dpi in dpis:
        scanned = scan(pdf, dpi, pages)
        t0 = time.perf_counter()
        loaded = load_bytes(scanned, f"quet-{dpi}dpi.pdf", limits=limits)
        elapsed = time.perf_counter() - t0
        m = measure("\n".join(lines), loaded.text, [w for _, w, _ in loaded.low_numbers])
        rows.append({"dpi": dpi, "pages": loaded.pages, "s_per_page": round(elapsed / max(1, loaded.pages), 2),
                     "mean_confidence": round(sum(loaded.page_confidence) / max(1, len(loaded.page_confidence)), 1),
                     "low_numbers": len(loaded.low_numbers), **m})
    return {"document": SEED.name, "font": font, "digits_pass": digits_pass, "rows": rows}


def worker_overhead(rounds: int = 3) -> dict:
    """Seconds one page takes read in this process and through the OCR worker (the product's path), median of
    `rounds`: the worker's price is its start-up."""
    import statistics

    from corpus.ocr import ocr_pdf_bytes
    from corpus.ocr_worker import ocr_in_worker

    page = scan(to_pdf(docx_bytes(seed_lines())), 200, 1)
    inside, worker = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        ocr_pdf_bytes(page, "trang.pdf", 1, 1, 300)
        inside.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ocr_in_worker("pdf", page, "trang.pdf", pages=1, max_pages=1, timeout=300, memory_mb=2048)
        worker.append(time.perf_counter() - t0)
    a, b = statistics.median(inside), statistics.median(worker)
    return {"in_process_s": round(a, 2), "worker_s": round(b, 2), "overhead_s": round(b - a, 2)}


def print_ocr(result: dict) -> None:
    extra = "" if result.get("digits_pass", True) else ", không đọc lại chữ số"
    print(f"OCR báo cáo mẫu {result['document']} ({result.get('font', 'Times New Roman')} 13, quét xám{extra}):")
    print(f"{'dpi':>5} {'trang':>6} {'s/trang':>8} {'CER %':>7} {'số đúng':>12} {'tin cậy':>8} {'số bị nghi':>10}")
    for r in result["rows"]:
        print(f"{r['dpi']:>5} {r['pages']:>6} {r['s_per_page']:>8} {r['cer']:>7} "
              f"{r['numbers_exact']:>5}/{r['numbers']:<4} ({r['numbers_exact_share']}%) {r['mean_confidence']:>6} "
              f"{r['low_numbers']:>10}")
        if r["wrong_numbers"]:
            print(f"      số sai: {', '.join(r['wrong_numbers'])} (được đánh dấu chưa chắc: {r['wrong_flagged']})")
