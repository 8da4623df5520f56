"""Drafting conversations eval: a report built in the chat one message at a time, on the real chat path
(service.chat_turn, the index, no model), against what a careful assistant does at each turn
(evals/cases/chat/conversations.yaml): the sections it drafts (none when it answers a question or must ask), the
report's period, year, date and unit after the turn (an activity's own date or "quý I" must not change them), the
figures the turn adds and the facts (section, kind) it adds.

Printed: turns right in every check, and the share right per check; each wrong turn with what differed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yaml

CASES = Path(__file__).parent / "cases" / "chat" / "conversations.yaml"
# (file, label): the first written with the rules taken from it (optimistic), the second after them (run once untuned:
# 18/19 turns; its one miss, "hội nghị tuyên truyền Đề án 06" put under II.6, is left as it is)
# heldout2.yaml: first run 78% (18/23): an outreach event put under II.2, "Năm 2027 phường tiếp tục …" not a task,
# "9 tháng 2026" without its year and a Ban Quản lý Khu kinh tế not taken as the unit (three turns lost); 100% after
# heldout3.yaml (targets said in chat, titles as requests): first run 55% (12/22), see its header; 100% after
# heldout4.yaml (a commune, a department, a town before 7/2025, a province's year, a ward): first run 83% (19/23)
# heldout5.yaml (a department of science, a highland commune, a district before 7/2025 without diacritics, a centrally-run
# city, a ward of Hà Nội): first run 85% (22/26), see its header
# heldout6.yaml (a ward of Thành phố Hồ Chí Minh, a department of agriculture and environment, a highland commune without
# diacritics, a board of industrial parks, a province's year): first run 100% (26/26) on these checks; reading the drafts
# found what the checks do not see (a cause after a bare colon, a task's lead words), fixed after
# heldout7.yaml (a department of construction, a ward of Huế, a commune of An Giang, a provincial People's Committee's
# office, a province's quarter I of 2027; written after the eleventh session's rules): first run 79% (19/24), see the
# evaluation notes
# heldout8.yaml (a department of health, a mountain commune of Thanh Hóa, a department of agriculture and environment, a
# ward of Hồ Chí Minh City, a province's nine months; written after the eleventh session's rules): first run 80% (24/30)
# heldout9.yaml (an economic zone's board, a ward of Hà Nội, a commune of Đắk Lắk without diacritics, a department of
# education, a centrally-run city; written after set 8's rules): first run 96% (26/27)
# heldout10.yaml (a department of industry and trade, a ward of Phú Thọ, a province's six months, a commune of Quảng
# Ninh typed partly without diacritics, a department of culture; written after set 9's rules): first run 74% (26/35)
# heldout11.yaml (a department of justice, a commune of Đồng Nai typed mostly without diacritics, an industrial-zone
# board, a district's year 2024, a department of health; written after set 10's rules): first run 94% (34/36)
# heldout12.yaml (a department of finance, a ward of Đà Nẵng, a provincial inspectorate, a town before 7/2025 typed
# without diacritics, a department of ethnic minorities and religion; written after set 11's rules): first run 86% (30/35)
# heldout13.yaml (a department of agriculture and environment, a commune of Sơn La typed without diacritics, a
# province's year, an economic zone's board, a ward of Hồ Chí Minh City; written after reading set 23 and report 8):
# first run 89% (24/27) after two gold corrections by earlier rules
# heldout14.yaml (a department of education, a commune of Gia Lai typed without diacritics, a ward of Hà Nội, a
# province's year, a province's public service centre; written after set 13): first run 87% (20/23), one gold corrected
# heldout15.yaml (a department of agriculture and environment, a commune of Thanh Hóa typed without diacritics, a ward
# of Đà Nẵng's year, a special zone, a provincial office; written after reading set 25): first run 80% (20/25) as
# written, 96% after four golds corrected against the outline and earlier decisions
# heldout16.yaml (a department of education, a commune of Đắk Lắk typed without diacritics, a ward of Phú Thọ, a
# province's public service centre, a Sở Nội vụ; written after reading set 26): first run 84% (21/25) as written, 92%
# after two golds corrected by earlier decisions
# heldout17.yaml (a department of science, a commune of Điện Biên typed without diacritics, a ward of Hà Nội, the
# province of Cà Mau, a department of health; written after reading set 27 and report 11): first run 84% (21/25) as
# written, 88% after one gold corrected (a commune the gazetteer does not know keeps the name as typed)
# heldout18.yaml (a department of construction, a commune of Cao Bằng typed without diacritics, a ward of Cần Thơ, a
# province's public service centre, a Sở Nội vụ; written after reading set 28 and chat set 17): first run 83% (19/23)
# as written, 96% after three golds corrected by earlier decisions
# heldout19.yaml (a department of finance, a ward of Hạ Long typed without diacritics, a commune of Lào Cai, a
# provincial People's Committee's office, a province's year; written after reading set 31 and report 15): first run
# 83% (19/23) as written, 87% after one gold corrected by an earlier decision
# heldout20.yaml (a department of agriculture and environment, a commune of Sơn La typed without diacritics, a district
# before the reform, a ward of Huế, a provincial inspectorate; written after reading set 32 and report 16): first run
# 76% (16/21) as written, 90% after three golds corrected by earlier decisions
# heldout21.yaml (a department of construction, a ward of Vinh typed without diacritics, a commune of Quảng Ngãi, a
# province's nine months, a provincial People's Committee's office; written after reading set 33 and report 17): first
# run 100% (20/20), in part optimistic — four turns use its round's reading phrasing
# heldout22.yaml (a commune of Gia Lai asking for "quý II", a department of science, a ward of Huế typed without
# diacritics, a province asking for "quý IV", a commune of Sơn La; written after the rules on what is planned, before
# running): first run 79% (15/19), 100% after four rules taken from it
# heldout23.yaml (long paragraphs pasted from a ward's, a department's, a commune's and a province's notes; written
# after the rules on planned clauses and named meetings, before running): first run 92% (12/13), 100% after two rules
# heldout24.yaml (a ward of Hà Nội, a department of construction, a commune of Đắk Lắk typed without diacritics, a
# province's nine months; written after the reading rules of set 36, before running): first run 86% (12/14) — a late
# count said first inside a limitation left section II.2 undrafted, a target alone redrafted every held figure's
# section — 100% after one rule
# heldout25.yaml (a commune of Cao Bằng, a department of finance, a ward typed without diacritics, a province's
# quý I; written after the one reading rule of set 37, before running): first run 100% (15/15), no rule taken
# heldout26.yaml (a commune's year with last year's counts, a department of agriculture, a ward typed without
# diacritics, a province's six months; written after all of session 29's rules, before running): first run 87% (13/15)
# — «… và 8 văn bản đôn đốc khác» unread, «Dự toán thu phí, lệ phí … là 5.600» cut at its comma — 100% after two rules
# heldout27.yaml (a commune of Lai Châu, a department of health, a ward typed without diacritics whose name carries a
# number, an economic-zone authority; written before session 30's rules and run once): first run 73% (11/15), 87%
# after two golds corrected to the sets' convention — «phuong Ha Giang 1» lost its number, a named conference beside
# «2 cuộc họp giao ban» not counted — 100% after two rules
# heldout28.yaml (a ward typed without diacritics, a commune, a department of construction, a numbered ward; written
# after all of session 30's rules, to try them in other words): first run 86% (12/14) — the body beside the places
# checked before «, phát hiện 2», «3 cuộc họp giao ban về CCHC» taken for an activity — 100% after two rules
# heldout29.yaml (a commune of Điện Biên, a department of justice, a ward typed without diacritics, a province's six
# months; written after reading set 41's rules, to try them in other words): first run 86% (12/14), 93% after one gold
# corrected to the convention of unread_facts.py (an appraisal no figure counts is an event) — «Cấp 18.420 phiếu lý
# lịch tư pháp» read as survey forms — 100% after one rule (papers issued are no count; the sentence a note of II.2)
# heldout30.yaml (a commune of Tuyên Quang, a department of education, a ward typed without diacritics, a province's
# year; written after session 31's second round of reading rules): first run 92% (11/12) — a reform conference and
# one on poverty reduction in one clause kept as one event — 100% after one rule
# heldout31.yaml (a ward of Lào Cai, an industrial-zone board, a commune typed without diacritics, a province's six
# months; written in session 32 before its chat rules): first run 76% (13/17) — a briefing's topic, "đang thẩm định",
# a target named after its percentage, a rise and its total — 100% after four rules and one gold corrected to design
# heldout32.yaml (a ward of Quảng Ninh, a department of education, a commune typed without diacritics, a merged
# province's quarter; written after reading set 45's rules): first run 72% (13/18) — last year's late dossiers taken
# for a limitation (and so the cause after it joined that), teachers recruited read as civil servants, "còn lại nộp
# trực tiếp", "khắc phục ngay 15" read as a day — 100% after four rules
# heldout33.yaml (a ward of Đà Nẵng in chat shorthand, a department of finance, a commune typed without diacritics, a
# province's six months; written after reading set 47's rules): first run 84% (16/19) — a correction with its cause
# ("Sửa lại: trễ hạn 5 hồ sơ, do …") kept the old count, "công chức xã: giao 22" unread, "Tỉnh kiến nghị …" read as
# an event — 100% after three rules
# heldout34.yaml (a province's public service centre, a ward of Cần Thơ, a department of construction, a commune typed
# without diacritics; written after reading set 48's rules): first run 94% (15/16) — "Quý III phường hoàn thành …" in
# a six months' report (the next period's quarter, its year unsaid) read as an event — 100% after one rule
# heldout35.yaml (a ward of Quảng Ninh, a department of finance, a commune typed without diacritics, a special zone;
# written after reading set 49's rules): first run 88% (14/16) as written; one gold corrected to the outline (a model
# is item 6 of section I), 94% — "Quý III đặc khu lắp đặt ki-ốt … tại Bộ phận Một cửa" kept as an event and taken for
# a command ("lắp … phần") — 100% after two rules
# heldout36.yaml (a ward of Hồ Chí Minh City, a commune of Phú Thọ, a department of health, a commune typed without
# diacritics; written after reading set 50's rules): first run 88% (14/16) as written; both misses were golds against
# the conventions earlier sets keep (quý II is the 6-month report; a target redrafts the section holding its figures)
# — corrected, 100% with no rule taken
# heldout37.yaml (a ward of Hà Nội, a department of science, a commune typed without diacritics, a special zone's year;
# written after reading set 51's rules): first run 100% (16/16), no rule taken
# heldout38.yaml (a department of home affairs, a ward of Đà Nẵng, a commune typed without diacritics, a province's
# year; written after reading set 52's rules): first run 100% (16/16), no rule taken
# heldout39.yaml (a ward of Hồ Chí Minh City, a commune typed without diacritics, a department of construction, a special
# zone's year; written after reading set 53's rules): first run 94% (15/16) as written, the miss a gold against the
# sets' convention (a course told with its subject is also an event of II.4) — corrected, 100% with no rule taken
SETS = [(CASES, "viết cùng quy tắc (lạc quan)"), (CASES.parent / "heldout.yaml", "để riêng, lần đầu 95%, nay đã chỉnh theo"),
        (CASES.parent / "heldout2.yaml", "để riêng 2, lần đầu 78%, nay đã chỉnh theo"),
        (CASES.parent / "heldout3.yaml", "để riêng 3, lần đầu 55%, nay đã chỉnh theo"),
        (CASES.parent / "heldout4.yaml", "để riêng 4, lần đầu 83%, nay đã chỉnh theo"),
        (CASES.parent / "heldout5.yaml", "để riêng 5, lần đầu 85%, nay đã chỉnh theo"),
        (CASES.parent / "heldout6.yaml", "để riêng 6, lần đầu 100%"),
        (CASES.parent / "heldout7.yaml", "để riêng 7, lần đầu 79%"),
        (CASES.parent / "heldout8.yaml", "để riêng 8, lần đầu 80%"),
        (CASES.parent / "heldout9.yaml", "để riêng 9, lần đầu 96%"),
        (CASES.parent / "heldout10.yaml", "để riêng 10, lần đầu 74%"),
        (CASES.parent / "heldout11.yaml", "để riêng 11, lần đầu 94%"),
        (CASES.parent / "heldout12.yaml", "để riêng 12, lần đầu 86%"),
        (CASES.parent / "heldout13.yaml", "để riêng 13, lần đầu 89%"),
        (CASES.parent / "heldout14.yaml", "để riêng 14, lần đầu 87%"),
        (CASES.parent / "heldout15.yaml", "để riêng 15, lần đầu 80%"),
        (CASES.parent / "heldout16.yaml", "để riêng 16, lần đầu 84%"),
        (CASES.parent / "heldout17.yaml", "để riêng 17, lần đầu 84%"),
        (CASES.parent / "heldout18.yaml", "để riêng 18, lần đầu 83%"),
        (CASES.parent / "heldout19.yaml", "để riêng 19, lần đầu 83%"),
        (CASES.parent / "heldout20.yaml", "để riêng 20, lần đầu 76%"),
        (CASES.parent / "heldout21.yaml", "để riêng 21, lần đầu 100% (lạc quan một phần)"),
        (CASES.parent / "heldout22.yaml", "để riêng 22, lần đầu 79%"),
        (CASES.parent / "heldout23.yaml", "để riêng 23, lần đầu 92%"),
        (CASES.parent / "heldout24.yaml", "để riêng 24, lần đầu 86%"),
        (CASES.parent / "heldout25.yaml", "để riêng 25, lần đầu 100%"),
        (CASES.parent / "heldout26.yaml", "để riêng 26, lần đầu 87%"),
        (CASES.parent / "heldout27.yaml", "để riêng 27, lần đầu 73%"),
        (CASES.parent / "heldout28.yaml", "để riêng 28, lần đầu 86%"),
        (CASES.parent / "heldout29.yaml", "để riêng 29, lần đầu 86%"),
        (CASES.parent / "heldout30.yaml", "để riêng 30, lần đầu 92%"),
        (CASES.parent / "heldout31.yaml", "để riêng 31, lần đầu 76%"),
        (CASES.parent / "heldout32.yaml", "để riêng 32, lần đầu 72%"),
        (CASES.parent / "heldout33.yaml", "để riêng 33, lần đầu 84%"),
        (CASES.parent / "heldout34.yaml", "để riêng 34, lần đầu 94%"),
        (CASES.parent / "heldout35.yaml", "để riêng 35, lần đầu 88%"),
        (CASES.parent / "heldout36.yaml", "để riêng 36, lần đầu 88%"),
        (CASES.parent / "heldout37.yaml", "để riêng 37, lần đầu 100%"),
        (CASES.parent / "heldout38.yaml", "để riêng 38, lần đầu 100%"),
        (CASES.parent / "heldout39.yaml", "để riêng 39, lần đầu 94%, chuẩn sửa theo quy ước")]
CHECKS = ("drafts", "meta", "figures", "facts", "targets")


def _meta_ok(want: dict, got: dict) -> list[str]:
    wrong = []
    for k, v in want.items():
        have = got.get(k)
        if k == "locality":
            ok = isinstance(have, str) and have.startswith(str(v))
        elif k == "date":
            ok = have is not None and str(have)[:10] == str(v)
        else:
            ok = str(have) == str(v)
        if not ok:
            wrong.append(f"{k}: {have!r} (cần {v!r})")
    return wrong


def run_turn(asst, state, turn: dict, today: dt.date) -> dict:
    from drafting import service as h

    before_draft, before_facts, before_targets = state.last_draft, len(state.chat_facts), list(state.chat_targets)
    before_values = {k: h.value for k, h in state.chat_values.items()}
    list(h.chat_turn(asst, state, turn["say"], today=today))
    drafted = list(state.chat_sections) if state.last_draft is not before_draft else []
    out = {"say": turn["say"], "wrong": {}}
    if "drafts" in turn and drafted != list(turn["drafts"]):
        out["wrong"]["drafts"] = f"soạn {drafted} (cần {turn['drafts']})"
    if wrong := _meta_ok(turn.get("meta") or {}, state.chat_meta):
        out["wrong"]["meta"] = "; ".join(wrong)
    figures = {k: Decimal(str(v)) for k, v in (turn.get("figures") or {}).items()}
    held = {k: state.chat_values[k].value for k in figures if k in state.chat_values}
    # a figure the turn set that its words do not give is wrong too (a number put in a field it does not belong to)
    extra = {k: h.value for k, h in state.chat_values.items() if before_values.get(k) != h.value and k not in figures}
    if held != figures or extra:
        out["wrong"]["figures"] = (f"{ {k: str(v) for k, v in held.items()} } (cần { {k: str(v) for k, v in figures.items()} })"
                                   + (f"; thừa { {k: str(v) for k, v in extra.items()} }" if extra else ""))
    added = Counter((f.section, f.kind) for f in state.chat_facts[before_facts:])
    want = Counter(tuple(x) for x in turn.get("facts") or [])
    if added != want:
        out["wrong"]["facts"] = f"{sorted(added.elements())} (cần {sorted(want.elements())})"
    # targets the turn set (a target said again replaces the one held): key → value
    set_now = {t.key: t.value for t in state.chat_targets if t not in before_targets}
    want_targets = {k: Decimal(str(v)) for k, v in (turn.get("targets") or {}).items()}
    if set_now != want_targets:
        out["wrong"]["targets"] = f"{ {k: str(v) for k, v in set_now.items()} } (cần { {k: str(v) for k, v in want_targets.items()} })"
    out["checked"] = [c for c in CHECKS if c in turn or c in ("figures", "facts", "targets")]
    return out


def run_chat(asst, path: Path = CASES) -> dict:
    from drafting import service as h

    rows = []
    for conv in yaml.safe_load(path.read_text(encoding="utf-8")):
        state = h.UserState(user=f"eval-chat-{conv['name']}")
        today = conv["today"] if isinstance(conv["today"], dt.date) else dt.date.fromisoformat(str(conv["today"]))
        for turn in conv["turns"]:
            rows.append({"conversation": conv["name"], **run_turn(asst, state, turn, today)})
    n = len(rows)
    per = {c: round(sum(c not in r["wrong"] for r in rows if c in r["checked"])
                    / max(1, sum(c in r["checked"] for r in rows)), 3) for c in CHECKS}
    return {"conversations": len({r["conversation"] for r in rows}), "turns": n,
            "turns_right": round(sum(not r["wrong"] for r in rows) / n, 3), "per_check": per,
            "wrong": [r for r in rows if r["wrong"]]}


def run_chat_sets(asst) -> list[dict]:
    return [{**run_chat(asst, path), "label": label} for path, label in SETS]


def print_chat(res: dict) -> None:
    print(f"Soạn qua trò chuyện — {res.get('label', '')} ({res['conversations']} cuộc, {res['turns']} lượt): lượt đúng "
          f"mọi mặt {res['turns_right'] * 100:.0f}%")
    names = {"drafts": "mục được soạn", "meta": "kỳ, năm, ngày, đơn vị", "figures": "số liệu", "facts": "sự việc",
             "targets": "chỉ tiêu giao"}
    print("  " + "; ".join(f"{names[c]} {v * 100:.0f}%" for c, v in res["per_check"].items()))
    for r in res["wrong"]:
        print(f"  sai [{r['conversation']}] «{r['say'][:70]}»: " + " | ".join(f"{k}: {v}" for k, v in r["wrong"].items()))
