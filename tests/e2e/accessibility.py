"""axe-core (WCAG 2.1 AA) and the 360 px check, shared by the browser tests.

`Scan` collects every problem of every page it is shown, at desktop width and at 360 px,
so one run reports them all — each violation with its rule, impact and selectors —
instead of stopping at the first page."""

from axe_playwright_python.sync_playwright import Axe

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],  # every node of a violation; passes summarised (faster)
}
WIDTHS = (1280, 360)
PHONE_WIDTH = 360

_axe = Axe()


def violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each."""
    results = _axe.run(page, options=WCAG)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def sideways_overflow(page, width: int = PHONE_WIDTH) -> str | None:
    """What is wider than a `width` px screen (the page would scroll sideways), if anything."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width <= width:
        return None
    widest = page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                 + (e.className && typeof e.className === 'string'
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))""",
        width,
    )
    return f"{scroll_width} px wide (too wide: {widest})"


def duplicate_ids(page) -> list[str]:
    """Ids used more than once (a label or an error link could point at the wrong element)."""
    return page.evaluate(
        """() => {
            const seen = {};
            document.querySelectorAll('[id]').forEach(e => { seen[e.id] = (seen[e.id] || 0) + 1; });
            return Object.keys(seen).filter(id => seen[id] > 1);
        }"""
    )


def assert_accessible(page, name: str) -> None:
    problems = violations(page)
    assert not problems, f"{name}: {problems}"


def assert_fits(page, name: str, width: int = PHONE_WIDTH) -> None:
    """Nothing wider than the 360 px screen: no sideways scrolling."""
    overflow = sideways_overflow(page, width)
    assert overflow is None, f"{name} is {overflow}"


class Scan:
    """Check pages at each width; collect the problems; `assert_clean()` reports them all."""

    def __init__(self):
        self.problems: list[str] = []
        self.scanned: list[str] = []

    def check(self, page, name: str, *, widths=WIDTHS) -> None:
        """The page as it is now (also a page shown after a POST: no reload), at each width."""
        original = page.viewport_size
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            label = f"{name} at {width} px"
            self.scanned.append(label)
            self.problems.extend(f"{label}: {problem}" for problem in violations(page))
            if width == widths[0] and (duplicated := duplicate_ids(page)):
                self.problems.append(f"{label}: duplicate ids {duplicated}")
            if width <= PHONE_WIDTH:
                overflow = sideways_overflow(page, width)
                if overflow:
                    self.problems.append(f"{label}: {overflow}")
        page.set_viewport_size(original)

    def visit(self, page, url: str, name: str, **kwargs) -> None:
        page.goto(url)
        self.check(page, name, **kwargs)

    def assert_clean(self) -> None:
        assert not self.problems, (
            f"{len(self.problems)} problem(s) on {len(self.scanned)} page views:\n"
            + "\n".join(self.problems)
        )
