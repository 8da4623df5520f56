"""Prompt-lookup decoding (drafting/llm/lookup.py): the guesses come from where the text so far last occurred in the
prompt; the model's own sampler decides every token, so a greedy answer is the same with and without guessing."""

import numpy as np

from drafting.llm.lookup import PromptLookup


def test_the_guess_continues_the_latest_occurrence_of_the_longest_ending():
    ids = np.array([5, 6, 7, 1, 2, 3, 9, 9, 1, 2, 4, 8, 8, 1, 2], dtype=np.intc)
    # "1 2" last occurred before "4 8 8 1 2": the rewrite copies the sentence nearest the end of the prompt
    assert PromptLookup(ahead=3, ngram=2)(ids).tolist() == [4, 8, 8]
    # a longer ending wins over a more recent shorter one
    ids = np.array([3, 1, 2, 7, 7, 9, 2, 5, 3, 1, 2], dtype=np.intc)
    assert PromptLookup(ahead=2, ngram=3)(ids).tolist() == [7, 7]


def test_nothing_is_guessed_without_a_match_or_past_the_end():
    assert PromptLookup()(np.array([1, 2, 3, 4], dtype=np.intc)).size == 0
    assert PromptLookup(ahead=8)(np.array([4, 5, 4], dtype=np.intc)).tolist() == [5, 4]
