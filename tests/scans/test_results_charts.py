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


def test_results_gap_chart_tells_three_groups_apart_by_shape_and_keeps_the_legend_inside():
    import re

    svg = charts.gap(
        [("Partnerschap met ouders", [4.1, 3.6, 2.9])],
        ["Leiding", "Medewerkers", "Ouders"],
        title="g",
    )
    assert (svg.count("<circle"), svg.count("<rect"), svg.count("<polygon")) == (2, 2, 2)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    legend_x = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*font-size="11"', svg)]
    assert len(legend_x) == 3 and max(legend_x) + 100 < width
