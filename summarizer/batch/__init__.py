"""Briefing many articles: async batches, resumable output, the provider Batch API."""
