from django.utils import translation

from lerend.frameworks.diagrams import INK
from lerend.scans import charts


def test_results_heatmap_ramp_keeps_text_contrast_everywhere():
    worst = min(charts.contrast(charts.heat_colour(1 + i / 100), INK) for i in range(401))
    assert worst >= 4.5
    assert charts.contrast(charts.HIDDEN_FILL, charts.MUTED) >= 4.5


def test_results_charts_escape_text_and_use_no_style_attributes():
    svgs = [
        charts.radar(["<b>A</b>", "B", "C"], [("x&y", [1.5, None, 5])], title="t<"),
        charts.heatmap(
            ["A", "B"], [("T1", [2.4, None]), ("T2", None)], title="h", hidden_label="-"
        ),
        charts.distribution([("A", [0.2, 0.2, 0.2, 0.2, 0.2])], list("12345"), title="d"),
        charts.gap([("A", [2.0, 4.0])], ["L", "M"], title="g"),
        charts.trend([("A", [3.0, None, 4.0])], ["c1", "c2", "c3"], title="tr"),
    ]
    for svg in svgs:
        assert svg.startswith("<svg") and 'role="img"' in svg and "<title>" in svg
        assert "style=" not in svg and "<b>" not in svg
    assert "&lt;b&gt;A&lt;/b&gt;" in svgs[0] and "x&amp;y" in svgs[0]
    with translation.override("nl"):
        dutch = charts.heatmap(["A"], [("T1", [2.4])], title="h", hidden_label="-")
    assert ">2,4<" in dutch
