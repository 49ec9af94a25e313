"""Building the course's source notebooks from their text sources in course/authoring/.

``dsl.py`` is the ``Notebook`` builder the scripts use; ``build.py`` is ``python -m autograder
notebooks`` (or ``python -m autograder.authoring``): it runs every script, executes the notebooks
and regenerates bpkit/solved/ (``solved.py``). ``autograder.cell_names`` checks that cells can be
run in any order a student might.
"""

from .build import main, scripts
from .dsl import Notebook, lab_solution_source
from .solved import solved_module_path

__all__ = ["Notebook", "lab_solution_source", "main", "scripts", "solved_module_path"]
