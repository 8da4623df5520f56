"""The unit's own substance: facts and targets in, written into the report as supplied, and nothing asserted
that the official did not supply (issue 13)."""

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from drafting.chain.drafter import Drafter
from drafting.figures.facts import parse_facts, parse_targets
from drafting.inputs.files import load_figures_bytes, load_figures_file
from drafting.llm.fakes import ScriptedChatModel
from drafting.models import PROPOSAL_OPEN
from drafting.render.docx import render_docx
from evals.substance_eval import CASES, evaluate, run_substance

ROOT = Path(__file__).resolve().parent.parent
BA_TRANG = CASES / "ba-trang-6t-2023.yaml"


@pytest.fixture(scope="module")
def substance_rows(assistant):
    return run_substance(assistant)


def test_substance_floors(substance_rows):
    """Every supplied fact is in the draft, no sentence is asserted without support, no verdict without a
    named target — on seed 003 and on units of other levels and periods."""
    assert {r["level"] for r in substance_rows} >= {"xã", "tỉnh", "sở"}
    assert {r["period"] for r in substance_rows} >= {"6 tháng", "năm", "quý I"}
    for r in substance_rows:
        assert r["facts_present"] == r["facts"], (r["case"], r["missing_facts"])
        assert r["unsupported"] == [], r["case"]
        assert r["verdicts_without_target"] == [], r["case"]
    assert all(r["proposals"] >= 1 for r in substance_rows)


def test_the_stock_sentences_are_gone(assistant):
    """The claims drafting-practice.md §2 found in every draft are no longer asserted."""
    draft = assistant.draft_input(load_figures_file(BA_TRANG))
    text = draft.full_text()
    for stock in ("tài sản công được thực hiện đúng quy chế", "được triển khai thường xuyên",
                  "xếp loại chất lượng cán bộ", "thực hiện tốt các nhiệm vụ quản lý nhà nước được phân cấp",
                  "bảo đảm đúng số lượng được giao", "năng lực một số cán bộ, công chức chưa đáp ứng",
                  "chưa đạt yêu cầu", "Một số chỉ tiêu khác trong kỳ"):
        assert stock not in text, stock


def test_facts_are_written_as_supplied(assistant):
    data = load_figures_file(BA_TRANG)
    draft = assistant.draft_input(data)
    i = draft.section("I")
    text = "\n".join(p.text for p in i.paragraphs)
    assert "ban hành 60 văn bản chỉ đạo, điều hành về CCHC, trong đó:" in text
    assert "Ban hành Quyết định số 252/QĐ-UBND ngày 25/12/2022" in text  # body date without leading zeros
    assert "+ Sơ kết công tác CCHC quý I;" in text and "tổ Đồng Lớn, thôn Nước Đàng" in text  # own hamlet kept
    assessment = "\n".join(p.text for p in draft.section("III").paragraphs)
    assert "Nguyên nhân: hồ sơ chậm duyệt trên phần mềm một cửa điện tử." in assessment
    # a shortcoming without the official's cause asks for it, never invents one
    after = assessment.split("Công tác tuyên truyền về CCHC chưa có bước đột phá.")[1]
    assert after.lstrip().startswith("[đề nghị bổ sung: nguyên nhân")
    tasks = "\n".join(p.text for p in draft.section("IV").paragraphs)
    assert "Tiếp tục thực hiện: kế hoạch rà soát, đánh giá TTHC năm 2023" in tasks  # pending task carried


def test_verdicts_name_their_target(assistant):
    data = load_figures_file(CASES / "tinh-lam-dong-nam-2025.yaml")
    draft = assistant.draft_input(data)
    text = draft.full_text()
    assert ("Tỷ lệ hồ sơ tiếp nhận trực tuyến là 47,86%, chưa đạt chỉ tiêu 50% theo Kế hoạch số 12/KH-UBND "
            "ngày 15/1/2025 của UBND tỉnh.") in text
    assert "Trung tâm Phục vụ hành chính công" in text
    # without targets the same figures get no verdict at all
    no_targets = assistant.draft_input(data.model_copy(update={"targets": []}))
    assert "theo Kế hoạch số 12/KH-UBND" not in no_targets.full_text() and "đạt chỉ tiêu 50%" not in no_targets.full_text()


def test_omit_setting_leaves_unsupported_sentences_out(corpus_stack):
    data = load_figures_file(BA_TRANG)  # figures only: the assessment has nothing supplied to stand on
    marked = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures)
    omitted = Drafter(corpus_stack.searcher, corpus_stack.registry, unsupported="omit").draft(data.meta, data.figures)
    assert any(PROPOSAL_OPEN in p.text for s in marked.sections for p in s.paragraphs)
    assert not any(PROPOSAL_OPEN in p.text for s in omitted.sections for p in s.paragraphs)
    assert sum(f.kind == "proposal" for f in marked.findings) == sum(
        p.proposed for s in marked.sections for p in s.paragraphs)


def test_proposals_are_highlighted_in_the_docx_and_clean_export_has_none(assistant):
    draft = assistant.draft_input(load_figures_file(BA_TRANG))
    doc = docx.Document(io.BytesIO(render_docx(draft)))
    marked = [p for p in doc.paragraphs if PROPOSAL_OPEN in p.text or "[đề nghị bổ sung:" in p.text]
    assert marked and all(r.font.highlight_color is not None for p in marked for r in p.runs)
    clean = docx.Document(io.BytesIO(render_docx(draft, clean=True)))
    assert not any(r.font.highlight_color for p in clean.paragraphs for r in p.runs)


def test_precedent_is_offered_not_inserted(corpus_stack):
    """Past reports' sentences are offered per section; the text itself is the same with or without them."""
    data = load_figures_file(BA_TRANG)
    with_precedent = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts)
    without = Drafter(None, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts)
    offered = [pr for s in with_precedent.sections for pr in s.proposals]
    assert offered and all(pr.source for pr in offered)
    assert with_precedent.full_text() == without.full_text()


def test_a_model_sentence_without_support_is_marked(corpus_stack):
    """Scripted model at the LLM boundary (the real model runs in test_local_llm.py): a sentence with a slot
    stands, a claim nobody supplied becomes a marked proposal, the facts of the section are still written."""
    data = load_figures_file(BA_TRANG)
    model = ScriptedChatModel(responses=["Đã tiếp nhận {tthc.ho_so_tiep_nhan} hồ sơ. Các TTHC được công khai đầy đủ "
                                         "tại Bộ phận Một cửa."])
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry, model).draft(
        data.meta, data.figures, sections=["II.2"], facts=data.facts)
    paras = draft.section("II.2").paragraphs
    assert any(p.text.startswith("Đã tiếp nhận 253 hồ sơ") and not p.proposed for p in paras)
    assert any(p.proposed and "công khai đầy đủ" in p.text for p in paras)
    assert any("03 máy tính" in p.text for p in paras)
    r = evaluate(draft, data.model_copy(update={"facts": [f for f in data.facts if f.section == "II.2"]}))
    assert r["unsupported"] == []


@pytest.mark.parametrize("item,needle", [
    ({"kind": "event", "text": "Hội nghị"}, "thiếu mục"),
    ({"section": "VII", "kind": "event", "text": "Hội nghị"}, "mục “VII” không có"),
    ({"section": "I", "kind": "meeting", "text": "Hội nghị"}, "loại “meeting” không hợp lệ"),
    ({"section": "I", "kind": "document", "text": "Kế hoạch số 14/XYZ ngày 30/01/2023"}, "không đọc được số, ký hiệu"),
    ({"section": "I", "kind": "event"}, "thiếu nội dung"),
    ({"section": "I", "kind": "event", "text": "Họp", "when": "hôm qua"}, "trường “when” không dùng được"),
    ({"section": "IV", "kind": "task", "text": "Rà soát", "status": "sắp xong"}, "tình trạng “sắp xong”"),
])
def test_bad_facts_get_a_message_naming_the_item(item, needle):
    facts, issues = parse_facts([{"section": "I", "kind": "note", "text": "Đúng"}, item])
    assert len(facts) == 1 and len(issues) == 1
    assert needle in issues[0].message and "facts[2]" in issues[0].message


@pytest.mark.parametrize("item,needle", [
    ({"key": "tthc.ty_le_truc_tuyen_x", "value": 50, "source": "KH"}, "không có trong biểu số liệu"),
    ({"key": "tthc.ty_le_truc_tuyen", "value": 150, "source": "KH"}, "không hợp lệ"),
    ({"key": "tthc.ty_le_truc_tuyen", "value": 50}, "cần ghi nguồn"),
])
def test_bad_targets_get_a_message(item, needle):
    targets, issues = parse_targets([item])
    assert not targets and needle in issues[0].message


def test_a_broken_facts_file_is_not_drafted_without_force(tmp_path):
    data = yaml.safe_load(BA_TRANG.read_text(encoding="utf-8"))
    data["facts"].append({"section": "II.9", "kind": "event", "text": "Hội nghị"})
    data["targets"] = [{"key": "tthc.khong_co", "value": 1, "source": "KH"}]
    path = tmp_path / "hong.yaml"
    raw = yaml.safe_dump(data, allow_unicode=True)
    path.write_text(raw, encoding="utf-8")
    parsed = load_figures_bytes(raw.encode("utf-8"), "hong.yaml")
    assert any("facts[30]" in i.message for i in parsed.errors) and any("targets[1]" in i.message for i in parsed.errors)
    run = subprocess.run([sys.executable, "-m", "drafting", "draft", "--figures", str(path), "--out",
                          str(tmp_path / "x.docx")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1 and not (tmp_path / "x.docx").exists() and "facts[30]" in run.stderr
    assert path.read_text(encoding="utf-8") == raw  # the file is never modified
