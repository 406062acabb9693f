"""English common words, from the spaCy pipeline's own lemmatizer tables (WordNet's nouns,
verbs, adjectives and adverbs): a capitalized word that is one of them at the start of a
sentence or a line ("Terror group says ...") has its capital from where it stands, not from
a name ("Ibo traditional elders" keeps it). :func:`remember` is called once per pipeline
(``load_model``); a pipeline without the tables knows no common words.

The tables hold proper nouns too ("israel", "hamas", "taliban", "wagner", "paris",
"moscow"): :func:`is_common` says only that a word is in them, and a caller that asks whether
a capital comes from a name checks NER and the dictionary first (``coref._proper``).
"""

from __future__ import annotations

from typing import Any

from spacy.vocab import Vocab

_WORDS: dict[int, frozenset[str]] = {}


def remember(nlp: Any) -> None:
    """Keep the pipeline's common words, by its vocabulary."""
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            for pos_words in lookups.get_table("lemma_index").values():
                words.update(pos_words)
    _WORDS[id(nlp.vocab)] = frozenset(words)


def is_common(vocab: Vocab, lower: str) -> bool:
    """Whether ``lower`` is in the pipeline's WordNet tables (which hold some names as well:
    "israel", "paris"), for the pipeline that owns ``vocab``."""
    return lower in _WORDS.get(id(vocab), frozenset())
