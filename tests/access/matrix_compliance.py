"""Rows of the access matrix for proving compliance (issue 14).

The compliance view of a complaint and its PDF statement are the dossier's: only the officer who handles it
(R-6.1, R-5.4); anyone else: not found."""

from .entries import OK, Entry, handler

MATRIX: dict[str, Entry] = {
    "werk/klachten/<reference:reference>/naleving/": handler(OK, method="GET"),
    "werk/klachten/<reference:reference>/naleving/pdf/": handler(OK, method="GET"),
}
