"""Checks shared by both engines: quotes, numbers and links against the article.

``grounding`` finds quotes in the article, ``numbers`` reads the numbers it states,
``ownwords`` checks what a briefing says in its own words, ``quotespans`` locates
quotes for highlighting, and ``validate`` re-runs the Briefing validators on a
briefing built in code.
"""
