"""Decode bytes of a text file into Unicode NFC, recognising the legacy Vietnamese encodings
still found in older office files: TCVN3 (ABC), VNI and Windows-1258.

TCVN3 maps one 8-bit code to one accented letter; VNI writes a letter as a base letter followed
by one or two 8-bit mark characters; Windows-1258 uses combining tone marks. Each candidate decoding
is scored by how many Vietnamese letters it yields and how many stray 8-bit symbols remain; a text
that fits none of them, or mixes Unicode with a legacy encoding, is refused with a message rather
than indexed as garbage.
"""

from __future__ import annotations

import re
import unicodedata

from corpus.errors import InputError
from corpus.text import nfc

# TCVN3 (ABC): lower-case letters; the upper-case "H" fonts reuse the same codes, so upper-case
# text comes out lower-case — readable and searchable, which is what matters for the index.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TABLE = {chr(k): v for k, v in _TCVN3.items()}

# VNI: marks written after the base vowel (lower-case form; upper-case marks are the same
# characters in upper case). Values are the Unicode combining marks they stand for.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
# circumflex + tone, breve + tone
_VNI_CIRC = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# single characters that are whole letters in VNI
_VNI_SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ",
               "ô": "ơ", "ö": "ư"}
_VNI_MARKS = set(_VNI_TONE) | set(_VNI_CIRC) | set(_VNI_BREVE)

_VI_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)
_VI_LETTERS |= {c.upper() for c in _VI_LETTERS}
_LATIN1_VI = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        low = ch.lower()
        upper = ch != low
        nxt = text[i + 1].lower() if i + 1 < n else ""
        if low in "aeiouy" and nxt in _VNI_MARKS:
            base = low
            if low in "aeo" and nxt in _VNI_CIRC:
                letter = base + _CIRC + _VNI_CIRC[nxt]
            elif low == "a" and nxt in _VNI_BREVE:
                letter = base + _BREVE + _VNI_BREVE[nxt]
            elif nxt in _VNI_TONE:
                letter = base + _VNI_TONE[nxt]
            else:
                out.append(ch)
                i += 1
                continue
            letter = unicodedata.normalize("NFC", letter)
            out.append(letter.upper() if upper else letter)
            i += 2
            continue
        if low in ("ô", "ö") and nxt in _VNI_TONE:  # ơ / ư with a tone
            letter = unicodedata.normalize("NFC", _VNI_SINGLE[low] + _VNI_TONE[nxt])
            out.append(letter.upper() if upper else letter)
            i += 2
            continue
        if low in _VNI_SINGLE:
            letter = _VNI_SINGLE[low]
            out.append(letter.upper() if upper else letter)
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_TONES = set("\u0300\u0301\u0303\u0309\u0323")
_TONED = {c for c in _VI_LETTERS if _TONES & set(unicodedata.normalize("NFD", c))}


def _score(text: str) -> tuple[int, int]:
    """(Vietnamese letters, implausible characters) in a decoded text. Stray 8-bit symbols and
    words with two tone marks (impossible in Vietnamese) betray a wrong decoding."""
    vi = stray = 0
    for c in text:
        if c in _VI_LETTERS:
            vi += 1
        elif 0x80 <= ord(c) <= 0xFF and c not in _LATIN1_VI:
            stray += 1
    for word in re.findall(r"\w+", text):
        if sum(1 for c in word if c in _TONED) > 1:
            stray += 2
    return vi, stray


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(str.maketrans(_TCVN3_TABLE))


def vni_to_unicode(text: str) -> str:
    return _vni_to_unicode(text)


def _legacy_markers(text: str) -> int:
    """Characters that mean 'legacy encoding shown as Latin-1' inside a Unicode text."""
    return sum(1 for c in text if c in "¸µ¶·¹¨©ª«¬®ø­ïû")


_MOJIBAKE = re.compile("(Ã.|Ä‘|Æ°|á»|áº)")


def decode_text(data: bytes, name: str = "tệp") -> tuple[str, str]:
    """Return (text in NFC, encoding name). Raises InputError when the encoding is not one we
    can read reliably."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return nfc(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: tệp UTF-16 bị hỏng, không đọc được.", detail=str(exc)) from exc
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: đây là tệp nhị phân, không phải văn bản.")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = None
        encoding = ""
    if text is not None:
        if len(_MOJIBAKE.findall(text)) > 5:  # UTF-8 read as Windows-1252 then saved again
            try:
                return nfc(text.encode("cp1252").decode("utf-8")), "utf-8 (sửa lỗi mã hóa kép)"
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        return _fix_legacy_in_unicode(nfc(text), name), encoding
    return _decode_legacy_bytes(data, name)


def _fix_legacy_in_unicode(text: str, name: str) -> str:
    """A .docx or UTF-8 text typed with a TCVN3/VNI font stores the legacy codes as Latin-1
    characters. Convert them when they clearly dominate; refuse a real mixture."""
    markers = _legacy_markers(text)
    if markers < 5:
        return text
    vi, _ = _score(text)
    candidates = {"TCVN3": tcvn3_to_unicode(text), "VNI": nfc(vni_to_unicode(text))}
    best_name, best = max(candidates.items(), key=lambda kv: _score(kv[1])[0] - 3 * _score(kv[1])[1])
    new_vi, new_stray = _score(best)
    if vi > 20 and vi > markers:  # already mostly Unicode Vietnamese: a mixture
        raise InputError(
            f"{name}: văn bản trộn chữ Unicode với bảng mã cũ ({best_name}); hãy chuyển toàn bộ "
            "sang Unicode (ví dụ bằng Unikey) rồi tải lên lại."
        )
    if new_stray * 20 > max(new_vi, 1):
        raise InputError(
            f"{name}: văn bản dùng bảng mã tiếng Việt cũ không nhận dạng được; hãy chuyển sang "
            "Unicode rồi tải lên lại."
        )
    return best


def _decode_legacy_bytes(data: bytes, name: str) -> tuple[str, str]:
    latin = data.decode("latin-1")
    candidates: dict[str, str] = {
        "TCVN3": tcvn3_to_unicode(latin),
        "VNI": nfc(vni_to_unicode(data.decode("cp1252", errors="replace"))),
    }
    try:
        candidates["Windows-1258"] = nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    scored = sorted(
        ((_score(t)[0] - 3 * _score(t)[1], enc, t) for enc, t in candidates.items()), reverse=True
    )
    _, enc, text = scored[0]
    vi, stray = _score(text)
    if vi < 3 or stray * 20 > vi or "\ufffd" in text:
        raise InputError(
            f"{name}: không nhận dạng được bảng mã của tệp (không phải UTF-8, TCVN3, VNI hay "
            "Windows-1258). Hãy lưu lại tệp ở dạng Unicode (UTF-8) rồi tải lên lại."
        )
    return text, enc
