import datetime as dt
import re
from pathlib import Path

import pytest

from corpus.docnumbers import find_refs
from corpus.registry import Registry

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def registry():
    return Registry.load()


@pytest.mark.parametrize("text", ["61/2018/NĐ-CP", "61/2018/ND-CP", "Nghị định số 61/2018", "NĐ 61",
                                  "Nghi dinh so 61/2018/ND-CP", "Nghi dinh s6 61/2018/NB-CP"])
def test_every_spelling_of_61_2018_resolves(registry, text):
    refs = find_refs(text)
    assert len(refs) == 1
    assert registry.resolve(refs[0]).number == "61/2018/NĐ-CP"


def test_spans_point_into_the_original_text():
    text = "Thực hiện Kế hoạch số 116/KH-UBND ngày 16/6/2023 và Quyết định 4559/QĐ-UBND ngày 22/12/2022"
    refs = find_refs(text)
    assert [text[r.start:r.end] for r in refs] == ["Kế hoạch số 116/KH-UBND", "Quyết định 4559/QĐ-UBND"]
    assert [r.doc_type for r in refs] == ["KH", "QD"]


def test_dates_and_ratios_are_not_document_numbers():
    assert find_refs("ngày 23/4/2018, đạt 1.641/1.642 hồ sơ") == []


def test_registry_holds_every_document_of_the_domain_table(registry):
    text = (SHARED / "domain" / "legal-registry.md").read_text(encoding="utf-8")
    table = text[text.index("### 1.1 Summary table"):text.index("Other documents the seeds cite")]
    numbers = re.findall(r"^\| \d+ \| ([^|]+?) \|", table, flags=re.M)
    assert len(numbers) == 20
    for number in numbers:
        assert registry.get(number) is not None, number


def test_registry_holds_the_national_documents_the_seeds_cite(registry):
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        for ref in find_refs(path.read_text(encoding="utf-8")):
            if ref.year and ref.symbol.endswith(("-CP", "-TTG", "-VPCP", "-BNV")) and ref.symbol != "NQ-CP":
                assert registry.resolve(ref) is not None, (path.name, ref.key)


def test_one_stop_decree_changes_on_1_july_2025(registry):
    d61 = registry.get("61/2018/NĐ-CP")
    d118 = registry.get("118/2025/NĐ-CP")
    assert d61.in_force_on(dt.date(2023, 6, 30)) and not d61.in_force_on(dt.date(2025, 7, 1))
    assert d118.in_force_on(dt.date(2025, 7, 1)) and not d118.in_force_on(dt.date(2025, 6, 30))
    status = registry.status_on(d61, dt.date(2026, 1, 1))
    assert status.state == "hết hiệu lực" and "118/2025/NĐ-CP" in status.text
    in_2023 = registry.status_on(d61, dt.date(2023, 6, 30))
    assert in_2023.in_force and "107/2021/NĐ-CP" in in_2023.text


def test_a_document_without_dates_is_not_in_force_before_its_numbers_year(registry):
    amending = registry.get("309/2026/NĐ-CP")
    assert amending.start is None  # the registry knows neither its signing nor its effective date
    early = registry.status_on(amending, dt.date(2018, 6, 20))
    assert not early.in_force and "chưa ban hành" in early.text and not amending.in_force_on(dt.date(2025, 12, 31))
    assert registry.status_on(amending, dt.date(2026, 12, 1)).in_force


def test_unverified_facts_carry_their_tag(registry):
    status = registry.status_on(registry.get("45/2020/NĐ-CP"), dt.date(2026, 1, 1))
    assert status.confidence == "K" and "[K: chưa xác minh]" in status.text
