"""Solutions of earlier assignments (generated; see autograder/authoring.py)."""
