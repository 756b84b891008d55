#!/usr/bin/python3
# Renders a run's results.gpkg (homes, streets, shelters) with the styles stored in the
# file, as QGIS opens them, and prints which renderer each layer got. Needs Debian's
# QGIS (apt-get install qgis python3-qgis; Debian's own python3, which PyQGIS is built for):
#   QT_QPA_PLATFORM=offscreen scripts/render_results_qgis.py out/lauf/results.gpkg map.png
import sys
from qgis.core import (QgsApplication, QgsVectorLayer, QgsMapSettings, QgsMapRendererParallelJob,
                       QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

gpkg, out = sys.argv[1], sys.argv[2]
app = QgsApplication([], False)
app.initQgis()
layers = []
for name in ["shelters", "streets", "homes"]:
    l = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert l.isValid(), name
    msg, ok = l.loadDefaultStyle()
    print(name, "default style loaded:", ok, msg[:80], "renderer:", l.renderer().type(),
          "field:", getattr(l.renderer(), "classAttribute", lambda: "")())
    layers.append(l)
ms = QgsMapSettings()
ms.setLayers(layers)
ms.setBackgroundColor(QColor(255, 255, 255))
ext = layers[2].extent()
ms.setExtent(ext)
ms.setOutputSize(QSize(1400, 1000))
job = QgsMapRendererParallelJob(ms)
job.start()
job.waitForFinished()
job.renderedImage().save(out)
print("saved", out)
app.exitQgis()
