"""Claims the article reports as false or unsupported.

A fact-check, or any story that quotes a claim and then corrects it, must not
be briefed as if the claim were true: the corrected sentence is never the
headline, and is a key point only with its speaker named in it. The sentence
that corrects it is the article's finding.

A correction is a sentence in the narrator's voice that says a claim is false
("the claim is false", "this is not true"), or a statement by anyone about the
evidence: "there is no evidence that ...", "has not been proven", "fact-checkers
rated it false". A party calling its rival's figure wrong is a dispute, not a
correction. What it corrects is the
sentence just before it, in the same or the previous paragraph, that shares
the most content words with it (at least ``MIN_SHARED``); a sentence that frames
its own claim as false ("falsely claimed that ...") corrects nothing else.
"""

from __future__ import annotations

import re

from summarizer.checks.asciire import twin_re
from summarizer.extractive.disputes import content_words
from summarizer.extractive.sentences import Sentence

# The article's own verdict on a claim: the narrator says so.
_VERDICT = twin_re(
    r"\b(?:is|was|are|were|be|been|being) (?:false|untrue|not true|unfounded|baseless"
    r"|unsubstantiated|misleading|a myth|a hoax|fake|wrong|incorrect|inaccurate|exaggerated"
    r"|inflated)\b",
    re.IGNORECASE,
)
# Evidence against a claim, whoever states it: "there is no evidence that ...",
# "has not been proven", "fact-checkers rated it false". A party that calls a rival's
# figure "wrong" is disputing it (``summarizer.extractive.disputes``), not reporting
# it false; these phrases report the state of the evidence.
_EVIDENCE_AGAINST = twin_re(
    r"\bno (?:scientific |medical |credible |such )?(?:evidence|proof)\b"
    r"|\b(?:has|have) not been (?:proven|shown|confirmed|substantiated)\b"
    r"|\bdebunk(?:ed|s|ing)?\b|\bdisproven\b|\bfact[- ]check(?:ed|ers?)?\b"
    r"|\b(?:rated|ruled|judged|found) (?:it|the claim|the figure|this|the post) (?:to be )?"
    r"(?:false|untrue|inaccurate|misleading|inflated)\b",
    re.IGNORECASE,
)
# Words one of which each pattern needs: a cheap test that spares most sentences the regexes.
_VERDICT_WORDS = (
    "false",
    "true",
    "unfounded",
    "baseless",
    "unsubstantiated",
    "misleading",
    "myth",
    "hoax",
    "fake",
    "wrong",
    "incorrect",
    "inaccurate",
    "exaggerated",
    "inflated",
)
_EVIDENCE_WORDS = (
    "evidence",
    "proof",
    "proven",
    "shown",
    "confirmed",
    "substantiated",
    "debunk",
    "disproven",
    "fact",
    "rated",
    "ruled",
    "judged",
    "found",
)
# A sentence that frames its own claim: "falsely claimed that ...", "the baseless claim that".
_SELF_FRAMED = twin_re(
    r"\b(?:falsely|wrongly|incorrectly|without evidence|baselessly)\b"
    r"|\b(?:false|baseless|unfounded|debunked|unsubstantiated) (?:claims?|assertions?|rumou?rs?)"
    r" that\b",
    re.IGNORECASE,
)
# What the correction may reach back to: sentences before it, and paragraphs.
_REACH_SENTENCES = 4
_REACH_PARAGRAPHS = 2
MIN_SHARED = 2


def corrects(text: str, *, attributed: bool) -> bool:
    """True when ``text`` reports that some claim is false or unsupported.

    Args:
        text: The sentence.
        attributed: Someone in the article says it: then only a statement about the
            evidence counts, not a party calling a rival's claim wrong.
    """
    lower = text.lower()
    verdict = not attributed and any(map(lower.__contains__, _VERDICT_WORDS))
    evidence = any(map(lower.__contains__, _EVIDENCE_WORDS))
    if not (verdict or evidence):
        return False  # the common case, decided without a regex
    if _SELF_FRAMED.search(text) is not None:
        return False
    if evidence and _EVIDENCE_AGAINST.search(text) is not None:
        return True
    return verdict and _VERDICT.search(text) is not None


def refuted_sentences(
    sentences: list[Sentence], attributed: set[int] | frozenset[int] = frozenset()
) -> tuple[set[int], set[int]]:
    """The sentences the article reports as false, and the sentences that say so.

    Args:
        sentences: The article's sentences.
        attributed: Indices of the sentences the article attributes to a speaker.

    Returns:
        ``(refuted, corrections)``: sentence indices.
    """
    refuted: set[int] = set()
    corrections: set[int] = set()
    body = [s for s in sentences if s.kind != "heading"]
    for position, sentence in enumerate(body):
        if not corrects(sentence.text, attributed=sentence.index in attributed):
            continue
        corrections.add(sentence.index)
        words = content_words(sentence.text)
        best: tuple[int, int] | None = None
        for earlier in reversed(body[max(0, position - _REACH_SENTENCES) : position]):
            if sentence.paragraph - earlier.paragraph > _REACH_PARAGRAPHS:
                break
            shared = len(words & content_words(earlier.text))
            if shared >= MIN_SHARED and (best is None or shared > best[0]):
                best = (shared, earlier.index)
        if best is not None:
            refuted.add(best[1])
    return refuted - corrections, corrections
