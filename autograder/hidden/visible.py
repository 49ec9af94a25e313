"""The helper package's modules that the hidden library shares with the students' kernels.

What a student sees must be drawn exactly as the grader draws it, so both run the same code:
``bpkit.student`` (the student id and the seed derivation) and ``bpkit.questions`` (the visible
concept questions and their variation rule). They are imported from the kit's own
``course/bpkit`` (the grader process does not have ``course/`` on its path), or the ``bpkit``
already imported in this process (a kernel, or the tests).
"""

import importlib
import importlib.util
import sys

from .. import paths


def _helper_package():
    if "bpkit" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "bpkit", paths.HELPER_PACKAGE / "__init__.py", submodule_search_locations=[str(paths.HELPER_PACKAGE)])
        package = importlib.util.module_from_spec(spec)
        sys.modules["bpkit"] = package
        spec.loader.exec_module(package)
    return sys.modules["bpkit"]


_helper_package()
student = importlib.import_module("bpkit.student")
questions = importlib.import_module("bpkit.questions")
