-- Demo, part 2: a compensation account over synthetic land-use rasters and
-- boundaries (ecocomp.create_accounts), the 38 districts of the water-footprint paper (2024), the
-- restoration project of the GEP paper (Xu X. et al., in press) and a small synthetic mine.
\set ON_ERROR_STOP on
\pset footer off
\echo
\echo '== Part 2: accounts in schema demo (create_accounts(''demo'', 32650): UTM 50N, metres)'
\echo 'City shapes, land-use rasters (300 m, CNLUCC codes, 2000/2010/2020), E_a (3452 yuan/hm2/a,'
\echo 'the value the water-footprint paper (2024) uses, for every year) and the GDP of 2000 and 2010 are SYNTHETIC; 2020'
\echo 'GDP is the ESV paper''s.  District shapes and the split'
\echo 'of each zone''s footprint among its districts (by population) are synthetic too.'
SELECT ecocomp.create_accounts('demo', 32650);

-- 15 city shapes named after the ESV paper's cities: concave 48-gons on a 5 x 3 grid
INSERT INTO demo.region (region_id, name, level, province, geom)
SELECT 100 + c.n, c.city, 'city', c.province,
	   ST_SetSRID(ST_Multi(ST_MakePolygon(ST_MakeLine(ARRAY(
		   SELECT ST_MakePoint(
					  300000 + (c.n % 5) * 120000 + rr * cos(a),
					  4000000 + (c.n / 5) * 120000 + rr * sin(a))
		   FROM generate_series(0, 48) k,
				LATERAL (SELECT 2 * pi() * (k % 48) / 48 AS a) aa,
				LATERAL (SELECT 40000 * (1 + 0.25 * sin(3 * a + c.n) + 0.1 * cos(7 * a)) AS rr) r
		   ORDER BY k)))), 32650)
FROM (SELECT row_number() OVER (ORDER BY city) - 1 AS n, city, province FROM demo_city) c;

-- land-use rasters: one 300 m raster per city bounding box and year, tiled 128 x 128.
-- Blocks of 20 x 20 pixels get a class from a fixed pattern; construction (51)
-- spreads over forest and dry land from 2000 to 2020; a few blocks are nodata (255).
INSERT INTO demo.landuse_raster (year, classification, rast)
SELECT y.year, 'cnlucc', ST_Tile(
		ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(b.w, b.h, b.x0, b.y0, 300, -300, 0, 0, 32650), '8BUI'::text, 0, 255),
			1, 1, 1, (
			SELECT array_agg(rowv ORDER BY j) FROM (
				SELECT j, array_agg((
					WITH blk AS (SELECT (i / 20) * 7 + (j / 20) * 13 + b.region_id AS v, (i / 20) + (j / 20) AS d)
					SELECT CASE
						WHEN (blk.v % 97) = 0 THEN 255
						WHEN blk.v % 10 IN (0, 1, 2, 4) AND (blk.d % 9) < (y.year - 2000) / 10 THEN 51
						ELSE (ARRAY[21, 21, 21, 22, 12, 12, 11, 31, 42, 51])[blk.v % 10 + 1] END
					FROM blk)::float8 ORDER BY i) AS rowv
				FROM generate_series(0, b.h - 1) j, generate_series(0, b.w - 1) i
				GROUP BY j) q)),
		128, 128)
FROM (SELECT region_id, ST_XMin(geom) AS x0, ST_YMax(geom) AS y0,
			 ceil((ST_XMax(geom) - ST_XMin(geom)) / 300)::int AS w,
			 ceil((ST_YMax(geom) - ST_YMin(geom)) / 300)::int AS h
	  FROM demo.region WHERE level = 'city') b,
	 (VALUES (2000), (2010), (2020)) y(year);

-- statistics: 2020 GDP from the ESV paper (Wang et al., in press) (billion yuan -> yuan); 2000 and 2010
-- GDP are synthetic; E_a 3452 yuan/hm2/a in every year (constant prices, so
-- the ESV change is the land-use change)
INSERT INTO demo.region_stat (region_id, year, gdp_yuan, ea_yuan_per_hm2)
SELECT r.region_id, y.year, c.gdp_billion_yuan * 1e9 * y.gdp_factor, y.ea
FROM demo.region r JOIN demo_city c ON c.city = r.name,
	 (VALUES (2000, 0.30, 3452.0), (2010, 0.65, 3452.0), (2020, 1.0, 3452.0)) y(year, gdp_factor, ea);
ANALYZE demo.landuse_raster;
-- the raster step: land-use areas of every city and year into demo.landuse_cache
SELECT demo.refresh() AS "land-use areas computed";

\echo
\echo '== City compensation, 2020 (demo.city_compensation)'
SELECT name AS city, round(gdp_yuan / 1e9) AS "GDP (bn yuan)",
	   round((esv_nonmarket_yuan / 1e9)::numeric, 2) AS "non-market ESV (bn yuan)",
	   round(ecps::numeric, 3) AS ecps, priority,
	   round((compensation_yuan / 1e9)::numeric, 3) AS "R (bn yuan)",
	   round(compensation_share_pct::numeric, 2) AS "share of R (%)",
	   round(compensation_pct_of_gdp::numeric, 3) AS "R / GDP (%)"
FROM demo.city_compensation WHERE year = 2020 ORDER BY compensation_yuan DESC;

\echo
\echo '== City ESV by year (demo.city_esv), billion yuan/a, change from the previous raster year'
SELECT name AS city, year, round((esv_total_yuan / 1e9)::numeric, 3) AS "ESV total",
	   round((esv_nonmarket_yuan / 1e9)::numeric, 3) AS "non-market",
	   round(esv_change_pct::numeric, 2) AS "change (%)"
FROM demo.city_esv WHERE region_id IN (100, 101) ORDER BY name, year;

-- The water-footprint paper (2024): zones 1..4 and districts 10..47; district squares of the
-- published area; a zone's footprint (Table 5) split among its districts by
-- population (synthetic); water resources from Table 1
CREATE TEMP TABLE wd (district int, zone text, area_km2 float8, population_10k float8, gdp_100m_yuan float8, water_resources_100m_m3 float8);
\copy wd FROM 'demo/data/water_districts_2022.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE wz (zone text, ef_aquatic_hm2 float8, ef_freshwater_hm2 float8, ef_pollution_hm2 float8, ef_total_hm2 float8, ec_hm2 float8, published_erd_hm2 float8, published_value_100m_yuan float8);
\copy wz FROM 'demo/data/water_zones_2022.csv' WITH (FORMAT csv, HEADER true)
-- (squares on a grid of 8 columns, 80 km apart, zone after zone)
CREATE TEMP TABLE wd_geom AS
SELECT d.*, z.zone_id,
	   ST_Multi(ST_MakeEnvelope(600000 + g.col * 80000, 4500000 - g.row * 80000,
				600000 + g.col * 80000 + 1000 * sqrt(d.area_km2), 4500000 - g.row * 80000 + 1000 * sqrt(d.area_km2), 32650)) AS geom
FROM wd d JOIN (VALUES ('central-eastern', 1), ('western', 2), ('northeastern', 3), ('southeastern', 4)) z(zone, zone_id) USING (zone),
	 LATERAL (SELECT k % 8 AS col, k / 8 AS row
			  FROM (SELECT count(*)::int AS k FROM wd x
					JOIN (VALUES ('central-eastern', 1), ('western', 2), ('northeastern', 3), ('southeastern', 4)) zx(zone, zone_id) USING (zone)
					WHERE (zx.zone_id, x.district) < (z.zone_id, d.district)) kk) g;
INSERT INTO demo.region (region_id, name, level, geom)
SELECT zone_id, zone || ' zone', 'zone', ST_Multi(ST_Union(geom)) FROM wd_geom GROUP BY zone_id, zone;
INSERT INTO demo.region (region_id, name, level, parent_id, geom)
SELECT 9 + district, 'district ' || district, 'district', zone_id, geom FROM wd_geom;
INSERT INTO demo.region_stat (region_id, year, gdp_yuan, population, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3)
SELECT 9 + d.district, 2022, d.gdp_100m_yuan * 1e8, d.population_10k * 1e4,
	   z.ef_aquatic_hm2 * s.share * 0.029 / 2.70,
	   z.ef_freshwater_hm2 * s.share * 2912 / 2.70,
	   z.ef_pollution_hm2 * s.share * 2912 / 2.70,
	   d.water_resources_100m_m3 * 1e8
FROM wd_geom d JOIN wz z USING (zone),
	 LATERAL (SELECT d.population_10k / (SELECT sum(population_10k) FROM wd x WHERE x.zone = d.zone) AS share) s;

\echo
\echo '== Water compensation by zone, 2022 (demo.water_compensation; footprint = Table 5 by construction,'
\echo '   capacity from Table 1 water resources: the paper''s Table 6 capacity does not follow from it)'
SELECT name, round(ef_total_hm2) AS "EF (nat. hm2)", round(ec_hm2) AS "EC (nat. hm2)",
	   round(erd_hm2) AS "ERD (nat. hm2)", round((value_yuan / 1e8)::numeric, 2) AS "value (1e8 yuan)", role
FROM demo.water_compensation WHERE level = 'zone' ORDER BY region_id;

\echo
\echo '== Horizontal compensation between zones, 2022 (demo.horizontal_compensation), 1e8 yuan:'
\echo '   payer p pays recipient r T * (d_p / D) * (s_r / S), T = min(D, S); unmatched rests have no payer or recipient'
SELECT COALESCE(payer_name, '(vertical)') AS payer, COALESCE(recipient_name, '(vertical)') AS recipient,
	   round((amount_yuan / 1e8)::numeric, 2) AS "amount (1e8 yuan)"
FROM demo.horizontal_compensation WHERE year = 2022 AND level = 'zone' ORDER BY fid;

\echo
\echo '== The same rule on the paper''s own 2022 zone balances (Table 7, 1e8 yuan): the central-eastern and'
\echo '   western zones pay the northeastern and southeastern ones (ecocomp.horizontal_transfers)'
WITH z AS (
	SELECT array_agg(n ORDER BY n) AS ids, array_agg(published_value_100m_yuan ORDER BY n) AS bal,
		   array_agg(zone ORDER BY n) AS names
	FROM (SELECT row_number() OVER (ORDER BY zone)::int AS n, * FROM wz) x
)
SELECT COALESCE(z.names[t.payer_region_id], '(vertical)') AS payer,
	   COALESCE(z.names[t.recipient_region_id], '(vertical)') AS recipient,
	   round(t.amount::numeric, 2) AS "amount (1e8 yuan)"
FROM z, ecocomp.horizontal_transfers(z.ids, z.bal) t;

-- The GEP paper (Xu X. et al., in press): the Jinsha restoration project, areas before and after from the
-- paper; parameters the paper does not give are the documented example
-- values (ac_days 6300 reproduces its climate-regulation kWh)
CREATE TEMP TABLE gl (land_type text, before_ha float8, after_ha float8);
\copy gl FROM 'demo/data/gep_landuse_ha.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO demo.region (region_id, name, level, geom)
VALUES (900, 'Jinsha restoration project', 'project',
		ST_Multi(ST_MakeEnvelope(500000, 4600000, 500000 + sqrt(773700), 4600000 + sqrt(773700), 32650)));
INSERT INTO demo.gep_project (region_id, before_year, after_year, before_areas, after_areas, overrides)
SELECT 900, 2018, 2022, jsonb_object_agg(land_type, before_ha), jsonb_object_agg(land_type, after_ha),
	   '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05,
		 "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}'
FROM gl;
\echo
\echo '== Restoration GEP before and after (demo.gep_restoration), 1e4 yuan/a'
SELECT name, round((gep_before_yuan / 1e4)::numeric, 2) AS "GEP before", round((gep_after_yuan / 1e4)::numeric, 2) AS "GEP after",
	   round(gep_change_pct::numeric, 1) AS "change (%)",
	   round((regulating_after_yuan / 1e4)::numeric, 2) AS "regulating after",
	   round((cultural_after_yuan / 1e4)::numeric, 2) AS "cultural after"
FROM demo.gep_restoration;

-- a synthetic mine: 3 x 3 pixels of 30 m; the centre column destroyed in
-- 2004 and restored in 2008, the right column destroyed in 2006 and never
-- restored, the left column undisturbed
INSERT INTO demo.region (region_id, name, level, geom)
VALUES (950, 'Synthetic open-pit mine', 'mine', ST_Multi(ST_MakeEnvelope(520000, 4600000, 520090, 4600090, 32650)));
INSERT INTO demo.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
SELECT 950, p, y,
	   CASE WHEN p % 3 = 1 AND y >= 2004 AND y < 2008 THEN 20 + 10 * (y - 2004)
			WHEN p % 3 = 1 AND y >= 2008 THEN 60 + 10 * (y - 2008)
			WHEN p % 3 = 2 AND y >= 2006 THEN 15
			ELSE 100 + 10 * (y - 2001) + p END,
	   900,
	   CASE p % 3 WHEN 1 THEN 2004 WHEN 2 THEN 2006 END,
	   CASE p % 3 WHEN 1 THEN 2008 END
FROM generate_series(0, 8) p, generate_series(2001, 2012) y;
\echo
\echo '== Mine carbon deficit (demo.mine_carbon_deficit), Gg CO2'
SELECT name, round(direct_decrease_gg_co2::numeric, 6) AS "direct decrease", round(direct_increase_gg_co2::numeric, 6) AS "direct increase",
	   round(c_destroy_gg_co2::numeric, 6) AS "C_destroy", round(c_restore_gg_co2::numeric, 6) AS "C_restore",
	   round(vcsd_gg_co2::numeric, 6) AS "VCSD", round(r_v::numeric, 3) AS "R_V", round(r_vcs::numeric, 3) AS "R_VCS"
FROM demo.mine_carbon_deficit;
\echo
\echo '== The same mine year by year (demo.mine_carbon_series), Gg CO2; R_V, R_VCS cumulative'
SELECT year, round(direct_decrease_gg_co2::numeric, 6) AS "direct decrease", round(direct_increase_gg_co2::numeric, 6) AS "direct increase",
	   round(c_destroy_gg_co2::numeric, 6) AS "C_destroy_t", round(c_restore_gg_co2::numeric, 6) AS "C_restore_t",
	   destroyed_area_m2 AS "destroyed (m2)", restored_area_m2 AS "restored (m2)",
	   round(r_v::numeric, 3) AS "R_V", round(r_vcs::numeric, 3) AS "R_VCS"
FROM demo.mine_carbon_series ORDER BY year;
\echo
\echo '== Money value of the deficit: settings.carbon_price_yuan_per_t_co2 has no default (no value'
\echo 'without a price).  60 yuan/t CO2 below is an ILLUSTRATIVE price, not from the carbon paper.'
UPDATE demo.settings SET carbon_price_yuan_per_t_co2 = 60;
SELECT name, round(vcsd_gg_co2::numeric, 6) AS "VCSD (Gg CO2)", round(vcsd_value_yuan::numeric, 2) AS "value (yuan)"
FROM demo.mine_carbon_deficit;
