"""Sample answers, as students write them: the demo class (``demo.py``) and the planted correct
and wrong answers the tests and benchmarks grade (``planted.py``)."""
