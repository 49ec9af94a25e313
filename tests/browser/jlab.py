"""Driving JupyterLab 4 as a student does: open a notebook, Run All, read outputs, move sliders."""

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CLASSIFIER = "05_cat_dog_classifier"  # trains a network: its Run All starts first and runs beside the rest
# JupyterLab 4 renders an error output as text of this MIME type (as it does stderr)
ERROR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']:has-text('Traceback')"
WIDGET = ".jp-OutputArea-output:not([data-mime-type])"  # JupyterLab marks every other output with its MIME type
SLIDER = ".widget-interact .widget-slider .noUi-handle"
PLOT = ".widget-interact .widget-output img"
IDLE = "#jp-main-statusbar >> text=/\\| Idle$/"
ALL_RUN = """() => {
    const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


def notebook(assignment: str) -> str:
    """assignment/notebook.ipynb (each notebook is named after its assignment, without the number)."""
    return f"{assignment}/{assignment[3:]}.ipynb"


def open_notebook(page, lab, path: str):
    page.goto(f"{lab['base']}/lab/tree/{path}?reset&token={lab['token']}")
    page.wait_for_selector("#jupyterlab-splash-screen", state="detached", timeout=60_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def start_run_all(page):
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-item[data-command='runmenu:run-all']")


def wait_all_run(page, timeout_ms: int):
    page.wait_for_function(ALL_RUN, timeout=timeout_ms, polling=500)
    page.wait_for_selector(IDLE, timeout=timeout_ms)


def check_outputs_and_widgets(page):
    """No error output; every widget output holds a rendered widget; moving the first interact's
    slider redraws its plot."""
    errors = page.locator(ERROR)
    assert errors.count() == 0, errors.first.inner_text()[:2000]
    widgets = page.locator(WIDGET)
    assert widgets.count() >= 1, "no widget output in the notebook"
    for i in range(widgets.count()):
        view = widgets.nth(i)
        view.locator(".jupyter-widgets").first.wait_for(timeout=20_000)
        text = view.inner_text()
        assert "Error displaying widget" not in text and "Loading widget" not in text, text[:500]
    plot = page.locator(PLOT).first
    plot.scroll_into_view_if_needed()
    plot.wait_for(timeout=20_000)
    before = plot.get_attribute("src")
    handle = page.locator(SLIDER).first
    handle.focus()
    for _ in range(5):
        handle.press("ArrowRight")
    page.wait_for_function("([sel, old]) => { const img = document.querySelector(sel);"
                           " return img && img.getAttribute('src') !== old; }", arg=[PLOT, before], timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)


def close_sessions(page, path: str):
    """Shut down the kernel of the notebook at ``path`` (kernels outlive their page); the other
    notebooks' kernels (the classifier's, training meanwhile) are left alone."""
    page.evaluate("""async (path) => {
        const token = new URLSearchParams(location.search).get('token');
        const sessions = await (await fetch('/api/sessions?token=' + token)).json();
        await Promise.all(sessions.filter(s => s.path === path).map(
            s => fetch('/api/sessions/' + s.id + '?token=' + token, {method: 'DELETE'})));
    }""", path)
