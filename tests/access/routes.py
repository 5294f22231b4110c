"""Every URL pattern of the project, enumerated from the resolver, and how to fill one in."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

_PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def all_routes() -> list[str]:
    """Each pattern as its full route string ('werk/klachten/<reference:reference>/')."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return list(walk(get_resolver().url_patterns, ""))


def has_object(route: str) -> bool:
    """Does the route point at an object (a complaint, a file, a question, a row)?"""
    names = {m["name"] for m in _PARAM.finditer(route)}
    public = {"org", "slug", "language", "article", "number", "app_label", "url"}
    return bool(names - public)


def fill(route: str, world, side: str) -> str:
    """The URL of the route for the `side` ('own' or 'other') objects of the world."""
    objects = world.own if side in ("own", "-") else world.other
    beheer = world.beheer_ids["own" if side in ("own", "-") else "other"]
    model = next((m for m in beheer if f"/{m}/" in route), "user")
    values = {
        "reference": objects.reference,
        "pk": str(objects.question_pk),
        "token": objects.calendar_token,
        "org": world.own.org,
        "slug": world.own.org,
        "language": "nl",
        "article": "scope",
        "number": "1",
        "object_id": str(beheer[model]),
        "id": str(beheer["user"]),
        "content_type_id": str(world.content_type_id),
    }
    values.update(world.extra["own" if side in ("own", "-") else "other"])
    if "over-mij/" in route and "brieven/<uuid:attachment_id>" in route:
        values["attachment_id"] = objects.respondent_letter_id
    elif "brieven/<uuid:attachment_id>" in route:
        values["attachment_id"] = objects.letter_id
    else:
        values["attachment_id"] = objects.attachment_id
    if "content_type_id" in route:
        values["object_id"] = str(beheer["organisation"])
    url = route.replace("^(?P<app_label>organisations|accounts|engagements)/$", "organisations/")
    url = url.replace("(?P<url>.*)$", "bestaat-niet/")
    url = _PARAM.sub(lambda m: values[m["name"]], url)
    return "/" + url
