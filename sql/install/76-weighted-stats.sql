------------------------------------------------------------------------------
-- Weighted statistics (e.g. area-weighted annual VCS over a region)
------------------------------------------------------------------------------

CREATE TYPE @extschema@.weighted_stats_result AS (
	weight_sum	double precision,
	mean		double precision,
	stddev		double precision,
	min			double precision,
	max			double precision,
	n			bigint
);
COMMENT ON TYPE @extschema@.weighted_stats_result IS
	'Weighted statistics: sum of weights (unit of the weight, e.g. m2), weighted mean, weighted population standard deviation, minimum and maximum (unit of the value), number of rows with a positive weight';

CREATE FUNCTION @extschema@.weighted_stats_accum(state double precision[], value double precision, weight double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'weighted_stats_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_accum(double precision[], double precision, double precision) IS
	'Transition function of weighted_stats (West''s weighted update, in place)';

CREATE FUNCTION @extschema@.weighted_stats_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'weighted_stats_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_combine(double precision[], double precision[]) IS
	'Combine function of weighted_stats (merges two partial states)';

CREATE FUNCTION @extschema@.weighted_stats_final(state double precision[])
RETURNS @extschema@.weighted_stats_result
AS 'MODULE_PATHNAME', 'weighted_stats_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_final(double precision[]) IS
	'Final function of weighted_stats';

CREATE AGGREGATE @extschema@.weighted_stats(value double precision, weight double precision) (
	SFUNC = @extschema@.weighted_stats_accum,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.weighted_stats_combine,
	FINALFUNC = @extschema@.weighted_stats_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.weighted_stats(double precision, double precision) IS
	'Weighted mean, population standard deviation, min, max of value with non-negative weights (rows with a NULL value or weight, or weight 0, are skipped); e.g. area-weighted annual VCS over a region from pixel_coverage x pixel_values';
