"""One module of hidden tests per assignment (imported by the registry)."""
