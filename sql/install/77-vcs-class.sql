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
