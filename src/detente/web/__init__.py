"""The dashboard: server-rendered pages (Jinja2, autoescaped) with Plotly charts served locally."""
