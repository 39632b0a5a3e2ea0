"""Test doubles that are also product tools: the loopback model server and cassettes.

The loopback server is an OpenAI-compatible server on 127.0.0.1 (chat completions
and the Batch API) used by the tests and by ``summarizer eval --record
--handwritten``; cassettes record and replay model traffic for the eval. Nothing
on the path of :func:`summarizer.summarize` imports this package.
"""
