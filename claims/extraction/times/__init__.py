"""When a ceasefire starts: a temporal resolver in ordered, explainable passes.

One module per concept, each applying data from lexicons/:
- clock.py       reads clock expressions ("2300 GMT", "noon (0900 GMT)", "0001 hours", "midnight")
- ceasefires.py  the passes over a document that put these together into claims
"""
from .ceasefires import find_ceasefires

__all__ = ["find_ceasefires"]
