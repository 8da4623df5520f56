"""Vietnam's administrative units, both maps: the 63 provinces with their districts and communes in force until
30/6/2025, and the 34 provinces with their communes and wards from 01/7/2025. A report names its own unit and its
parents; a unit of another province in its text is most often a sentence copied from another unit's report.

The data is the MIT-licensed package `vietnamadminunits` (from the General Statistics Office's lists), read as JSON
from where it is installed; its code (which would pull shapely and geopy in) is never imported.

    >>> g = load_gazetteer()
    >>> sorted({p.province for _, _, ps in g.mentions("UBND huyện Tứ Kỳ") for p in ps})
    ['Hải Dương']
    >>> g.region("Hải Dương")
    'Hải Phòng'
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpus.text import fold_lower

# the administrative word before a name, folded; "thành phố" is a province (Hà Nội) or a district-level city
KINDS = {"tinh": "tỉnh", "thanh pho": "thành phố", "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "xa": "xã",
         "phuong": "phường", "thi tran": "thị trấn"}
_KINDS_LONGEST_FIRST = sorted(KINDS.items(), key=lambda x: -len(x[0]))  # "thi xa" before "xa"
_WORD = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*"
# "xã Ba Trang", "UBND HUYỆN TỨ KỲ": up to four words, the longest that is a known unit wins
_MENTION = re.compile(rf"\b((?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran))\s+({_WORD}(?:\s+{_WORD}){{0,3}})")


@dataclass(frozen=True)
class Place:
    kind: str  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn
    name: str  # "Tứ Kỳ"
    province: str  # "Hải Dương"
    era: str  # "legacy" (until 30/6/2025) | "2025"


class Gazetteer:
    def __init__(self, places: list[Place], merged_into: dict[str, str] | None = None):
        self.index: dict[tuple[str, str], list[Place]] = {}
        for p in places:
            self.index.setdefault((fold_lower(p.kind), fold_lower(p.name)), []).append(p)
        # legacy province → the province it is part of from 01/7/2025 ("Hải Dương" → "Hải Phòng")
        self.merged_into = merged_into or {}

    def region(self, province: str) -> str:
        """The province from 01/7/2025 that holds a province of either map: a report of Hải Phòng in 2026 may
        rightly name a district of the former Hải Dương."""
        return self.merged_into.get(province, province)

    def lookup(self, kind: str, name: str) -> list[Place]:
        return self.index.get((fold_lower(kind), fold_lower(name)), [])

    def mentions(self, text: str) -> list[tuple[int, int, list[Place]]]:
        """(start, end, the units it may be) for every known unit named with its administrative word."""
        out = []
        for m in _MENTION.finditer(text):
            kind, words = m.group(1), m.group(2).split()
            # the letter range of _WORD holds lower-case letters too ("xã đăng tải 18 tin"): a name's words are capitalised
            words = words[:next((i for i, w in enumerate(words) if not w[0].isupper()), len(words))]
            for n in range(len(words), 0, -1):
                found = self.lookup(kind, " ".join(words[:n]))
                if found:
                    end = m.start(2) + len(" ".join(words[:n]))
                    out.append((m.start(), end, found))
                    break
        return out


def _short(full: str) -> tuple[str, str]:
    """("Tỉnh Hà Giang") → ("tỉnh", "Hà Giang")."""
    low = fold_lower(full)
    for folded, kind in _KINDS_LONGEST_FIRST:
        if low.startswith(folded + " "):
            return kind, full[len(folded) + 1:].strip()
    return "", full


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("vietnamadminunits")  # finds the folder without running the package
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


@lru_cache(maxsize=1)
def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """Both maps; an empty gazetteer (no check) when the data package is missing."""
    data_dir = data_dir or _data_dir()
    places: list[Place] = []
    if data_dir is None or not data_dir.is_dir():
        return Gazetteer(places)
    names: dict[str, dict[str, str]] = {}  # era → province key → short name
    for era, file, wards_key in (("legacy", "parser_legacy.json", "DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"),
                                 ("2025", "parser_from_2025.json", "DICT_PROVINCE_WARD_NO_ACCENTED")):
        data = json.loads((data_dir / file).read_text(encoding="utf-8"))
        provinces = {key: _short(v["province"]) for key, v in data["DICT_PROVINCE"].items()}
        names[era] = {key: name for key, (_, name) in provinces.items()}
        places += [Place(kind, name, name, era) for kind, name in provinces.values()]
        for key, districts in data.get("DICT_PROVINCE_DISTRICT", {}).items():
            places += [Place(*_short(d["district"]), provinces[key][1], era) for d in districts.values()
                       if isinstance(d.get("district"), str)]
        for key, below in data[wards_key].items():
            # legacy: province → district → ward; 2025: province → ward
            wards = [w for d in below.values() for w in d.values()] if era == "legacy" else list(below.values())
            places += [Place(*_short(w["ward"]), provinces[key][1], era) for w in wards if isinstance(w.get("ward"), str)]
    merges = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    merged_into = {names["legacy"][old]: names["2025"][new] for new, olds in merges.items() for old in olds}
    return Gazetteer(places, merged_into)
