------------------------------------------------------------------------------
-- Compensation accounts over the user's own data: create_accounts() makes,
-- in a schema of the caller's, the input tables (with the caller's SRID in
-- the geometry typmod) and the result views.  Everything it creates belongs
-- to the caller: loading, materializing and refreshing need no superuser,
-- pg_dump keeps it, and QGIS reads the declared geometry type and SRID.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.single_srid(what text, min_srid integer, max_srid integer)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF min_srid IS DISTINCT FROM max_srid THEN
		RAISE EXCEPTION '% come in different SRIDs: % and %', what, min_srid, max_srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Reproject the rasters of one year to one SRID (gdalwarp -t_srs) before loading them.';
	END IF;
	RETURN min_srid;
END
$$;
COMMENT ON FUNCTION @extschema@.single_srid(text, integer, integer) IS
	'The SRID of a set of rasters whose smallest and largest SRID are given, or an error naming them when they differ (used by the account views)';

CREATE FUNCTION @extschema@.create_accounts(target_schema text, srid integer)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $fn$
DECLARE
	g text;		-- PostGIS schema, quoted
	e text := pg_catalog.quote_ident('@extschema@');
	s text := pg_catalog.quote_ident(target_schema);
	geom text;
	area_ha text;	-- area of a region in hm2, as the raster engine measures it
BEGIN
	IF target_schema IS NULL OR srid IS NULL THEN
		RAISE EXCEPTION 'target_schema and srid must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT pg_catalog.quote_ident(n.nspname) INTO g
	FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
	WHERE x.extname = 'postgis';
	EXECUTE pg_catalog.format('SELECT CASE WHEN proj4text LIKE ''%%+proj=longlat%%''
		THEN ''%1$s.ST_Area(b.geom::%1$s.geography) / 1e4'' ELSE ''%1$s.ST_Area(b.geom) / 1e4'' END
		FROM %1$s.spatial_ref_sys WHERE srid = $1', g) INTO area_ha USING srid;
	IF srid <= 0 OR area_ha IS NULL THEN
		RAISE EXCEPTION 'SRID % is not in spatial_ref_sys', srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use the SRID of your boundaries and rasters, e.g. 4547 or 32650.';
	END IF;
	geom := pg_catalog.format('%s.geometry(MultiPolygon, %s)', g, srid);

	EXECUTE pg_catalog.format('CREATE SCHEMA IF NOT EXISTS %s', s);

	-- inputs --------------------------------------------------------------
	EXECUTE pg_catalog.format($$
		CREATE TABLE IF NOT EXISTS %1$s.settings (
			one boolean PRIMARY KEY DEFAULT true CHECK (one),
			esv_scheme text NOT NULL DEFAULT 'xie2015',
			coverage text NOT NULL DEFAULT 'exact' CHECK (coverage IN ('exact', 'center')),
			compensation_k double precision NOT NULL DEFAULT 0.15 CHECK (compensation_k > 0 AND compensation_k <= 1),
			water_unit_value_yuan_per_hm2 double precision NOT NULL DEFAULT 2476 CHECK (water_unit_value_yuan_per_hm2 > 0),
			gep_param_set text NOT NULL DEFAULT 'jinsha_2022'
		);
		INSERT INTO %1$s.settings DEFAULT VALUES ON CONFLICT DO NOTHING;
		COMMENT ON TABLE %1$s.settings IS 'ecocomp account settings (one row): ESV scheme, coverage mode, compensation coefficient k, water unit value (yuan per national hm2), GEP parameter set';

		CREATE TABLE IF NOT EXISTS %1$s.region (
			region_id integer PRIMARY KEY,
			name text NOT NULL,
			level text NOT NULL CHECK (level IN ('city', 'district', 'zone', 'mine', 'project')),
			parent_id integer REFERENCES %1$s.region,
			province text,
			geom %2$s NOT NULL
		);
		CREATE INDEX IF NOT EXISTS region_geom_idx ON %1$s.region USING gist (geom);
		COMMENT ON TABLE %1$s.region IS 'Regions: cities, districts (parent: their zone), zones, mines, restoration projects, with their boundaries';

		CREATE TABLE IF NOT EXISTS %1$s.region_stat (
			region_id integer NOT NULL REFERENCES %1$s.region ON DELETE CASCADE,
			year integer NOT NULL,
			gdp_yuan double precision,
			population double precision,
			ea_yuan_per_hm2 double precision,
			aquatic_output_t double precision,
			freshwater_use_m3 double precision,
			pollution_dilution_m3 double precision,
			water_resources_m3 double precision,
			PRIMARY KEY (region_id, year)
		);
		COMMENT ON TABLE %1$s.region_stat IS 'Yearly statistics of a region: GDP (yuan), population, standard equivalent value E_a (yuan/hm2/a), aquatic output (t), freshwater use, pollution dilution water and water resources (m3)';

		CREATE TABLE IF NOT EXISTS %1$s.landuse_raster (
			rid serial PRIMARY KEY,
			year integer NOT NULL,
			classification text NOT NULL,
			rast %3$s.raster NOT NULL
		);
		CREATE INDEX IF NOT EXISTS landuse_raster_hull_idx ON %1$s.landuse_raster USING gist (%3$s.ST_ConvexHull(rast));
		CREATE INDEX IF NOT EXISTS landuse_raster_year_idx ON %1$s.landuse_raster (year);
		COMMENT ON TABLE %1$s.landuse_raster IS 'Land-use raster tiles (band 1: land-use codes of the classification) by year';

		CREATE TABLE IF NOT EXISTS %1$s.gep_project (
			region_id integer PRIMARY KEY REFERENCES %1$s.region ON DELETE CASCADE,
			before_year integer,
			after_year integer,
			before_areas jsonb,
			after_areas jsonb,
			classification text,
			overrides jsonb NOT NULL DEFAULT '{}'
		);
		COMMENT ON TABLE %1$s.gep_project IS 'Restoration projects: land-use areas before and after (jsonb, keyed by GEP land type, or by land-use code of classification), or the years whose land-use rasters give them; GEP parameter overrides';

		CREATE TABLE IF NOT EXISTS %1$s.mine_vcs (
			region_id integer NOT NULL REFERENCES %1$s.region ON DELETE CASCADE,
			pixel_id bigint NOT NULL,
			year integer NOT NULL,
			vcs_g_co2_m2 double precision,
			area_m2 double precision NOT NULL CHECK (area_m2 >= 0),
			destroyed_year integer,
			restored_year integer,
			PRIMARY KEY (region_id, pixel_id, year)
		);
		CREATE TABLE IF NOT EXISTS %1$s.crop_stat (
			region_id integer NOT NULL REFERENCES %1$s.region ON DELETE CASCADE,
			year integer NOT NULL,
			crop text NOT NULL,
			price_yuan_per_kg double precision NOT NULL,
			yield_kg_per_hm2 double precision NOT NULL,
			sown_area_hm2 double precision NOT NULL,
			PRIMARY KEY (region_id, year, crop)
		);
		COMMENT ON TABLE %1$s.crop_stat IS 'Grain crops of a region and year: price (yuan/kg), yield (kg/hm2), sown area (hm2); E_a = standard_equivalent_value(...) when region_stat.ea_yuan_per_hm2 is NULL';

		CREATE TABLE IF NOT EXISTS %1$s.npp_raster (
			rid serial PRIMARY KEY,
			year integer NOT NULL,
			unit text NOT NULL DEFAULT 'modis_dn' CHECK (unit IN ('modis_dn', 'g_c_m2')),
			rast %3$s.raster NOT NULL
		);
		CREATE INDEX IF NOT EXISTS npp_raster_hull_idx ON %1$s.npp_raster USING gist (%3$s.ST_ConvexHull(rast));
		COMMENT ON TABLE %1$s.npp_raster IS 'Yearly NPP rasters on the disturbance CRS (band 1): MOD17A3HGF digital numbers (unit modis_dn) or g C/m2/a (unit g_c_m2); each must cover the disturbance tiles it touches';

		CREATE TABLE IF NOT EXISTS %1$s.disturbance_raster (
			rid serial PRIMARY KEY,
			rast %3$s.raster NOT NULL
		);
		CREATE INDEX IF NOT EXISTS disturbance_raster_hull_idx ON %1$s.disturbance_raster USING gist (%3$s.ST_ConvexHull(rast));
		COMMENT ON TABLE %1$s.disturbance_raster IS 'Vegetation disturbance tiles (e.g. 30 m): band 1 destruction year, band 2 restoration year (0 or nodata: none)';

		COMMENT ON TABLE %1$s.mine_vcs IS 'Yearly VCS (g CO2/m2/a) of the disturbance-grid pixels of each mine with their area inside the mine (m2) and destruction / restoration years (NULL: none); filled by refresh_mine_vcs() or by hand';
	$$, s, geom, g);

	-- the per-pixel series of every mine from npp_raster and disturbance_raster
	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE FUNCTION %1$s.refresh_mine_vcs() RETURNS bigint
		LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
		AS $body$
		DECLARE
			n bigint;
		BEGIN
			DELETE FROM %1$s.mine_vcs v USING %1$s.region r WHERE r.region_id = v.region_id AND r.level = 'mine';
			WITH npp AS (
				SELECT m.year,
					   CASE m.unit WHEN 'modis_dn' THEN %2$s.npp_from_modis(m.rast, 1) ELSE m.rast END AS rast
				FROM %1$s.npp_raster m
			), pairs AS (
				SELECT n.year, d.rid, n.rast AS npp, d.rast AS dist
				FROM npp n JOIN %1$s.disturbance_raster d
				  ON %3$s.ST_ConvexHull(n.rast) OPERATOR(%3$s.&&) %3$s.ST_ConvexHull(d.rast)
			), bg AS (
				-- the background NPP of a year: over every disturbance tile
				SELECT p.year, %2$s.npp_background(p.npp, p.dist, p.year) AS npp_bg
				FROM pairs p GROUP BY p.year
			), px AS (
				-- each mine's pixels on the disturbance grid, once
				SELECT r.region_id, d.rid, c.pixel_id, c.area_m2
				FROM %1$s.region r
				JOIN %1$s.disturbance_raster d
				  ON %3$s.ST_ConvexHull(d.rast) OPERATOR(%3$s.&&) %3$s.ST_Transform(r.geom, %3$s.ST_SRID(d.rast))
				CROSS JOIN LATERAL %2$s.pixel_coverage(d.rast, %3$s.ST_Transform(r.geom, %3$s.ST_SRID(d.rast))) c
				WHERE r.level = 'mine'
			), tiles AS (
				SELECT DISTINCT px.rid FROM px
			), dv1 AS (
				-- destruction (band 1) and restoration (band 2) years of the
				-- pixels of those tiles, each band read once per tile
				SELECT d.rid, v.pixel_id, NULLIF(v.value, 0)::integer AS year
				FROM %1$s.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL %2$s.pixel_values(d.rast, 1) v
			), dv2 AS (
				SELECT d.rid, v.pixel_id, NULLIF(v.value, 0)::integer AS year
				FROM %1$s.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL %2$s.pixel_values(d.rast, 2) v
			), vcs AS (
				SELECT p.year, p.rid, %2$s.vcs(%2$s.npp_downscale(p.npp, p.dist, p.year, bg.npp_bg), 1) AS rast
				FROM pairs p JOIN tiles t ON t.rid = p.rid JOIN bg ON bg.year = p.year
			)
			INSERT INTO %1$s.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
			SELECT px.region_id, px.pixel_id, v.year, pv.value, px.area_m2, dv1.year, dv2.year
			FROM vcs v
			CROSS JOIN LATERAL %2$s.pixel_values(v.rast, 1) pv
			JOIN px ON px.rid = v.rid AND px.pixel_id = pv.pixel_id
			LEFT JOIN dv1 ON dv1.rid = px.rid AND dv1.pixel_id = px.pixel_id
			LEFT JOIN dv2 ON dv2.rid = px.rid AND dv2.pixel_id = px.pixel_id;
			GET DIAGNOSTICS n = ROW_COUNT;
			RETURN n;
		END
		$body$;
		COMMENT ON FUNCTION %1$s.refresh_mine_vcs() IS 'Recompute mine_vcs for every mine from npp_raster and disturbance_raster: background NPP per year, scale transformation to the disturbance grid, VCS, each mine''s pixel coverage; returns the rows written';
	$$, s, e, g);

	-- results ---------------------------------------------------------------
	-- land-use areas of every region and raster year (reused by the views)
	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.region_landuse AS
		WITH yrs AS (
			SELECT l.year, l.classification,
				   %2$s.single_srid(pg_catalog.format('land-use rasters of %%s (%%s)', l.year, l.classification),
						pg_catalog.min(%3$s.ST_SRID(l.rast)), pg_catalog.max(%3$s.ST_SRID(l.rast))) AS srid
			FROM %1$s.landuse_raster l GROUP BY l.year, l.classification
		), reg AS (
			SELECT r.region_id, r.level, y.year, y.classification, %3$s.ST_Transform(r.geom, y.srid) AS g
			FROM %1$s.region r CROSS JOIN yrs y
		)
		SELECT reg.region_id, reg.level, reg.year, reg.classification,
			   %2$s.landuse_area(l.rast, reg.g, 1, st.coverage) AS landuse_area_ha
		FROM reg
		JOIN %1$s.landuse_raster l ON l.year = reg.year AND l.classification = reg.classification
			AND %3$s.ST_ConvexHull(l.rast) OPERATOR(%3$s.&&) reg.g
		CROSS JOIN %1$s.settings st
		GROUP BY reg.region_id, reg.level, reg.year, reg.classification;
		COMMENT ON VIEW %1$s.region_landuse IS 'Land-use areas (jsonb, hectares by code and nodata) of every region in every year that has land-use rasters';
	$$, s, e, g);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.city_esv AS
		WITH yrs AS (SELECT DISTINCT l.year, l.classification FROM %1$s.landuse_raster l),
		base AS (
			SELECT c.region_id, c.name, c.province, y.year, y.classification, c.geom,
				   a.landuse_area_ha, ea.ea_yuan_per_hm2,
				   CASE WHEN a.landuse_area_ha IS NOT NULL AND ea.ea_yuan_per_hm2 IS NOT NULL
						THEN %2$s.esv_value(a.landuse_area_ha, ea.ea_yuan_per_hm2, y.classification, s.esv_scheme) END AS esv
			FROM %1$s.region c CROSS JOIN yrs y CROSS JOIN %1$s.settings s
			LEFT JOIN %1$s.region_landuse a ON a.region_id = c.region_id AND a.year = y.year AND a.classification = y.classification AND a.level = 'city'
			LEFT JOIN %1$s.region_stat st ON st.region_id = c.region_id AND st.year = y.year
			CROSS JOIN LATERAL (
				SELECT COALESCE(st.ea_yuan_per_hm2,
					(SELECT %2$s.standard_equivalent_value(pg_catalog.array_agg(cs.price_yuan_per_kg ORDER BY cs.crop),
							pg_catalog.array_agg(cs.yield_kg_per_hm2 ORDER BY cs.crop), pg_catalog.array_agg(cs.sown_area_hm2 ORDER BY cs.crop))
					 FROM %1$s.crop_stat cs WHERE cs.region_id = c.region_id AND cs.year = y.year)) AS ea_yuan_per_hm2
			) ea
			WHERE c.level = 'city'
		)
		SELECT (b.region_id::bigint * 10000 + b.year) AS fid, b.region_id, b.name, b.province, b.year,
			   (b.esv).total AS esv_total_yuan, (b.esv).provisioning AS esv_provisioning_yuan,
			   (b.esv).regulating AS esv_regulating_yuan, (b.esv).supporting AS esv_supporting_yuan,
			   (b.esv).cultural AS esv_cultural_yuan, (b.esv).nonmarket AS esv_nonmarket_yuan,
			   100 * ((b.esv).total / NULLIF(pg_catalog.lag((b.esv).total) OVER w, 0) - 1) AS esv_change_pct,
			   pg_catalog.lag(b.year) OVER w AS change_from_year,
			   b.ea_yuan_per_hm2, b.landuse_area_ha,
			   100 * (SELECT pg_catalog.sum(v.value::double precision) FROM pg_catalog.jsonb_each_text(b.landuse_area_ha) v)
				   / NULLIF(%4$s, 0) AS landuse_coverage_pct,
			   CASE WHEN b.landuse_area_ha IS NULL THEN 'no land-use raster covers the region in this year'
					WHEN b.ea_yuan_per_hm2 IS NULL THEN 'no standard equivalent value (region_stat.ea_yuan_per_hm2 or crop_stat) for this year' END AS note,
			   b.geom::%3$s
		FROM base b
		WINDOW w AS (PARTITION BY b.region_id ORDER BY b.year);
		COMMENT ON VIEW %1$s.city_esv IS 'ESV of every city and land-use year in yuan/a: total, by service group, non-market, change in %% from the previous land-use year; land-use areas (hm2) and the %% of the city they cover; NULL with a note where rasters or statistics are missing';
	$$, s, e, geom, area_ha);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.city_compensation AS
		WITH c AS (
			SELECT e.fid, e.region_id, e.name, e.province, e.year, e.geom, e.esv_nonmarket_yuan,
				   st.gdp_yuan, s.compensation_k, e.note AS esv_note,
				   CASE WHEN e.esv_nonmarket_yuan IS NOT NULL AND st.gdp_yuan > 0
						THEN %2$s.ecps(e.esv_nonmarket_yuan, st.gdp_yuan) END AS ecps
			FROM %1$s.city_esv e CROSS JOIN %1$s.settings s
			LEFT JOIN %1$s.region_stat st ON st.region_id = e.region_id AND st.year = e.year
		), r AS (
			SELECT c.*, %2$s.compensation_intensity(c.ecps) AS t,
				   CASE WHEN c.ecps IS NOT NULL
						THEN %2$s.vertical_compensation(c.esv_nonmarket_yuan, c.gdp_yuan, c.compensation_k) END AS compensation_yuan
			FROM c
		)
		SELECT r.fid, r.region_id, r.name, r.province, r.year, r.gdp_yuan, r.esv_nonmarket_yuan,
			   r.ecps, r.t AS compensation_intensity, r.compensation_k, r.compensation_yuan,
			   100 * r.compensation_yuan / NULLIF(pg_catalog.sum(r.compensation_yuan) OVER y, 0) AS compensation_share_pct,
			   100 * r.gdp_yuan / NULLIF(pg_catalog.sum(r.gdp_yuan) FILTER (WHERE r.compensation_yuan IS NOT NULL) OVER y, 0) AS gdp_share_pct,
			   100 * r.compensation_yuan / r.gdp_yuan AS compensation_pct_of_gdp,
			   CASE WHEN r.ecps IS NOT NULL THEN %2$s.ecps_class(r.ecps) END AS priority,
			   CASE WHEN r.esv_note IS NOT NULL THEN r.esv_note
					WHEN r.gdp_yuan IS NULL THEN 'no GDP (region_stat.gdp_yuan) for this year'
					WHEN r.gdp_yuan <= 0 THEN 'GDP is not positive' END AS note,
			   r.geom
		FROM r
		WINDOW y AS (PARTITION BY r.year);
		COMMENT ON VIEW %1$s.city_compensation IS 'Compensation priority and vertical compensation of every city and land-use year (Wang et al., in press, Table 3): ECPS, demand intensity t, compensation in yuan, its share of the year''s total, GDP share, compensation as %% of GDP, priority class; NULL with a note where data is missing';
	$$, s, e);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.water_compensation AS
		WITH d AS (
			SELECT r.region_id, r.parent_id, st.year,
				   %2$s.water_footprint(st.aquatic_output_t, st.freshwater_use_m3, st.pollution_dilution_m3) AS ef,
				   %2$s.water_carrying_capacity(st.water_resources_m3) AS ec
			FROM %1$s.region r JOIN %1$s.region_stat st ON st.region_id = r.region_id
			WHERE r.level = 'district'
		), lvl AS (
			SELECT d.region_id, d.year, (d.ef).aquatic AS ef_aquatic_hm2, (d.ef).freshwater AS ef_freshwater_hm2,
				   (d.ef).pollution AS ef_pollution_hm2, (d.ef).total AS ef_total_hm2, d.ec AS ec_hm2,
				   CASE WHEN d.ef IS NULL OR d.ec IS NULL THEN 'water statistics missing for this district and year' END AS note
			FROM d
			UNION ALL
			SELECT z.region_id, d.year, pg_catalog.sum((d.ef).aquatic), pg_catalog.sum((d.ef).freshwater),
				   pg_catalog.sum((d.ef).pollution), pg_catalog.sum((d.ef).total), pg_catalog.sum(d.ec),
				   NULL
			FROM %1$s.region z JOIN d ON d.parent_id = z.region_id
			WHERE z.level = 'zone'
			GROUP BY z.region_id, d.year
		), full_zone AS (
			-- a zone's total is given only when every district of the zone has its statistics
			SELECT z.region_id, y.year,
				   pg_catalog.count(*) FILTER (WHERE d.ef IS NULL OR d.ec IS NULL OR d.region_id IS NULL) AS missing
			FROM %1$s.region z
			JOIN %1$s.region dz ON dz.parent_id = z.region_id AND dz.level = 'district'
			CROSS JOIN (SELECT DISTINCT d.year FROM d) y
			LEFT JOIN d ON d.region_id = dz.region_id AND d.year = y.year
			WHERE z.level = 'zone'
			GROUP BY z.region_id, y.year
		)
		SELECT (r.region_id::bigint * 10000 + l.year) AS fid, r.region_id, r.name, r.level, l.year,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_aquatic_hm2 END AS ef_aquatic_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_freshwater_hm2 END AS ef_freshwater_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_pollution_hm2 END AS ef_pollution_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_total_hm2 END AS ef_total_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ec_hm2 END AS ec_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE (b).erd END AS erd_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE (b).value_yuan END AS value_yuan,
			   CASE WHEN f.missing > 0 THEN NULL ELSE (b).role END AS role,
			   COALESCE(l.note, CASE WHEN f.missing > 0 THEN pg_catalog.format('water statistics missing for %%s district(s) of the zone', f.missing) END) AS note,
			   r.geom
		FROM lvl l
		JOIN %1$s.region r ON r.region_id = l.region_id
		CROSS JOIN %1$s.settings s
		LEFT JOIN full_zone f ON f.region_id = l.region_id AND f.year = l.year
		CROSS JOIN LATERAL (SELECT %2$s.water_compensation(l.ef_total_hm2, l.ec_hm2, s.water_unit_value_yuan_per_hm2) AS b) wb;
		COMMENT ON VIEW %1$s.water_compensation IS 'Water resource ecological footprint by sub-account, carrying capacity, deficit (< 0) or surplus, its value in yuan and the role (payer / recipient) of every district and zone and year (national hm2; the water-footprint paper (2024))';
	$$, s, e);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.gep_restoration AS
		WITH p AS (
			SELECT r.region_id, r.name, r.geom, gp.before_year, gp.after_year, gp.overrides,
				   COALESCE(gp.before_areas, lb.landuse_area_ha) AS before_areas,
				   COALESCE(gp.after_areas, la.landuse_area_ha) AS after_areas,
				   CASE WHEN gp.before_areas IS NOT NULL OR gp.after_areas IS NOT NULL THEN gp.classification
						ELSE COALESCE(lb.classification, la.classification) END AS classification,
				   s.gep_param_set
			FROM %1$s.gep_project gp
			JOIN %1$s.region r ON r.region_id = gp.region_id
			CROSS JOIN %1$s.settings s
			LEFT JOIN %1$s.region_landuse lb ON lb.region_id = gp.region_id AND lb.year = gp.before_year AND gp.before_areas IS NULL
			LEFT JOIN %1$s.region_landuse la ON la.region_id = gp.region_id AND la.year = gp.after_year AND gp.after_areas IS NULL
		), c AS (
			SELECT p.region_id, x.*
			FROM p CROSS JOIN LATERAL %2$s.gep_compare(p.before_areas, p.after_areas, p.gep_param_set, p.overrides, p.classification) x
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
			   CASE WHEN p.before_areas IS NULL THEN 'no land-use areas before restoration (before_areas or a raster of before_year)'
					WHEN p.after_areas IS NULL THEN 'no land-use areas after restoration (after_areas or a raster of after_year)' END AS note,
			   p.geom
		FROM p LEFT JOIN c ON c.region_id = p.region_id
		GROUP BY p.region_id, p.name, p.before_year, p.after_year, p.before_areas, p.after_areas, p.geom;
		COMMENT ON VIEW %1$s.gep_restoration IS 'GEP of every restoration project before and after (yuan/a): total, change, by service group (Xu X. et al., in press, Tables 4-6; ecocomp.gep_compare gives the full breakdown)';
	$$, s, e);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.mine_carbon_deficit AS
		WITH px AS (
			SELECT v.region_id, v.pixel_id, v.area_m2,
				   %2$s.vcs_deficit(v.year, v.vcs_g_co2_m2, v.destroyed_year, v.restored_year) AS d,
				   pg_catalog.bool_or(v.destroyed_year IS NOT NULL) AS destroyed,
				   pg_catalog.bool_or(v.restored_year IS NOT NULL) AS restored
			FROM %1$s.mine_vcs v
			GROUP BY v.region_id, v.pixel_id, v.area_m2
		), m AS (
			SELECT px.region_id,
				   pg_catalog.sum((px.d).direct_decrease * px.area_m2) FILTER (WHERE px.destroyed) / 1e9 AS direct_decrease_gg_co2,
				   pg_catalog.sum((px.d).direct_increase * px.area_m2) FILTER (WHERE px.restored) / 1e9 AS direct_increase_gg_co2,
				   pg_catalog.sum((px.d).c_destroy * px.area_m2) / 1e9 AS c_destroy_gg_co2,
				   pg_catalog.sum((px.d).c_restore * px.area_m2) / 1e9 AS c_restore_gg_co2,
				   pg_catalog.sum((px.d).vcsd * px.area_m2) / 1e9 AS vcsd_gg_co2,
				   pg_catalog.sum(px.area_m2) FILTER (WHERE px.destroyed) AS destroyed_area_m2,
				   pg_catalog.sum(px.area_m2) FILTER (WHERE px.restored) AS restored_area_m2,
				   pg_catalog.count(*) FILTER (WHERE px.destroyed AND (px.d).baseline_years < 2) AS pixels_without_baseline
			FROM px GROUP BY px.region_id
		)
		SELECT r.region_id AS fid, r.region_id, r.name, m.direct_decrease_gg_co2, m.direct_increase_gg_co2,
			   m.c_destroy_gg_co2, m.c_restore_gg_co2, m.vcsd_gg_co2,
			   m.destroyed_area_m2, m.restored_area_m2,
			   m.restored_area_m2 / NULLIF(m.destroyed_area_m2, 0) AS r_v,
			   m.direct_increase_gg_co2 / NULLIF(m.direct_decrease_gg_co2, 0) AS r_vcs,
			   1e9 * m.direct_decrease_gg_co2 / NULLIF(m.destroyed_area_m2, 0) AS c_ddper_g_co2_m2,
			   1e9 * m.direct_increase_gg_co2 / NULLIF(m.restored_area_m2, 0) AS c_diper_g_co2_m2,
			   CASE WHEN m.region_id IS NULL THEN 'no VCS series for this mine (mine_vcs)'
					WHEN m.pixels_without_baseline > 0 THEN pg_catalog.format('%%s destroyed pixel(s) have fewer than two years before destruction: no baseline, left out of C_destroy, C_restore and VCSD', m.pixels_without_baseline) END AS note,
			   r.geom
		FROM %1$s.region r LEFT JOIN m ON m.region_id = r.region_id
		WHERE r.level = 'mine';
		COMMENT ON VIEW %1$s.mine_carbon_deficit IS 'Vegetation carbon deficit of every mine (the carbon paper (Xu Y. et al. 2024)): direct decrease and increase, C_destroy, C_restore, VCSD in Gg CO2 (1e9 g), restored / destroyed area R_V, R_VCS, per-area direct changes in g CO2/m2';
	$$, s, e);
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_accounts(text, integer) IS
	'Create (or update the views of) a compensation account schema: input tables region (geometry MultiPolygon in the given SRID), region_stat, crop_stat, landuse_raster, npp_raster, disturbance_raster, gep_project, mine_vcs, settings, the function refresh_mine_vcs(), and result views region_landuse, city_esv, city_compensation, water_compensation, gep_restoration, mine_carbon_deficit; all owned by the caller';
