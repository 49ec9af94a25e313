"""Sample answers, as students write them: the demo class (``demo.py``) and the planted correct
and wrong answers the tests and benchmarks grade, one module per assignment named like the hidden
suite that grades it (``cost_functions.py``, ..., the labs' ``cost_lab.py`` and ``backward_lab.py``,
the concept questions' ``concepts.py``), the ``Answer`` type in ``answer.py``, and ``planted.py``
joining them into the collections the tests read."""
