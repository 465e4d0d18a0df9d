"""PyQGIS half of qgis_client.sh: every view and materialized view of the
account schema gis, opened through QGIS's PostgreSQL provider, checked
against the catalog (psql), rendered to PNG under ECO_OUT; exit 1 on any
failure."""
import os
import subprocess
import sys

from qgis.core import (QgsApplication, QgsDataSourceUri, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

DB = os.environ["ECO_DB"]
OUT = os.environ["ECO_OUT"]
failures = []


def sql(q):
    r = subprocess.run(["psql", "-qXAt", "-F", "|", "-d", DB, "-c", q],
                       check=True, capture_output=True, text=True)
    return [line.split("|") for line in r.stdout.splitlines() if line]


def fail(layer, msg):
    failures.append(f"{layer}: {msg}")
    print(f"FAIL {layer}: {msg}")


app = QgsApplication([], False)
app.initQgis()

layers = sql("""SELECT c.relname, c.relkind, g.f_geometry_column, g.type, g.srid
                FROM pg_class c JOIN geometry_columns g
                  ON g.f_table_schema = 'gis' AND g.f_table_name = c.relname
                WHERE c.relnamespace = 'gis'::regnamespace AND c.relkind IN ('v', 'm')
                ORDER BY 1""")
expected_views = {"region_landuse", "city_esv", "city_compensation", "water_compensation",
                  "horizontal_compensation", "gep_restoration", "mine_carbon_deficit", "mine_carbon_series",
                  "city_compensation_mv"}
seen = {name for name, *_ in layers}
if seen != expected_views:
    fail("catalog", f"views with a geometry: {sorted(seen)}")

for name, kind, gcol, gtype, srid in layers:
    uri = QgsDataSourceUri()
    uri.setConnection(os.environ["PGHOST"], os.environ["PGPORT"], DB, os.environ["PGUSER"], "")
    uri.setDataSource("gis", name, gcol, "", "fid")
    layer = QgsVectorLayer(uri.uri(False), name, "postgres")
    if not layer.isValid():
        fail(name, "layer is not valid")
        continue
    # geometry type and CRS as the catalog declares them
    want_type = {"MULTIPOLYGON": "MultiPolygon", "LINESTRING": "LineString"}[gtype]
    if QgsWkbTypes.displayString(layer.wkbType()) != want_type:
        fail(name, f"geometry type {QgsWkbTypes.displayString(layer.wkbType())}, catalog {want_type}")
    if layer.crs().authid() != f"EPSG:{srid}":
        fail(name, f"CRS {layer.crs().authid()}, catalog EPSG:{srid}")
    # feature ids are fid, and the same set SQL returns
    fids = sorted(int(r[0]) for r in sql(f"SELECT fid FROM gis.{name}"))
    feats = list(layer.getFeatures())
    ids = sorted(f.id() for f in feats)
    if ids != fids:
        fail(name, f"feature ids {ids} differ from fid {fids}")
    if any(f.id() != f["fid"] for f in feats):
        fail(name, "a feature id differs from its fid attribute")
    # numeric columns come through as numbers
    numeric = [r[0] for r in sql(
        f"""SELECT a.attname FROM pg_attribute a WHERE a.attrelid = 'gis.{name}'::regclass AND a.attnum > 0
            AND a.atttypid IN ('float8'::regtype, 'int4'::regtype, 'int8'::regtype, 'numeric'::regtype)""")]
    for col in numeric:
        i = layer.fields().indexOf(col)
        if i < 0 or not layer.fields().at(i).isNumeric():
            fail(name, f"column {col} is not numeric in QGIS")
    # a subset string filters on the server
    if fids:
        if not layer.setSubsetString(f'"fid" = {fids[-1]}'):
            fail(name, "subset string rejected")
        sub = [f.id() for f in layer.getFeatures()]
        if sub != [fids[-1]]:
            fail(name, f"subset fid = {fids[-1]} gave {sub}")
        layer.setSubsetString("")
    # render to an image
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    if extent.isEmpty():
        # a horizontal or vertical line, or one point: give it some room
        extent.grow(max(extent.width(), extent.height(), 100.0) * 0.1)
    extent.scale(1.2)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(400, 300))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    png = os.path.join(OUT, "png", f"{name}.png")
    os.makedirs(os.path.dirname(png), exist_ok=True)
    img.save(png, "png")
    if job.errors():
        fail(name, "render errors: " + "; ".join(e.message for e in job.errors()))
    drawn = any(img.pixelColor(x, y) != QColor(255, 255, 255)
                for x in range(400) for y in range(300))
    if not fids:
        fail(name, "no features to check (the fixture must give every view rows)")
    elif any(f.hasGeometry() for f in feats) and not drawn:
        fail(name, "rendered image is blank")
    print(f"{name}: valid, {len(feats)} features, {want_type} EPSG:{srid}, "
          f"{len(numeric)} numeric fields, rendered to {png}")

app.exitQgis()
if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("every account view opens, reads and renders in QGIS")
