"""The model's proposals for numbers the rules left unread (used by the reading eval only): a scripted model at the
LLM boundary shows what is kept — a listed figure whose value obeys the sum rules, marked for confirmation — and what
is dropped; tests/test_local_llm.py runs the same path with the real local model."""

from drafting.chain.reading_assist import NOTE, propose_fields, unread_candidates
from drafting.inputs.chat_reader import read_message
from drafting.inputs.text_reading import TextReading
from drafting.llm.fakes import ScriptedChatModel

# a phrasing the rules leave unread ("mục tiêu … là 3.000"; "trên chỉ tiêu 3.000" is read by a rule since set 15)
TEXT = "Đã cấp 2.870 tài khoản định danh mức 2, mục tiêu của huyện là 3.000 tài khoản."


def _reading(text: str) -> TextReading:
    r = read_message(text)
    return TextReading(figures=r.figures, unread=r.unread)


def test_candidates_are_the_few_figures_of_the_numbers_unit_not_read_yet():
    r = _reading(TEXT)
    u = next(u for u in r.unread if u.quote == "3.000")
    assert unread_candidates(TEXT, u.start, u.end, {f.key for f in r.figures}) == ["cds.tai_khoan_dinh_danh_chi_tieu"]
    # a number whose unit leaves dozens of figures open is not offered at all
    text = "Năm nay có 7 và 9."
    assert unread_candidates(text, 11, 12, set()) == []


def test_a_listed_choice_is_kept_and_marked_for_confirmation():
    model = ScriptedChatModel(responses=['{"ma": 1}'])
    proposed = propose_fields(model, TEXT, _reading(TEXT))
    assert [(f.key, f.value, f.note) for f in proposed] == [("cds.tai_khoan_dinh_danh_chi_tieu", 3000, NOTE)]
    assert proposed[0].confidence < 0.8
    assert "1. Chỉ tiêu tài khoản định danh điện tử" in model.prompts()[0] and "3.000" in model.prompts()[0]


def test_no_proposal_when_the_model_is_unsure_unreadable_or_out_of_the_list():
    for answer in ['{"ma": 0}', "không biết", '{"ma": 7}', RuntimeError("down")]:
        assert propose_fields(ScriptedChatModel(responses=[answer]), TEXT, _reading(TEXT)) == []


def test_a_choice_that_breaks_the_sum_rules_is_dropped():
    text = "Tiếp nhận 96 hồ sơ, trong kỳ giải quyết 90, ghi nhận thêm 120."
    r = _reading(text)
    u = next(u for u in r.unread if u.quote == "120")
    keys = unread_candidates(text, u.start, u.end, {f.key for f in r.figures})
    assert "tthc.ho_so_truc_tuyen" in keys  # a part of the 96 received: 120 cannot be it
    pick = keys.index("tthc.ho_so_truc_tuyen") + 1
    assert propose_fields(ScriptedChatModel(responses=[f'{{"ma": {pick}}}']), text, r) == []
