"""Chart maths: from values to shapes, in one module."""

from django.template.loader import render_to_string

from nearer.progress import charts


def test_bars_are_proportional_and_missing_weeks_draw_nothing():
    chart = charts.bar_chart("t", "Talks", "desc", "Talks", [("a", 2), ("b", None), ("c", 1)])
    assert len(chart.bars) == 2  # no bar, and no mark of any kind, for the quiet week
    full, half = chart.bars
    assert full.height == charts.PLOT_H  # the axis tops out at 2, the largest value
    assert half.height == charts.PLOT_H / 2
    assert full.y + full.height == chart.baseline == half.y + half.height
    assert chart.rows == [("a", "2"), ("b", "–"), ("c", "1")]
    assert [t.label for t in chart.ticks] == ["0", "1", "2"]


def test_axis_tops_are_round_numbers():
    assert charts.nice_max([3]) == 5
    assert charts.nice_max([0, None]) == 1
    assert charts.nice_max([11]) == 20
    assert charts.nice_max([1200]) == 1201


def test_a_line_on_a_fixed_scale_skips_missing_values():
    data = [("Jan", 0), ("Feb", None), ("Mar", 21)]
    chart = charts.line_chart("csi", "CSI-4", "d", "Score", data, 0, 21)
    low, high = chart.points
    assert low.y == chart.baseline  # 0 sits on the axis
    assert high.y == charts.TOP  # 21 at the top
    assert low.x < high.x
    assert chart.polyline == f"{low.x},{low.y} {high.x},{high.y}"
    assert chart.rows == [("Jan", "0"), ("Mar", "21")]
    short = charts.line_chart("c", "C", "d", "S", data, 0, 21, axis=["J", "F", "M"])
    assert [x.label for x in short.x_labels] == ["J", "F", "M"]


def test_at_most_four_axis_labels_for_a_phone():
    data = [(f"w{i}", i) for i in range(12)]
    chart = charts.bar_chart("t", "T", "d", "n", data)
    assert [x.label for x in chart.x_labels] == ["w0", "w4", "w8", "w11"]


def test_the_template_is_accessible_and_has_no_inline_style():
    chart = charts.bar_chart("talks", "Talks held", "Three in all.", "Talks", [("a", 3)])
    html = render_to_string("progress/_chart.html", {"chart": chart})
    assert 'role="img"' in html
    assert '<title id="svg-talks-t">Talks held</title>' in html
    assert '<desc id="svg-talks-d">Three in all.</desc>' in html
    assert "<table>" in html and '<th scope="row">a</th><td>3</td>' in html
    assert "style=" not in html and "<script" not in html


def test_an_empty_chart_says_so_without_a_picture():
    chart = charts.bar_chart("t", "Talks", "Nothing yet.", "n", [("a", None), ("b", 0)])
    html = render_to_string("progress/_chart.html", {"chart": chart})
    assert chart.empty and "<svg" not in html and "Nothing yet." in html
