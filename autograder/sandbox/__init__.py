"""Running a student's notebook in a kernel that can do no harm.

``kernel.py`` writes the grading kernelspec and starts kernels, ``launch.py`` applies the limits
(memory, processes, time) and bubblewrap (files, network) around each, ``client.py`` is the
kernel manager nbgrader drives, and ``session.py`` runs one notebook through nbgrader's autograde
with the oracle of ``autograder.link`` listening.
"""
