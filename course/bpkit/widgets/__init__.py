"""Interactive widgets for the notebooks."""
