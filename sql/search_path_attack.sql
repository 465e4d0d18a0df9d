-- The CVE-2018-1058 pattern against the accounts: an unprivileged role puts
-- operators and functions that log every call into a schema of its own, and
-- that schema comes first on the search_path (before pg_catalog) while an
-- account is created and refreshed, while another role reads every view, and
-- while every SQL-callable function that runs SQL inside is called.  Nothing
-- of the extension may resolve to them: the log must stay empty.
\pset null '(null)'
SET client_min_messages = warning;
CREATE ROLE eco_attacker NOSUPERUSER;
CREATE ROLE eco_owner NOSUPERUSER;
CREATE ROLE eco_reader NOSUPERUSER;
DO $$ BEGIN
	EXECUTE pg_catalog.format('GRANT CREATE ON DATABASE %I TO eco_attacker, eco_owner', pg_catalog.current_database());
END $$;

SET ROLE eco_attacker;
CREATE SCHEMA evil;
GRANT USAGE ON SCHEMA evil TO PUBLIC;
CREATE TABLE evil.calls (what text);
GRANT INSERT, SELECT ON evil.calls TO PUBLIC;
-- operators = <> < > <= >= + - * / over every pair of numeric types (the
-- mixed pairs have no exact match in pg_catalog, so they would win even after
-- it), comparison and || over text, || over jsonb; each logs and then does
-- the real thing
DO $gen$
DECLARE
	l text; r text; o text; rt text;
BEGIN
	FOREACH l IN ARRAY ARRAY['int2', 'int4', 'int8', 'float4', 'float8', 'numeric'] LOOP
	FOREACH r IN ARRAY ARRAY['int2', 'int4', 'int8', 'float4', 'float8', 'numeric'] LOOP
	FOREACH o IN ARRAY ARRAY['=', '<>', '<', '>', '<=', '>=', '+', '-', '*', '/'] LOOP
		EXECUTE pg_catalog.format('SELECT pg_catalog.pg_typeof(NULL::%s OPERATOR(pg_catalog.%s) NULL::%s)::text', l, o, r) INTO rt;
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION evil.op_%1$s_%2$s_%3$s(%1$s, %2$s) RETURNS %4$s
			LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
			BEGIN
				INSERT INTO evil.calls VALUES (%5$L);
				RETURN $1 OPERATOR(pg_catalog.%6$s) $2;
			END $b$;
			CREATE OPERATOR evil.%6$s (LEFTARG = %1$s, RIGHTARG = %2$s, FUNCTION = evil.op_%1$s_%2$s_%3$s)$f$,
			l, r, pg_catalog.md5(o), rt, pg_catalog.format('%s(%s,%s)', o, l, r), o);
	END LOOP; END LOOP; END LOOP;
	FOREACH o IN ARRAY ARRAY['=', '<>', '<', '>', '<=', '>=', '||'] LOOP
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION evil.op_text_%1$s(text, text) RETURNS %2$s
			LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
			BEGIN
				INSERT INTO evil.calls VALUES (%3$L);
				RETURN $1 OPERATOR(pg_catalog.%4$s) $2;
			END $b$;
			CREATE OPERATOR evil.%4$s (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.op_text_%1$s)$f$,
			pg_catalog.md5(o), CASE o WHEN '||' THEN 'text' ELSE 'boolean' END,
			pg_catalog.format('%s(text,text)', o), o);
	END LOOP;
	EXECUTE $f$
		CREATE FUNCTION evil.op_jsonb_cat(jsonb, jsonb) RETURNS jsonb
		LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
		BEGIN
			INSERT INTO evil.calls VALUES ('||(jsonb,jsonb)');
			RETURN $1 OPERATOR(pg_catalog.||) $2;
		END $b$;
		CREATE OPERATOR evil.|| (LEFTARG = jsonb, RIGHTARG = jsonb, FUNCTION = evil.op_jsonb_cat)$f$;
END
$gen$;
-- functions of the same names as pg_catalog's and PostGIS's
DO $gen$
DECLARE
	f record;
BEGIN
	FOR f IN SELECT * FROM (VALUES
		('abs', 'float8', 'float8', 'pg_catalog'), ('abs', 'int4', 'int4', 'pg_catalog'), ('abs', 'numeric', 'numeric', 'pg_catalog'),
		('round', 'float8', 'float8', 'pg_catalog'), ('round', 'numeric', 'numeric', 'pg_catalog'),
		('lower', 'text', 'text', 'pg_catalog'), ('upper', 'text', 'text', 'pg_catalog'),
		('length', 'text', 'int4', 'pg_catalog'), ('md5', 'text', 'text', 'pg_catalog'),
		('sqrt', 'float8', 'float8', 'pg_catalog'), ('ln', 'float8', 'float8', 'pg_catalog'),
		('exp', 'float8', 'float8', 'pg_catalog'), ('atan', 'float8', 'float8', 'pg_catalog'),
		('floor', 'float8', 'float8', 'pg_catalog'), ('ceil', 'float8', 'float8', 'pg_catalog'),
		('trunc', 'float8', 'float8', 'pg_catalog'), ('quote_ident', 'text', 'text', 'pg_catalog'),
		('st_srid', 'public.geometry', 'int4', 'public'), ('st_area', 'public.geometry', 'float8', 'public'),
		('st_srid', 'public.raster', 'int4', 'public'), ('st_convexhull', 'public.raster', 'public.geometry', 'public'),
		('st_multi', 'public.geometry', 'public.geometry', 'public'),
		('st_pointonsurface', 'public.geometry', 'public.geometry', 'public')) v(name, arg, ret, nsp)
	LOOP
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION evil.%1$s(%2$s) RETURNS %3$s
			LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
			BEGIN
				INSERT INTO evil.calls VALUES (%5$L);
				RETURN %4$s.%1$s($1);
			END $b$$f$, f.name, f.arg, f.ret, f.nsp, pg_catalog.format('%s(%s)', f.name, f.arg));
	END LOOP;
	EXECUTE $f$
		CREATE FUNCTION evil.pi() RETURNS float8 LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
		BEGIN INSERT INTO evil.calls VALUES ('pi()'); RETURN pg_catalog.pi(); END $b$;
		CREATE FUNCTION evil.st_transform(public.geometry, int4) RETURNS public.geometry
		LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $b$
		BEGIN INSERT INTO evil.calls VALUES ('st_transform(geometry,int4)'); RETURN public.st_transform($1, $2); END $b$$f$;
END
$gen$;
SELECT pg_catalog.count(*) > 300 AS operators_planted FROM pg_catalog.pg_operator o
WHERE o.oprnamespace OPERATOR(pg_catalog.=) 'evil'::regnamespace;
RESET ROLE;

-- the trap works: an unqualified expression under this path is caught
SET search_path = evil, pg_catalog, public;
SELECT 2.5::float8 * 2 AS caught, abs(-1::float8) AS caught_too;
RESET search_path;
SELECT what FROM evil.calls ORDER BY what;
TRUNCATE evil.calls;

-- the owner's account; data loaded under a normal path
SET ROLE eco_owner;
SET search_path = evil, pg_catalog, public;
SELECT ecocomp.create_accounts('spa', 32650);
RESET search_path;
INSERT INTO spa.region (region_id, name, level, parent_id, geom) VALUES
(1, 'City', 'city', NULL, ST_Multi(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650))),
(2, 'City without statistics', 'city', NULL, ST_Multi(ST_MakeEnvelope(500000, 4000000, 500100, 4000100, 32650))),
(10, 'Zone', 'zone', NULL, ST_Multi(ST_MakeEnvelope(0, 0, 2000, 1000, 32650))),
(11, 'District', 'district', 10, ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650))),
(12, 'District 2', 'district', 10, ST_Multi(ST_MakeEnvelope(1000, 0, 2000, 1000, 32650))),
(20, 'Zone 2', 'zone', NULL, ST_Multi(ST_MakeEnvelope(0, 1000, 2000, 2000, 32650))),
(21, 'District 3', 'district', 20, ST_Multi(ST_MakeEnvelope(0, 1000, 1000, 2000, 32650))),
(30, 'Project from areas', 'project', NULL, ST_Multi(ST_MakeEnvelope(0, 5000, 100, 5100, 32650))),
(31, 'Project from rasters', 'project', NULL, ST_Multi(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650))),
(40, 'Mine', 'mine', NULL, ST_Multi(ST_MakeEnvelope(0, 0, 90, 90, 32650)));
INSERT INTO spa.landuse_raster (year, classification, rast)
SELECT y, 'cnlucc', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 3, 500000, 4000300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0),
	   1, 1, 1, CASE y WHEN 2000 THEN ARRAY[[21, 12, 12], [12, 12, 12], [12, 12, 12]]::float8[]
					   ELSE ARRAY[[21, 51, 51], [12, 12, 12], [12, 12, 12]]::float8[] END)
FROM (VALUES (2000), (2010)) v(y);
INSERT INTO spa.region_stat (region_id, year, gdp_yuan, population, ea_yuan_per_hm2) VALUES
(1, 2000, 43620, 100, 1000), (1, 2010, 30000, 100, NULL);
INSERT INTO spa.crop_stat VALUES (1, 2010, 'wheat', 2.4, 6000, 100);
INSERT INTO spa.region_stat (region_id, year, population, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3) VALUES
(11, 2022, 10, 29, 2912000, 1456000, 2912000), (12, 2022, 10, 1, 1000, 1000, 29120000), (21, 2022, 10, 29, 2912000, 1456000, 2912000);
INSERT INTO spa.gep_project (region_id, before_year, after_year, before_areas, after_areas, classification, overrides) VALUES
(30, 2018, 2022, '{"mining": 70.91, "forest": 2.57}', '{"dryland": 41.42, "forest": 34.07}', NULL, '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}'),
(31, 2000, 2010, NULL, NULL, 'cnlucc', '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}');
INSERT INTO spa.npp_raster (year, unit, rast)
SELECT y, 'modis_dn', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 90, 90, -90, 0, 0, 32650), '16BSI'::text, 0, NULL),
	1, 1, 1, ARRAY[[1000 + 100 * (y - 2001), 500]]::float8[])
FROM generate_series(2001, 2007) y;
INSERT INTO spa.disturbance_raster (rast)
SELECT ST_SetValues(ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(6, 3, 0, 90, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, 0),
	1, 1, 1, ARRAY[[2004, 0, 0, 2001, 2001, 2001], [0, 0, 0, 2001, 2001, 2001], [0, 0, 0, 2001, 2001, 2001]]::float8[]),
	2, 1, 1, ARRAY[[2006]]::float8[]);
-- the factor adjustment, a carbon price and another priority class set, so
-- that the views run those paths too
INSERT INTO spa.esv_adjustment (region_id, year, npp_factor, precipitation_factor, soil_factor) VALUES (1, 2000, 1.2, NULL, 0.9);
UPDATE spa.settings SET carbon_price_yuan_per_t_co2 = 60, priority_class_set = 'ecocomp_0_1';
GRANT USAGE ON SCHEMA spa TO eco_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA spa TO eco_reader;
-- the account is created again (views replaced) and refreshed under the hostile path
SET search_path = evil, pg_catalog, public;
SELECT ecocomp.create_accounts('spa', 32650);
SELECT spa.refresh() OPERATOR(pg_catalog.>) 0 AS refreshed;
SELECT spa.stale() AS stale;
RESET search_path;
RESET ROLE;
SELECT pg_catalog.count(*) AS calls_while_creating_and_refreshing FROM evil.calls;

-- another role reads every view, every column, under the hostile path
SET ROLE eco_reader;
SET search_path = evil, pg_catalog, public;
SELECT pg_catalog.count(v.*) AS region_landuse FROM spa.region_landuse v;
SELECT pg_catalog.count(v.*) AS city_esv FROM spa.city_esv v;
SELECT pg_catalog.count(v.*) AS city_compensation FROM spa.city_compensation v;
SELECT pg_catalog.count(v.*) AS water_compensation FROM spa.water_compensation v;
SELECT pg_catalog.count(v.*) AS horizontal_compensation FROM spa.horizontal_compensation v;
SELECT pg_catalog.count(v.*) AS gep_restoration FROM spa.gep_restoration v;
SELECT pg_catalog.count(v.*) AS mine_carbon_deficit FROM spa.mine_carbon_deficit v;
SELECT pg_catalog.count(v.*) AS mine_carbon_series FROM spa.mine_carbon_series v;
-- every view of the account is in the list above
SELECT c.relname AS view_not_read FROM pg_catalog.pg_class c
WHERE c.relnamespace OPERATOR(pg_catalog.=) 'spa'::regnamespace AND c.relkind OPERATOR(pg_catalog.=) ANY ('{v,m}'::"char"[])
  AND c.relname OPERATOR(pg_catalog.<>) ALL ('{region_landuse,city_esv,city_compensation,water_compensation,horizontal_compensation,gep_restoration,mine_carbon_deficit,mine_carbon_series}'::name[]);

-- every SQL-callable function of the extension that runs SQL inside
SELECT (ecocomp.esv_value('{"12": 100}'::jsonb, '1000'::float8)).total AS esv_value;
SELECT pg_catalog.count(*) AS esv_detail FROM ecocomp.esv_detail('{"12": 100}'::jsonb, '1000'::float8);
SELECT pg_catalog.count(*) AS gep_account FROM ecocomp.gep_account('{"forest": 10}'::jsonb, 'jinsha_2022', '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}'::jsonb);
SELECT pg_catalog.count(*) AS gep_compare FROM ecocomp.gep_compare('{"forest": 10}'::jsonb, '{"forest": 20}'::jsonb, 'jinsha_2022', '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}'::jsonb);
SELECT pg_catalog.count(*) AS gep_compare_codes FROM ecocomp.gep_compare('{"21": 10}'::jsonb, '{"12": 20}'::jsonb, 'jinsha_2022', '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}'::jsonb, 'cnlucc');
SELECT ecocomp.single_srid('x', 32650, 32650) AS single_srid;
SELECT ecocomp.ecps_class('0.2'::float8) AS ecps_class, ecocomp.ecps_priority_class('0.2'::float8) AS ecps_priority_class,
	   ecocomp.carbon_value_yuan('0.5'::float8, '60'::float8) AS carbon_value_yuan;
SELECT ecocomp.region_area_ha(r.geom) AS region_area_ha FROM spa.region r WHERE r.region_id OPERATOR(pg_catalog.=) 1;
SELECT ecocomp.landuse_coverage_pct('{"12": 1, "nodata": 1}'::jsonb, '4'::float8) AS coverage,
	   ecocomp.esv_landuse_change_pct('1'::float8, '2'::float8, '1'::float8, '2'::float8) AS landuse_change;
SELECT ecocomp.landuse_area(l.rast, r.geom) IS NOT NULL AS landuse_area,
	   ecocomp.landuse_area(l.rast, r.geom, 1, 'center') IS NOT NULL AS landuse_area_center,
	   (ecocomp.esv_value(l.rast, r.geom, '1000'::float8)).total IS NOT NULL AS esv_value_agg
FROM spa.landuse_raster l, spa.region r WHERE l.rid OPERATOR(pg_catalog.=) 1 AND r.region_id OPERATOR(pg_catalog.=) 1;
SELECT ecocomp.landuse_transition(a.rast, b.rast, r.geom) IS NOT NULL AS landuse_transition
FROM spa.landuse_raster a, spa.landuse_raster b, spa.region r
WHERE a.rid OPERATOR(pg_catalog.=) 1 AND b.rid OPERATOR(pg_catalog.=) 2 AND r.region_id OPERATOR(pg_catalog.=) 1;
SELECT pg_catalog.count(*) AS pixel_coverage FROM spa.landuse_raster l, spa.region r,
	LATERAL ecocomp.pixel_coverage(l.rast, r.geom) c
WHERE l.rid OPERATOR(pg_catalog.=) 1 AND r.region_id OPERATOR(pg_catalog.=) 1;
SELECT ecocomp.esv_raster(l.rast, '1000'::float8) IS NOT NULL AS esv_raster FROM spa.landuse_raster l WHERE l.rid OPERATOR(pg_catalog.=) 1;
RESET search_path;
RESET ROLE;
-- (the reference tables are written by their owner: here the superuser)
SET search_path = evil, pg_catalog, public;
SELECT ecocomp.copy_esv_scheme('xie2015', 'spa_copy') AS copy_esv_scheme;
SELECT ecocomp.copy_gep_param_set('jinsha_2022', 'spa_copy') AS copy_gep_param_set;
RESET search_path;

-- nothing was called
SELECT what, pg_catalog.count(*) FROM evil.calls GROUP BY what ORDER BY what;
SELECT pg_catalog.count(*) AS hijacked_calls FROM evil.calls;

DELETE FROM ecocomp.landuse_map WHERE scheme = 'spa_copy';
DELETE FROM ecocomp.esv_factor WHERE scheme = 'spa_copy';
DELETE FROM ecocomp.esv_ecosystem WHERE scheme = 'spa_copy';
DELETE FROM ecocomp.esv_service WHERE scheme = 'spa_copy';
DELETE FROM ecocomp.esv_scheme WHERE scheme = 'spa_copy';
DELETE FROM ecocomp.gep_param WHERE param_set = 'spa_copy';
DELETE FROM ecocomp.gep_param_set WHERE param_set = 'spa_copy';
DROP SCHEMA spa CASCADE;
DROP SCHEMA evil CASCADE;
DO $$ BEGIN
	EXECUTE pg_catalog.format('REVOKE CREATE ON DATABASE %I FROM eco_attacker, eco_owner', pg_catalog.current_database());
END $$;
DROP ROLE eco_attacker;
DROP ROLE eco_owner;
DROP ROLE eco_reader;
