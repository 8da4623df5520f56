"""Prompt-lookup decoding for the local model. When the model rewrites the deterministic writer's
sentences, most of what it writes is copied from its prompt (figures, names, document numbers, whole
phrases), so the next tokens can be guessed from where the last few tokens occur in the prompt and
checked in one batch: on 2 CPU cores a batch of 8 tokens costs little more than one, because generation
is bound by reading the weights, not by arithmetic. The sampler still draws every token from the model's
own distribution (a guess is kept only where the sampled token equals it), so the text is the model's.

llama-cpp-python's own switch for this keeps the logits of every prompt token (0,6 MB each with Qwen's
152k vocabulary); here only the small verification batches keep theirs.

Off by default (TROLY_LLM_LOOKAHEAD=0): it paid (1,15x on a whole report) while the model copied the law's sentences,
and stopped paying (0,97x) once those sentences were kept out of its prompt (docs/evaluation.md)."""

from __future__ import annotations

from typing import Any

import numpy as np

VERIFY_MAX = 32  # an evaluation this short is a guess being checked (or a prompt's short new suffix)


class PromptLookup:
    """Guesses up to `ahead` tokens: the longest n-gram (≤ `ngram` tokens) ending the text so far that
    occurred earlier, continued from its latest earlier occurrence — the sentence being rewritten sits at
    the end of the prompt, after the system prompt's examples."""

    def __init__(self, ahead: int = 8, ngram: int = 3):
        self.ahead = ahead
        self.ngram = ngram

    def __call__(self, input_ids: np.ndarray, /, **kwargs: Any) -> np.ndarray:
        n = int(input_ids.shape[0])
        for size in range(min(self.ngram, n - 1), 0, -1):
            tail = input_ids[n - size:]
            windows = np.lib.stride_tricks.sliding_window_view(input_ids[: n - 1], size)
            hits = np.nonzero(np.all(windows == tail, axis=1))[0]
            for start in hits[::-1]:
                begin = int(start) + size
                if begin < n:
                    return np.asarray(input_ids[begin: min(begin + self.ahead, n)], dtype=np.intc)
        return np.array([], dtype=np.intc)


def lookup_llama(**kwargs):
    """A llama_cpp.Llama whose short evaluations keep the logits of every token, so that the generation
    loop can sample at each guessed position; `draft_model` is set per call (None for grammar-bound
    answers, whose grammar state is not rewound on a rejected guess)."""
    from llama_cpp import Llama

    class LookupLlama(Llama):
        def eval(self, tokens):
            if self.draft_model is None or len(tokens) > VERIFY_MAX or not len(tokens):
                return super().eval(tokens)
            # what Llama.eval does for one batch, with a logit for each token and none copied to Python
            self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
            n_past = self.n_tokens
            self._batch.set_batch(batch=list(tokens), n_past=n_past, logits_all=True)
            self._ctx.decode(self._batch)
            self.input_ids[n_past: n_past + len(tokens)] = tokens
            self.n_tokens += len(tokens)
            self._requires_eval = False

    return LookupLlama(**kwargs)
