"""Inputs: an article from a file, stdin, an HTML page or a URL, page furniture stripped.

Everything here turns what a user gave into an :class:`~summarizer.inputs.article.Article`:
clean text plus title, outlet, byline and date. Nothing here calls a model.
"""
