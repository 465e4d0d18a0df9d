/*
 * vcs.c
 *	  Vegetation carbon sequestration and the carbon deficit of mining
 *	  (the carbon paper (Xu Y. et al. 2024)):
 *
 *		VCS  = NPP * 2.2 * 1.63		(g CO2/m2/a from g C/m2/a)
 *		baseline(t) = least-squares line through VCS of the years before
 *					  destruction
 *		C_destroy = sum over destroyed years (T_D <= t < T_R) of VCS - baseline
 *		C_restore = sum over restored years (t >= T_R) of VCS - baseline
 *		VCSD = -(C_destroy + C_restore)
 *
 *	  The aggregate state is a float8[] (a real type with text and binary
 *	  I/O, so parallel and Citus partial aggregation work) of fixed capacity
 *	  that the transition function fills in place:
 *		[0] n, [1] destroyed year, [2] restored year (NaN = none),
 *		[3 + 2i] year i, [4 + 2i] VCS of year i
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "ecocomp.h"
#include "vcs.h"

#define VCS_STATE_HDR 3
#define VCS_STATE_CAP0 32		/* years; grows by doubling */

/* vcs(npp g C/m2/a) -> g CO2/m2/a */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_from_npp);
Datum
vcs_from_npp(PG_FUNCTION_ARGS)
{
	double		npp = PG_GETARG_FLOAT8(0);

	EcoCheckFinite(npp, "NPP (g C/m2/a)");
	PG_RETURN_FLOAT8(EcoFinite(npp * VCS_PER_NPP, "VCS"));
}

/*
 * npp_from_modis(dn int) -> g C/m2/a: MOD17A3HGF Npp_500m digital number
 * times 0.0001 kg C/m2 = 0.1 g C/m2; the fill and non-vegetated codes
 * 32761..32767 give NULL; anything else outside -30000..32700 is an error.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_from_modis_dn);
Datum
npp_from_modis_dn(PG_FUNCTION_ARGS)
{
	int32		dn = PG_GETARG_INT32(0);

	switch (ModisNppKindOf(dn))
	{
		case MODIS_NPP_FILL:
			PG_RETURN_NULL();
		case MODIS_NPP_INVALID:
			ModisNppInvalid(dn, 0, 0, 0);
		case MODIS_NPP_VALID:
			break;
	}
	PG_RETURN_FLOAT8(dn * MODIS_NPP_G_C_PER_DN);
}

void
ModisNppInvalid(int64 dn, int col, int row, int band)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("MODIS NPP value " INT64_FORMAT " is outside the valid range %d..%d and is not a fill code (%d..%d)",
					dn, MODIS_NPP_MIN_VALID, MODIS_NPP_MAX_VALID, MODIS_NPP_FILL_MIN, MODIS_NPP_FILL_MAX),
			 band > 0 ? errdetail("Pixel (%d, %d) (1-based column, row) of band %d.", col + 1, row + 1, band) : 0));
	pg_unreachable();
}

static ArrayType *
VcsStateNew(int cap)
{
	ArrayType  *a = EcoStateNew(VCS_STATE_HDR + 2 * cap, get_float8_nan());

	EcoStateData(a)[0] = 0;
	return a;
}

/* a year of the state: NaN (none) or an int32 */
static bool
VcsYearOk(double y)
{
	return isnan(y) || (y == floor(y) && y >= PG_INT32_MIN && y <= PG_INT32_MAX);
}

static double *
VcsStateValues(ArrayType *a, int *cap)
{
	int			len;
	double	   *st = EcoStateValues(a, "vcs_deficit", VCS_STATE_HDR, PG_INT32_MAX,
									"The state is a float8[] {n, destroyed year, restored year, then n (year, VCS) pairs and room for more}.", &len);

	EcoStateCheck((len - VCS_STATE_HDR) % 2 == 0, "vcs_deficit",
				  "The state has an odd number of year and VCS values.");
	*cap = (len - VCS_STATE_HDR) / 2;
	/* a state given directly (e.g. vcs_deficit_final('{...}')) is checked */
	EcoStateCheck(st[0] >= 0 && st[0] <= *cap && st[0] == floor(st[0]) &&
				  VcsYearOk(st[1]) && VcsYearOk(st[2]), "vcs_deficit",
				  "The count or the disturbance years are out of range.");
	return st;
}

static bool
SameYear(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static void
VcsCheckDisturbance(double *st, double destroyed, double restored)
{
	if (!SameYear(st[1], destroyed) || !SameYear(st[2], restored))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("destroyed_year and restored_year must be the same on every row of a series"),
				 errdetail("Got %g/%g after %g/%g.", destroyed, restored, st[1], st[2])));
}

/* Append (year, vcs) to the state, in place when it has room. */
static ArrayType *
VcsStateAppend(ArrayType *a, double year, double vcs)
{
	int			cap;
	double	   *st = VcsStateValues(a, &cap);
	int			n = (int) st[0];

	if (n >= cap)
	{
		/* a state of capacity 0 (e.g. an INITCOND of one's own) grows too */
		ArrayType  *b = VcsStateNew(Max(cap * 2, VCS_STATE_CAP0));
		int			bcap;
		double	   *bt = VcsStateValues(b, &bcap);

		memcpy(bt, st, sizeof(double) * (VCS_STATE_HDR + 2 * n));
		a = b;
		st = bt;
		cap = bcap;
	}
	Assert(n >= 0 && n < cap);
	st[VCS_STATE_HDR + 2 * n] = year;
	st[VCS_STATE_HDR + 2 * n + 1] = vcs;
	st[0] = n + 1;
	return a;
}

/*
 * vcs_deficit_accum(state float8[], year int, vcs float8, destroyed_year int,
 *					 restored_year int)
 * A NULL vcs is a missing year and is skipped.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_deficit_accum);
Datum
vcs_deficit_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt,
				old;
	ArrayType  *a;
	double		destroyed = PG_ARGISNULL(3) ? get_float8_nan() : PG_GETARG_INT32(3);
	double		restored = PG_ARGISNULL(4) ? get_float8_nan() : PG_GETARG_INT32(4);
	int			cap;
	double	   *st;

	aggcxt = EcoAggContext(fcinfo, "vcs_deficit_accum");
	EcoRequireArg(fcinfo, 1, "year");
	if (!isnan(destroyed) && !isnan(restored) && restored < destroyed)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("restoration year %g is before destruction year %g", restored, destroyed)));
	if (isnan(destroyed) && !isnan(restored))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("restoration year %g without a destruction year", restored)));

	if (PG_ARGISNULL(0))
	{
		old = MemoryContextSwitchTo(aggcxt);
		a = VcsStateNew(VCS_STATE_CAP0);
		MemoryContextSwitchTo(old);
		st = VcsStateValues(a, &cap);
		st[1] = destroyed;
		st[2] = restored;
	}
	else
	{
		a = PG_GETARG_ARRAYTYPE_P(0);
		st = VcsStateValues(a, &cap);
		VcsCheckDisturbance(st, destroyed, restored);
	}
	if (PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(a);
	EcoCheckFinite(PG_GETARG_FLOAT8(2), "VCS");
	PG_RETURN_ARRAYTYPE_P(VcsStateAppend(a, PG_GETARG_INT32(1), PG_GETARG_FLOAT8(2)));
}

/* vcs_deficit_combine(a float8[], b float8[]): the union of two series */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_deficit_combine);
Datum
vcs_deficit_combine(PG_FUNCTION_ARGS)
{
	Datum		result;
	MemoryContext aggcxt,
				old;
	ArrayType  *a,
			   *b;
	double	   *sa,
			   *sb;
	int			capa,
				capb,
				i;

	aggcxt = EcoAggContext(fcinfo, "vcs_deficit_combine");
	if (EcoCombineWithNull(fcinfo, &result))
		return result;
	b = PG_GETARG_ARRAYTYPE_P(1);
	sb = VcsStateValues(b, &capb);
	if (PG_ARGISNULL(0))
	{
		/* a copy in the aggregate context, never the other input itself */
		old = MemoryContextSwitchTo(aggcxt);
		a = VcsStateNew(Max(capb, VCS_STATE_CAP0));
		MemoryContextSwitchTo(old);
		sa = VcsStateValues(a, &capa);
		sa[1] = sb[1];
		sa[2] = sb[2];
	}
	else
	{
		a = PG_GETARG_ARRAYTYPE_P(0);
		sa = VcsStateValues(a, &capa);
		VcsCheckDisturbance(sa, sb[1], sb[2]);
	}
	for (i = 0; i < (int) sb[0]; i++)
	{
		old = MemoryContextSwitchTo(aggcxt);
		a = VcsStateAppend(a, sb[VCS_STATE_HDR + 2 * i], sb[VCS_STATE_HDR + 2 * i + 1]);
		MemoryContextSwitchTo(old);
	}
	PG_RETURN_ARRAYTYPE_P(a);
}

typedef struct YearValue
{
	double		year;
	double		v;
} YearValue;

static int
YearValueCmp(const void *x, const void *y)
{
	double		a = ((const YearValue *) x)->year;
	double		b = ((const YearValue *) y)->year;

	return (a > b) - (a < b);
}

/* the n (year, VCS) pairs of a state, checked and sorted by year */
static YearValue *
VcsSortedSeries(const double *st, int n)
{
	YearValue  *yv = palloc(sizeof(YearValue) * n);
	int			i;

	for (i = 0; i < n; i++)
	{
		yv[i].year = st[VCS_STATE_HDR + 2 * i];
		yv[i].v = st[VCS_STATE_HDR + 2 * i + 1];
		if (!VcsYearOk(yv[i].year) || isnan(yv[i].year) || !isfinite(yv[i].v))
			EcoStateInvalid("vcs_deficit", psprintf("Year or VCS %d is out of range.", i + 1));
	}
	qsort(yv, n, sizeof(YearValue), YearValueCmp);
	for (i = 1; i < n; i++)
		if (yv[i].year == yv[i - 1].year)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("year %g appears twice in a VCS series", yv[i].year)));
	return yv;
}

/* the baseline and the potential changes measured from it */
typedef struct VcsFit
{
	double		slope;
	double		intercept;
	double		c_destroy;
	double		c_restore;
} VcsFit;

/*
 * Least squares over the npre years before destruction (all zero when
 * fewer than 2); the years after it add their distance from the line to
 * C_destroy, or to C_restore from year index ir (>= 0) on.
 */
static void
VcsFitBaseline(const YearValue *yv, int n, int npre, int ir, VcsFit *fit)
{
	double		tmean = 0,
				vmean = 0,
				sxx = 0,
				sxy = 0;
	int			i;

	memset(fit, 0, sizeof(VcsFit));
	if (npre < 2)
		return;
	for (i = 0; i < npre; i++)
	{
		tmean += yv[i].year;
		vmean += yv[i].v;
	}
	tmean /= npre;
	vmean /= npre;
	for (i = 0; i < npre; i++)
	{
		sxx += (yv[i].year - tmean) * (yv[i].year - tmean);
		sxy += (yv[i].year - tmean) * (yv[i].v - vmean);
	}
	Assert(sxx > 0);			/* distinct years */
	fit->slope = sxy / sxx;
	fit->intercept = vmean - fit->slope * tmean;
	for (i = npre; i < n; i++)
	{
		double		d = yv[i].v - (vmean + fit->slope * (yv[i].year - tmean));

		if (ir >= 0 && i >= ir)
			fit->c_restore += d;
		else
			fit->c_destroy += d;
	}
}

/*
 * vcs_deficit_final(state) -> vcs_deficit_result.  Does not modify the
 * state (it sorts a copy).
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_deficit_final);
Datum
vcs_deficit_final(PG_FUNCTION_ARGS)
{
	double	   *st;
	int			cap,
				n,
				npre,
				id = -1,
				ir = -1,
				i;
	YearValue  *yv;
	double		destroyed,
				restored;
	VcsFit		fit;
	TupleDesc	desc;
	Datum		values[8];
	bool		nulls[8] = {0};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = VcsStateValues(PG_GETARG_ARRAYTYPE_P(0), &cap);
	n = (int) st[0];
	destroyed = st[1];
	restored = st[2];
	if (n == 0)
		PG_RETURN_NULL();
	yv = VcsSortedSeries(st, n);

	/*
	 * The destruction (restoration) takes effect in the first available year
	 * at or after its date: a disturbance in a missing year counts in the
	 * next available year, as the carbon paper does for its missing 2012.
	 */
	for (i = 0; i < n; i++)
	{
		if (!isnan(destroyed) && id < 0 && yv[i].year >= destroyed)
			id = i;
		if (!isnan(restored) && ir < 0 && yv[i].year >= restored)
			ir = i;
	}
	npre = (isnan(destroyed) || id < 0) ? n : id;
	VcsFitBaseline(yv, n, npre, ir, &fit);

	desc = EcoResultDesc(fcinfo, 8);
	values[0] = Float8GetDatum(EcoFinite(fit.slope, "VCS baseline slope"));
	values[1] = Float8GetDatum(EcoFinite(fit.intercept, "VCS baseline intercept"));
	nulls[0] = nulls[1] = (npre < 2);
	values[2] = Int32GetDatum(npre);
	/* direct decrease: VCS of the year before destruction lost in that year */
	if (isnan(destroyed))
		values[3] = Float8GetDatum(0);
	else if (id > 0)
		values[3] = Float8GetDatum(EcoFinite(yv[id - 1].v - yv[id].v, "direct VCS decrease"));
	else
		nulls[3] = true;
	/* direct increase: VCS regained in the restoration year */
	if (isnan(restored))
		values[4] = Float8GetDatum(0);
	else if (ir > 0)
		values[4] = Float8GetDatum(EcoFinite(yv[ir].v - yv[ir - 1].v, "direct VCS increase"));
	else
		nulls[4] = true;
	values[5] = Float8GetDatum(EcoFinite(fit.c_destroy, "carbon deficit of destruction"));
	values[6] = Float8GetDatum(EcoFinite(fit.c_restore, "carbon gain of restoration"));
	values[7] = Float8GetDatum(EcoFinite(0.0 - (fit.c_destroy + fit.c_restore), "VCSD"));	/* never -0 */
	nulls[5] = nulls[6] = nulls[7] = (npre < 2);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
