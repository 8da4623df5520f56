"""Scanned reports read with Tesseract and its Vietnamese model (Debian: tesseract-ocr, tesseract-ocr-vie).

A PDF without a text layer is rendered page by page with pdftoppm (poppler-utils) at 300 dpi, an image
(.png/.jpg/.tif) is read as it is; every page carries its mean word confidence, and every number read
with a low confidence is listed, because numbers are what OCR gets wrong and what a report must get
right. A number read with low confidence is read a second time on its own, digits only, enlarged (a
"digits pass"). A page limit and a time limit bound the work; the pages already read are never half-returned."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import InputError

OCR_LANG = "vie"
DPI = 300
LOW_NUMBER_CONFIDENCE = 80.0  # a number below this is listed for confirmation
_NUM = re.compile(r"\d")
_NUM_RUN = re.compile(r"\d[\d.,/]*\d|\d")
_DIGITS = "0123456789.,/%"
MAX_DIGIT_PASSES = 40  # per page: a second reading costs a Tesseract run (about 0,1–0,3 s)


@dataclass
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0–100


@dataclass
class OcrResult:
    pages: list[OcrPage]
    low_numbers: list[tuple[int, str, float]] = field(default_factory=list)  # (page, word, confidence)

    @property
    def text(self) -> str:
        return "\n\f\n".join(p.text for p in self.pages)  # a form feed marks each page break


def missing_tools(pdf: bool) -> list[str]:
    need = []
    if shutil.which("tesseract") is None:
        need.append("tesseract-ocr")
    else:
        try:
            langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.TimeoutExpired):
            langs = ""
        if OCR_LANG not in langs.split():
            need.append("tesseract-ocr-vie")
    if pdf and shutil.which("pdftoppm") is None:
        need.append("poppler-utils")
    return need


def tools_or_raise(name: str, pdf: bool) -> None:
    need = missing_tools(pdf)
    if need:
        raise InputError(
            f"{name}: là bản quét (ảnh), cần nhận dạng chữ (OCR) nhưng máy chưa cài {', '.join(need)}. Quản trị "
            f"viên cài bằng: sudo apt-get install {' '.join(need)} (hoặc chạy make run), rồi tải lên lại.")


def _read_image(image, page_no: int, result: OcrResult, deadline: float, digit_passes: int = MAX_DIGIT_PASSES) -> None:
    import pytesseract

    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    data = pytesseract.image_to_data(image, lang=OCR_LANG, config="--psm 3", output_type=pytesseract.Output.DICT,
                                     timeout=max(1, int(remaining)))
    lines: dict[tuple, list[str]] = {}
    confs = []
    second_reads = 0
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        if _NUM.search(word) and conf < LOW_NUMBER_CONFIDENCE and second_reads < digit_passes:
            second_reads += 1
            word, conf = _digits_pass(image, data, i, word, conf, deadline)
        confs.append(conf)
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
        if _NUM.search(word) and conf < LOW_NUMBER_CONFIDENCE:
            result.low_numbers.append((page_no, word, round(conf, 1)))
    paragraphs: list[str] = []
    last_par = None
    for (block, par, _), words in lines.items():
        if last_par is not None and (block, par) != last_par:
            paragraphs.append("")
        paragraphs.append(" ".join(words))
        last_par = (block, par)
    result.pages.append(OcrPage(text="\n".join(paragraphs).strip(),
                                confidence=round(sum(confs) / len(confs), 1) if confs else 0.0))


def _digits_pass(image, data: dict, i: int, word: str, conf: float, deadline: float) -> tuple[str, float]:
    """A number read with low confidence is read again on its own: its box enlarged three times, one line of
    digits only. The second reading replaces the number inside the word ("05," stays "05," with its comma) when
    it is surer and has the same shape (as many digit groups); otherwise the first reading stands, still flagged."""
    import pytesseract

    remaining = deadline - time.monotonic()
    if remaining <= 1:
        return word, conf
    pad = 6
    box = (max(0, data["left"][i] - pad), max(0, data["top"][i] - pad),
           data["left"][i] + data["width"][i] + pad, data["top"][i] + data["height"][i] + pad)
    crop = image.crop(box)
    crop = crop.resize((crop.width * 3, crop.height * 3))
    try:
        again = pytesseract.image_to_data(crop, lang=OCR_LANG, config=f"--psm 7 -c tessedit_char_whitelist={_DIGITS}",
                                          output_type=pytesseract.Output.DICT, timeout=max(1, int(min(remaining, 10))))
    except RuntimeError:  # the second reading timed out: keep the first
        return word, conf
    read = [(t.strip(), float(c)) for t, c in zip(again["text"], again["conf"]) if (t or "").strip() and float(c) >= 0]
    if not read:
        return word, conf
    text, new_conf = "".join(t for t, _ in read), min(c for _, c in read)
    old_nums, new_nums = _NUM_RUN.findall(word), _NUM_RUN.findall(text)
    if new_conf <= conf or len(old_nums) != 1 or len(new_nums) != 1 or len(new_nums[0]) != len(old_nums[0]):
        return word, conf
    return word.replace(old_nums[0], new_nums[0]), new_conf


def ocr_images(images: Iterable, name: str, timeout: float,
               on_page: Callable[[int, int], None] | None = None, total: int | None = None,
               digit_passes: int = MAX_DIGIT_PASSES) -> OcrResult:
    """images: a list, or a generator of pages decoded one at a time (then `total` says how many)."""
    result = OcrResult(pages=[])
    deadline = time.monotonic() + timeout
    try:
        for n, image in enumerate(images, 1):
            _read_image(image, n, result, deadline, digit_passes)
            if on_page:
                on_page(n, total or len(images))
    except (TimeoutError, RuntimeError) as exc:
        if "timeout" not in str(exc).lower() and not isinstance(exc, TimeoutError):
            raise InputError(f"{name}: nhận dạng chữ thất bại.", detail=repr(exc)) from exc
        raise InputError(f"{name}: nhận dạng chữ quá {timeout:.0f} giây (mới xong {len(result.pages)} trang); "
                         "hãy tách tệp thành phần nhỏ hơn rồi tải lên lại.") from exc
    return result


def scan_page_limit(name: str, pages: int, max_pages: int) -> None:
    if pages > max_pages:
        raise InputError(f"{name}: bản quét có {pages} trang, vượt giới hạn nhận dạng chữ {max_pages} trang; hãy "
                         "tách tệp (ví dụ chỉ phần báo cáo, bỏ phụ lục) rồi tải lên lại.")


def ocr_image_bytes(data: bytes, name: str, timeout: float,
                    on_page: Callable[[int, int], None] | None = None, max_pages: int = 60,
                    digit_passes: int = MAX_DIGIT_PASSES) -> OcrResult:
    """An image scan; a multi-page .tif is several pages, decoded one at a time under the scan page limit."""
    from PIL import Image, UnidentifiedImageError

    tools_or_raise(name, pdf=False)
    bad = (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, EOFError)
    try:
        img = Image.open(io.BytesIO(data))
        frames = getattr(img, "n_frames", 1)
    except bad as exc:
        raise InputError(f"{name}: tệp ảnh bị hỏng hoặc quá lớn, không đọc được.", detail=repr(exc)) from exc
    scan_page_limit(name, frames, max_pages)

    def decoded():
        for i in range(frames):
            try:
                img.seek(i)
                yield img.convert("L")
            except bad as exc:
                raise InputError(f"{name}: tệp ảnh bị hỏng hoặc quá lớn, không đọc được (trang {i + 1}).",
                                 detail=repr(exc)) from exc

    return ocr_images(decoded(), name, timeout, on_page, total=frames, digit_passes=digit_passes)


def ocr_pdf_bytes(data: bytes, name: str, pages: int, max_pages: int, timeout: float,
                  on_page: Callable[[int, int], None] | None = None,
                  digit_passes: int = MAX_DIGIT_PASSES) -> OcrResult:
    """OCR of a PDF without a text layer, rendered page by page (so memory holds one page at a time)."""
    from PIL import Image

    tools_or_raise(name, pdf=True)
    scan_page_limit(name, pages, max_pages)
    result = OcrResult(pages=[])
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="troly-ocr-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        for n in range(1, pages + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise InputError(f"{name}: nhận dạng chữ quá {timeout:.0f} giây (mới xong {n - 1}/{pages} trang); "
                                 "hãy tách tệp thành phần nhỏ hơn rồi tải lên lại.")
            out = Path(tmp) / f"p{n}"
            try:
                subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n),
                                str(src), str(out)], check=True, capture_output=True, timeout=max(1, remaining))
            except subprocess.TimeoutExpired as exc:
                raise InputError(f"{name}: nhận dạng chữ quá {timeout:.0f} giây (mới xong {n - 1}/{pages} trang); "
                                 "hãy tách tệp thành phần nhỏ hơn rồi tải lên lại.") from exc
            except subprocess.CalledProcessError as exc:
                raise InputError(f"{name}: tệp PDF bị hỏng (trang {n} không dựng được ảnh).",
                                 detail=exc.stderr.decode(errors="replace")[:300]) from exc
            with Image.open(out.with_suffix(".png")) as img:
                part = ocr_images([img.copy()], name, max(1.0, deadline - time.monotonic()),
                                  digit_passes=digit_passes)
            out.with_suffix(".png").unlink(missing_ok=True)
            result.pages += part.pages
            result.low_numbers += [(n, w, c) for _, w, c in part.low_numbers]
            if on_page:
                on_page(n, pages)
    return result
