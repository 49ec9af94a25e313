"""Keeping a student's code apart from the grader.

A hidden test runs in two processes. The student's kernel (nbgrader's, started in a sandbox) holds
only the student's code, numpy and a small probe (``probe.py``); it never sees the reference
library or the hidden tests. The grading process holds the reference and the tests (the oracle,
``oracle.py``): it draws the inputs, asks the probe to call the student's function, answers the
probe's calls to the functions the tested one depends on, and compares what came back. Only plain
data crosses between them (``wire.py``): real numpy arrays, numbers, strings, lists, tuples and
dicts. Monkeypatching numpy, objects whose ``__eq__`` is always True or fake arrays cannot change a
comparison that runs in another process on arrays decoded from bytes.
"""
