"""The framework floor: one indexed SELECT of 25 rows (primary key range) and a small
template, nothing else (the highest id is read once per process). The peer's floor is
the same view on its ticket table."""

import random

from django.db import connection
from django.shortcuts import render

TABLE = "complaints_complaint"
COLUMNS = "id, reference, status, received_at"
_top = None


def rows(request):
    global _top
    with connection.cursor() as cursor:
        if _top is None:
            cursor.execute(f"SELECT max(id) FROM {TABLE}")  # noqa: S608 - constant
            _top = cursor.fetchone()[0] or 1
        cursor.execute(
            f"SELECT {COLUMNS} FROM {TABLE} WHERE id < %s ORDER BY id DESC LIMIT 25",  # noqa: S608
            [random.randint(1, _top) + 25],  # noqa: S311 - a page to show, not a secret
        )
        data = cursor.fetchall()
    return render(request, "floor/rows.html", {"rows": data})
