"""Corpus links between articles: who copied, rewrote or translated whom.

Data flows: fingerprint (per article: shingles, MinHash, LSH bands) -> candidates
(band buckets for copies, embedding neighbours for rewrites and translations) ->
align (sentence-level, in order) -> decide (kind and score) -> direction (which is
the source) -> origins (derivation chains collapsed into independent origins).
"""
