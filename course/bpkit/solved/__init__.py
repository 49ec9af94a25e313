"""Solutions of earlier assignments (generated from the course notebooks: do not edit)."""
