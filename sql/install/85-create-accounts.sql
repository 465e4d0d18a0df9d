------------------------------------------------------------------------------
-- Compensation accounts over the user's own data: create_accounts() makes,
-- in a schema of the caller's, the input tables (with the caller's SRID in
-- the geometry typmod), the cache of the raster step with its refresh()
-- function, and the result views.  Everything it creates belongs to the
-- caller: loading, refreshing and reading need no superuser, pg_dump keeps
-- it, and QGIS reads the declared geometry type and SRID.
--
-- The statements below are static SQL text in which only {{s}} (the account
-- schema), {{g}} (PostGIS's schema) and {{srid}} are substituted; the
-- method arithmetic lives in named functions of the extension.  The
-- function runs with a pinned search_path, so every view binds its
-- operators and functions to pg_catalog, the extension and PostGIS when it
-- is created, whatever the caller's path.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.create_accounts(target_schema text, srid integer)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	g text;		-- PostGIS schema, quoted
	s text := pg_catalog.quote_ident(target_schema);
	stmt text;
	known boolean;
BEGIN
	IF target_schema IS NULL OR srid IS NULL THEN
		RAISE EXCEPTION 'target_schema and srid must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF target_schema = '@extschema@' OR target_schema IN ('pg_catalog', 'information_schema')
	   OR target_schema LIKE 'pg\_%' THEN
		RAISE EXCEPTION 'cannot create accounts in schema "%"', target_schema
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'It is the extension''s or a system schema.',
				  HINT = 'Choose a schema of your own, e.g. create_accounts(''accounts'', 4547).';
	END IF;
	SELECT pg_catalog.quote_ident(n.nspname) INTO g
	FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
	WHERE x.extname = 'postgis';
	EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %s.spatial_ref_sys r WHERE r.srid = $1)', g) INTO known USING srid;
	IF srid <= 0 OR NOT known THEN
		RAISE EXCEPTION 'SRID % is not in spatial_ref_sys', srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use the SRID of your boundaries and rasters, e.g. 4547 or 32650.';
	END IF;

	-- an account of 0.1.0 (it has refresh_mine_vcs()): its views change
	-- columns, so they are dropped (an error names any object of yours that
	-- depends on them); later calls replace the views in place, keeping
	-- their grants
	IF pg_catalog.to_regprocedure(s || '.refresh_mine_vcs()') IS NOT NULL THEN
		EXECUTE replace($$DROP VIEW IF EXISTS {{s}}.city_compensation, {{s}}.city_esv, {{s}}.water_compensation,
			{{s}}.gep_restoration, {{s}}.region_landuse, {{s}}.mine_carbon_deficit;
			DROP FUNCTION {{s}}.refresh_mine_vcs()$$, '{{s}}', s);
	END IF;

	FOREACH stmt IN ARRAY ARRAY[
	-- inputs ------------------------------------------------------------------
	$$CREATE SCHEMA IF NOT EXISTS {{s}}$$,
	$$CREATE TABLE IF NOT EXISTS {{s}}.settings (
		one boolean PRIMARY KEY DEFAULT true CHECK (one),
		esv_scheme text NOT NULL DEFAULT 'xie2015',
		coverage text NOT NULL DEFAULT 'exact' CHECK (coverage IN ('exact', 'center')),
		compensation_k double precision NOT NULL DEFAULT 0.15 CHECK (compensation_k > 0 AND compensation_k <= 1),
		water_unit_value_yuan_per_hm2 double precision NOT NULL DEFAULT 2476 CHECK (water_unit_value_yuan_per_hm2 > 0),
		gep_param_set text NOT NULL DEFAULT 'jinsha_2022'
	)$$,
	-- columns added since 0.1.0 (ADD COLUMN IF NOT EXISTS upgrades older accounts)
	$$ALTER TABLE {{s}}.settings
		ADD COLUMN IF NOT EXISTS min_coverage_pct double precision NOT NULL DEFAULT 95
			CONSTRAINT min_coverage_pct_in_0_100 CHECK (min_coverage_pct >= 0 AND min_coverage_pct <= 100),
		ADD COLUMN IF NOT EXISTS water_yield_factor double precision NOT NULL DEFAULT 1.98
			CONSTRAINT water_yield_factor_positive CHECK (water_yield_factor > 0 AND water_yield_factor < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_equivalence_factor double precision NOT NULL DEFAULT 2.70
			CONSTRAINT water_equivalence_factor_positive CHECK (water_equivalence_factor > 0 AND water_equivalence_factor < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_productivity_m3_per_hm2 double precision NOT NULL DEFAULT 2912
			CONSTRAINT water_productivity_positive CHECK (water_productivity_m3_per_hm2 > 0 AND water_productivity_m3_per_hm2 < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_aquatic_productivity_t_per_hm2 double precision NOT NULL DEFAULT 0.029
			CONSTRAINT water_aquatic_productivity_positive CHECK (water_aquatic_productivity_t_per_hm2 > 0 AND water_aquatic_productivity_t_per_hm2 < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_ecological_reserve double precision NOT NULL DEFAULT 0.6
			CONSTRAINT water_ecological_reserve_in_0_1 CHECK (water_ecological_reserve >= 0 AND water_ecological_reserve < 1),
		ADD COLUMN IF NOT EXISTS carbon_price_yuan_per_t_co2 double precision
			CONSTRAINT carbon_price_yuan_per_t_co2_must_be_positive_and_finite CHECK (carbon_price_yuan_per_t_co2 > 0 AND carbon_price_yuan_per_t_co2 < 'Infinity'),
		ADD COLUMN IF NOT EXISTS priority_class_set text NOT NULL DEFAULT 'esv_paper'$$,
	$$INSERT INTO {{s}}.settings DEFAULT VALUES ON CONFLICT DO NOTHING$$,
	$$COMMENT ON TABLE {{s}}.settings IS 'ecocomp account settings (one row): ESV scheme, coverage mode, compensation coefficient k, minimum land-use coverage in % below which city results are withheld, water parameters (yield factor psi, equivalence factor a_w, water productivity P_w m3/hm2, aquatic productivity t/hm2, ecological reserve share, unit value yuan per national hm2; water_param overrides them per region and year), GEP parameter set, carbon price in yuan per t CO2 (no default: NULL gives no money value of the carbon deficit), priority class set of ecocomp.priority_class used by city_compensation (default esv_paper)'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.region (
		region_id integer PRIMARY KEY,
		name text NOT NULL,
		level text NOT NULL CHECK (level IN ('city', 'district', 'zone', 'mine', 'project')),
		parent_id integer REFERENCES {{s}}.region,
		province text,
		geom {{g}}.geometry(MultiPolygon, {{srid}}) NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS region_geom_idx ON {{s}}.region USING gist (geom)$$,
	$$COMMENT ON TABLE {{s}}.region IS 'Regions: cities, districts (parent: their zone), zones, mines, restoration projects, with their boundaries'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.region_stat (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		gdp_yuan double precision,
		population double precision,
		ea_yuan_per_hm2 double precision,
		aquatic_output_t double precision,
		freshwater_use_m3 double precision,
		pollution_dilution_m3 double precision,
		water_resources_m3 double precision,
		PRIMARY KEY (region_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.region_stat IS 'Yearly statistics of a region: GDP (yuan), population, standard equivalent value E_a (yuan/hm2/a), aquatic output (t), freshwater use, pollution dilution water and water resources (m3)'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.water_param (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		yield_factor double precision CONSTRAINT yield_factor_must_be_positive_and_finite CHECK (yield_factor > 0 AND yield_factor < 'Infinity'),
		equivalence_factor double precision CONSTRAINT equivalence_factor_must_be_positive_and_finite CHECK (equivalence_factor > 0 AND equivalence_factor < 'Infinity'),
		water_productivity double precision CONSTRAINT water_productivity_must_be_positive_and_finite CHECK (water_productivity > 0 AND water_productivity < 'Infinity'),
		aquatic_productivity double precision CONSTRAINT aquatic_productivity_must_be_positive_and_finite CHECK (aquatic_productivity > 0 AND aquatic_productivity < 'Infinity'),
		ecological_reserve double precision CONSTRAINT ecological_reserve_must_be_in_0_1 CHECK (ecological_reserve >= 0 AND ecological_reserve < 1),
		unit_value_yuan_per_hm2 double precision CONSTRAINT unit_value_yuan_per_hm2_must_be_positive_and_finite CHECK (unit_value_yuan_per_hm2 > 0 AND unit_value_yuan_per_hm2 < 'Infinity'),
		PRIMARY KEY (region_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.water_param IS 'Water parameters of a district (or of a zone, for all its districts) and year: yield factor psi, equivalence factor a_w, water productivity P_w (m3/hm2), aquatic productivity (t/hm2), ecological reserve share [0, 1), unit value (yuan per national hm2); NULL falls back to the zone''s row, then to settings'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.esv_adjustment (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		npp_factor double precision CONSTRAINT npp_factor_must_be_non_negative_and_finite CHECK (npp_factor >= 0 AND npp_factor < 'Infinity'),
		precipitation_factor double precision CONSTRAINT precipitation_factor_must_be_non_negative_and_finite CHECK (precipitation_factor >= 0 AND precipitation_factor < 'Infinity'),
		soil_factor double precision CONSTRAINT soil_factor_must_be_non_negative_and_finite CHECK (soil_factor >= 0 AND soil_factor < 'Infinity'),
		PRIMARY KEY (region_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.esv_adjustment IS 'Xie 2015 spatio-temporal adjustment of the ESV factors of a city and year (dimensionless, NULL = 1): npp_factor scales food production, raw materials, gas and climate regulation, environmental purification, nutrient cycling, biodiversity and aesthetic landscape; precipitation_factor water supply and hydrological regulation; soil_factor soil conservation (e.g. from esv_adjustment_factor); city_esv uses a row when present and says so in its note'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.landuse_raster (
		rid serial PRIMARY KEY,
		year integer NOT NULL,
		classification text NOT NULL,
		rast {{g}}.raster NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS landuse_raster_hull_idx ON {{s}}.landuse_raster USING gist ({{g}}.ST_ConvexHull(rast))$$,
	$$CREATE INDEX IF NOT EXISTS landuse_raster_year_idx ON {{s}}.landuse_raster (year)$$,
	$$COMMENT ON TABLE {{s}}.landuse_raster IS 'Land-use raster tiles (band 1: land-use codes of the classification) by year'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.gep_project (
		region_id integer PRIMARY KEY REFERENCES {{s}}.region ON DELETE CASCADE,
		before_year integer,
		after_year integer,
		before_areas jsonb,
		after_areas jsonb,
		classification text,
		overrides jsonb NOT NULL DEFAULT '{}'
	)$$,
	$$COMMENT ON TABLE {{s}}.gep_project IS 'Restoration projects: land-use areas before and after (jsonb, keyed by GEP land type, or by land-use code of classification), or the years whose land-use rasters give them; GEP parameter overrides'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.mine_vcs (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		pixel_id bigint NOT NULL,
		year integer NOT NULL,
		vcs_g_co2_m2 double precision,
		area_m2 double precision NOT NULL CHECK (area_m2 >= 0),
		destroyed_year integer,
		restored_year integer,
		PRIMARY KEY (region_id, pixel_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.mine_vcs IS 'Yearly VCS (g CO2/m2/a) of the disturbance-grid pixels of each mine with their area inside the mine (m2) and destruction / restoration years (NULL: none); filled by refresh() from npp_raster and disturbance_raster, or by hand when the account has none'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.crop_stat (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		crop text NOT NULL,
		price_yuan_per_kg double precision NOT NULL,
		yield_kg_per_hm2 double precision NOT NULL,
		sown_area_hm2 double precision NOT NULL,
		PRIMARY KEY (region_id, year, crop)
	)$$,
	$$COMMENT ON TABLE {{s}}.crop_stat IS 'Grain crops of a region and year: price (yuan/kg), yield (kg/hm2), sown area (hm2); E_a = standard_equivalent_value(...) when region_stat.ea_yuan_per_hm2 is NULL'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.npp_raster (
		rid serial PRIMARY KEY,
		year integer NOT NULL,
		unit text NOT NULL DEFAULT 'modis_dn' CHECK (unit IN ('modis_dn', 'g_c_m2')),
		rast {{g}}.raster NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS npp_raster_hull_idx ON {{s}}.npp_raster USING gist ({{g}}.ST_ConvexHull(rast))$$,
	$$COMMENT ON TABLE {{s}}.npp_raster IS 'Yearly NPP rasters on the disturbance CRS (band 1): MOD17A3HGF digital numbers (unit modis_dn) or g C/m2/a (unit g_c_m2); each must cover the disturbance tiles it touches'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.disturbance_raster (
		rid serial PRIMARY KEY,
		rast {{g}}.raster NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS disturbance_raster_hull_idx ON {{s}}.disturbance_raster USING gist ({{g}}.ST_ConvexHull(rast))$$,
	$$COMMENT ON TABLE {{s}}.disturbance_raster IS 'Vegetation disturbance tiles (e.g. 30 m): band 1 destruction year, band 2 restoration year (0 or nodata: none)'$$,

	-- the materialized raster step ------------------------------------------
	$$CREATE TABLE IF NOT EXISTS {{s}}.landuse_cache (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		classification text NOT NULL,
		landuse_area_ha jsonb,
		region_area_ha double precision,
		inputs text NOT NULL,
		refreshed_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
		refreshed_by_xact bigint NOT NULL DEFAULT pg_catalog.txid_current(),
		PRIMARY KEY (region_id, year, classification)
	)$$,
	$$COMMENT ON TABLE {{s}}.landuse_cache IS 'Materialized raster step, written by refresh(): land-use areas (jsonb, ha by code and nodata; NULL: no raster covers the region) of every city, district and zone in every land-use year, and of restoration projects in the years they need; the region''s area (ha); a fingerprint of the boundary, tiles and coverage mode that gave them; when and in which transaction'$$,
	$$CREATE TABLE IF NOT EXISTS {{s}}.mine_cache (
		region_id integer PRIMARY KEY REFERENCES {{s}}.region ON DELETE CASCADE,
		inputs text NOT NULL,
		refreshed_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
		refreshed_by_xact bigint NOT NULL DEFAULT pg_catalog.txid_current()
	)$$,
	$$COMMENT ON TABLE {{s}}.mine_cache IS 'Which mines refresh() last computed mine_vcs for, with a fingerprint of the boundary, NPP and disturbance tiles'$$,

	$$CREATE OR REPLACE FUNCTION {{s}}.landuse_inputs()
	RETURNS TABLE (region_id integer, year integer, classification text, srid integer,
				   geom {{g}}.geometry, g {{g}}.geometry, inputs text)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	WITH yrs AS (
		SELECT l.year, l.classification,
			   @extschema@.single_srid(format('land-use rasters of %s (%s)', l.year, l.classification),
					min({{g}}.ST_SRID(l.rast)), max({{g}}.ST_SRID(l.rast))) AS srid
		FROM {{s}}.landuse_raster l GROUP BY l.year, l.classification
	), reg AS (
		-- cities, districts, zones in every year; projects in the years
		-- whose areas they take from the rasters
		SELECT r.region_id, y.year, y.classification, y.srid, r.geom, {{g}}.ST_Transform(r.geom, y.srid) AS g
		FROM {{s}}.region r CROSS JOIN yrs y
		WHERE r.level IN ('city', 'district', 'zone')
		   OR EXISTS (SELECT FROM {{s}}.gep_project gp WHERE gp.region_id = r.region_id
					  AND ((gp.before_areas IS NULL AND gp.before_year = y.year)
						   OR (gp.after_areas IS NULL AND gp.after_year = y.year)))
	), want AS (
		-- the fingerprint: boundary, coverage mode, the tiles the boundary
		-- touches (their row versions)
		SELECT reg.*,
			   md5(concat_ws('|', md5({{g}}.ST_AsEWKB(reg.geom)), st.coverage,
					(SELECT string_agg(l.rid::text || ':' || l.xmin::text, ',' ORDER BY l.rid)
					 FROM {{s}}.landuse_raster l
					 WHERE l.year = reg.year AND l.classification = reg.classification
					   AND {{g}}.ST_ConvexHull(l.rast) OPERATOR({{g}}.&&) reg.g))) AS inputs
		FROM reg CROSS JOIN {{s}}.settings st
	)
	SELECT w.region_id, w.year, w.classification, w.srid, w.geom, w.g, w.inputs FROM want w
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.landuse_inputs() IS 'The (region, year, classification) triples whose land-use areas refresh() keeps in landuse_cache, each with a fingerprint (inputs) of its boundary, the row versions of the tiles it touches and the coverage mode'$$,
	$$CREATE OR REPLACE FUNCTION {{s}}.mine_inputs()
	RETURNS TABLE (region_id integer, inputs text)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	WITH fp AS (
		SELECT (SELECT md5(string_agg(n.rid::text || ':' || n.xmin::text, ',' ORDER BY n.rid)) FROM {{s}}.npp_raster n)
			   || (SELECT md5(string_agg(d.rid::text || ':' || d.xmin::text, ',' ORDER BY d.rid)) FROM {{s}}.disturbance_raster d) AS tiles
	)
	SELECT r.region_id, md5(md5({{g}}.ST_AsEWKB(r.geom)) || fp.tiles)
	FROM {{s}}.region r CROSS JOIN fp
	WHERE r.level = 'mine' AND fp.tiles IS NOT NULL
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.mine_inputs() IS 'The mines whose VCS series refresh() computes (none when the account has no NPP or no disturbance rasters), each with a fingerprint of its boundary and the row versions of the NPP and disturbance tiles'$$,
	$$CREATE OR REPLACE FUNCTION {{s}}.stale() RETURNS bigint
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	WITH w AS (SELECT * FROM {{s}}.landuse_inputs()), m AS (SELECT * FROM {{s}}.mine_inputs())
	SELECT (SELECT count(*) FROM w WHERE NOT EXISTS (SELECT FROM {{s}}.landuse_cache c WHERE c.region_id = w.region_id
				AND c.year = w.year AND c.classification = w.classification AND c.inputs = w.inputs))
		 + (SELECT count(*) FROM {{s}}.landuse_cache c WHERE NOT EXISTS (SELECT FROM w WHERE c.region_id = w.region_id
				AND c.year = w.year AND c.classification = w.classification))
		 + (SELECT count(*) FROM m WHERE NOT EXISTS (SELECT FROM {{s}}.mine_cache c WHERE c.region_id = m.region_id AND c.inputs = m.inputs))
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.stale() IS 'How many cached land-use rows and mines are out of date (to recompute or to remove) since the last refresh(); 0: the result views are current. Reads no raster pixels'$$,

	$$CREATE OR REPLACE FUNCTION {{s}}.refresh() RETURNS bigint
	LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	DECLARE
		n_landuse bigint;
		n_mines bigint := 0;
		mines integer[];
	BEGIN
		-- one refresh at a time (readers are not blocked)
		LOCK TABLE {{s}}.landuse_cache, {{s}}.mine_cache, {{s}}.mine_vcs IN SHARE ROW EXCLUSIVE MODE;
		-- land-use areas: of the triples wanted now (landuse_inputs), those
		-- whose fingerprint changed are recomputed, rows no longer wanted go
		WITH want AS (
			SELECT * FROM {{s}}.landuse_inputs()
		), gone AS (
			DELETE FROM {{s}}.landuse_cache c
			WHERE NOT EXISTS (SELECT FROM want w WHERE w.region_id = c.region_id AND w.year = c.year
							  AND w.classification = c.classification)
		), due AS (
			SELECT w.* FROM want w
			WHERE NOT EXISTS (SELECT FROM {{s}}.landuse_cache c WHERE c.region_id = w.region_id AND c.year = w.year
							  AND c.classification = w.classification AND c.inputs = w.inputs)
		), up AS (
			INSERT INTO {{s}}.landuse_cache AS c (region_id, year, classification, landuse_area_ha, region_area_ha, inputs)
			SELECT t.region_id, t.year, t.classification,
				   (SELECT @extschema@.landuse_area(l.rast, t.g, 1, st.coverage)
					FROM {{s}}.landuse_raster l
					WHERE l.year = t.year AND l.classification = t.classification
					  AND {{g}}.ST_ConvexHull(l.rast) OPERATOR({{g}}.&&) t.g),
				   @extschema@.region_area_ha(t.geom), t.inputs
			FROM due t CROSS JOIN {{s}}.settings st
			ON CONFLICT (region_id, year, classification) DO UPDATE
			SET landuse_area_ha = excluded.landuse_area_ha, region_area_ha = excluded.region_area_ha,
				inputs = excluded.inputs, refreshed_at = now(), refreshed_by_xact = txid_current()
			RETURNING 1
		)
		SELECT count(*) INTO n_landuse FROM up;

		-- mines: their per-pixel VCS series, for mines whose boundary or
		-- tiles changed; an account without NPP or disturbance rasters
		-- keeps the mine_vcs rows loaded by hand
		IF EXISTS (SELECT FROM {{s}}.npp_raster) AND EXISTS (SELECT FROM {{s}}.disturbance_raster) THEN
			WITH want AS (
				SELECT * FROM {{s}}.mine_inputs()
			), up AS (
				INSERT INTO {{s}}.mine_cache AS c (region_id, inputs)
				SELECT w.region_id, w.inputs FROM want w
				WHERE NOT EXISTS (SELECT FROM {{s}}.mine_cache c WHERE c.region_id = w.region_id AND c.inputs = w.inputs)
				ON CONFLICT (region_id) DO UPDATE
				SET inputs = excluded.inputs, refreshed_at = now(), refreshed_by_xact = txid_current()
				RETURNING c.region_id
			)
			SELECT array_agg(up.region_id) INTO mines FROM up;
			DELETE FROM {{s}}.mine_vcs v WHERE v.region_id = ANY (mines);
			WITH npp AS (
				SELECT m.year,
					   CASE m.unit WHEN 'modis_dn' THEN @extschema@.npp_from_modis(m.rast, 1) ELSE m.rast END AS rast
				FROM {{s}}.npp_raster m
			), pairs AS (
				SELECT n.year, d.rid, n.rast AS npp, d.rast AS dist
				FROM npp n JOIN {{s}}.disturbance_raster d
				  ON {{g}}.ST_ConvexHull(n.rast) OPERATOR({{g}}.&&) {{g}}.ST_ConvexHull(d.rast)
			), bg AS (
				-- the background NPP of a year: over every disturbance tile
				SELECT p.year, @extschema@.npp_background(p.npp, p.dist, p.year) AS npp_bg
				FROM pairs p GROUP BY p.year
			), px AS (
				-- each changed mine's pixels on the disturbance grid, once
				SELECT r.region_id, d.rid, c.pixel_id, c.area_m2
				FROM {{s}}.region r
				JOIN {{s}}.disturbance_raster d
				  ON {{g}}.ST_ConvexHull(d.rast) OPERATOR({{g}}.&&) {{g}}.ST_Transform(r.geom, {{g}}.ST_SRID(d.rast))
				CROSS JOIN LATERAL @extschema@.pixel_coverage(d.rast, {{g}}.ST_Transform(r.geom, {{g}}.ST_SRID(d.rast))) c
				WHERE r.region_id = ANY (mines)
			), tiles AS (
				SELECT DISTINCT px.rid FROM px
			), dv1 AS (
				-- destruction (band 1) and restoration (band 2) years of the
				-- pixels of those tiles, each band read once per tile
				SELECT d.rid, v.pixel_id, NULLIF(v.value, '0'::float8)::integer AS year
				FROM {{s}}.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL @extschema@.pixel_values(d.rast, 1) v
			), dv2 AS (
				SELECT d.rid, v.pixel_id, NULLIF(v.value, '0'::float8)::integer AS year
				FROM {{s}}.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL @extschema@.pixel_values(d.rast, 2) v
			), vcs AS (
				SELECT p.year, p.rid, @extschema@.vcs(@extschema@.npp_downscale(p.npp, p.dist, p.year, bg.npp_bg), 1) AS rast
				FROM pairs p JOIN tiles t ON t.rid = p.rid JOIN bg ON bg.year = p.year
			)
			INSERT INTO {{s}}.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
			SELECT px.region_id, px.pixel_id, v.year, pv.value, px.area_m2, dv1.year, dv2.year
			FROM vcs v
			CROSS JOIN LATERAL @extschema@.pixel_values(v.rast, 1) pv
			JOIN px ON px.rid = v.rid AND px.pixel_id = pv.pixel_id
			LEFT JOIN dv1 ON dv1.rid = px.rid AND dv1.pixel_id = px.pixel_id
			LEFT JOIN dv2 ON dv2.rid = px.rid AND dv2.pixel_id = px.pixel_id;
			n_mines := coalesce(cardinality(mines), 0);
		END IF;
		RETURN n_landuse + n_mines;
	END
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.refresh() IS 'Bring the materialized raster step up to date, incrementally: land-use areas (landuse_cache) of the (region, year, classification) triples whose boundary, tiles or coverage mode changed since the last refresh, and the per-pixel VCS series (mine_vcs) of the mines whose boundary or NPP/disturbance tiles changed; returns how many triples and mines it recomputed'$$,

	-- results -------------------------------------------------------------------
	$$CREATE OR REPLACE VIEW {{s}}.region_landuse AS
	SELECT (row_number() OVER (ORDER BY c.region_id, c.year, c.classification))::integer AS fid,
		   c.region_id, r.name, r.level, c.year, c.classification, c.landuse_area_ha,
		   c.region_area_ha, @extschema@.landuse_coverage_pct(c.landuse_area_ha, c.region_area_ha) AS landuse_coverage_pct,
		   c.refreshed_at, r.geom
	FROM {{s}}.landuse_cache c JOIN {{s}}.region r ON r.region_id = c.region_id$$,
	$$COMMENT ON VIEW {{s}}.region_landuse IS 'Land-use areas (jsonb, ha by code and nodata) of every city, district, zone and raster-based project in every land-use year, as of the last refresh(), with the region''s area (ha) and the % of it classified'$$,

	$$CREATE OR REPLACE VIEW {{s}}.city_esv AS
	WITH yrs AS (SELECT DISTINCT l.year, l.classification FROM {{s}}.landuse_raster l),
	base AS MATERIALIZED (
		SELECT c.region_id, c.name, c.province, y.year, y.classification, c.geom,
			   a.region_id IS NOT NULL AS refreshed, a.landuse_area_ha, ea.ea_yuan_per_hm2, st.population,
			   @extschema@.landuse_coverage_pct(a.landuse_area_ha, a.region_area_ha) AS coverage_pct, s.min_coverage_pct, s.esv_scheme,
			   -- the factor adjustment of the city and year (a NULL factor is 1)
			   jsonb_strip_nulls(jsonb_build_object('npp', adj.npp_factor, 'precipitation', adj.precipitation_factor,
													'soil', adj.soil_factor)) AS adjustment,
			   adj.region_id IS NOT NULL AS adjusted
		FROM {{s}}.region c CROSS JOIN yrs y CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		LEFT JOIN {{s}}.landuse_cache a ON a.region_id = c.region_id AND a.year = y.year AND a.classification = y.classification
		LEFT JOIN {{s}}.region_stat st ON st.region_id = c.region_id AND st.year = y.year
		LEFT JOIN {{s}}.esv_adjustment adj ON adj.region_id = c.region_id AND adj.year = y.year
		CROSS JOIN LATERAL (
			SELECT COALESCE(st.ea_yuan_per_hm2,
				(SELECT @extschema@.standard_equivalent_value(array_agg(cs.price_yuan_per_kg ORDER BY cs.crop),
						array_agg(cs.yield_kg_per_hm2 ORDER BY cs.crop), array_agg(cs.sown_area_hm2 ORDER BY cs.crop))
				 FROM {{s}}.crop_stat cs WHERE cs.region_id = c.region_id AND cs.year = y.year)) AS ea_yuan_per_hm2
		) ea
		WHERE c.level = 'city'
	), v AS MATERIALIZED (
		SELECT b.*,
			   CASE WHEN b.landuse_area_ha IS NOT NULL AND b.ea_yuan_per_hm2 IS NOT NULL AND b.coverage_pct >= b.min_coverage_pct
					THEN @extschema@.esv_value(b.landuse_area_ha, b.ea_yuan_per_hm2, b.classification, b.esv_scheme, b.adjustment) END AS esv
		FROM base b
	)
	SELECT (row_number() OVER (ORDER BY v.region_id, v.year, v.classification))::integer AS fid,
		   v.region_id, v.name, v.province, v.year, v.classification,
		   (v.esv).total AS esv_total_yuan, (v.esv).provisioning AS esv_provisioning_yuan,
		   (v.esv).regulating AS esv_regulating_yuan, (v.esv).supporting AS esv_supporting_yuan,
		   (v.esv).cultural AS esv_cultural_yuan, (v.esv).nonmarket AS esv_nonmarket_yuan,
		   (v.esv).total / NULLIF(v.population, 0::float8) AS esv_per_capita_yuan,
		   @extschema@.change_pct(lag((v.esv).total) OVER w, (v.esv).total) AS esv_change_pct,
		   @extschema@.esv_landuse_change_pct(lag((v.esv).total) OVER w, (v.esv).total,
				lag(v.ea_yuan_per_hm2) OVER w, v.ea_yuan_per_hm2) AS esv_landuse_change_pct,
		   lag(v.year) OVER w AS change_from_year,
		   v.ea_yuan_per_hm2, v.population, v.landuse_area_ha, v.coverage_pct AS landuse_coverage_pct,
		   NULLIF(concat_ws('; ',
		   CASE WHEN NOT v.refreshed THEN 'land-use areas not computed yet: run the account''s refresh()'
				WHEN v.landuse_area_ha IS NULL THEN 'no land-use raster covers the region in this year'
				WHEN v.coverage_pct < v.min_coverage_pct
				THEN format('land-use rasters classify %s %% of the region (%s %% is outside the rasters or nodata), below settings.min_coverage_pct = %s: results withheld',
							round(v.coverage_pct::numeric, 2), round((100 - v.coverage_pct)::numeric, 2), v.min_coverage_pct)
				WHEN v.ea_yuan_per_hm2 IS NULL THEN 'no standard equivalent value (region_stat.ea_yuan_per_hm2 or crop_stat) for this year'
				WHEN v.coverage_pct < 100 - 1e-9
				THEN format('partial: %s %% of the region is outside the rasters or nodata', round((100 - v.coverage_pct)::numeric, 2)) END,
		   CASE WHEN v.adjusted AND v.esv IS NOT NULL
				THEN format('factors adjusted by esv_adjustment: npp %s, precipitation %s, soil %s',
							COALESCE(v.adjustment ->> 'npp', '1'), COALESCE(v.adjustment ->> 'precipitation', '1'),
							COALESCE(v.adjustment ->> 'soil', '1')) END), '') AS note,
		   v.geom
	FROM v
	WINDOW w AS (PARTITION BY v.region_id, v.classification ORDER BY v.year)$$,
	$$COMMENT ON VIEW {{s}}.city_esv IS 'ESV of every city and land-use year in yuan/a: total, by service group, non-market, per capita; change in % from the previous land-use year, in total and driven by land use alone (at that year''s E_a); land-use areas (ha) and the % of the city they classify; factors adjusted (Xie 2015) where esv_adjustment has a row for the city and year, which the note says; NULL with a note where rasters or statistics are missing or coverage is below settings.min_coverage_pct'$$,

	$$CREATE OR REPLACE VIEW {{s}}.city_compensation AS
	WITH c AS (
		SELECT e.fid, e.region_id, e.name, e.province, e.year, e.geom, e.esv_nonmarket_yuan, e.landuse_coverage_pct,
			   st.gdp_yuan, s.compensation_k, s.priority_class_set, e.note AS esv_note,
			   CASE WHEN e.esv_nonmarket_yuan IS NOT NULL AND st.gdp_yuan > 0
					THEN @extschema@.ecps(e.esv_nonmarket_yuan, st.gdp_yuan) END AS ecps
		FROM {{s}}.city_esv e CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		LEFT JOIN {{s}}.region_stat st ON st.region_id = e.region_id AND st.year = e.year
	), r AS (
		SELECT c.*, @extschema@.compensation_intensity(c.ecps) AS t,
			   CASE WHEN c.ecps IS NOT NULL
					THEN @extschema@.vertical_compensation(c.esv_nonmarket_yuan, c.gdp_yuan, c.compensation_k) END AS compensation_yuan
		FROM c
	)
	SELECT r.fid, r.region_id, r.name, r.province, r.year, r.gdp_yuan, r.esv_nonmarket_yuan,
		   r.ecps, r.t AS compensation_intensity, r.compensation_k, r.compensation_yuan,
		   100::float8 * r.compensation_yuan / NULLIF(sum(r.compensation_yuan) OVER y, 0::float8) AS compensation_share_pct,
		   100::float8 * r.gdp_yuan / NULLIF(sum(r.gdp_yuan) FILTER (WHERE r.compensation_yuan IS NOT NULL) OVER y, 0::float8) AS gdp_share_pct,
		   100::float8 * r.compensation_yuan / r.gdp_yuan AS compensation_pct_of_gdp,
		   CASE WHEN r.ecps IS NOT NULL THEN @extschema@.ecps_priority_class(r.ecps, r.priority_class_set) END AS priority,
		   r.landuse_coverage_pct,
		   CASE WHEN r.esv_note IS NOT NULL AND r.esv_nonmarket_yuan IS NULL THEN r.esv_note
				WHEN r.gdp_yuan IS NULL THEN 'no GDP (region_stat.gdp_yuan) for this year'
				WHEN r.gdp_yuan <= 0 THEN 'GDP is not positive'
				ELSE r.esv_note END AS note,
		   r.geom
	FROM r
	WINDOW y AS (PARTITION BY r.year)$$,
	$$COMMENT ON VIEW {{s}}.city_compensation IS 'Compensation priority and vertical compensation of every city and land-use year (the ESV paper, Table 3): ECPS, demand intensity t, compensation in yuan, its share of the year''s total, GDP share, compensation as % of GDP, priority class (ecps_priority_class, set settings.priority_class_set: by default the ESV paper''s wording), land-use coverage in %; NULL with a note where data is missing or coverage is below settings.min_coverage_pct'$$,

	$$CREATE OR REPLACE VIEW {{s}}.water_compensation AS
	WITH yrs AS (
		SELECT DISTINCT st.year FROM {{s}}.region_stat st JOIN {{s}}.region r ON r.region_id = st.region_id
		WHERE r.level = 'district'
	), d AS (
		-- every district in every year: parameters from water_param (the
		-- district's row, then its zone's), then settings
		SELECT r.region_id, r.parent_id, y.year, st.population,
			   @extschema@.water_footprint(st.aquatic_output_t, st.freshwater_use_m3, st.pollution_dilution_m3,
					COALESCE(wd.equivalence_factor, wz.equivalence_factor, s.water_equivalence_factor),
					COALESCE(wd.water_productivity, wz.water_productivity, s.water_productivity_m3_per_hm2),
					COALESCE(wd.aquatic_productivity, wz.aquatic_productivity, s.water_aquatic_productivity_t_per_hm2)) AS ef,
			   @extschema@.water_carrying_capacity(st.water_resources_m3,
					COALESCE(wd.yield_factor, wz.yield_factor, s.water_yield_factor),
					COALESCE(wd.equivalence_factor, wz.equivalence_factor, s.water_equivalence_factor),
					COALESCE(wd.ecological_reserve, wz.ecological_reserve, s.water_ecological_reserve),
					COALESCE(wd.water_productivity, wz.water_productivity, s.water_productivity_m3_per_hm2)) AS ec,
			   COALESCE(wd.unit_value_yuan_per_hm2, wz.unit_value_yuan_per_hm2, s.water_unit_value_yuan_per_hm2) AS unit_value
		FROM {{s}}.region r CROSS JOIN yrs y CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		LEFT JOIN {{s}}.region_stat st ON st.region_id = r.region_id AND st.year = y.year
		LEFT JOIN {{s}}.water_param wd ON wd.region_id = r.region_id AND wd.year = y.year
		LEFT JOIN {{s}}.water_param wz ON wz.region_id = r.parent_id AND wz.year = y.year
		WHERE r.level = 'district'
	), db AS (
		SELECT d.*, CASE WHEN d.ef IS NOT NULL AND d.ec IS NOT NULL
						 THEN @extschema@.water_compensation((d.ef).total, d.ec, d.unit_value) END AS b
		FROM d
	), lvl AS (
		SELECT db.region_id, 'district'::text AS level, db.year, db.ef, db.ec, db.b, db.population,
			   CASE WHEN db.b IS NULL THEN 'water statistics (aquatic output, freshwater use, pollution dilution, water resources) missing for this district and year' END AS note
		FROM db
		UNION ALL
		SELECT z.region_id, 'zone', y.year,
			   CASE WHEN m.missing = 0 THEN m.ef END, CASE WHEN m.missing = 0 THEN m.ec END,
			   CASE WHEN m.missing = 0 THEN m.b END, m.population,
			   CASE WHEN m.n = 0 THEN 'the zone has no districts (region.parent_id)'
					WHEN m.missing > 0 THEN format('water statistics missing for %s of the zone''s %s districts', m.missing, m.n) END
		FROM {{s}}.region z CROSS JOIN yrs y
		CROSS JOIN LATERAL (
			SELECT @extschema@.water_footprint_sum(db.ef) AS ef, sum(db.ec) AS ec,
				   @extschema@.water_balance_sum(db.b) AS b,
				   CASE WHEN count(*) = count(db.population) THEN sum(db.population) END AS population,
				   count(*) FILTER (WHERE db.b IS NULL) AS missing, count(*) AS n
			FROM db WHERE db.parent_id = z.region_id AND db.year = y.year
		) m
		WHERE z.level = 'zone'
	)
	SELECT (row_number() OVER (ORDER BY l.year, l.level, l.region_id))::integer AS fid,
		   r.region_id, r.name, l.level, l.year,
		   (l.ef).aquatic AS ef_aquatic_hm2, (l.ef).freshwater AS ef_freshwater_hm2,
		   (l.ef).pollution AS ef_pollution_hm2, (l.ef).total AS ef_total_hm2, l.ec AS ec_hm2,
		   (l.b).erd AS erd_hm2, (l.b).value_yuan, (l.b).role,
		   l.population,
		   (l.ef).total / NULLIF(l.population, 0::float8) AS ef_per_capita_hm2,
		   l.ec / NULLIF(l.population, 0::float8) AS ec_per_capita_hm2,
		   (l.b).erd / NULLIF(l.population, 0::float8) AS erd_per_capita_hm2,
		   l.note, r.geom
	FROM lvl l JOIN {{s}}.region r ON r.region_id = l.region_id$$,
	$$COMMENT ON VIEW {{s}}.water_compensation IS 'Water resource ecological footprint by sub-account, carrying capacity, deficit (< 0) or surplus, its value in yuan and the role (payer / recipient) of every district and zone and year (national hm2; the water-footprint paper), in total and per capita where population is known; zones are the sums of their districts (water_footprint_sum, water_balance_sum); NULL with a note where statistics are missing'$$,

	$$CREATE OR REPLACE VIEW {{s}}.horizontal_compensation AS
	WITH b AS (
		SELECT w.year, w.level, count(*) FILTER (WHERE w.value_yuan IS NULL) AS left_out,
			   array_agg(w.region_id ORDER BY w.region_id) FILTER (WHERE w.value_yuan IS NOT NULL) AS ids,
			   array_agg(w.value_yuan ORDER BY w.region_id) FILTER (WHERE w.value_yuan IS NOT NULL) AS bal
		FROM {{s}}.water_compensation w GROUP BY w.year, w.level
	), t AS (
		SELECT b.year, b.level, b.left_out, x.payer_region_id, x.recipient_region_id, x.amount
		FROM b CROSS JOIN LATERAL @extschema@.horizontal_transfers(b.ids, b.bal) x
	)
	SELECT (row_number() OVER (ORDER BY t.year, t.level, t.payer_region_id NULLS FIRST, t.recipient_region_id NULLS FIRST))::integer AS fid,
		   t.year, t.level, t.payer_region_id, p.name AS payer_name,
		   t.recipient_region_id, r.name AS recipient_name, t.amount AS amount_yuan,
		   NULLIF(concat_ws('; ',
				CASE WHEN p.region_id IS NULL THEN 'unmatched: owed to the recipient, to be covered vertically'
					 WHEN r.region_id IS NULL THEN 'unmatched: owed by the payer, to be covered vertically' END,
				CASE WHEN t.left_out > 0 THEN format('%s region(s) of this level and year have no water balance and take no part', t.left_out) END), '') AS note,
		   CASE WHEN p.region_id IS NOT NULL AND r.region_id IS NOT NULL
				THEN {{g}}.ST_MakeLine({{g}}.ST_PointOnSurface(p.geom), {{g}}.ST_PointOnSurface(r.geom)) END::{{g}}.geometry(LineString, {{srid}}) AS geom
	FROM t
	LEFT JOIN {{s}}.region p ON p.region_id = t.payer_region_id
	LEFT JOIN {{s}}.region r ON r.region_id = t.recipient_region_id$$,
	$$COMMENT ON VIEW {{s}}.horizontal_compensation IS 'Horizontal water compensation, who pays whom in yuan, per year and level (zone or district): payer p pays recipient r T * (d_p / D) * (s_r / S) with D, S the sums of the deficit and surplus values and T = min(D, S) (horizontal_transfers); unmatched rests with the other side NULL; geometry a line from payer to recipient'$$,

	$$CREATE OR REPLACE VIEW {{s}}.gep_restoration AS
	WITH p AS (
		-- land-use areas from rasters only for projects that give none
		SELECT r.region_id, r.name, r.geom, gp.before_year, gp.after_year, gp.overrides,
			   COALESCE(gp.before_areas, lb.landuse_area_ha) AS before_areas,
			   COALESCE(gp.after_areas, la.landuse_area_ha) AS after_areas,
			   CASE WHEN gp.before_areas IS NOT NULL OR gp.after_areas IS NOT NULL THEN gp.classification
					ELSE COALESCE(lb.classification, la.classification) END AS classification,
			   s.gep_param_set
		FROM {{s}}.gep_project gp
		JOIN {{s}}.region r ON r.region_id = gp.region_id
		CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		-- (one classification per year: the project's, else the first by name)
		LEFT JOIN LATERAL (
			SELECT c.landuse_area_ha, c.classification FROM {{s}}.landuse_cache c
			WHERE gp.before_areas IS NULL AND c.region_id = gp.region_id AND c.year = gp.before_year
			  AND (gp.classification IS NULL OR c.classification = gp.classification)
			ORDER BY c.classification LIMIT 1) lb ON true
		LEFT JOIN LATERAL (
			SELECT c.landuse_area_ha, c.classification FROM {{s}}.landuse_cache c
			WHERE gp.after_areas IS NULL AND c.region_id = gp.region_id AND c.year = gp.after_year
			  AND (gp.classification IS NULL OR c.classification = gp.classification)
			ORDER BY c.classification LIMIT 1) la ON true
	), c AS (
		SELECT p.region_id, x.*
		FROM p CROSS JOIN LATERAL @extschema@.gep_compare(p.before_areas, p.after_areas, p.gep_param_set, p.overrides, p.classification) x
		WHERE p.before_areas IS NOT NULL AND p.after_areas IS NOT NULL AND x.level IN ('group', 'total')
	)
	SELECT p.region_id AS fid, p.region_id, p.name, p.before_year, p.after_year,
		   max(c.before_yuan) FILTER (WHERE c.level = 'total') AS gep_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'total') AS gep_after_yuan,
		   max(c.change_yuan) FILTER (WHERE c.level = 'total') AS gep_change_yuan,
		   max(c.change_pct) FILTER (WHERE c.level = 'total') AS gep_change_pct,
		   max(c.before_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'provisioning') AS provisioning_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'provisioning') AS provisioning_after_yuan,
		   max(c.before_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'regulating') AS regulating_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'regulating') AS regulating_after_yuan,
		   max(c.before_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'cultural') AS cultural_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'cultural') AS cultural_after_yuan,
		   CASE WHEN p.before_areas IS NULL THEN 'no land-use areas before restoration (before_areas, or a raster of before_year and refresh())'
				WHEN p.after_areas IS NULL THEN 'no land-use areas after restoration (after_areas, or a raster of after_year and refresh())' END AS note,
		   p.geom
	FROM p LEFT JOIN c ON c.region_id = p.region_id
	GROUP BY p.region_id, p.name, p.before_year, p.after_year, p.before_areas, p.after_areas, p.geom$$,
	$$COMMENT ON VIEW {{s}}.gep_restoration IS 'GEP of every restoration project before and after (yuan/a): total, change, by service group (the GEP paper, Tables 4-6; ecocomp.gep_compare gives the full breakdown); areas from gep_project, or from the land-use rasters as of the last refresh()'$$,

	$$CREATE OR REPLACE VIEW {{s}}.mine_carbon_deficit AS
	WITH px AS (
		SELECT v.region_id, v.pixel_id, v.area_m2,
			   @extschema@.vcs_deficit(v.year, v.vcs_g_co2_m2, v.destroyed_year, v.restored_year) AS d,
			   bool_or(v.destroyed_year IS NOT NULL) AS destroyed,
			   bool_or(v.restored_year IS NOT NULL) AS restored
		FROM {{s}}.mine_vcs v
		GROUP BY v.region_id, v.pixel_id, v.area_m2
	), m AS (
		SELECT px.region_id,
			   sum((px.d).direct_decrease * px.area_m2) FILTER (WHERE px.destroyed) / 1e9::float8 AS direct_decrease_gg_co2,
			   sum((px.d).direct_increase * px.area_m2) FILTER (WHERE px.restored) / 1e9::float8 AS direct_increase_gg_co2,
			   sum((px.d).c_destroy * px.area_m2) / 1e9::float8 AS c_destroy_gg_co2,
			   sum((px.d).c_restore * px.area_m2) / 1e9::float8 AS c_restore_gg_co2,
			   sum((px.d).vcsd * px.area_m2) / 1e9::float8 AS vcsd_gg_co2,
			   sum(px.area_m2) FILTER (WHERE px.destroyed) AS destroyed_area_m2,
			   sum(px.area_m2) FILTER (WHERE px.restored) AS restored_area_m2,
			   count(*) FILTER (WHERE px.destroyed AND (px.d).baseline_years < 2) AS pixels_without_baseline
		FROM px GROUP BY px.region_id
	)
	SELECT r.region_id AS fid, r.region_id, r.name, m.direct_decrease_gg_co2, m.direct_increase_gg_co2,
		   m.c_destroy_gg_co2, m.c_restore_gg_co2, m.vcsd_gg_co2,
		   @extschema@.carbon_value_yuan(m.vcsd_gg_co2, s.carbon_price_yuan_per_t_co2) AS vcsd_value_yuan,
		   m.destroyed_area_m2, m.restored_area_m2,
		   m.restored_area_m2 / NULLIF(m.destroyed_area_m2, 0::float8) AS r_v,
		   m.direct_increase_gg_co2 / NULLIF(m.direct_decrease_gg_co2, 0::float8) AS r_vcs,
		   1e9::float8 * m.direct_decrease_gg_co2 / NULLIF(m.destroyed_area_m2, 0::float8) AS c_ddper_g_co2_m2,
		   1e9::float8 * m.direct_increase_gg_co2 / NULLIF(m.restored_area_m2, 0::float8) AS c_diper_g_co2_m2,
		   NULLIF(concat_ws('; ',
		   CASE WHEN m.region_id IS NULL THEN 'no VCS series for this mine (mine_vcs: run refresh() or load it)'
				WHEN m.pixels_without_baseline > 0 THEN format('%s destroyed pixel(s) have fewer than two years before destruction: no baseline, left out of C_destroy, C_restore and VCSD', m.pixels_without_baseline) END,
		   CASE WHEN m.vcsd_gg_co2 IS NOT NULL AND s.carbon_price_yuan_per_t_co2 IS NULL
				THEN 'no carbon price (settings.carbon_price_yuan_per_t_co2): no money value' END), '') AS note,
		   r.geom
	FROM {{s}}.region r CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
	LEFT JOIN m ON m.region_id = r.region_id
	WHERE r.level = 'mine'$$,
	$$COMMENT ON VIEW {{s}}.mine_carbon_deficit IS 'Vegetation carbon deficit of every mine (the carbon paper): direct decrease and increase, C_destroy, C_restore, VCSD in Gg CO2 (1e9 g), restored / destroyed area R_V, R_VCS, per-area direct changes in g CO2/m2; the money value of VCSD in yuan at settings.carbon_price_yuan_per_t_co2 (NULL, with a note, when no price is set); mine_carbon_series gives it year by year'$$,

	$$CREATE OR REPLACE VIEW {{s}}.mine_carbon_series AS
	WITH px AS (
		-- each pixel's series as of the last refresh() (or loaded by hand)
		SELECT v.region_id, v.pixel_id, v.area_m2, v.destroyed_year, v.restored_year,
			   array_agg(v.year ORDER BY v.year) AS years, array_agg(v.vcs_g_co2_m2 ORDER BY v.year) AS vcs
		FROM {{s}}.mine_vcs v
		GROUP BY v.region_id, v.pixel_id, v.area_m2, v.destroyed_year, v.restored_year
	), y AS (
		-- that year's terms of every pixel (vcs_deficit_series: they add up
		-- to vcs_deficit), weighted by the pixel's area in the mine
		SELECT px.region_id, d.year,
			   sum(d.direct_decrease * px.area_m2) / 1e9::float8 AS direct_decrease_gg_co2,
			   sum(d.direct_increase * px.area_m2) / 1e9::float8 AS direct_increase_gg_co2,
			   sum(d.c_destroy * px.area_m2) / 1e9::float8 AS c_destroy_gg_co2,
			   sum(d.c_restore * px.area_m2) / 1e9::float8 AS c_restore_gg_co2,
			   COALESCE(sum(px.area_m2) FILTER (WHERE d.destroyed_this_year), 0::float8) AS destroyed_area_m2,
			   COALESCE(sum(px.area_m2) FILTER (WHERE d.restored_this_year), 0::float8) AS restored_area_m2,
			   count(*) FILTER (WHERE d.phase <> 'undisturbed' AND d.baseline IS NULL) AS pixels_without_baseline
		FROM px CROSS JOIN LATERAL @extschema@.vcs_deficit_series(px.years, px.vcs, px.destroyed_year, px.restored_year) d
		GROUP BY px.region_id, d.year
	), c AS (
		SELECT y.*,
			   sum(y.direct_decrease_gg_co2) OVER w AS cum_decrease, sum(y.direct_increase_gg_co2) OVER w AS cum_increase,
			   sum(y.destroyed_area_m2) OVER w AS cum_destroyed, sum(y.restored_area_m2) OVER w AS cum_restored
		FROM y
		WINDOW w AS (PARTITION BY y.region_id ORDER BY y.year)
	)
	SELECT (row_number() OVER (ORDER BY c.region_id, c.year))::integer AS fid,
		   c.region_id, r.name, c.year,
		   c.direct_decrease_gg_co2, c.direct_increase_gg_co2, c.c_destroy_gg_co2, c.c_restore_gg_co2,
		   0::float8 - (c.c_destroy_gg_co2 + c.c_restore_gg_co2) AS vcsd_gg_co2,
		   @extschema@.carbon_value_yuan(0::float8 - (c.c_destroy_gg_co2 + c.c_restore_gg_co2), s.carbon_price_yuan_per_t_co2) AS vcsd_value_yuan,
		   c.destroyed_area_m2, c.restored_area_m2,
		   c.cum_destroyed AS cumulative_destroyed_area_m2, c.cum_restored AS cumulative_restored_area_m2,
		   c.cum_restored / NULLIF(c.cum_destroyed, 0::float8) AS r_v,
		   c.cum_increase / NULLIF(c.cum_decrease, 0::float8) AS r_vcs,
		   1e9::float8 * c.cum_decrease / NULLIF(c.cum_destroyed, 0::float8) AS c_ddper_g_co2_m2,
		   1e9::float8 * c.cum_increase / NULLIF(c.cum_restored, 0::float8) AS c_diper_g_co2_m2,
		   NULLIF(concat_ws('; ',
		   CASE WHEN c.pixels_without_baseline > 0 THEN format('%s disturbed pixel(s) have fewer than two years before destruction: no baseline, left out of C_destroy_t, C_restore_t and VCSD', c.pixels_without_baseline) END,
		   CASE WHEN s.carbon_price_yuan_per_t_co2 IS NULL THEN 'no carbon price (settings.carbon_price_yuan_per_t_co2): no money value' END), '') AS note,
		   r.geom
	FROM c JOIN {{s}}.region r ON r.region_id = c.region_id
	CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
	WHERE r.level = 'mine'$$,
	$$COMMENT ON VIEW {{s}}.mine_carbon_series IS 'Vegetation carbon deficit of every mine year by year (the carbon paper, Fig. 2 and Table S1), from the cached per-pixel series mine_vcs (vcs_deficit_series): that year''s direct decrease and increase, C_destroy_t, C_restore_t and VCSD in Gg CO2 and its money value in yuan (settings.carbon_price_yuan_per_t_co2), the area destroyed and restored that year (m2, where the disturbance takes effect: the first series year at or after its date), and cumulative to that year the areas, R_V, R_VCS, C_ddper and C_diper (g CO2/m2), a note where pixels lack a baseline or no carbon price is set; summed over the years the Gg CO2 columns equal mine_carbon_deficit'$$
	] LOOP
		EXECUTE replace(replace(replace(stmt, '{{s}}', s), '{{g}}', g), '{{srid}}', srid::text);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_accounts(text, integer) IS
	'Create (or upgrade, keeping the data) a compensation account schema: input tables region (geometry MultiPolygon in the given SRID), region_stat, water_param, esv_adjustment, crop_stat, landuse_raster, npp_raster, disturbance_raster, gep_project, mine_vcs, settings; the materialized raster step landuse_cache and mine_cache with the functions refresh(), stale(), landuse_inputs(), mine_inputs(); result views region_landuse, city_esv, city_compensation, water_compensation, horizontal_compensation, gep_restoration, mine_carbon_deficit, mine_carbon_series; the factor adjustment table esv_adjustment; all owned by the caller';
