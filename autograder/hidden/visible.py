"""The helper package's modules that the hidden library shares with the students' kernels.

What a student sees must be drawn exactly as the grader draws it, so both run the same code:
``bpkit.student`` (the student id and the seed derivation) and ``bpkit.questions`` (the visible
concept questions and their variation rule), reached through ``paths.helper_module``.
"""

from .. import paths

student = paths.helper_module("bpkit.student")
questions = paths.helper_module("bpkit.questions")
