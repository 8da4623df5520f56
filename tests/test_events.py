"""The service streams a draft and an answer as typed events from plain generators (no thread and queue between
the model and the screen): progress before each section, the model's tokens, each section when done, then the
whole result; a reply running past its time limit is stopped between events with a message."""

import time

import pytest

from corpus.errors import BackendError
from drafting.chain.drafter import Drafter
from drafting.inputs.files import load_figures_file
from drafting.llm.fakes import ScriptedChatModel
from drafting.service.state import within
from evals.drafting_eval import CASES

BA_TRANG = CASES / "ba-trang-6t-2023.yaml"


def test_a_draft_streams_progress_tokens_sections_then_the_draft(corpus_stack):
    data = load_figures_file(BA_TRANG)
    model = ScriptedChatModel(responses=["Đã tiếp nhận {tthc.ho_so_tiep_nhan} hồ sơ trong kỳ."])
    events = list(Drafter(corpus_stack.searcher, corpus_stack.registry, model).draft_events(
        data.meta, data.figures, sections=["II.2", "III"]))
    kinds = [e.kind for e in events]
    assert kinds[0] == "progress" and kinds[-1] == "done" and kinds.count("done") == 1
    assert [e.section for e in events if e.kind == "section"] == ["II.2", "III"]
    tokens = [e for e in events if e.kind == "token"]
    assert tokens and {e.section for e in tokens} == {"II.2"}  # the assessment (III) is never the model's
    assert kinds.index("token") < kinds.index("section")  # tokens arrive before their section is done
    draft = events[-1].draft
    assert draft.section("II.2").writer == "llm" and "Đã tiếp nhận 253 hồ sơ" in draft.full_text()


def test_the_callback_form_sees_the_same_events(corpus_stack):
    data = load_figures_file(BA_TRANG)
    seen = []
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry, None).draft(
        data.meta, data.figures, sections=["I", "II.2"], on_progress=lambda k, i, n: seen.append((k, i, n)))
    assert seen == [("I", 0, 2), ("II.2", 1, 2), ("", 2, 2)] and len(draft.sections) == 2


def test_an_answer_streams_then_arrives_checked(corpus_stack):
    import datetime as dt

    from drafting.law.ask import Asker

    model = ScriptedChatModel(responses=["Áp dụng Nghị định số 61/2018/NĐ-CP và Nghị định số 999/2020/NĐ-CP."])
    events = list(Asker(corpus_stack.searcher, corpus_stack.registry, model).ask_events(
        "căn cứ cơ chế một cửa", dt.date(2023, 6, 30)))
    assert [e.kind for e in events][-1] == "done" and any(e.kind == "token" for e in events)
    assert "999/2020" not in events[-1].answer.text.split("(Đã bỏ")[0]  # the streamed text is checked before it is final
    # the registry's one-line answer comes first, before the model has said anything
    assert events[0].kind == "token" and events[0].text.startswith("**Ngày 30/06/2023: Nghị định số 61/2018/NĐ-CP")
    assert events[-1].answer.text.startswith(events[0].text)


def test_a_reader_who_leaves_stops_the_model(corpus_stack):
    """Closing the answer's event stream closes the model's stream at once (an output parser at the end of the chain
    used to pull every remaining token, holding the local model's lock for the next user)."""
    import datetime as dt

    from drafting.law.ask import Asker

    served: list[int] = []

    class Counting(ScriptedChatModel):
        def _stream(self, messages, stop=None, run_manager=None, **kwargs):
            for chunk in super()._stream(messages, stop, run_manager, **kwargs):
                served.append(1)
                yield chunk

    events = Asker(corpus_stack.searcher, corpus_stack.registry, Counting(responses=["Áp dụng Nghị định số 61/2018. " * 40])
                   ).ask_events("căn cứ cơ chế một cửa", dt.date(2023, 6, 30))
    tokens = 0
    for e in events:
        tokens += e.kind == "token"
        if tokens == 4:
            break
    events.close()
    assert 0 < len(served) < 10


def test_a_reply_past_its_time_limit_is_stopped_between_events():
    closed = []

    def slow():
        try:
            for i in range(100):
                time.sleep(0.05)
                yield i
        finally:
            closed.append(True)

    got = []
    with pytest.raises(BackendError, match="0,2|0.2"):
        for ev in within(slow(), 0.2):
            got.append(ev)
    assert 2 <= len(got) < 10 and closed == [True]  # stopped early, and the generator was closed
