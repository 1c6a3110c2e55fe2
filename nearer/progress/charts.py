"""Chart maths, in one place: from a list of (label, value) to the shapes one small SVG
template draws (``progress/_chart.html``). Views and templates never compute geometry.

Every chart carries a title, a plain-language description and the rows of the table it was
drawn from, so it reads the same with or without sight of the picture.
"""

from dataclasses import dataclass, field

WIDTH, HEIGHT = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 28, 6, 8, 22  # room for the axis labels
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float
    label: str


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    value_heading: str
    rows: list[tuple[str, str]]  # the data table: (label, value as text)
    style: str  # "bars" or "line"
    bars: list[Bar] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    x_labels: list[XLabel] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = TOP + PLOT_H
    left: int = LEFT
    right: int = WIDTH - RIGHT

    @property
    def empty(self) -> bool:
        return not self.bars and not self.points

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def fmt(value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def nice_max(values, floor: float = 1) -> float:
    """The top of the axis: a round number at or above the largest value."""
    top = max([v for v in values if v is not None] + [floor])
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if top <= step:
            return step
    return float(int(top) + 1)


def _scale_y(value: float, low: float, high: float) -> float:
    span = (high - low) or 1
    return round(TOP + PLOT_H * (1 - (value - low) / span), 1)


def _ticks(low: float, high: float) -> list[Tick]:
    middle = (low + high) / 2
    return [Tick(_scale_y(v, low, high), fmt(v)) for v in (low, middle, high)]


def _x_labels(labels: list[str], slot: float) -> list[XLabel]:
    """At most four labels on the axis (first, last and two between), so a phone can read
    them; the table below the chart has every one."""
    if not labels:
        return []
    n = len(labels)
    picks = sorted({0, n - 1, n // 3, (2 * n) // 3}) if n > 4 else range(n)
    return [XLabel(round(LEFT + slot * (i + 0.5), 1), labels[i]) for i in picks]


def bar_chart(slug, title, description, value_heading, data, high=None) -> Chart:
    """Counts per period: one bar each; a missing value draws nothing (no gap is shamed)."""
    labels = [label for label, _v in data]
    values = [v for _label, v in data]
    top = high or nice_max(values)
    slot = PLOT_W / max(len(data), 1)
    bars = []
    for i, value in enumerate(values):
        if not value:
            continue
        y = _scale_y(min(value, top), 0, top)
        bars.append(
            Bar(
                x=round(LEFT + slot * i + slot * 0.15, 1),
                y=y,
                width=round(slot * 0.7, 1),
                height=round(TOP + PLOT_H - y, 1),
            )
        )
    return Chart(
        slug=slug,
        title=title,
        description=description,
        value_heading=value_heading,
        rows=[(label, fmt(v)) for label, v in data],
        style="bars",
        bars=bars,
        ticks=_ticks(0, top),
        x_labels=_x_labels(labels, slot),
    )


def line_chart(slug, title, description, value_heading, data, low, high, axis=None) -> Chart:
    """Scores on a fixed scale (``low``..``high``): one dot per value, joined in order;
    periods without a value are left out of the line rather than drawn as zero. ``axis``
    may give shorter labels for the axis than the table's."""
    labels = axis or [label for label, _v in data]
    slot = PLOT_W / max(len(data), 1)
    points = [
        Point(round(LEFT + slot * (i + 0.5), 1), _scale_y(value, low, high))
        for i, (_label, value) in enumerate(data)
        if value is not None
    ]
    return Chart(
        slug=slug,
        title=title,
        description=description,
        value_heading=value_heading,
        rows=[(label, fmt(v)) for label, v in data if v is not None],
        style="line",
        points=points,
        ticks=_ticks(low, high),
        x_labels=_x_labels(labels, slot),
    )
