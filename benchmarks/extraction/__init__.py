"""Timing the extraction engine: a realistic corpus, a generated one, and the timing run over either.

Plain Python like the engine; only the management command `benchmark_extraction` touches Django.
"""
