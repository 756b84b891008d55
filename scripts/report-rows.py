#!/usr/bin/env python3
"""Writes a copy of a batch's report.html that keeps the title, the variants and only
the key-figure rows of the KEYS given (comma-separated; one ending in "." keeps every
key starting with it, e.g. "fire."), for a picture of one hazard's paired differences:
    scripts/report-rows.py BATCH_DIR fire.first_engine_s,fire.buildings_ignited OUT.html
    scripts/report-screenshot.sh  # on a folder holding OUT.html as report.html
"""
import sys

batch, keys, out = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
html = open(f"{batch}/report.html", encoding="utf-8").read()
variants = html.index("<h2>Variants</h2>")
curves = html.index("<h2>Evacuation curves</h2>")
key = html.index("<h2>Key figures</h2>")
table = html.index("<table>", key)
end = html.index("</table>", table)
rows = html[table:end].split("<tr>")
def wanted(row):
    return any((f"<code>{k}" in row) if k.endswith(".") else (f"<code>{k}</code>" in row) for k in keys)


kept = rows[:2] + [r for r in rows[2:] if wanted(r)]
with open(out, "w", encoding="utf-8") as f:
    f.write(html[:variants] + html[variants:curves] + html[key:table] + "<tr>".join(kept) + "</table></body></html>")
