"""The fixed strings of Nghị định 30/2020/NĐ-CP (Phụ lục I) that every rendering of a report prints, and the usual
recipients by level."""

from __future__ import annotations

import datetime as dt

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def head_of(unit: str) -> str:
    """The head of a provincial agency by what it is called: "Văn phòng UBND tỉnh" → Chánh Văn phòng, "Ban Quản lý …"
    → Trưởng ban, "Thanh tra tỉnh" → Chánh Thanh tra, a department → Giám đốc."""
    first = " ".join(unit.lower().split()[:2])
    return ("Chánh Văn phòng" if first.startswith("văn phòng") else "Chánh Thanh tra" if first == "thanh tra" else
            "Trưởng ban" if first.startswith("ban ") else "Giám đốc")


def usual_recipients(level: str, parent: str, on: dt.date, unit: str = "") -> list[str]:
    """Where a report of this level usually goes (drafting-practice §3; the upper level changed for communes on
    01/7/2025). Offered to the official when «Nơi nhận» is empty, never printed by itself."""
    from drafting.figures.periods import TWO_LEVEL_FROM

    upper = parent or ("UBND tỉnh" if level in ("sở", "huyện") or (level == "xã" and on >= TWO_LEVEL_FROM) else
                       "UBND huyện" if level == "xã" else "Bộ Nội vụ")
    # the unit's own word: a ward, a special zone or a town is not "xã"; a centrally-run city has a Thành ủy
    said = unit.lower()
    commune = next((w for w in ("phường", "đặc khu", "thị trấn") if said.startswith(w)), "xã")
    city = said.startswith("thành phố")
    own = {"tỉnh": [f"Thường trực {'Thành ủy' if city else 'Tỉnh ủy'}", f"Thường trực HĐND {'Thành phố' if city else 'tỉnh'}",
                    f"Chủ tịch, các PCT UBND {'Thành phố' if city else 'tỉnh'}"],
           "huyện": ["Thường trực Huyện ủy", "Thường trực HĐND huyện", "Chủ tịch, các PCT UBND huyện"],
           "xã": ["Thường trực Đảng ủy", f"Thường trực HĐND {commune}", f"Chủ tịch, các PCT UBND {commune}"],
           "sở": [{"Giám đốc": f"Giám đốc, các PGĐ {'Trung tâm' if unit.lower().startswith('trung tâm') else 'Sở'}",
                   "Trưởng ban": "Trưởng ban, các Phó Trưởng ban",
                   "Chánh Văn phòng": "Chánh Văn phòng, các Phó Chánh Văn phòng",
                   "Chánh Thanh tra": "Chánh Thanh tra, các Phó Chánh Thanh tra"}[head_of(unit)]]}.get(level, [])
    home_affairs = "Phòng Nội vụ huyện" if level == "xã" and on < TWO_LEVEL_FROM else "Sở Nội vụ"
    return [upper, home_affairs, *own]
