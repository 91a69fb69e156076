"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same library calls as the API."""
