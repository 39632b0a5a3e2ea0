"""summarizer: grounded news briefings."""
