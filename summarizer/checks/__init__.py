"""Checks shared by both engines: quotes, numbers, links and actors against the article.

``audit`` runs every check on a briefing in one pass and reports every problem.
``grounding`` finds quotes in the article (``normal`` is the normal form both are
compared in), ``amounts`` reads the numbers a text states with their scale and
kind (``numbers`` parses figures for the evals), ``actors`` checks that an actor
is one the article names, ``ownwords`` checks the numbers and links a briefing
writes in its own words, ``injection`` finds instructions planted in the article
and ``untrusted`` what only they state, ``quotespans`` locates quotes for
highlighting, and ``validate`` re-runs the Briefing validators on a briefing
built in code.
"""
