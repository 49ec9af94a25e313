"""Per-student randomisation: every (student, assignment, test) gets its own reproducible seed.

The student id and the derivation are the helper package's (``bpkit.student``): the concept
questions a student's kernel shows are drawn from the very seeds their hidden tests get."""

from .visible import student

STUDENT_ENV = student.STUDENT_ENV
STUDENT_VARIABLES = student.STUDENT_VARIABLES
DEFAULT_STUDENT = student.DEFAULT_STUDENT
student_id = student.student_id


def seed_for(student_name: str, assignment: str, grade_id: str) -> int:
    return student.student_seed(student_name, assignment, grade_id)
