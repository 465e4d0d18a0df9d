"""Render the demo maps with QGIS (python3-qgis, headless).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 demo/map.py DEMO.gpkg OUTDIR

DEMO.gpkg holds the layers tools/demo.sh exports from the demo database:
cities (2020 city compensation) and, when the account has horizontal
transfers, districts and flows.  Each map is a print layout with a title, a
legend with units, labels with values, a scale bar, a caption saying what is
synthetic and a source line; it is exported as PNG into OUTDIR.
"""
import os
import sys

from qgis.core import (
    QgsApplication, QgsVectorLayer, QgsProject, QgsPrintLayout, QgsLayoutItemMap,
    QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemScaleBar, QgsLayoutPoint,
    QgsLayoutSize, QgsUnitTypes, QgsLayoutExporter, QgsGraduatedSymbolRenderer,
    QgsRendererRange, QgsFillSymbol, QgsPalLayerSettings, QgsTextFormat,
    QgsTextBufferSettings, QgsVectorLayerSimpleLabeling, QgsCategorizedSymbolRenderer,
    QgsRendererCategory, QgsLineSymbol, QgsArrowSymbolLayer, QgsRectangle,
    QgsLegendStyle, QgsLayoutItemShape, QgsSimpleFillSymbolLayer)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtCore import Qt

FONT = 'DejaVu Sans'
SOURCE_CITIES = ('Source: Wang et al. (in press), Table 3 (GDP and compensation, 2020); '
                 'V solved with ecocomp.nonmarket_from_compensation, R recomputed with ecocomp. '
                 'References: docs/sources.md.')


def text_format(size, bold=False, buffer=True):
    fmt = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor('#202020'))
    if buffer:
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(1.0)
        buf.setColor(QColor(255, 255, 255, 220))
        fmt.setBuffer(buf)
    return fmt


def label_layer(layer, expression, size=7.5, placement=QgsPalLayerSettings.OverPoint):
    pal = QgsPalLayerSettings()
    pal.isExpression = True
    pal.fieldName = expression
    pal.setFormat(text_format(size))
    pal.placement = placement
    pal.multilineAlign = QgsPalLayerSettings.MultiCenter
    pal.displayAll = True  # a few labels only: never drop one for a collision
    layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    layer.setLabelsEnabled(True)


def add_label(layout, text, x, y, w, h, size, bold=False, color='#202020', align=Qt.AlignLeft):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setFontColor(QColor(color))
    item.setHAlign(align)
    item.setVAlign(Qt.AlignTop)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(item)
    return item


def base_layout(project, name, title, subtitle):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(260, 180, QgsUnitTypes.LayoutMillimeters))
    add_label(layout, title, 8, 6, 244, 9, 15, bold=True)
    add_label(layout, subtitle, 8, 15, 244, 6, 9, color='#505050')
    return layout


def add_map(layout, layers, extent, x=8, y=23, w=178, h=132):
    m = QgsLayoutItemMap(layout)
    layout.addLayoutItem(m)
    m.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    m.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    m.setCrs(layers[0].crs())
    m.setLayers(layers)
    m.setKeepLayerSet(True)
    ext = QgsRectangle(extent)
    ext.grow(max(ext.width(), ext.height()) * 0.04)
    m.setExtent(ext)
    m.zoomToExtent(ext)
    m.setFrameEnabled(True)
    m.setFrameStrokeColor(QColor('#808080'))
    m.setBackgroundColor(QColor('#eef3f7'))

    bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(bar)
    bar.setStyle('Single Box')
    bar.setLinkedMap(m)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel('km')
    bar.setNumberOfSegments(4)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(round_sig(ext.width() / 1000 / 10))
    bar.setTextFormat(text_format(7, buffer=False))
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 200))
    bar.attemptMove(QgsLayoutPoint(x, y + m.rect().height() + 2, QgsUnitTypes.LayoutMillimeters))
    bar.setBackgroundEnabled(False)
    bar.update()
    return m


def finish_page(layout, m, caption, source):
    """Caption and source line under the map and its scale bar; the page
    ends below them."""
    bottom = m.positionWithUnits().y() + m.rect().height()
    add_label(layout, caption, 8, bottom + 16, 244, 8, 7.5, color='#a00000')
    add_label(layout, source, 8, bottom + 22, 244, 8, 7, color='#505050')
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(260, bottom + 30, QgsUnitTypes.LayoutMillimeters))


def add_legend(layout, m, layer_titles, x=190, y=23, w=62):
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle('Legend')
    legend.setLinkedMap(m)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer, title in layer_titles:
        node = root.addLayer(layer)
        node.setName(title)
    legend.model().refreshLayerLegend
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                  QgsLegendStyle.SymbolLabel):
        fnt = QFont(FONT)
        fnt.setPointSizeF(9 if style in (QgsLegendStyle.Title, QgsLegendStyle.Subgroup) else 8)
        fnt.setBold(style in (QgsLegendStyle.Title, QgsLegendStyle.Subgroup))
        legend.setStyleFont(style, fnt)
    legend.setWrapString('|')
    legend.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)
    legend.adjustBoxSize()
    return legend


def round_sig(x, up=False):
    """x rounded to one significant digit (up: the next such number >= x)."""
    import math
    if x <= 0:
        return 0.0
    e = math.floor(math.log10(x))
    f = x / 10 ** e
    d = math.ceil(f - 1e-9) if up else round(f)
    return d * 10 ** e


def class_breaks(values, classes=5):
    """Quantile class breaks rounded to one significant digit (distinct,
    from 0 or the minimum to above the maximum)."""
    v = sorted(values)
    qs = [round_sig(v[round(i * (len(v) - 1) / classes)]) for i in range(1, classes)]
    breaks = [min(0.0, v[0])] + qs + [round_sig(v[-1], up=True)]
    out = []
    for x in breaks:
        if not out or x > out[-1]:
            out.append(x)
    return out


def export(layout, path):
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 150
    settings.generateWorldFile = False
    res = exporter.exportToImage(path, settings)
    if res != QgsLayoutExporter.Success:
        raise SystemExit(f'map.py: could not write {path} (error {res})')
    print('wrote', path)


def city_map(project, gpkg, outdir):
    cities = QgsVectorLayer(f'{gpkg}|layername=cities', 'cities', 'ogr')
    if not cities.isValid() or cities.featureCount() == 0:
        raise SystemExit('map.py: no cities layer')
    project.addMapLayer(cities)
    project.setCrs(cities.crs())
    values = [f['r_bn_yuan'] for f in cities.getFeatures() if f['r_bn_yuan'] is not None]
    breaks = class_breaks(values)
    colors = ['#fee6ce', '#fdae6b', '#f16913', '#d94801', '#8c2d04'][-(len(breaks) - 1):]
    ranges = []
    for i in range(len(breaks) - 1):
        a, b = breaks[i], breaks[i + 1]
        sym = QgsFillSymbol.createSimple({'color': colors[i], 'outline_color': '#404040',
                                          'outline_width': '0.3'})
        ranges.append(QgsRendererRange(a, b, sym, f'{a:g} – {b:g}'))
    # classify the values as printed (rounded), so that two cities labelled
    # alike never fall on both sides of a break through floating-point noise
    renderer = QgsGraduatedSymbolRenderer('round("r_bn_yuan", 6)', ranges)
    cities.setRenderer(renderer)
    label_layer(cities, "\"name\" || '\\n' || CASE WHEN \"r_bn_yuan\" < 0.1 "
                "THEN format_number(\"r_bn_yuan\", 3) ELSE format_number(\"r_bn_yuan\", 2) END")

    layout = base_layout(project, 'cities',
                         'Vertical ecological compensation of 15 coal resource-depleted cities, 2020',
                         'R = V × 0.15 × 2 atan(V / GDP) / π (V non-market ecosystem service value), '
                         'recomputed with ecocomp.vertical_compensation')
    m = add_map(layout, [cities], cities.extent())
    add_legend(layout, m, [(cities, 'Compensation R, 2020|(billion yuan per year)')])
    add_label(layout, 'Labels: city and R\n(billion yuan per year).\n\n'
              'Classes: quantiles, rounded;\nupper bounds inclusive.',
              190, 80, 62, 40, 7.5, color='#404040')
    finish_page(layout, m, 'The city shapes and their positions are SYNTHETIC (the paper publishes no '
                'boundaries); names and values are the paper\'s. Projection: UTM zone 50N (EPSG:32650).',
                SOURCE_CITIES)
    export(layout, os.path.join(outdir, 'compensation_2020.png'))


def flow_map(project, gpkg, outdir):
    flows = QgsVectorLayer(f'{gpkg}|layername=flows', 'flows', 'ogr')
    zones = QgsVectorLayer(f'{gpkg}|layername=zones', 'zones', 'ogr')
    if not flows.isValid() or not zones.isValid():
        return  # no horizontal transfers in this account (tools/demo.sh says so)
    project.addMapLayer(zones)
    project.addMapLayer(flows)
    cats = []
    for value, color, label in (('payer', '#f4a582', 'payer (ecological deficit)'),
                                ('recipient', '#92c5de', 'recipient (ecological surplus)'),
                                ('balanced', '#f0f0f0', 'balanced')):
        sym = QgsFillSymbol.createSimple({'color': color, 'outline_color': '#606060',
                                          'outline_width': '0.2'})
        cats.append(QgsRendererCategory(value, sym, label))
    zones.setRenderer(QgsCategorizedSymbolRenderer('role', cats))

    amounts = [f['amount_100m_yuan'] for f in flows.getFeatures()]
    top = max(amounts) if amounts else 1
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(True)
    arrow.setIsRepeated(False)
    arrow.setArrowWidth(0.6)
    arrow.setArrowStartWidth(0.6)
    arrow.setHeadLength(2.5)
    arrow.setHeadThickness(1.8)
    from qgis.core import QgsProperty, QgsSymbolLayer
    width = QgsProperty.fromExpression(f'0.3 + 2.2 * "amount_100m_yuan" / {top}')
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyArrowWidth, width)
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyArrowStartWidth, width)
    arrow.subSymbol().symbolLayer(0).setColor(QColor(31, 90, 160, 200))
    sym = QgsLineSymbol()
    sym.changeSymbolLayer(0, arrow)
    from qgis.core import QgsSingleSymbolRenderer
    flows.setRenderer(QgsSingleSymbolRenderer(sym))
    label_layer(flows, "format_number(\"amount_100m_yuan\", 2)", 6.5, QgsPalLayerSettings.Line)
    label_layer(zones, "\"name\" || '\\n' || format_number(\"value_100m_yuan\", 2)", 7.5)

    layout = base_layout(project, 'flows', 'Horizontal water-resource compensation, 2022',
                         'Transfers between zones (a zone is the sum of its districts), from ecocomp\'s horizontal_compensation view')
    ext = QgsRectangle(zones.extent())
    ext.combineExtentWith(flows.extent())
    m = add_map(layout, [flows, zones], ext)
    add_legend(layout, m, [(zones, 'Zone role and balance, 2022|(labels: zone, value in|100 million yuan)'),
                           (flows, 'Transfer|(arrow width ∝ amount;|labels in 100 million yuan)')])
    finish_page(layout, m, 'The district squares (of the published area) and their positions are SYNTHETIC, and so is '
                'the split of each zone\'s footprint among its districts.',
                'Source: district statistics and zone footprints (2022) of the water-footprint '
                'paper (2024); transfers computed with ecocomp. References: docs/sources.md.')
    export(layout, os.path.join(outdir, 'water_transfers_2022.png'))


def main():
    gpkg, outdir = sys.argv[1], sys.argv[2]
    QgsApplication.setPrefixPath('/usr', True)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        project = QgsProject.instance()
        city_map(project, gpkg, outdir)
        flow_map(project, gpkg, outdir)
    finally:
        app.exitQgis()


if __name__ == '__main__':
    main()
