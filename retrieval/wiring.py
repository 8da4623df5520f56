"""The one place that turns Settings into objects. The CLI, the app and the evals all build their
searcher and indexer here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from corpus.catalog import Library, all_documents
from corpus.registry import Registry
from retrieval.embeddings import make_embedder
from retrieval.index import Indexer
from retrieval.offline import configured_hosts, guard_network
from retrieval.search import HybridSearcher
from retrieval.settings import Settings
from retrieval.store import ChunkStore, make_chroma_client


@dataclass
class RetrievalStack:
    settings: Settings

    @cached_property
    def registry(self) -> Registry:
        return Registry.load()

    @cached_property
    def embedder(self):
        s = self.settings
        return make_embedder(s.embedding, prefixes=s.embedding_prefixes, threads=s.threads)

    @cached_property
    def store(self) -> ChunkStore:
        s = self.settings
        client = make_chroma_client(s.chroma_mode, s.chroma_dir, s.chroma_host, s.chroma_port)
        return ChunkStore(client, self.embedder.model_id)

    @property
    def lexical_path(self):
        return self.settings.data_dir / f"lexical-{self.store.name}.pkl"

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
