------------------------------------------------------------------------------
-- Vegetation carbon sequestration on rasters (the carbon paper (Xu Y. et al. 2024)):
-- MODIS NPP to NPP and VCS rasters, the scale transformation of coarse NPP
-- to the 30 m disturbance grid (eq. 1), pixel coverage and values keyed by a
-- grid-global pixel id (to fill an account's mine_vcs), and the per-pixel
-- VCS trend.  Rasters made here are one- or two-band 32BF with nodata
-- -3.4028234663852886e+38 (-FLT_MAX): NPP and VCS can be negative.
-- The install script runs with PostGIS's schema on search_path.
------------------------------------------------------------------------------

-- The band has no DEFAULT here: with one, npp_from_modis('...') and
-- vcs('NaN') (untyped literals, valid calls of the float8 / integer
-- versions) would become ambiguous between the two overloads.
CREATE FUNCTION @extschema@.npp_from_modis(rast raster, band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_from_modis_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_from_modis(raster, integer) IS
	'One-band 32BF raster of NPP in g C/m2/a from MOD17A3HGF Npp_500m digital numbers (integer band): DN * 0.1 (0.0001 kg C/m2); the fill and non-vegetated codes 32761..32767 and the band''s nodata become nodata (-3.4028235e38); other values outside -30000..32700 are an error';

CREATE FUNCTION @extschema@.vcs(rast raster, band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs(raster, integer) IS
	'One-band 32BF raster of vegetation carbon sequestration in g CO2/m2/a from an NPP raster in g C/m2/a (any numeric band): VCS = NPP * 2.2 * 1.63 (Xu Y. et al. 2024, eq. 2); nodata stays nodata (-3.4028235e38)';

CREATE FUNCTION @extschema@.npp_downscale(npp raster, disturbance raster, year integer,
	npp_background double precision, npp_band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_downscale'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_downscale(raster, raster, integer, double precision, integer) IS
	'Scale transformation of coarse NPP (g C/m2/a) to the fine disturbance grid (Xu Y. et al. 2024, eq. 1): a one-band 32BF raster on the disturbance grid with NPP_a = (NPP_b * S - NPP_bg * (S - S_veg)) / S_veg (g C/m2/a) for pixels vegetated in year, 0 for destroyed ones; S, S_veg counted in fine pixels by centre; nodata where the coarse pixel is nodata, missing or not entirely covered by the disturbance raster. Disturbance band 1: destruction year, band 2: restoration year (0 or nodata: none). NULL rasters give NULL';

CREATE FUNCTION @extschema@.npp_background_transfn(state double precision[], npp raster, disturbance raster, year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_transfn(double precision[], raster, raster, integer) IS
	'Transition function of npp_background: adds the NPP (g C/m2/a) of the coarse pixels of one tile pair entirely destroyed in year; state {pixels, sum of NPP, year}';

CREATE FUNCTION @extschema@.npp_background_transfn(state double precision[], npp raster, disturbance raster, year integer, npp_band integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_transfn(double precision[], raster, raster, integer, integer) IS
	'Transition function of npp_background: adds the NPP (g C/m2/a) of the coarse pixels of one tile pair entirely destroyed in year; state {pixels, sum of NPP, year}';

CREATE FUNCTION @extschema@.npp_background_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_background_combine(double precision[], double precision[]) IS
	'Combine function of npp_background: adds the pixel counts and NPP sums (g C/m2/a) of two partial states of the same year';

CREATE FUNCTION @extschema@.npp_background_final(state double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'npp_background_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_background_final(double precision[]) IS
	'Final function of npp_background: mean NPP (g C/m2/a) of the entirely destroyed coarse pixels, NULL when there is none';

CREATE AGGREGATE @extschema@.npp_background(npp raster, disturbance raster, year integer) (
	SFUNC = @extschema@.npp_background_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NaN}',
	COMBINEFUNC = @extschema@.npp_background_combine,
	FINALFUNC = @extschema@.npp_background_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.npp_background(raster, raster, integer) IS
	'Background NPP_bg of Xu Y. et al. 2024, eq. 1 (g C/m2/a): the mean NPP of the coarse pixels entirely destroyed in year (S_veg = 0) and entirely covered by a disturbance tile, over all rows; NULL when there is none. The paper krigs this background; npp_downscale takes any value. npp_band default 1';

CREATE AGGREGATE @extschema@.npp_background(npp raster, disturbance raster, year integer, npp_band integer) (
	SFUNC = @extschema@.npp_background_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NaN}',
	COMBINEFUNC = @extschema@.npp_background_combine,
	FINALFUNC = @extschema@.npp_background_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.npp_background(raster, raster, integer, integer) IS
	'Background NPP_bg of Xu Y. et al. 2024, eq. 1 (g C/m2/a): the mean NPP of the coarse pixels entirely destroyed in year (S_veg = 0) and entirely covered by a disturbance tile, over all rows; NULL when there is none. The paper krigs this background; npp_downscale takes any value';

CREATE FUNCTION @extschema@.pixel_coverage(rast raster, geom geometry, coverage text DEFAULT 'exact')
RETURNS TABLE (pixel_id bigint, x double precision, y double precision, fraction double precision, area_m2 double precision)
AS 'MODULE_PATHNAME', 'pixel_coverage'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000 ROWS 1000;
COMMENT ON FUNCTION @extschema@.pixel_coverage(raster, geometry, text) IS
	'Pixels of a tile covered by a polygon: grid-global pixel_id (floor(x/|scale_x|) * 2^32 + floor(y/|scale_y|) + 2^31), centre x, y (CRS units), covered fraction (0..1; 1 per centre-covered pixel with coverage ''center'') and covered area in m2 (fraction * pixel area; ellipsoidal cell area in geographic CRSs)';

CREATE FUNCTION @extschema@.pixel_values(rast raster, band integer DEFAULT 1)
RETURNS TABLE (pixel_id bigint, x double precision, y double precision, value double precision)
AS 'MODULE_PATHNAME', 'pixel_values'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000 ROWS 10000;
COMMENT ON FUNCTION @extschema@.pixel_values(raster, integer) IS
	'Every non-nodata pixel of a band (any numeric type): grid-global pixel_id (as pixel_coverage), centre x, y (CRS units) and value (in the band''s unit)';

CREATE FUNCTION @extschema@.student_t_p_value(t double precision, df double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'student_t_p_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.student_t_p_value(double precision, double precision) IS
	'Two-sided p-value (dimensionless, 0..1) of Student''s t statistic t with df degrees of freedom (0 < df <= 1e7): I_{df/(df+t^2)}(df/2, 1/2), the regularized incomplete beta function';

CREATE FUNCTION @extschema@.vcs_trend_transfn(state double precision[], rast raster, year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_transfn(double precision[], raster, integer) IS
	'Transition function of vcs_trend: adds one year''s tile to the per-pixel sums n, t, t^2, v, t v, v^2 (t = year - 2000, v in the unit of the band)';

CREATE FUNCTION @extschema@.vcs_trend_transfn(state double precision[], rast raster, year integer, band integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_transfn(double precision[], raster, integer, integer) IS
	'Transition function of vcs_trend: adds one year''s tile to the per-pixel sums n, t, t^2, v, t v, v^2 (t = year - 2000, v in the unit of the band)';

CREATE FUNCTION @extschema@.vcs_trend_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_combine(double precision[], double precision[]) IS
	'Combine function of vcs_trend: adds the per-pixel sums of two partial states of the same grid and distinct years';

CREATE FUNCTION @extschema@.vcs_trend_final(state double precision[])
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_trend_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_final(double precision[]) IS
	'Final function of vcs_trend: two-band 32BF raster, band 1 least-squares slope (unit of the values per year, g CO2/m2/a per year for VCS), band 2 two-sided p-value of slope = 0 (df = n - 2)';

CREATE AGGREGATE @extschema@.vcs_trend(rast raster, year integer) (
	SFUNC = @extschema@.vcs_trend_transfn,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_trend_combine,
	FINALFUNC = @extschema@.vcs_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_trend(raster, integer) IS
	'Per-pixel trend of yearly tiles of one grid position (GROUP BY the tile position): two-band 32BF raster, band 1 least-squares slope of the value against the year (g CO2/m2/a per year for VCS), band 2 two-sided p-value of the t test of slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years; band 1 of the tiles';

CREATE AGGREGATE @extschema@.vcs_trend(rast raster, year integer, band integer) (
	SFUNC = @extschema@.vcs_trend_transfn,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_trend_combine,
	FINALFUNC = @extschema@.vcs_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_trend(raster, integer, integer) IS
	'Per-pixel trend of yearly tiles of one grid position (GROUP BY the tile position): two-band 32BF raster, band 1 least-squares slope of the value against the year (g CO2/m2/a per year for VCS), band 2 two-sided p-value of the t test of slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years';
