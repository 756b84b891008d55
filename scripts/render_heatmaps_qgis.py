#!/usr/bin/python3
# Opens every heat-map GeoTIFF of a run folder (RUN/heatmaps/*.tif) in QGIS, as a
# planner dragging it into QGIS does: QGIS loads NAME.qml beside NAME.tif as the
# layer's default style. Prints, per map, whether that style was loaded, the renderer
# QGIS built from it, its classes (upper bound, colour, label) and the raster's CRS and
# value range; renders each map over the run's streets (results.gpkg, its stored
# style) to OUT_DIR/NAME.png, with its legend below. Exits 1 if a map has no style
# QGIS accepted. Needs Debian's QGIS (apt-get install qgis python3-qgis):
#   QT_QPA_PLATFORM=offscreen scripts/render_heatmaps_qgis.py out/lauf_flood pictures/
import glob
import os
import sys

from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsRasterLayer,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

run, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
app = QgsApplication([], False)
app.initQgis()
streets = QgsVectorLayer(f"{run}/results.gpkg|layername=streets", "streets", "ogr")
if streets.isValid():
    streets.loadDefaultStyle()
failed = 0
tifs = sorted(glob.glob(f"{run}/heatmaps/*.tif"))
if not tifs:
    print("no heat maps in", run)
    sys.exit(1)
for tif in tifs:
    name = os.path.splitext(os.path.basename(tif))[0]
    layer = QgsRasterLayer(tif, name)
    if not layer.isValid():
        print(name, "INVALID raster")
        failed += 1
        continue
    # QGIS applies NAME.qml on opening; loadDefaultStyle() reports whether it did.
    msg, ok = layer.loadDefaultStyle()
    r = layer.renderer()
    shader = getattr(r, "shader", lambda: None)()
    fn = shader.rasterShaderFunction() if shader else None
    items = fn.colorRampItemList() if fn else []
    stats = layer.dataProvider().bandStatistics(1)
    print(f"{name}: style loaded {ok} ({msg[:40]}), renderer {r.type()}, {len(items)} classes, "
          f"CRS {layer.crs().authid()}, values {stats.minimumValue:.3g}-{stats.maximumValue:.3g}")
    for it in items:
        print(f"   < {it.value:g}  {it.color.name()}  {it.label}")
    if not ok or r.type() != "singlebandpseudocolor" or not items:
        failed += 1
        continue
    ms = QgsMapSettings()
    ms.setLayers([streets, layer] if streets.isValid() else [layer])
    ms.setBackgroundColor(QColor(255, 255, 255))
    ms.setDestinationCrs(layer.crs())
    ms.setExtent(layer.extent())
    ms.setOutputSize(QSize(1200, 950))
    job = QgsMapRendererParallelJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    # The legend QGIS shows in its layers panel for this style: one swatch per class.
    full = QImage(1200, 950 + 24 * len(items) + 16, QImage.Format_ARGB32)
    full.fill(QColor(255, 255, 255))
    p = QPainter(full)
    p.drawImage(0, 0, img)
    p.setFont(QFont("Noto Sans", 11))
    for k, it in enumerate(items):
        y = 950 + 8 + 24 * k
        p.fillRect(12, y, 30, 18, it.color)
        p.setPen(Qt.black)
        p.drawText(52, y + 15, f"{name}: {it.label}")
    p.end()
    full.save(f"{out}/{name}.png")
app.exitQgis()
sys.exit(1 if failed else 0)
