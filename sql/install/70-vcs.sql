------------------------------------------------------------------------------
-- Vegetation carbon sequestration and the carbon deficit of mining
-- (the carbon paper (Xu Y. et al. 2024))
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.vcs(npp_g_c_m2 double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'vcs_from_npp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs(double precision) IS
	'Vegetation carbon sequestration in g CO2/m2/a from NPP in g C/m2/a: VCS = NPP * 2.2 * 1.63 (the carbon paper (Xu Y. et al. 2024))';

CREATE FUNCTION @extschema@.npp_from_modis(dn integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'npp_from_modis_dn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_from_modis(integer) IS
	'NPP in g C/m2/a from a MOD17A3HGF Npp_500m digital number (DN * 0.0001 kg C/m2 = DN * 0.1 g C/m2); NULL for the fill and non-vegetated codes 32761..32767';

CREATE TYPE @extschema@.vcs_deficit_result AS (
	baseline_slope		double precision,
	baseline_intercept	double precision,
	baseline_years		integer,
	direct_decrease		double precision,
	direct_increase		double precision,
	c_destroy			double precision,
	c_restore			double precision,
	vcsd				double precision
);
COMMENT ON TYPE @extschema@.vcs_deficit_result IS
	'Carbon deficit of one pixel or unit, in the unit of the VCS input (g CO2/m2/a per year, sums in g CO2/m2): baseline line (slope per year, intercept at year 0) fitted on baseline_years years before destruction, direct decrease and increase, potential changes C_destroy and C_restore, VCSD = -(C_destroy + C_restore)';

CREATE FUNCTION @extschema@.vcs_deficit_accum(state double precision[], year integer, vcs double precision,
	destroyed_year integer, restored_year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_deficit_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_accum(double precision[], integer, double precision, integer, integer) IS
	'Transition function of vcs_deficit: appends (year, VCS) to the series state in place';

CREATE FUNCTION @extschema@.vcs_deficit_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_deficit_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_combine(double precision[], double precision[]) IS
	'Combine function of vcs_deficit: the union of two partial series';

CREATE FUNCTION @extschema@.vcs_deficit_final(state double precision[])
RETURNS @extschema@.vcs_deficit_result
AS 'MODULE_PATHNAME', 'vcs_deficit_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_final(double precision[]) IS
	'Final function of vcs_deficit: baseline, direct and potential changes, VCSD';

CREATE AGGREGATE @extschema@.vcs_deficit(year integer, vcs double precision, destroyed_year integer, restored_year integer) (
	SFUNC = @extschema@.vcs_deficit_accum,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_deficit_combine,
	FINALFUNC = @extschema@.vcs_deficit_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_deficit(integer, double precision, integer, integer) IS
	'Carbon deficit of one pixel''s or unit''s yearly VCS series (g CO2/m2/a) given its destruction and restoration years (NULL: none); rows in any order, a NULL VCS is a missing year (Xu Y. et al. 2024, eqs. 2-5)';
