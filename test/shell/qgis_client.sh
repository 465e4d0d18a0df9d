#!/usr/bin/env bash
# A real GIS client: QGIS (PyQGIS, headless) opens every view and
# materialized view of an account through its PostgreSQL provider and checks
# that the layer is valid, feature ids equal fid, the geometry type and CRS
# are the catalog's, numeric fields come through as numbers, a subset string
# works, and the layer renders to an image (kept under the test's temp dir).
set -euo pipefail
db=eco_qgis
psql -qX -d postgres -c "CREATE DATABASE $db" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql -qX -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION ecocomp CASCADE" -f "$ECOCOMP_ROOT/test/shell/fixture_accounts.sql" >/dev/null 2>&1
psql -qX -v ON_ERROR_STOP=1 -d $db >/dev/null <<'SQL'
-- a second district (a recipient) so that horizontal_compensation has a line
INSERT INTO gis.region (region_id, name, level, parent_id, geom) VALUES
(12, 'District 2', 'district', 10, ST_Multi(ST_MakeEnvelope(1000, 0, 2000, 1000, 32650)));
INSERT INTO gis.region_stat (region_id, year, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3)
VALUES (12, 2020, 1, 1000, 1000, 29120000);
-- a restoration project and a mine, so that every view has features
INSERT INTO gis.region (region_id, name, level, geom) VALUES
(30, 'Project', 'project', ST_Multi(ST_MakeEnvelope(0, 5000, 880, 5880, 32650))),
(40, 'Mine', 'mine', ST_Multi(ST_MakeEnvelope(0, 9000, 60, 9030, 32650)));
INSERT INTO gis.gep_project (region_id, before_year, after_year, before_areas, after_areas, overrides) VALUES
(30, 2018, 2022, '{"mining": 70.91, "forest": 2.57}', '{"dryland": 41.42, "forest": 34.07}',
 '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}');
INSERT INTO gis.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
SELECT 40, 1, y, v, 900, 2004, 2008 FROM (VALUES (2001, 100), (2002, 110), (2003, 120), (2004, 20), (2005, 30), (2006, 40)) s(y, v);
-- a carbon price, so that vcsd_value_yuan has values (mine_carbon_deficit,
-- mine_carbon_series), and a factor adjustment of city 1
UPDATE gis.settings SET carbon_price_yuan_per_t_co2 = 60;
INSERT INTO gis.esv_adjustment (region_id, year, npp_factor) VALUES (1, 2020, 1.1);
CREATE MATERIALIZED VIEW gis.city_compensation_mv AS SELECT * FROM gis.city_compensation;
CREATE UNIQUE INDEX city_compensation_mv_fid ON gis.city_compensation_mv (fid);
SQL
mkdir -p -m 700 "$ECOCOMP_TMP/qgis"
# QGIS wants a writable home and runtime dir; the offscreen platform needs no X
export HOME="$ECOCOMP_TMP/qgis" XDG_RUNTIME_DIR="$ECOCOMP_TMP/qgis" QT_QPA_PLATFORM=offscreen
ECO_DB=$db ECO_OUT="${ECOCOMP_QGIS_OUT:-$ECOCOMP_TMP/qgis}" timeout 300 /usr/bin/python3 "$ECOCOMP_ROOT/test/shell/qgis_client.py"
