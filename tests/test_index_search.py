"""Real Chroma on disk, the real embedding model: incremental ingest and hybrid search."""

import datetime as dt
import json
import subprocess
import sys

import pytest

from corpus.models import SourceDocument
from evals.fuzz import make_pdf
from retrieval.search import SearchFilter
from retrieval.settings import load_settings
from retrieval.wiring import build_retrieval
from tests.conftest import ROOT
from tests.helpers.bad_files import locked_pdf, mixed_encodings, sparse_file


def _doc(i: int, body: str) -> SourceDocument:
    return SourceDocument(doc_id=f"bc-{i}", kind="report", title=f"Báo cáo {i}", source="test",
                          text=f"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n\n{body}\n\nII. KẾT QUẢ\n\n{body} lần hai.",
                          level="xã", period="6 tháng", year=2023, date=dt.date(2023, 6, 1))


class Flaky:
    """The real embedder, made to fail after a number of calls: an ingest killed half-way."""

    def __init__(self, inner, fail_after: int):
        self.inner, self.calls, self.fail_after = inner, 0, fail_after
        self.model_id = inner.model_id

    def embed_documents(self, texts):
        self.calls += 1
        if self.calls > self.fail_after:
            raise KeyboardInterrupt("killed")
        return self.inner.embed_documents(texts)


def test_incremental_ingest_add_noop_change_remove_and_interrupt(tmp_path):
    stack = build_retrieval(load_settings(env={}, data_dir=tmp_path))
    docs = [_doc(i, f"Ủy ban nhân dân xã ban hành {i} kế hoạch cải cách hành chính.") for i in range(3)]
    first = stack.indexer.sync(docs)
    assert sorted(first.added) == ["bc-0", "bc-1", "bc-2"] and stack.store.count() == 6
    again = stack.indexer.sync(docs)
    assert again.chunks_written == 0 and len(again.unchanged) == 3

    assert not stack.searcher.search("253 hồ sơ", k=3, mode="lexical")  # loads the index
    docs[1] = _doc(1, "Nội dung đã sửa: tiếp nhận 253 hồ sơ thủ tục hành chính.")
    changed = stack.indexer.sync(docs)
    # the searcher that was already open sees the new text without a restart
    assert stack.searcher.search("253 hồ sơ", k=3, mode="lexical")[0].doc_id == "bc-1"
    assert changed.updated == ["bc-1"] and changed.chunks_written == 2
    got = stack.store.collection.get(where={"doc_id": "bc-1"})
    assert len(got["ids"]) == 2 and all("253 hồ sơ" in t for t in got["documents"])

    docs = docs[:2]
    removed = stack.indexer.sync(docs)
    assert removed.removed == ["bc-2"] and stack.store.count() == 4

    # an interrupted run: document 0 changes, the embedder dies before it is written
    docs[0] = _doc(0, "Phiên bản mới của báo cáo số không.")
    flaky = Flaky(stack.embedder, fail_after=0)
    stack.indexer.embedder = flaky
    with pytest.raises(KeyboardInterrupt):
        stack.indexer.sync(docs)
    stack.indexer.embedder = stack.embedder
    # simulate a kill between delete and write as well: half of document 1's chunks are gone
    stack.store.collection.delete(ids=["bc-1:1"])
    healed = stack.indexer.sync(docs)
    assert sorted(healed.updated) == ["bc-0", "bc-1"]
    ids = stack.store.collection.get()["ids"]
    assert sorted(ids) == ["bc-0:0", "bc-0:1", "bc-1:0", "bc-1:1"]  # no duplicates, no half documents
    assert len(stack.searcher.lexical) == 4


@pytest.mark.parametrize("query", ["cai cach hanh chinh mot cua lien thong", "cải cách hành chính một cửa liên thông"])
def test_folded_queries_find_text_with_and_without_diacritics(searcher, query):
    reports = {h.doc_id for h in searcher.search(query, k=10, mode="lexical", flt=SearchFilter(kind="report"))}
    assert reports & {"report-000", "report-001"}  # OCR reports without diacritics
    assert "report-003" in reports  # a report written with diacritics
    laws = searcher.search(query, k=5, mode="lexical", flt=SearchFilter(kind="regulation"))
    assert any(h.number == "61/2018/NĐ-CP" for h in laws)


@pytest.mark.parametrize("query", ["61/2018/NĐ-CP", "61/2018/ND-CP", "Nghị định số 61/2018", "NĐ 61"])
def test_document_numbers_match_in_every_spelling(searcher, query):
    hits = searcher.search(query, k=3)
    assert hits[0].number == "61/2018/NĐ-CP"


def test_in_force_filter(searcher):
    q = "nghị định về cơ chế một cửa, một cửa liên thông"
    in_2023 = {h.number for h in searcher.search(q, k=10, flt=SearchFilter(kind="regulation", as_of=dt.date(2023, 6, 30)))}
    in_2026 = {h.number for h in searcher.search(q, k=10, flt=SearchFilter(kind="regulation", as_of=dt.date(2026, 6, 30)))}
    assert "61/2018/NĐ-CP" in in_2023 and "118/2025/NĐ-CP" not in in_2023
    assert "118/2025/NĐ-CP" in in_2026 and "61/2018/NĐ-CP" not in in_2026


def test_filters_by_kind_level_year(searcher):
    hits = searcher.search("bộ phận một cửa", k=10, flt=SearchFilter(kind="report", level="xã", year=2023))
    assert hits and {h.doc_id for h in hits} == {"report-003"}


def test_hits_carry_article_status_and_confidence(searcher):
    hit = searcher.search("Quyết định công bố thủ tục hành chính ban hành chậm nhất trước bao nhiêu ngày",
                          k=3, flt=SearchFilter(as_of=dt.date(2023, 6, 30)))[0]
    assert hit.number == "63/2010/NĐ-CP" and hit.article == "Điều 15"
    assert hit.status.startswith("còn hiệu lực")
    k_hit = searcher.search("Điều 5 Nghị định 61/2018 hành vi không được làm", k=5, mode="lexical")
    art5 = next(h for h in k_hit if h.article == "Điều 5")
    assert art5.location == "Điều 5 [K]"  # an unverified article number shows its tag


def _cli(env_dir, *args, stdin=None):
    env = {"PATH": "/usr/bin:/bin", "TROLY_DATA_DIR": str(env_dir), "HOME": str(env_dir)}
    return subprocess.run([sys.executable, "-m", "retrieval", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, input=stdin, timeout=600)


def _bad_inputs(tmp_path):
    """Every kind of bad file the importer must refuse, with a word its message must hold."""
    def put(name, data):
        (tmp_path / name).write_bytes(data)
        return tmp_path / name

    return [
        (put("gia.docx", b"MZ\x90\x00 this is an executable"), "không phải tài liệu Word"),
        (put("rong.md", b""), "rỗng"),
        (sparse_file(tmp_path / "lon.txt", 200 * 1024 * 1024), "50 MB"),
        (put("khoa.pdf", locked_pdf()), "mật khẩu"),
        (put("hong.pdf", b"%PDF-1.4\n garbage"), "PDF bị hỏng"),
        (put("scan.pdf", make_pdf(None)), "nhận dạng chữ"),  # a blank scan: OCR finds nothing (or lacks its tools)
        (put("tron.txt", mixed_encodings()), "trộn"),
    ]


def _library_files(data_dir):
    return sorted((data_dir / "library").rglob("*"))


@pytest.mark.slow  # a whole eval (15–35 s on 2 cores): in make test and CI, not the fast lane
def test_cli_search_json_and_bad_input_leaves_index_unchanged(corpus_stack, tmp_path):
    data_dir = corpus_stack.settings.data_dir
    out = _cli(data_dir, "search", "NĐ 107/2021", "--json", "--k", "2")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits[0]["number"] == "107/2021/NĐ-CP" and {"location", "snippet", "score"} <= set(hits[0])
    text = _cli(data_dir, "search", "số hóa hồ sơ", "--as-of", "2024-01-01", "--kind", "regulation").stdout
    assert "Vị trí:" in text and "Tình trạng:" in text

    before = corpus_stack.store.count()
    imported = _library_files(data_dir)
    for path, expected in _bad_inputs(tmp_path):
        out = _cli(data_dir, "ingest", str(path))
        assert out.returncode == 2 and expected in out.stderr, (path.name, out.stderr[-400:])
        assert "Traceback" not in out.stderr
    assert corpus_stack.store.count() == before
    assert _library_files(data_dir) == imported
    out = _cli(data_dir, "search", "x", "--as-of", "2023-02-31")
    assert out.returncode == 2 and "ngày không hợp lệ" in out.stderr


def test_cli_import_then_remove_a_user_regulation(corpus_stack, tmp_path):
    data_dir = corpus_stack.settings.data_dir
    law = tmp_path / "nd-moi.md"
    law.write_text("NGHỊ ĐỊNH\nSố: 118/2025/NĐ-CP\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n"
                   "Nghị định quy định việc thực hiện thủ tục hành chính theo cơ chế một cửa tại Trung tâm "
                   "Phục vụ hành chính công.\n", encoding="utf-8")
    out = _cli(data_dir, "ingest", str(law))
    assert out.returncode == 0, out.stderr
    doc_id = out.stdout.split("→ ")[1].split(" ")[0]
    found = json.loads(_cli(data_dir, "search", "Trung tâm Phục vụ hành chính công Điều 1", "--json", "--k", "10").stdout)
    mine = [h for h in found if h["doc_id"] == doc_id]
    assert mine and mine[0]["article"] == "Điều 1" and mine[0]["number"] == "118/2025/NĐ-CP"
    out = _cli(data_dir, "remove", doc_id)
    assert out.returncode == 0
    found = json.loads(_cli(data_dir, "search", "Trung tâm Phục vụ hành chính công", "--json", "--k", "20").stdout)
    assert all(h["doc_id"] != doc_id for h in found)
