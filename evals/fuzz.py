"""Fuzzing the parsers that read what users hand us: file loaders (.docx, .pdf, .txt, .html, .xlsx),
the review loader, the citation parser and the figures parsers (chat messages, cells, numbers).

Each target is a property: for any generated input the parser returns, or raises the product's own
TroLyError (which the UI turns into a message). Any other exception is a crash; an input that takes
longer than HANG_SECONDS is a hang. `tests/test_fuzz.py` runs every target for a bounded number of
examples in CI; `python -m evals.fuzz --seconds N` runs them for longer with fresh random seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import signal
import time
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.errors import TroLyError

HANG_SECONDS = 10


class Hang(Exception):
    """An input the parser did not finish within HANG_SECONDS."""


@contextmanager
def time_limit(seconds: float):
    """Interrupt a parser that loops (main thread only; CPython delivers the alarm between bytecodes)."""
    def _alarm(signum, frame):
        raise Hang(f"no answer after {seconds} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# ------------------------------------------------------------------ seed files (valid, then mutated)

def make_pdf(text_lines: list[str] | None) -> bytes:
    """A minimal one-page PDF; with text_lines=None the page has no text layer (like a scan)."""
    content = b""
    if text_lines:
        ops = ["BT", "/F1 12 Tf", "50 750 Td"]
        for line in text_lines:
            ops += [f"({line}) Tj", "0 -16 Td"]
        ops.append("ET")
        content = "\n".join(ops).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


SAMPLE = ("BÁO CÁO Kết quả cải cách hành chính 6 tháng đầu năm 2025\n"
          "1. Cải cách thủ tục hành chính: tiếp nhận 253 hồ sơ, giải quyết trước và đúng hạn 245 hồ sơ, "
          "đạt tỷ lệ 96,84%. Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.")


def make_docx(text: str = SAMPLE) -> bytes:
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Tiếp nhận", "253"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@cache
def seeds() -> dict[str, bytes]:
    from drafting.inputs.workbook import write_template

    return {
        ".docx": make_docx(),
        ".pdf": make_pdf(["Bao cao cai cach hanh chinh 2025", "Nghi dinh so 61/2018/ND-CP", "Tiep nhan 253 ho so"]),
        ".txt": SAMPLE.encode("utf-8"),
        ".md": ("# Báo cáo\n\n" + SAMPLE).encode("utf-8"),
        ".html": f"<html><body><h1>Báo cáo</h1><p>{SAMPLE}</p><script>x()</script></body></html>".encode(),
        ".xlsx": write_template(meta={"issuer": "UBND xã Ba Trang", "period": "6 tháng", "year": 2025},
                                values={"tthc.ho_so_tiep_nhan": 253, "tthc.ho_so_dung_han_tong": 245}),
    }


def _mutate(data: bytes, edits: list[tuple[int, int, int]], cut: int | None) -> bytes:
    """Flip, insert or delete bytes at positions; optionally truncate."""
    b = bytearray(data)
    for pos, value, op in edits:
        if not b:
            break
        i = pos % len(b)
        if op == 0:
            b[i] = value
        elif op == 1:
            b.insert(i, value)
        else:
            del b[i]
    if cut is not None and b:
        del b[cut % len(b):]
    return bytes(b)


def _replace_part(container: bytes, part: str, body: bytes) -> bytes:
    """The same zip with one part's content replaced (malformed XML inside a valid package)."""
    src = zipfile.ZipFile(io.BytesIO(container))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body if info.filename == part else src.read(info.filename))
    return out.getvalue()


_edits = st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255), st.integers(0, 2)), max_size=12)
_xmlish = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda t: f'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:body></w:document>'.encode("utf-8", "surrogatepass")),
    st.text(alphabet="<>/=\"' wpbodyrt:&;#x0123456789", max_size=300).map(lambda t: t.encode()),
)
_part_of = {".docx": "word/document.xml", ".xlsx": "xl/worksheets/sheet2.xml"}


def file_inputs(suffixes: tuple[str, ...]):
    """(name, bytes): random bytes, mutated valid files, packages with a broken part, text in odd encodings."""
    def mutated(s):
        return st.builds(lambda e, c: (f"tep{s}", _mutate(seeds()[s], e, c)), _edits, st.none() | st.integers(0, 2**20))

    options = [st.tuples(st.sampled_from([f"tep{s}" for s in suffixes]), st.binary(max_size=2048))]
    options += [mutated(s) for s in suffixes]
    for s in suffixes:
        if s in _part_of:
            options.append(st.builds(lambda body, s=s: (f"tep{s}", _replace_part(seeds()[s], _part_of[s], body)), _xmlish))
        if s in (".txt", ".html", ".md"):
            options.append(st.builds(lambda t, enc, s=s: (f"tep{s}", t.encode(enc, "ignore")), st.text(max_size=400),
                                     st.sampled_from(["utf-8", "utf-16", "cp1258", "latin-1", "utf-8-sig"])))
    return st.one_of(options)


# --------------------------------------------------------------------------------------- targets

_words = st.sampled_from(
    "tiếp nhận hồ sơ giải quyết đúng hạn quá hạn trực tuyến toàn trình một phần tỷ lệ % năm quý I 6 tháng "
    "9 tháng xã phường huyện tỉnh UBND Nghị định số Thông tư Quyết định NĐ-CP TT-BNV QĐ-TTg ngày tháng / , . : ; "
    "- ( ) 1.641 96,84 253 245 2025 2024 01/7/2025 61/2018/NĐ-CP 118/2025/ND-CP NĐ 61 Điều 8 khoản 2 "
    "đang đã trễ hẹn chỉ tiêu đạt 100 0 -5 1e9 ½ ١٢٣ ０１２".split())
vn_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_words, st.text(max_size=6), st.integers(-10**12, 10**12).map(str)), max_size=80).map(" ".join),
)


@dataclass
class Target:
    name: str
    strategy: object
    check: Callable[[object], None]


def _loader(arg) -> None:
    from corpus.loaders import load_bytes

    name, data = arg
    loaded = load_bytes(data, name, max_pages=50)
    assert isinstance(loaded.text, str) and loaded.text.strip()


def _workbook(arg) -> None:
    from drafting.inputs.files import load_figures_bytes

    name, data = arg
    got = load_figures_bytes(data, name)
    for key, value in got.figures.values.items():  # whatever is accepted is a finite number
        assert value == value and abs(value) < 10**15, (key, value)


def _workbook_cells(arg) -> None:
    from drafting.inputs.workbook import write_template

    meta, values = arg
    data = write_template(meta=meta, values=values)
    _workbook(("so-lieu.xlsx", data))


def _review(arg) -> None:
    from drafting.review.checks import review

    name, data = arg
    issues = review(data, _registry(), dt.date(2025, 12, 31), name=name)
    assert all(i.message for i in issues)


@lru_cache(maxsize=1)
def _registry():
    from corpus.registry import Registry

    return Registry.load()


def _citations(text: str) -> None:
    from drafting.law.citations import check_text, parse_citations

    for ref in parse_citations(text):
        assert 0 <= ref.start < ref.end <= len(text) and ref.number
    check_text(text, _registry(), dt.date(2025, 8, 1))


def _chat(text: str) -> None:
    from drafting.inputs.chat_reader import read_message

    reading = read_message(text)
    for f in reading.figures:  # every figure points at the digits it came from
        start, end = f.start, f.end
        assert 0 <= start < end <= len(text) and any(ch.isdigit() for ch in text[start:end]), (f, text)


def _cells(raw: dict) -> None:
    from drafting.figures.figureset import build_figure_set

    build_figure_set(raw)


def _number(text: str) -> None:
    from drafting.figures.vnformat import parse_vn_number

    v = parse_vn_number(text)
    assert v is None or v.is_finite(), (text, v)


@lru_cache(maxsize=1)
def _keys() -> list[str]:
    from drafting.figures.schema import FIELD_BY_KEY

    return sorted(FIELD_BY_KEY)


_cell_value = st.one_of(st.integers(-10**16, 10**16), st.floats(allow_nan=True, allow_infinity=True),
                        st.text(max_size=20), st.none(), st.booleans(), _words)


def targets() -> list[Target]:
    cells = st.dictionaries(st.one_of(st.sampled_from(_keys()), st.text(max_size=12)), _cell_value, max_size=25)
    meta = st.fixed_dictionaries({}, optional={
        k: st.one_of(st.text(max_size=40), st.integers(-3000, 3000), _words)
        for k in ("issuer", "level", "locality", "period", "year", "report_date", "number_symbol", "recipients")})
    return [
        Target("loaders: .docx", file_inputs((".docx",)), _loader),
        Target("loaders: .pdf", file_inputs((".pdf",)), _loader),
        Target("loaders: .txt/.md", file_inputs((".txt", ".md")), _loader),
        Target("loaders: .html", file_inputs((".html",)), _loader),
        Target("figures: .xlsx bytes", file_inputs((".xlsx",)), _workbook),
        Target("figures: .xlsx cells", st.tuples(meta, cells), _workbook_cells),
        Target("review: uploaded drafts", file_inputs((".docx", ".txt")), _review),
        Target("citation parser", vn_text, _citations),
        Target("figures: chat message", vn_text, _chat),
        Target("figures: form cells", cells, _cells),
        Target("figures: numbers", st.one_of(st.text(max_size=30), _words), _number),
    ]


@dataclass
class FuzzResult:
    name: str
    examples: int
    seconds: float
    refused: int  # inputs answered with the product's own error (a message to the user)


def fuzz(target: Target, max_examples: int, derandomize: bool = True) -> FuzzResult:
    """Run one target; raises (with the smallest failing input) on a crash or a hang."""
    counts = {"n": 0, "refused": 0}

    @settings(max_examples=max_examples, deadline=None, derandomize=derandomize, database=None,
              suppress_health_check=list(HealthCheck), print_blob=True)
    @given(target.strategy)
    def run(arg):
        counts["n"] += 1
        with time_limit(HANG_SECONDS):
            try:
                target.check(arg)
            except TroLyError as exc:
                assert exc.message.strip(), "an error without a message"
                counts["refused"] += 1

    start = time.perf_counter()
    run()
    return FuzzResult(target.name, counts["n"], time.perf_counter() - start, counts["refused"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.fuzz", description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60, help="time per target (fresh random inputs each batch)")
    ap.add_argument("--batch", type=int, default=200)
    args = ap.parse_args(argv)
    total_n, total_s = 0, 0.0
    print(f"{'đích':32} {'đầu vào':>9} {'bị từ chối':>11} {'giây':>7}")
    for t in targets():
        n = refused = 0
        start = time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            r = fuzz(t, args.batch, derandomize=False)
            n, refused = n + r.examples, refused + r.refused
        secs = time.perf_counter() - start
        total_n, total_s = total_n + n, total_s + secs
        print(f"{t.name:32} {n:>9} {refused:>11} {secs:>7.1f}")
    print(f"{'tổng':32} {total_n:>9} {'':>11} {total_s:>7.1f}  (không lỗi lạ, không treo)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
