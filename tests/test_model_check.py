"""What a model-written section must pass (drafting/chain/model_check.py), at the LLM boundary with a scripted model;
the real local model runs through the same path in test_local_llm.py."""

from drafting.chain.drafter import Drafter
from drafting.chain.model_check import fragment, mark_unsupported, tidy
from drafting.chain.proposer import Proposer
from drafting.inputs.files import figures_from_data
from drafting.llm.fakes import ScriptedChatModel
from drafting.models import Paragraph

META = {"issuer": "Sở Nông nghiệp và Môi trường tỉnh Ninh Bình", "parent": "UBND tỉnh Ninh Bình", "level": "sở",
        "locality": "tỉnh Ninh Bình", "period": "năm", "year": 2026, "date": "2026-12-20", "place": "Ninh Bình"}


def _p(*texts: str) -> list[Paragraph]:
    return [Paragraph(text=t) for t in texts]


def test_a_figure_without_what_it_counts_is_a_fragment():
    assert fragment(_p("- {tthc.tthc_tong_so} thủ tục.")) == "- {tthc.tthc_tong_so} thủ tục."
    assert fragment(_p("Tổng số TTHC thuộc thẩm quyền giải quyết là {tthc.tthc_tong_so} thủ tục.")) is None
    assert fragment(_p("Đã tiếp nhận {tthc.ho_so_tiep_nhan} hồ sơ. {tthc.ho_so_qua_han} hồ sơ.")) is not None


def test_invented_comparisons_repeats_and_documents_said_again_are_dropped():
    paras = _p("Đã bổ nhiệm {cong_vu.bo_nhiem} người. Trong khi năm trước có {cong_vu.bo_nhiem} người được bổ nhiệm.",
               "Có {cong_vu.bo_nhiem} người được bổ nhiệm trong kỳ.",
               "Ban hành Quyết định số 45/QĐ-SNNMT ngày 12/01/2026.")
    kept, dropped = tidy(paras, ["Có {cong_vu.bo_nhiem} người được bổ nhiệm."],
                         ["Ban hành Quyết định số 45/QĐ-SNNMT ngày 12/01/2026 ban hành Kế hoạch CCHC năm 2026."])
    assert [p.text for p in kept] == ["Đã bổ nhiệm {cong_vu.bo_nhiem} người."] and len(dropped) == 3
    # a comparison the writer itself makes stays
    kept, dropped = tidy(_p("Đã giải quyết {tthc.ho_so_da_giai_quyet} hồ sơ, tăng so với cùng kỳ năm trước."),
                         ["Đã giải quyết {tthc.ho_so_da_giai_quyet} hồ sơ (tăng 30 hồ sơ so với cùng kỳ năm trước)."])
    assert len(kept) == 1 and not dropped


def test_only_one_unsupported_sentence_of_the_models_own_is_offered():
    paras = _p("Tổ chức {chi_dao.hoi_nghi} hội nghị. Bộ máy được tối ưu hóa. Hiệu quả tăng rõ rệt. Cần duy trì.")
    out, left_out = mark_unsupported(paras, Proposer(), [], "")
    assert [p.proposed for p in out] == [False, True] and left_out == 2


def test_a_fragmentary_model_section_falls_back_to_the_writer(corpus_stack):
    data = figures_from_data({"meta": META, "figures": {"tthc": {"tthc_tong_so": 212, "ho_so_moi": 5430,
                                                                  "ho_so_truc_tuyen": 4890}}})
    model = ScriptedChatModel(responses=["Việc tiếp nhận và giải quyết hồ sơ thủ tục hành chính được thực hiện như sau:\n"
                                         "- {tthc.tthc_tong_so} thủ tục.\n- Sở đã tiếp nhận mới {tthc.ho_so_moi} hồ sơ."])
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry, model).draft(data.meta, data.figures,
                                                                              sections=["II.2"])
    section = draft.section("II.2")
    assert section.writer == "deterministic", [f.message for f in draft.findings]
    assert any(f.kind == "llm" and f.fallback and "câu cụt" in f.message for f in draft.findings), [
        f.message for f in draft.findings]
    text = " ".join(p.text for p in section.paragraphs)
    assert "tiếp nhận mới trong kỳ 5.430 hồ sơ, trong đó trực tuyến 4.890 hồ sơ" in text


def test_a_repeated_heading_goes_and_the_writers_comparison_numbers_stay(corpus_stack):
    from drafting.chain.model_check import without_heading

    paras = without_heading(_p("Cải cách thủ tục hành chính Tổng số TTHC là {tthc.tthc_tong_so} thủ tục."),
                            "2. Cải cách thủ tục hành chính")
    assert paras[0].text == "Tổng số TTHC là {tthc.tthc_tong_so} thủ tục."
    # the model copies the writer's comparison "(tăng 322 hồ sơ (6,47%) so với cùng kỳ năm trước)": computed in code
    data = figures_from_data({"meta": META, "figures": {"tthc": {"ho_so_da_giai_quyet": 5302, "ho_so_dung_han_tong": 5250,
                                                                  "ho_so_qua_han": 52, "tthc_tong_so": 212}},
                              "same_period_last_year": {"tthc": {"ho_so_da_giai_quyet": 4980}}})
    reply = ("Cải cách thủ tục hành chính Tổng số TTHC thuộc thẩm quyền giải quyết là {tthc.tthc_tong_so} thủ tục. "
             "Sở đã giải quyết {tthc.ho_so_da_giai_quyet} hồ sơ, tăng 322 hồ sơ (6,47%) so với cùng kỳ năm trước, "
             "trong đó trước và đúng hạn {tthc.ho_so_dung_han_tong} hồ sơ, quá hạn {tthc.ho_so_qua_han} hồ sơ.")
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry, ScriptedChatModel(responses=[reply])).draft(
        data.meta, data.figures, sections=["II.2"])
    text = " ".join(p.text for p in draft.section("II.2").paragraphs)
    assert draft.section("II.2").writer == "llm" and "tăng 322 hồ sơ (6,47%)" in text and "[…]" not in text
    assert not any(p.text.lstrip("2. ").startswith("Cải cách thủ tục") for p in draft.section("II.2").paragraphs)


def test_sentences_left_out_are_counted_in_the_finding_itself(corpus_stack):
    # the evals and the bench read the count from the finding's fields, not from its Vietnamese wording
    data = figures_from_data({"meta": META, "figures": {"tthc": {"ho_so_moi": 5430, "ho_so_truc_tuyen": 4890}}})
    reply = ("Sở đã tiếp nhận mới {tthc.ho_so_moi} hồ sơ, trong đó trực tuyến {tthc.ho_so_truc_tuyen} hồ sơ. "
             "Trong khi năm trước có {tthc.ho_so_moi} hồ sơ được tiếp nhận.")
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry, ScriptedChatModel(responses=[reply])).draft(
        data.meta, data.figures, sections=["II.2"])
    llm = [f for f in draft.findings if f.kind == "llm"]
    assert draft.section("II.2").writer == "llm" and not any(f.fallback for f in llm)
    assert sum(f.dropped for f in llm) == 1, [(f.message, f.dropped) for f in llm]
