"""Hidden tests: run inside grading kernels by the hidden regions of the test cells.

A hidden test cell holds only::

    from autograder.hidden import grade_test
    grade_test("test_linear_backward_random", globals())

Everything else (inputs, expected values, diagnosis) is computed here at grading time, so no
release or feedback file ever holds a hidden input or an expected value.
"""

from .runner import grade_test

__all__ = ["grade_test"]
