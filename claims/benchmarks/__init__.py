"""Measuring the extraction engine: a seeded corpus of news-like articles and a timing run over it.

Plain Python like the engine itself; only the management command
`benchmark_extraction` touches Django.
"""
