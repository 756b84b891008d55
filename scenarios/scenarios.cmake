# Bundled scenarios live beside this file; users copy lauf.yaml as a template.
