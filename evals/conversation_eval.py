"""Conversation eval: follow-ups in the chat ("Tháng 3/2024 thì sao?") answered against the topic of the
question before, on the real chat path (service.chat_turn, the index, no model).

5 first questions (one-stop decree, online public services, staff streamlining, the one-stop circular, phrased
with and without a date) × 7 follow-ups naming another date in other words (a month, a quarter, a year, a day;
the seventh, a day in 2018, added after the rules were written): 33 with a gold; and × 3 follow-ups that name
no date but a boundary of the answer's document ("Còn trước đó thì sao?", "Sau đó thì sao?"). Gold: the document in force on the follow-up's date, from the
registry's validity dates (61/2018 → 118/2025 from 01/7/2025; 43/2011 → 42/2022 from 01/8/2022;
108/2014 → 29/2023 from 20/7/2023; 01/2018/TT-VPCP → 03/2025/TT-VPCP from 15/9/2025).
Printed: share of follow-ups whose answer names the gold document (with the topic kept), the same for the
follow-up asked alone (what the chat did before it kept a topic), and share that say how they were
understood ("Hiểu là: …")."""

from __future__ import annotations

import datetime as dt

FIRST = {
    "one_stop": "Năm 2026 bộ phận một cửa cấp xã thực hiện theo nghị định nào?",
    "online": "Cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước hiện nay theo nghị định nào?",
    "streamline": "Tinh giản biên chế năm 2026 áp dụng nghị định nào?",
    "circular": "Thông tư nào hướng dẫn thi hành nghị định về cơ chế một cửa năm 2026?",
    "one_stop_dated": "Văn bản nào quy định cơ chế một cửa, một cửa liên thông vào tháng 3/2024?",
}
FOLLOW = [("Tháng 3/2024 thì sao?", dt.date(2024, 3, 15)), ("còn quý III năm 2025?", dt.date(2025, 8, 15)),
          ("Thế còn năm 2021 thì sao?", dt.date(2021, 12, 31)), ("Ngày 1/8/2025 thì thế nào?", dt.date(2025, 8, 1)),
          ("còn tháng 6/2023?", dt.date(2023, 6, 15)), ("Vậy còn tháng 10/2025 thì sao?", dt.date(2025, 10, 15)),
          ("Còn ngày 20/12/2018 thì sao?", dt.date(2018, 12, 20))]
# topic → [(in force from, document)], latest last
IN_FORCE = {
    "one_stop": [(dt.date(2018, 6, 21), "61/2018"), (dt.date(2025, 7, 1), "118/2025")],
    "one_stop_dated": [(dt.date(2018, 6, 21), "61/2018"), (dt.date(2025, 7, 1), "118/2025")],
    "online": [(dt.date(2011, 9, 1), "43/2011"), (dt.date(2022, 8, 1), "42/2022")],
    "streamline": [(dt.date(2015, 1, 1), "108/2014"), (dt.date(2023, 7, 20), "29/2023")],
    "circular": [(dt.date(2018, 12, 1), "01/2018/TT-VPCP"), (dt.date(2025, 9, 15), "03/2025/TT-VPCP")],
}


def gold(topic: str, day: dt.date) -> str | None:
    found = [doc for start, doc in IN_FORCE[topic] if start <= day]
    if topic == "circular" and dt.date(2025, 7, 1) <= day < dt.date(2025, 9, 15):
        return None  # 01/2018 ended with 61/2018; 03/2025 not yet in force: no gold
    return found[-1] if found else None


# follow-ups that name no date but a boundary of the answer's document: "trước đó" is the day before it took
# effect, "sau đó" the day after it ended (added with the rule that reads them: optimistic)
RELATIVE = [("Còn trước đó thì sao?", "before"), ("Trước khi có văn bản đó thì sao?", "before"),
            ("Sau đó thì sao?", "after")]
FIRST_DAY = {"one_stop_dated": dt.date(2024, 3, 15)}


def relative_day(topic: str, first_day: dt.date, which: str) -> dt.date | None:
    starts = [start for start, _ in IN_FORCE[topic]]
    i = max((k for k, start in enumerate(starts) if start <= first_day), default=None)
    if i is None:
        return None
    if which == "before":
        return starts[i] - dt.timedelta(days=1)
    return starts[i + 1] if i + 1 < len(starts) else None


def run_conversations(asst, today: dt.date = dt.date(2026, 12, 1)) -> dict:
    from drafting import service as h

    rows = []
    for topic, first in FIRST.items():
        boundary = [(f, d) for f, which in RELATIVE if (d := relative_day(topic, FIRST_DAY.get(topic, today), which))]
        for follow, day in FOLLOW + boundary:
            g = gold(topic, day)
            if g is None:
                continue
            st = h.UserState(user="eval-hoi-tiep")
            list(h.chat_turn(asst, st, first, today=today))
            kept = list(h.chat_turn(asst, st, follow, today=today))[-1].text
            alone = list(h.chat_turn(asst, h.UserState(user="eval-hoi-le"), follow, today=today))[-1].text
            rows.append({"topic": topic, "follow": follow, "gold": g, "kept": g in kept, "alone": g in alone,
                         "understood": "Hiểu là:" in kept})
    n = len(rows)
    return {"conversations": n, "kept": round(sum(r["kept"] for r in rows) / n, 3),
            "alone": round(sum(r["alone"] for r in rows) / n, 3),
            "understood": round(sum(r["understood"] for r in rows) / n, 3),
            "misses": [f"{r['topic']}: {r['follow']} → cần {r['gold']}" for r in rows if not r["kept"]]}


# follow-ups about the document the first answer named, by a pronoun ("nó", "nghị định này", "văn bản đó"), asking
# what it replaced or amended or what replaced or amended it (written on 06/12/2026 with the rule that reads them:
# optimistic for the phrasing; the documents, their links and the words of the first questions vary). Gold: the
# registry's links, named in the answer's first line; "chưa ghi" when it records none.
DOC_FIRST = ["Nghị định 61/2018/NĐ-CP quy định gì?", "Nghị định 118/2025 có hiệu lực từ ngày nào?",
             "Cho tôi biết về Nghị định 108/2014/NĐ-CP", "Thông tư 01/2018/TT-VPCP còn hiệu lực không?",
             "Nghị định số 43/2011/NĐ-CP quy định về nội dung gì?", "Nghị định 107/2021/NĐ-CP là văn bản gì?",
             "Nghị định 29/2023/NĐ-CP quy định gì?", "Nghị định 63/2010/NĐ-CP quy định gì?"]
DOC_FOLLOW = [("Nó thay thế văn bản nào?", "replaces"), ("Văn bản nào đã thay thế nghị định này?", "replaced_by"),
              ("Nghị định đó được sửa đổi bởi văn bản nào?", "amended_by"),
              ("Thế văn bản này sửa đổi văn bản nào?", "amends"), ("nó bị thay thế bởi văn bản nào?", "replaced_by")]


def run_document_follow_ups(asst, today: dt.date = dt.date(2026, 12, 1)) -> dict:
    from corpus.docnumbers import find_refs
    from drafting import service as h

    registry, rows = asst.drafter.registry, []
    for first in DOC_FIRST:
        doc = registry.resolve(find_refs(first)[0])
        for follow, field in DOC_FOLLOW:
            if "Thông tư" in first and "nghị định" in follow.lower():
                continue  # a circular is not called a decree
            linked = [n.split("/NĐ-CP")[0] for n in getattr(doc, field)]
            st = h.UserState(user="eval-van-ban-tiep")
            list(h.chat_turn(asst, st, first, today=today))
            said = list(h.chat_turn(asst, st, follow, today=today))[-1].text
            answer = next((line for line in said.split("\n") if line.startswith("**")), "")
            ok = all(n in answer for n in linked) if linked else "chưa ghi" in answer
            rows.append({"first": first, "follow": follow, "gold": linked or ["chưa ghi"], "ok": ok})
    return {"conversations": len(rows), "answered": round(sum(r["ok"] for r in rows) / len(rows), 3),
            "misses": [f"{r['first']} → {r['follow']}: cần {', '.join(r['gold'])}" for r in rows if not r["ok"]]}


def print_document_follow_ups(res: dict) -> None:
    print(f"Hỏi tiếp về văn bản vừa nêu («nó», «nghị định này»: thay thế, sửa đổi; {res['conversations']} cuộc): "
          f"câu đầu trả lời đúng {res['answered'] * 100:.0f}%")
    for m in res["misses"]:
        print(f"  sai: {m}")


def print_conversations(res: dict) -> None:
    print(f"Hỏi tiếp ({res['conversations']} cuộc hội thoại hai lượt, gồm các câu «trước đó / sau đó thì sao?»):")
    print(f"  giữ chủ đề: trả lời đúng văn bản {res['kept'] * 100:.0f}%; "
          f"hỏi riêng câu sau (như trước đây): {res['alone'] * 100:.0f}%; nêu «Hiểu là»: {res['understood'] * 100:.0f}%")
    for m in res["misses"]:
        print(f"  sai: {m}")
