/*
 * stats.c
 *	  weighted_stats(value, weight): weighted count, mean, standard deviation,
 *	  minimum and maximum, e.g. the area-weighted annual mean and standard
 *	  deviation of VCS over a region from pixel_coverage x pixel_values.
 *
 *	  State: float8[6] {W, mean, M2, min, max, n} (W the weight sum, M2 the
 *	  weighted sum of squared deviations; West 1979), updated in place in the
 *	  aggregate context; the combine function merges two states (Chan et al.
 *	  1979), so the aggregate runs in parallel and as a partial aggregate.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/float.h"

#include "ecocomp.h"

#define WS_LEN 6

static double *
WsValues(ArrayType *a)
{
	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID ||
		ARR_DIMS(a)[0] != WS_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("invalid weighted_stats state")));
	return (double *) ((char *) a + ARR_OVERHEAD_NONULLS(1));
}

static ArrayType *
WsNew(MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Datum		d[WS_LEN];
	ArrayType  *a;
	int			i;

	for (i = 0; i < WS_LEN; i++)
		d[i] = Float8GetDatum(0);
	d[3] = Float8GetDatum(get_float8_infinity());
	d[4] = Float8GetDatum(-get_float8_infinity());
	a = construct_array(d, WS_LEN, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	MemoryContextSwitchTo(old);
	return a;
}

/* weighted_stats_accum(state, value, weight): NULL value or weight: skipped */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(weighted_stats_accum);
Datum
weighted_stats_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	ArrayType  *a;
	double	   *s,
				v,
				w,
				d;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "weighted_stats_accum called in non-aggregate context");
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
	s[0] += w;
	d = v - s[1];
	s[1] += d * w / s[0];
	s[2] += w * d * (v - s[1]);
	s[3] = Min(s[3], v);
	s[4] = Max(s[4], v);
	s[5] += 1;
	PG_RETURN_ARRAYTYPE_P(a);
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(weighted_stats_combine);
Datum
weighted_stats_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	ArrayType  *a;
	double	   *s,
			   *t,
				w,
				d;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "weighted_stats_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* a state of our own in the aggregate context, never the other input */
	a = PG_ARGISNULL(0) ? WsNew(aggcxt) : PG_GETARG_ARRAYTYPE_P(0);
	s = WsValues(a);
	t = WsValues(PG_GETARG_ARRAYTYPE_P(1));
	if (t[0] == 0)
		PG_RETURN_ARRAYTYPE_P(a);
	w = s[0] + t[0];
	d = t[1] - s[1];
	s[2] += t[2] + d * d * s[0] * t[0] / w;
	s[1] += d * t[0] / w;
	s[0] = w;
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
		elog(ERROR, "return type must be a row type");
	desc = BlessTupleDesc(desc);
	values[0] = Float8GetDatum(s[0]);
	values[1] = Float8GetDatum(s[1]);
	values[2] = Float8GetDatum(sqrt(Max(s[2], 0) / s[0]));
	values[3] = Float8GetDatum(s[3]);
	values[4] = Float8GetDatum(s[4]);
	values[5] = Int64GetDatum((int64) s[5]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
