import summarizer

PINNED = [
    "Article",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryInputError",
    "Briefing",
    "BriefingResult",
    "ConfigurationError",
    "DisputedFigure",
    "EmptyArticleError",
    "FetchError",
    "GoldFileError",
    "InputError",
    "KeyPoint",
    "ModelError",
    "ModelOutputError",
    "PrivateAddressError",
    "PromptError",
    "Provenance",
    "RetryPolicy",
    "Settings",
    "SourceInfo",
    "StaleRecordingError",
    "Stance",
    "SummarizeOptions",
    "Summarizer",
    "SummarizerError",
    "TransportError",
    "Ungrounded",
    "UngroundedError",
    "article_from_text",
    "asummarize",
    "read_article",
    "summarize",
]


def test_exported_members_are_pinned() -> None:
    # Adding or removing a public name is an API change: update this list on purpose.
    assert sorted(summarizer.__all__) == sorted(PINNED)
    for name in summarizer.__all__:
        assert getattr(summarizer, name).__module__.startswith("summarizer.")
