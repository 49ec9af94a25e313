"""What a widget says while a function of the notebook is not written yet, or fails.

A released notebook's graded functions start as ``raise NotImplementedError()``, and students
run the widget cells before they have written everything. A widget must then say which function
to write first, never show a traceback. ``StudentFunctions`` wraps the functions a widget is
given so that the first one to raise is known by name; ``explanation`` turns it into one
sentence, and ``message_widget`` into a widget to display instead of the plots.
"""

import functools
import html


def explanation(name, error):
    """One sentence for the function ``name`` that raised ``error`` (name None: not known)."""
    if isinstance(error, NotImplementedError):
        return (f"Write `{name}` first: it still raises NotImplementedError. Fill in its cell, run "
                "it, then run this cell again.")
    what = f"`{name}`" if name else "One of your functions"
    detail = f"{type(error).__name__}: {error}"[:200]
    return (f"{what} raised {detail}. Its check cell says what is wrong; fix it, run its cell, then "
            "run this cell again.")


class StudentFunctions:
    """The notebook's functions, each wrapped so that the first one that raises is remembered.

    StudentFunctions(update_parameters=f, ...)["update_parameters"] is f, wrapped. After an
    exception escaped from a computation that called them, ``explain(error)`` names the function
    that raised first (and forgets it, ready for the next computation).
    """

    def __init__(self, **functions):
        self._failed = None
        self._wrapped = {name: self._wrap(name, f) for name, f in functions.items()}

    def _wrap(self, name, function):
        @functools.wraps(function)
        def call(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                if self._failed is None:
                    self._failed = (name, error)
                raise

        return call

    def __getitem__(self, name):
        return self._wrapped[name]

    def explain(self, error):
        """The sentence for ``error``, naming the student's function that raised first."""
        name, cause = self._failed or (None, error)
        self._failed = None
        return explanation(name, cause)


def message_widget(text):
    """An ipywidgets.HTML showing ``text`` in a warning box (displayed instead of the plots)."""
    import ipywidgets as widgets

    return widgets.HTML(
        value=f'<div style="border-left: 4px solid #e0a000; padding: 4px 10px">{html.escape(text)}</div>'
    )
