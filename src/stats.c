/*
 * stats.c
 *	  weighted_stats(value, weight): weighted count, mean, standard deviation,
 *	  minimum and maximum, e.g. the area-weighted annual mean and standard
 *	  deviation of VCS over a region from pixel_coverage x pixel_values.
 *
 *	  State: float8[7] {W, mean, M2, min, max, n, c} (W the weight sum, M2
 *	  the weighted sum of squared deviations; West 1979), updated in place in
 *	  the aggregate context; the combine function merges two states (Chan et
 *	  al. 1979), so the aggregate runs in parallel and as a partial aggregate.
 *	  W and M2 are kept divided by c, the largest weight so far, so weights
 *	  near DBL_MAX or DBL_MIN neither overflow nor lose precision (the scale
 *	  cancels in the mean and the standard deviation); a deviation or M2 that
 *	  overflows, and a weight sum beyond DBL_MAX, raise 22003.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/float.h"

#include "ecocomp.h"

#define WS_LEN 7
#define WS_MAX_N 9007199254740992.0	/* 2^53: n is exact below */

/* the state's values, checked so that any float8[] given to us is safe */
static double *
WsValues(ArrayType *a)
{
	double	   *s = EcoStateValues(a, "weighted_stats", WS_LEN, WS_LEN,
								   "The state is a float8[7] {weight sum / c, mean, M2 / c, min, max, n, c}.", NULL);

	EcoStateCheck(s[0] >= 0 && s[0] <= WS_MAX_N && s[2] >= 0 && isfinite(s[2]) &&
				  isfinite(s[1]) && s[5] >= 0 && s[5] <= WS_MAX_N && s[5] == floor(s[5]) &&
				  s[6] >= 0 && isfinite(s[6]) && !isnan(s[3]) && !isnan(s[4]),
				  "weighted_stats", "A value is out of range.");
	EcoStateCheck((s[0] == 0) == (s[5] == 0) &&
				  !(s[0] > 0 && (s[6] == 0 || !isfinite(s[3]) || !isfinite(s[4]) || s[3] > s[4])),
				  "weighted_stats", "The weights, the count and the range disagree.");
	return s;
}

/* a new empty state in cxt: no weight, min +Inf, max -Inf */
static ArrayType *
WsNew(MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	ArrayType  *a = EcoStateNew(WS_LEN, 0);
	double	   *s = EcoStateData(a);

	s[3] = get_float8_infinity();
	s[4] = -get_float8_infinity();
	MemoryContextSwitchTo(old);
	return a;
}

/* bring state s to scale c >= s[6] (the weights relative to c) */
static void
WsRescale(double *s, double c)
{
	if (s[6] > 0 && c > s[6])
	{
		double		f = s[6] / c;

		s[0] *= f;
		s[2] *= f;
	}
	s[6] = c;
}

/*
 * Merge (w, mean, m2) relative to scale s[6] into s (Chan et al.; West's
 * update when m2 is 0 and w one weight).
 */
static void
WsMerge(double *s, double w, double mean, double m2)
{
	double		ws = s[0] + w;
	double		d = EcoFinite(mean - s[1], "deviation from the weighted mean");

	Assert(w >= 0 && ws > 0 && s[6] > 0);

	s[2] = EcoFinite(s[2] + m2 + d * (d * (s[0] / ws) * w), "weighted sum of squared deviations");
	s[1] += d * (w / ws);
	s[0] = ws;
}

/* weighted_stats_accum(state, value, weight): NULL value or weight: skipped */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(weighted_stats_accum);
Datum
weighted_stats_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = EcoAggContext(fcinfo, "weighted_stats_accum");
	ArrayType  *a;
	double	   *s,
				v,
				w;

	a = PG_ARGISNULL(0) ? WsNew(aggcxt) : PG_GETARG_ARRAYTYPE_P(0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(a);
	v = PG_GETARG_FLOAT8(1);
	w = PG_GETARG_FLOAT8(2);
	EcoCheckFinite(v, "value");
	EcoCheckNonNegative(w, "weight");
	if (w == 0)
		PG_RETURN_ARRAYTYPE_P(a);
	s = WsValues(a);
	if (s[5] >= WS_MAX_N)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("weighted_stats counts at most 2^53 rows")));
	WsRescale(s, Max(s[6], w));
	WsMerge(s, w / s[6], v, 0);
	s[3] = Min(s[3], v);
	s[4] = Max(s[4], v);
	s[5] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(weighted_stats_combine);
Datum
weighted_stats_combine(PG_FUNCTION_ARGS)
{
	Datum		result;
	MemoryContext aggcxt = EcoAggContext(fcinfo, "weighted_stats_combine");
	ArrayType  *a;
	double	   *s,
				t[WS_LEN];

	if (EcoCombineWithNull(fcinfo, &result))
		return result;
	/* a state of our own in the aggregate context, never the other input */
	a = PG_ARGISNULL(0) ? WsNew(aggcxt) : PG_GETARG_ARRAYTYPE_P(0);
	s = WsValues(a);
	memcpy(t, WsValues(PG_GETARG_ARRAYTYPE_P(1)), sizeof(t));
	if (t[0] == 0)
		PG_RETURN_ARRAYTYPE_P(a);
	if (s[5] + t[5] > WS_MAX_N)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("weighted_stats counts at most 2^53 rows")));
	WsRescale(s, Max(s[6], t[6]));
	WsRescale(t, s[6]);
	WsMerge(s, t[0], t[1], t[2]);
	s[3] = Min(s[3], t[3]);
	s[4] = Max(s[4], t[4]);
	s[5] += t[5];
	PG_RETURN_ARRAYTYPE_P(a);
}

/* -> (weight_sum, mean, stddev, min, max, n); NULL when no weight */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(weighted_stats_final);
Datum
weighted_stats_final(PG_FUNCTION_ARGS)
{
	double	   *s;
	TupleDesc	desc;
	Datum		values[6];
	bool		nulls[6] = {0};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = WsValues(PG_GETARG_ARRAYTYPE_P(0));
	if (s[0] == 0)
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("weighted_stats_final must return weighted_stats_result")));
	desc = BlessTupleDesc(desc);
	values[0] = Float8GetDatum(EcoFinite(s[0] * s[6], "weighted_stats weight sum"));
	values[1] = Float8GetDatum(s[1]);
	values[2] = Float8GetDatum(EcoFinite(sqrt(s[2] / s[0]), "weighted_stats standard deviation"));
	values[3] = Float8GetDatum(s[3]);
	values[4] = Float8GetDatum(s[4]);
	values[5] = Int64GetDatum((int64) s[5]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
