"""The extractive engine: a briefing built offline by rules, grounded by construction.

With no model endpoint configured, :func:`brief_extractive` still turns an
article into a :class:`~summarizer.models.Briefing`: key points are the most
informative sentences, stances come from attributed speech, disputed figures
from numbers that another actor contests. Every evidence quote is a span of the
input, so it passes the grounding check without a re-ask. The same input always
gives the same briefing.
"""

from summarizer.extractive.engine import brief_extractive, brief_result

__all__ = ["brief_extractive", "brief_result"]
