"""The LLM engine: instructor over the openai client, and everything around a model call.

``engine`` briefs an article through ``instructor``; ``request`` builds the one
request and parses the one response shape every path uses (live calls, the
Batch API, ``summarizer prompt --request``, ``doctor``); ``prompts`` renders the
templates; ``retry`` is the one transport retry policy; ``faults`` turns SDK and
instructor failures into :mod:`summarizer.errors`; ``bounds`` gives each request
a total deadline and caps its answer; ``calllog`` (its tables in ``logschema``)
and ``cachetransport`` log every call and answer repeats of accepted ones,
``answers`` telling them which answer a call ended on; ``pricing`` prices
tokens; ``debug`` prints raw traffic; ``doctor`` checks an endpoint.
"""
