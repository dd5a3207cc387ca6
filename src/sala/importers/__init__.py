"""Pure parsers: documents in, plain data out.

Nothing here imports another Sala app or touches the database, so every parser is
tested on bytes alone; the app that owns the result calls it.
"""
