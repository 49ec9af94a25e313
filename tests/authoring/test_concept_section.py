"""Every notebook's concept questions come under the one heading the DSL writes."""

import nbformat
import pytest

from autograder import notebooks, paths
from autograder.authoring import Notebook
from autograder.hidden import registry


def heading_source() -> str:
    nb = Notebook(registry.ASSIGNMENTS[0], "heading")
    return nb.concept_section().source


@pytest.mark.parametrize("assignment", registry.ASSIGNMENTS)
def test_the_concept_questions_follow_the_heading_once(assignment):
    nb = nbformat.read(notebooks.source_notebook(paths.COURSE, assignment), as_version=4)
    sources = [c.source for c in nb.cells]
    assert sources.count(heading_source()) == 1
    first_question = min(i for i, c in enumerate(nb.cells)
                         if notebooks.nbgrader_meta(c).get("grade_id") in registry.concepts_of(assignment))
    assert sources.index(heading_source()) < first_question
    assert heading_source().startswith("## Check your understanding")
