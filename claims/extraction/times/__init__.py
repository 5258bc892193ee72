"""When a ceasefire starts: a temporal resolver in ordered, explainable passes.

One module per concept, each applying data from lexicons/:
- clock.py          reads clock expressions ("2300 GMT", "noon (0900 GMT)", "0001 hours", "midnight")
- calendar.py       turns day phrases into dates ("Tuesday", "March 2", "the 30th", "yesterday")
- zones.py          which zone a clock is read in, and where that came from (the places named, from the
                    engine's ../gazetteer.py, which the speakers read too)
- reference_day.py  which day a clock falls on, and why (midnight belongs to the day that is ending)
- ceasefires.py     which clocks in a ceasefire sentence are its start, and the claims with their reasons
"""
from .ceasefires import find_ceasefires

__all__ = ["find_ceasefires"]
