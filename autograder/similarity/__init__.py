"""Similarity among a class's submissions, function by function (`python -m autograder similarity`).

normalise (a graded function as normalised tokens, the release skeleton left out) ->
fingerprint (k-gram winnowing) -> cluster (pairs and clusters of similar bodies) -> page
(similarity.html); collect finds the bodies, run (`similarity()`) ties them together.
"""
