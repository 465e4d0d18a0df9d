------------------------------------------------------------------------------
-- The arithmetic of the account views, as named functions tested on their
-- own (test accounts_functions).  create_accounts() (85-create-accounts.sql)
-- assembles views from them.  The SQL bodies are BEGIN ATOMIC: they bind
-- their functions and operators when the extension is installed, never
-- through a caller's search_path.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.single_srid(what text, min_srid integer, max_srid integer)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	-- operators qualified: this body runs under the caller's search_path
	IF NOT COALESCE(min_srid OPERATOR(pg_catalog.=) max_srid, min_srid IS NULL AND max_srid IS NULL) THEN
		RAISE EXCEPTION '% come in different SRIDs: % and %', what, min_srid, max_srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Reproject the rasters of one year to one SRID (gdalwarp -t_srs) before loading them.';
	END IF;
	RETURN min_srid;
END
$$;
COMMENT ON FUNCTION @extschema@.single_srid(text, integer, integer) IS
	'The SRID of a set of rasters whose smallest and largest SRID are given, or an error naming them when they differ (used by the account refresh)';

CREATE FUNCTION @extschema@.region_area_ha(geom geometry)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	-- geographic or projected as the raster aggregates decide it (srid_kind)
	SELECT CASE WHEN k.kind OPERATOR(pg_catalog.=) 'geographic'::text THEN ST_Area(geom::geography)
				WHEN k.kind OPERATOR(pg_catalog.=) 'projected'::text THEN ST_Area(geom)
		   END OPERATOR(pg_catalog./) '1e4'::float8
	FROM (SELECT @extschema@.srid_kind(ST_SRID(geom)) AS kind) k;
END;
COMMENT ON FUNCTION @extschema@.region_area_ha(geometry) IS
	'Area of a boundary in hm2 (ha): on the spheroid (geography) for a longitude/latitude SRID, planar in metres for a projected SRID (srid_kind decides, as for the raster aggregates); NULL for SRID 0 and an SRID missing from spatial_ref_sys; 22023 for an SRID whose ellipsoid cannot be read or whose coordinates are not in degrees or metres';

CREATE FUNCTION @extschema@.landuse_classified_ha(areas jsonb)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT COALESCE(pg_catalog.sum(v.value::double precision), '0'::float8)
	FROM pg_catalog.jsonb_each_text(areas) v
	WHERE v.key OPERATOR(pg_catalog.~) '^-?[0-9]+$'::text;
END;
COMMENT ON FUNCTION @extschema@.landuse_classified_ha(jsonb) IS
	'Classified area in ha of a landuse_area result: the sum over its land-use code keys; "nodata" and any other non-code key are not classified';

CREATE FUNCTION @extschema@.landuse_coverage_pct(areas jsonb, region_area_ha double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN region_area_ha OPERATOR(pg_catalog.>) '0'::float8
				THEN '100'::float8 OPERATOR(pg_catalog.*)
					 COALESCE(@extschema@.landuse_classified_ha(areas), '0'::float8)
					 OPERATOR(pg_catalog./) region_area_ha END;
END;
COMMENT ON FUNCTION @extschema@.landuse_coverage_pct(jsonb, double precision) IS
	'Share in % of a region (area in ha) that land-use rasters classify: classified area of areas (nodata and outside the rasters count as not covered; NULL areas: 0 %) / region area; NULL when the area is not positive';

CREATE FUNCTION @extschema@.change_pct(from_value double precision, to_value double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN from_value OPERATOR(pg_catalog.<>) '0'::float8
				THEN '100'::float8 OPERATOR(pg_catalog.*)
					 (to_value OPERATOR(pg_catalog./) from_value OPERATOR(pg_catalog.-) '1'::float8) END;
END;
COMMENT ON FUNCTION @extschema@.change_pct(double precision, double precision) IS
	'Relative change in % from from_value to to_value, 100 * (to / from - 1); NULL when from_value is 0';

CREATE FUNCTION @extschema@.esv_landuse_change_pct(esv_from double precision, esv_to double precision,
	ea_from double precision, ea_to double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN ea_to OPERATOR(pg_catalog.>) '0'::float8
				THEN @extschema@.change_pct(esv_from,
						esv_to OPERATOR(pg_catalog.*) (ea_from OPERATOR(pg_catalog./) ea_to)) END;
END;
COMMENT ON FUNCTION @extschema@.esv_landuse_change_pct(double precision, double precision, double precision, double precision) IS
	'Change in % of ESV driven by land use alone, at the constant E_a of the earlier year: ESV is linear in E_a, so 100 * (esv_to * ea_from / ea_to / esv_from - 1); NULL when ea_to is not positive or esv_from is 0';

CREATE FUNCTION @extschema@.horizontal_transfers(region_ids integer[], balances double precision[])
RETURNS TABLE (payer_region_id integer, recipient_region_id integer, amount double precision)
AS 'MODULE_PATHNAME', 'horizontal_transfers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.horizontal_transfers(integer[], double precision[]) IS
	'Horizontal compensation, who pays whom: balances < 0 are deficits d_p (payers), > 0 surpluses s_r (recipients); D = sum d_p, S = sum s_r, T = min(D, S); payer p pays recipient r T * (d_p / D) * (s_r / S); then the unmatched rest of each recipient ((S - T) * s_r / S, payer NULL) or payer ((D - T) * d_p / D, recipient NULL); amounts positive, in the unit of the balances';

CREATE FUNCTION @extschema@.carbon_value_yuan(co2_gg double precision, price_yuan_per_t_co2 double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	-- 1 Gg = 1e9 g = 1000 t
	SELECT co2_gg OPERATOR(pg_catalog.*) '1000'::float8 OPERATOR(pg_catalog.*) price_yuan_per_t_co2;
END;
COMMENT ON FUNCTION @extschema@.carbon_value_yuan(double precision, double precision) IS
	'Money value in yuan of an amount of CO2 in Gg (1 Gg = 1000 t) at a price in yuan per t CO2, e.g. of the carbon deficit VCSD that the carbon paper says requires compensation; NULL when the price is NULL (the extension sets no price)';
