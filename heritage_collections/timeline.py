"""Browse's timeline: how many of the results each century holds, or each decade once the
visitor has narrowed the years to two centuries or less; every bar filters the results to
its period (``from``/``to``), and a table says the same for screen readers and keyboards.

Drawn on the server (an SVG of bars, no script). The centuries are the counts of browse's
Period facet, which the page computes anyway; the decades one ``GROUP BY`` on the
catalogue's index of first years, kept until the next publish like browse's counts. An item
is counted in the period of its first year (``date_start``): a painting of 1848–1852 is a
work of the 1840s, and within a range of decades an item begun before it is not drawn.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, F, IntegerField
from django.db.models.functions import Cast, Floor

from .vocabulary import century_label

# At most this many years in the chosen range and the timeline counts decades.
DECADES_WITHIN = 200


@dataclass(frozen=True)
class Bar:
    """One period of the timeline."""

    first_year: int
    last_year: int
    label: str
    count: int
    url: str  # the results of this period
    percent: int  # of the tallest bar, for its height


class Timeline:
    """The timeline of one browse request (``heritage_collections.browse.Browse``)."""

    # The SVG's drawing units: a bar's width and the chart's height.
    BAR_WIDTH = 10
    HEIGHT = 60

    def __init__(self, browse):
        self.browse = browse
        state = browse.state
        span = (
            state.year_to - state.year_from
            if state.year_from is not None and state.year_to is not None
            else None
        )
        self.unit = (
            "decade"
            if span is not None and 0 <= span < DECADES_WITHIN and state.year_from > 0
            else "century"
        )

    @cached_property
    def bars(self):
        """The periods from the first to the last that holds an item (every decade of the
        chosen range), empty ones included (a gap in the record is information), oldest
        first."""
        if self.unit == "century":
            counts = self._century_counts()
            periods = range(min(counts), max(counts) + 1) if counts else range(0)
        else:
            counts = dict(self.browse.cached("timeline:decades", self._decade_counts))
            state = self.browse.state
            periods = range(state.year_from // 10, state.year_to // 10 + 1)
        if not any(counts.values()):
            return []
        tallest = max(counts.values())
        bars = []
        for period in periods:
            if self.unit == "century" and period == 0:
                continue  # there is no year 0, so no "century 0" between 1 BCE and 1 CE
            first, last, label = self._period(period)
            count = counts.get(period, 0)
            bars.append(
                Bar(
                    first_year=first,
                    last_year=last,
                    label=label,
                    count=count,
                    url=self.browse.state.url_with_years(first, last),
                    percent=round(100 * count / tallest),
                )
            )
        return bars

    @property
    def shown(self):
        """Worth drawing: two periods or more."""
        return len(self.bars) > 1

    def _century_counts(self):
        """{century: items} from the Period facet's counts (no query of its own)."""
        group = next((group for group in self.browse.facets if group.param == "century"), None)
        return {int(value.value): value.count for value in group.values} if group else {}

    def _decade_counts(self):
        """[(decade, items)] of the items begun within the chosen years: one query on the
        index of (language, first year)."""
        state = self.browse.state
        begun = self.browse.entries_begun_between(state.year_from, state.year_to)
        decade = Cast(Floor(F("date_start") / 10.0), IntegerField())
        rows = begun.values(period=decade).annotate(n=Count("id"))
        return list(rows.values_list("period", "n").order_by())

    def _period(self, period):
        """(first year, last year, label) of a century number or a decade (its year / 10)."""
        if self.unit == "decade":
            first = period * 10
            return first, first + 9, f"{first}–{first + 9}"
        if period > 0:
            return (period - 1) * 100 + 1, period * 100, century_label(period)
        return period * 100, period * 100 + 99, century_label(period)

    # Drawing ---------------------------------------------------------------------------

    @property
    def width(self):
        return len(self.bars) * self.BAR_WIDTH

    def drawn(self):
        """Each bar with its rectangle in the SVG's units (x, y, width, height); an empty
        period keeps its place with no rectangle."""
        gap = 2
        for index, bar in enumerate(self.bars):
            height = round(self.HEIGHT * bar.percent / 100, 1) if bar.count else 0
            # A period with a handful of items among thousands stays visible.
            if bar.count and height < 2:
                height = 2
            yield (
                bar,
                (
                    index * self.BAR_WIDTH + gap / 2,
                    self.HEIGHT - height,
                    self.BAR_WIDTH - gap,
                    height,
                ),
            )
