"""The fixed strings of Nghị định 30/2020/NĐ-CP (Phụ lục I) that every rendering of a report prints, and the usual
recipients by level."""

from __future__ import annotations

import datetime as dt

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def usual_recipients(level: str, parent: str, on: dt.date) -> list[str]:
    """Where a report of this level usually goes (drafting-practice §3; the upper level changed for communes on
    01/7/2025). Offered to the official when «Nơi nhận» is empty, never printed by itself."""
    from drafting.figures.periods import TWO_LEVEL_FROM

    upper = parent or ("UBND tỉnh" if level in ("sở", "huyện") or (level == "xã" and on >= TWO_LEVEL_FROM) else
                       "UBND huyện" if level == "xã" else "Bộ Nội vụ")
    own = {"tỉnh": ["Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh"],
           "huyện": ["Thường trực Huyện ủy", "Thường trực HĐND huyện", "Chủ tịch, các PCT UBND huyện"],
           "xã": ["Thường trực Đảng ủy", "Thường trực HĐND xã", "Chủ tịch, các PCT UBND xã"],
           "sở": ["Giám đốc, các PGĐ Sở"]}.get(level, [])
    home_affairs = "Phòng Nội vụ huyện" if level == "xã" and on < TWO_LEVEL_FROM else "Sở Nội vụ"
    return [upper, home_affairs, *own]
