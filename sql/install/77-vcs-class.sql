------------------------------------------------------------------------------
-- VCS trend significance classes (the carbon paper, Fig. 1b) and the
-- background NPP as a surface for the scale transformation (eq. 1):
-- a raster background on the NPP grid, and an inverse-distance estimate
-- (docs/vcs.md).
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.vcs_trend_class(slope double precision, p_value double precision)
RETURNS text
AS 'MODULE_PATHNAME', 'vcs_trend_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_class(double precision, double precision) IS
	'Trend significance class of the carbon paper (Fig. 1b) from a least-squares slope and the two-sided p-value of its t test: extremely significant improvement / degradation (p < 0.01), significant improvement / degradation (0.01 <= p < 0.05), insignificant change (p >= 0.05 or slope 0); p outside [0, 1] is an error';

CREATE FUNCTION @extschema@.vcs_trend_class_code(slope double precision, p_value double precision)
RETURNS integer
AS 'MODULE_PATHNAME', 'vcs_trend_class_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_class_code(double precision, double precision) IS
	'Code of the trend significance class: 2 extremely significant improvement, 1 significant improvement, 0 insignificant change, -1 significant degradation, -2 extremely significant degradation (vcs_trend_classes() lists them)';

CREATE FUNCTION @extschema@.vcs_trend_classes()
RETURNS TABLE (code integer, label text, rule text)
AS 'MODULE_PATHNAME', 'vcs_trend_classes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.vcs_trend_classes() IS
	'The trend significance classes: code (as vcs_trend_class_code and the band of vcs_trend_class(raster)), label (as vcs_trend_class) and the rule on the slope and p-value';

CREATE FUNCTION @extschema@.vcs_trend_class(trend raster)
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_trend_class_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_class(raster) IS
	'Class band of a vcs_trend raster (band 1 slope, band 2 p-value): one 8BSI band of the codes of vcs_trend_class_code (2..-2), nodata -128 where the slope or the p-value is nodata; same georeference';

-- npp_band has no DEFAULT here: with one, npp_downscale(npp, dist, year, NULL)
-- would be ambiguous between the float8 and the raster background.
CREATE FUNCTION @extschema@.npp_downscale(npp raster, disturbance raster, year integer,
	npp_background raster, npp_band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_downscale_surface'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_downscale(raster, raster, integer, raster, integer) IS
	'Scale transformation of coarse NPP (g C/m2/a) as npp_downscale with a float8 background, the background NPP_bg of each partly destroyed coarse pixel read from band 1 of npp_background, a raster on the NPP grid (same SRID, pixel size and alignment, else an error), e.g. a kriged surface or npp_background_idw; a partly destroyed coarse pixel without a background value is an error';

CREATE FUNCTION @extschema@.npp_background_idw(npp raster, disturbance raster, year integer,
	power double precision DEFAULT 2, npp_band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_background_idw'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_idw(raster, raster, integer, double precision, integer) IS
	'Background NPP surface (g C/m2/a) on the grid of npp: inverse-distance weighted mean (weights 1/d^power, d between pixel centres, power default 2) of the NPP of the coarse pixels entirely destroyed in year and entirely covered by the disturbance raster (the samples of npp_background); a sample pixel keeps its value; NULL when there is none. A built-in estimate: the carbon paper krigs these samples';

------------------------------------------------------------------------------
-- The carbon deficit of one series year by year (the carbon paper's Fig. 2
-- per pixel): the baseline comes from the vcs_deficit aggregate, so the
-- yearly terms add up to its totals.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.vcs_deficit_series(years integer[], vcs_values double precision[],
	destroyed_year integer, restored_year integer)
RETURNS TABLE (year integer, vcs double precision, baseline double precision, phase text,
	destroyed_this_year boolean, restored_this_year boolean,
	direct_decrease double precision, direct_increase double precision,
	c_destroy double precision, c_restore double precision)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF years IS NULL OR vcs_deficit_series.vcs_values IS NULL THEN
		RETURN;
	END IF;
	IF pg_catalog.cardinality(years) OPERATOR(pg_catalog.<>) pg_catalog.cardinality(vcs_deficit_series.vcs_values) THEN
		RAISE EXCEPTION 'years and vcs must have the same length, not % and %',
			pg_catalog.cardinality(years), pg_catalog.cardinality(vcs_deficit_series.vcs_values)
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH s AS (
		SELECT u.y, u.v FROM ROWS FROM (pg_catalog.unnest(years), pg_catalog.unnest(vcs_deficit_series.vcs_values)) AS u(y, v)
		WHERE u.v IS NOT NULL
	), d AS (
		SELECT @extschema@.vcs_deficit(s.y, s.v, destroyed_year, restored_year) AS r FROM s
	), e AS (
		SELECT pg_catalog.min(s.y) FILTER (WHERE s.y OPERATOR(pg_catalog.>=) destroyed_year) AS td,
			   pg_catalog.min(s.y) FILTER (WHERE s.y OPERATOR(pg_catalog.>=) restored_year) AS tr
		FROM s
	), o AS (
		SELECT s.y, s.v, pg_catalog.lag(s.v) OVER (ORDER BY s.y) AS prev,
			   CASE WHEN e.td IS NULL OR s.y OPERATOR(pg_catalog.<) e.td THEN 'undisturbed'
					WHEN e.tr IS NOT NULL AND s.y OPERATOR(pg_catalog.>=) e.tr THEN 'restored'
					ELSE 'destroyed' END AS ph,
			   e.td, e.tr
		FROM s, e
	), b AS (
		SELECT o.*, (d.r).baseline_intercept OPERATOR(pg_catalog.+) ((d.r).baseline_slope OPERATOR(pg_catalog.*) o.y::float8) AS base
		FROM o, d
	)
	SELECT b.y, b.v, b.base, b.ph,
		   coalesce(b.y OPERATOR(pg_catalog.=) b.td, false), coalesce(b.y OPERATOR(pg_catalog.=) b.tr, false),
		   CASE WHEN b.y OPERATOR(pg_catalog.=) b.td THEN b.prev OPERATOR(pg_catalog.-) b.v ELSE '0'::float8 END,
		   CASE WHEN b.y OPERATOR(pg_catalog.=) b.tr THEN b.v OPERATOR(pg_catalog.-) b.prev ELSE '0'::float8 END,
		   CASE WHEN b.ph OPERATOR(pg_catalog.=) 'destroyed' THEN b.v OPERATOR(pg_catalog.-) b.base ELSE '0'::float8 END,
		   CASE WHEN b.ph OPERATOR(pg_catalog.=) 'restored' THEN b.v OPERATOR(pg_catalog.-) b.base ELSE '0'::float8 END
	FROM b ORDER BY b.y;
END
$$;
COMMENT ON FUNCTION @extschema@.vcs_deficit_series(integer[], double precision[], integer, integer) IS
	'The carbon deficit of one pixel''s yearly VCS series (g CO2/m2/a) year by year: phase (undisturbed, destroyed, restored), whether the destruction / restoration takes effect that year, baseline of vcs_deficit, that year''s direct decrease and increase and its C_destroy / C_restore term (VCS - baseline); summed over the years they equal vcs_deficit; a NULL vcs is a missing year';
