"""The one place that turns Settings into objects. The CLI, the app and the evals all build their
searcher and indexer here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from corpus.catalog import Library, all_documents
from corpus.errors import BackendError
from corpus.registry import Registry
from retrieval.embeddings import RestoringEmbeddings, make_embedder
from retrieval.index import Indexer
from retrieval.offline import configured_hosts, guard_network
from retrieval.search import HybridSearcher
from retrieval.settings import Settings
from retrieval.store import ChunkStore, collection_name, make_chroma_client


@dataclass
class RetrievalStack:
    settings: Settings
    notices: list[str] = field(default_factory=list)  # what happened to the index that the user should know
    needs_rebuild: bool = False

    @cached_property
    def registry(self) -> Registry:
        return Registry.load()

    @cached_property
    def embedder(self):
        s = self.settings
        inner = make_embedder(s.embedding, prefixes=s.embedding_prefixes, threads=s.threads,
                              model_dir=s.local_model_dir, dtype=s.embedding_dtype)
        return RestoringEmbeddings(inner) if s.restore_diacritics else inner

    def _open_store(self) -> ChunkStore:
        s = self.settings
        client = make_chroma_client(s.chroma_mode, s.chroma_dir, s.chroma_host, s.chroma_port)
        try:
            store = ChunkStore(client, self.embedder.model_id)
            store.count()  # some damage shows only on the first read
            return store
        except Exception as exc:  # chromadb raises many unrelated types on a damaged store
            raise BackendError("Kho chỉ mục Chroma không đọc được.", detail=repr(exc)) from exc

    @cached_property
    def store(self) -> ChunkStore:
        s = self.settings
        try:
            return self._open_store()
        except BackendError as exc:
            if s.chroma_mode != "persistent" or not s.chroma_dir.exists():
                raise  # a server's store is the server's to repair
            reason = exc.message
        # everything in the index is derived from the corpus and the library: keep the damaged folder
        # for inspection, start a new one and let ensure_index() rebuild it
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        broken = s.chroma_dir.with_name(f"chroma.hong-{stamp}")
        s.chroma_dir.rename(broken)
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # chromadb keeps one system per path, the damaged one included
        self.lexical_path_for(collection_name(self.embedder.model_id)).unlink(missing_ok=True)
        self.notices.append(f"Kho chỉ mục bị hỏng ({reason}); đã chuyển sang thư mục {broken.name} "
                            "và dựng lại chỉ mục từ kho tài liệu.")
        self.needs_rebuild = True
        return self._open_store()

    def ensure_index(self, progress=None):
        """Index the corpus when the store is new, empty or was just rebuilt; None when nothing to do."""
        if self.needs_rebuild or self.store.count() == 0:
            report = self.indexer.sync(self.documents(), progress=progress)
            self.needs_rebuild = False
            return report
        return None

    def lexical_path_for(self, store_name: str):
        return self.settings.data_dir / f"lexical-{store_name}.pkl"

    @property
    def lexical_path(self):
        return self.lexical_path_for(self.store.name)

    @cached_property
    def library(self) -> Library:
        return Library(self.settings.library_dir)

    @cached_property
    def indexer(self) -> Indexer:
        return Indexer(self.store, self.embedder, self.registry, self.lexical_path)

    @cached_property
    def searcher(self) -> HybridSearcher:
        return HybridSearcher(self.store, self.embedder, self.registry, self.lexical_path, self.indexer)

    def documents(self):
        return all_documents(self.registry, self.library)


def build_retrieval(settings: Settings) -> RetrievalStack:
    # from here on only loopback and the servers the settings name can be contacted
    guard_network(configured_hosts(settings))
    return RetrievalStack(settings)
