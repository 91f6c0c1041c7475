"""Vietnamese text as people write it: folding, cleaning and normalising.

Pure Python with no Django, at the bottom of the layers: content search, ingest, stories and
analysis all read text through it, so none of them needs another's code to do so.
"""
