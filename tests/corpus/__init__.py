"""A corpus of correct answers written in the many styles real students use (see test_corpus.py)."""
