"""Grading a class: from submitted notebooks to grades, feedback, CSVs and the report.

``run.py`` is the verb (``grade``), ``job.py`` one notebook and its ``Settings``, ``local.py`` and
``cluster.py`` the two runners; the other modules are the stages a notebook goes through
(submissions, restore, skipping, review, results, gradebook, late) and what the instructor gets
out (feedback pages, CSVs, report, item analysis, LMS export, feedback through the exchange).
"""

from .job import Job, Settings
from .run import grade, grade_table

__all__ = ["Job", "Settings", "grade", "grade_table"]
