"""The regulation as pure functions: no database, no clock reads. Docstrings cite R-x.y."""
