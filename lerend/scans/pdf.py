"""The team report as PDF (the kit's WeasyPrint renderer): the same numbers and the same SVG
charts as the team page, key figures, open comments (only when the reader may read them) and
the discussion guide. Dutch by default (the request's language), A4.

The context comes from ``views_results.team_page_context``, i.e. through the campaign's
anonymity plan: a hidden team gives a PDF with the one neutral message and nothing else.
"""

from lerend.kit import downloads

# What the report needs beyond the house style.
REPORT_CSS = """
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
.lead { color: #5f6b73; margin: 0 0 4mm; }
table { break-inside: auto; }
td.num, th.num { text-align: right; }
svg.chart { width: 100%; height: auto; max-height: 120mm; }
svg.chart--radar { width: 120mm; }
figure { margin: 0; break-inside: avoid; }
.keys { font-size: 11pt; }
.hidden { border-left: 3pt solid #b4461a; padding: 2mm 4mm; background: #fff6e5; }
.comments li, .guide li { margin-bottom: 1.2mm; }
section { break-inside: auto; }
"""


def team_report_pdf(request, context: dict) -> bytes:
    return downloads.pdf_bytes(request, "scans/results/pdf.html", context, extra_css=REPORT_CSS)
