import unicodedata

import pytest

from corpus.encodings import decode_text
from corpus.errors import InputError
from corpus.text import fold, words
from tests.helpers.bad_files import SAMPLE, mixed_encodings, to_tcvn3


def to_vni(text: str) -> bytes:
    tones = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        up, b = base.isupper(), base.lower()
        tone = "".join(tones.get(m, "") for m in marks)
        if "\u031b" in marks:
            r = {"o": "ô", "u": "ö"}[b] + tone
        elif "\u0302" in marks:
            r = b + {"": "â", "ù": "á", "ø": "à", "û": "å", "õ": "ã", "ï": "ä"}[tone]
        elif "\u0306" in marks:
            r = b + {"": "ê", "ù": "é", "ø": "è", "û": "ú", "õ": "ü", "ï": "ë"}[tone]
        elif b == "i" and tone:
            r = {"ù": "í", "ø": "ì", "û": "æ", "õ": "ó", "ï": "ò"}[tone]
        elif b == "y" and tone == "ï":
            r = "î"
        else:
            r = b + tone
        out.append(r.upper() if up else r)
    return "".join(out).encode("cp1252")


def test_fold_is_length_preserving_and_diacritic_insensitive():
    assert fold(SAMPLE) == fold(fold(SAMPLE))
    assert len(fold(SAMPLE)) == len(SAMPLE)
    assert words("Cải cách hành chính") == words("cai cach hanh chinh") == ["cai", "cach", "hanh", "chinh"]
    assert fold("Đồng Nai") == "Dong Nai"


def test_utf8_and_nfd_become_nfc():
    text, enc = decode_text(unicodedata.normalize("NFD", SAMPLE).encode("utf-8"))
    assert enc == "utf-8" and text == SAMPLE


def test_tcvn3_is_detected_and_converted():
    text, enc = decode_text(to_tcvn3(SAMPLE))
    assert enc == "TCVN3"
    assert text == SAMPLE.lower()


def test_vni_is_detected_and_converted():
    text, enc = decode_text(to_vni(SAMPLE))
    assert enc == "VNI"
    assert text == SAMPLE


def test_windows_1258_is_detected():
    # cp1258 writes tones as combining marks after precomposed base letters
    decomposed = []
    for ch in SAMPLE:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323"))
        tone = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        decomposed.append(base + tone)
    text, enc = decode_text("".join(decomposed).encode("cp1258"))
    assert enc == "Windows-1258" and text == SAMPLE


def test_mixed_unicode_and_tcvn3_is_refused_with_a_message():
    with pytest.raises(InputError) as err:
        decode_text(mixed_encodings(), "bao-cao.txt")
    assert "trộn" in err.value.message and "Unicode" in err.value.message


def test_unknown_binary_is_refused():
    with pytest.raises(InputError):
        decode_text(bytes(range(256)) * 20, "x.txt")
