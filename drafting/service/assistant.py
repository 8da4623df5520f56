"""The application facade: one Assistant built from Settings, used by the CLI, the app and the evals.
This is the one place that turns settings into drafting objects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from corpus.catalog import shipped_reports
from corpus.errors import BackendError
from corpus.registry import Registry
from drafting.chain.drafter import Drafter, Progress, TokenSink
from drafting.chain.precedent import place_names
from drafting.figures.facts import Fact, Target
from drafting.figures.figureset import FigureSet
from drafting.inputs.files import FiguresInput
from drafting.llm.backends import ModelHealth, make_chat_model
from drafting.llm.local_model import MODEL_FILE
from drafting.models import DraftEvent, ReportDraft, ReportMeta
from retrieval.offline import configured_hosts, guard_network
from retrieval.settings import Settings
from retrieval.wiring import RetrievalStack, build_retrieval


def make_llm(settings: Settings, kind: str | None = None):
    kind = kind or settings.llm
    return make_chat_model(kind, model_path=settings.local_model_dir / MODEL_FILE, base_url=settings.llm_url,
                           model=settings.llm_model, api_key=settings.llm_api_key, timeout=settings.llm_timeout,
                           threads=settings.threads, lookahead=settings.llm_lookahead)


def known_places(stack: RetrievalStack | None) -> set[str]:
    """Place names of every past report in the corpus: never to appear in another locality's draft."""
    docs = shipped_reports() if stack is None else [d for d in stack.documents() if d.kind == "report"]
    names: set[str] = set()
    for d in docs:
        names |= place_names(d.issuer, d.locality, d.title, d.extra.get("parent", ""))
    return names


@dataclass
class Assistant:
    settings: Settings
    llm_kind: str = "none"
    retrieval: RetrievalStack | None = None
    _model: object = field(default=None, repr=False)

    @cached_property
    def model(self):
        return self._model if self._model is not None else make_llm(self.settings, self.llm_kind)

    @cached_property
    def health(self) -> ModelHealth:
        """One record of the model's failures for drafting and answers alike."""
        return ModelHealth(cooldown=self.settings.llm_cooldown)

    @cached_property
    def drafter(self) -> Drafter:
        searcher = self.retrieval.searcher if self.retrieval else None
        registry = self.retrieval.registry if self.retrieval else Registry.load()
        return Drafter(searcher, registry, self.model, known_places=known_places(self.retrieval), health=self.health,
                       unsupported=self.settings.unsupported)

    def draft(self, meta: ReportMeta, figures: FigureSet, sections: list[str] | None = None,
              on_progress: Progress | None = None, on_token: TokenSink | None = None,
              facts: list[Fact] | None = None, targets: list[Target] | None = None) -> ReportDraft:
        return self.drafter.draft(meta, figures, sections, on_progress, on_token, facts=facts, targets=targets)

    def draft_events(self, meta: ReportMeta, figures: FigureSet, sections: list[str] | None = None,
                     facts: list[Fact] | None = None, targets: list[Target] | None = None) -> Iterator[DraftEvent]:
        return self.drafter.draft_events(meta, figures, sections, facts=facts, targets=targets)

    @cached_property
    def asker(self):
        from drafting.law.ask import Asker

        return Asker(self.retrieval.searcher if self.retrieval else None, self.drafter.registry, self.model,
                     health=self.health)

    def ask(self, question: str, as_of=None, on_token=None):
        return self.asker.ask(question, as_of, on_token)

    def ask_events(self, question: str, as_of=None):
        return self.asker.ask_events(question, as_of)

    def review(self, data: bytes, name: str, as_of=None):
        from drafting.review.checks import review

        return review(data, self.drafter.registry, as_of, name=name)

    @cached_property
    def store(self):
        from drafting.service.workspace import DraftStore

        return DraftStore(self.settings.data_dir / "users")

    @cached_property
    def audit(self):
        from drafting.service.audit import AuditLog

        return AuditLog(self.settings.data_dir / "audit.sqlite")

    def refresh_places(self) -> None:
        """After the library changed: names of every past report stay out of other localities' drafts."""
        if "drafter" in self.__dict__:
            self.drafter.known_places = known_places(self.retrieval)

    def draft_input(self, data: FiguresInput, sections: list[str] | None = None, **kw) -> ReportDraft:
        if data.meta is None:
            raise BackendError("Thiếu thông tin chung của báo cáo; không soạn được.")
        return self.draft(data.meta, data.figures, sections, facts=data.facts, targets=data.targets, **kw)


def build_assistant(settings: Settings, llm: str | None = None, with_retrieval: bool = True, model=None) -> Assistant:
    if not with_retrieval:  # build_retrieval installs it otherwise
        guard_network(configured_hosts(settings))
    stack = build_retrieval(settings) if with_retrieval else None
    return Assistant(settings=settings, llm_kind=llm or settings.llm, retrieval=stack, _model=model)


def start_assistant(settings: Settings, notice: Callable[[str], None]) -> Assistant:
    """The app's assistant at start: without a built local model it drafts deterministically; a missing or stale
    index is built now, and what happened to it is said (`notice`) and kept in the audit log."""
    asst = build_assistant(settings)
    if asst.llm_kind == "local":
        from drafting.llm.local_model import is_ready

        if not is_ready(settings.local_model_dir / MODEL_FILE):
            notice("Chưa có mô hình cục bộ (make llm); ứng dụng chạy với cách soạn tất định.")
            asst = build_assistant(settings, llm="none")
    if asst.retrieval is not None and asst.retrieval.ensure_index() is not None:
        for said in asst.retrieval.notices:
            notice(said)
            asst.audit.record("he-thong", "reindex", "khởi động", [], {"notice": said})
    return asst
