"""The team report as PDF (WeasyPrint): the same numbers and the same SVG charts as the team
page, key figures, open comments (only when the reader may read them) and the discussion
guide. Dutch by default (the request's language), A4.

The context comes from ``views_results.team_page_context``, i.e. through the campaign's
anonymity plan: a hidden team gives a PDF with the one neutral message and nothing else.
"""

from django.template.loader import render_to_string

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5f6b73; } }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 9.5pt; color: #1f2328;
  line-height: 1.4; }
h1 { font-size: 17pt; color: #123d33; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; color: #123d33; margin: 6mm 0 2mm; border-bottom: 1px solid #c9d1d6;
  padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
.lead { color: #5f6b73; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; break-inside: auto; }
th, td { border-bottom: 1px solid #dde3e6; padding: 1.2mm 1.5mm; text-align: left;
  vertical-align: top; }
td.num, th.num { text-align: right; }
thead th { background: #e4ece8; }
svg.chart { width: 100%; height: auto; max-height: 120mm; }
svg.chart--radar { width: 120mm; }
figure { margin: 0; break-inside: avoid; }
.keys { font-size: 11pt; }
.hidden { border-left: 3pt solid #b4461a; padding: 2mm 4mm; background: #fff6e5; }
.comments li, .guide li { margin-bottom: 1.2mm; }
.muted { color: #5f6b73; }
section { break-inside: auto; }
"""


def team_report_html(request, context: dict) -> str:
    return render_to_string("scans/results/pdf.html", context, request=request)


def team_report_pdf(request, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # noqa: PLC0415 — WeasyPrint loads slowly; only the PDF download needs it

    html = team_report_html(request, context)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[CSS(string=PDF_CSS)]
    )
