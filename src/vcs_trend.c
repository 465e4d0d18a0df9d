/*
 * vcs_trend.c
 *	  The per-pixel VCS trend of the carbon paper: the vcs_trend aggregate
 *	  of yearly tiles (least-squares slope and the two-sided p-value of its
 *	  t test, from src/core/student_t.c), the trend significance classes
 *	  as a raster, and student_t_p_value.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/memutils.h"

#include "core/student_t.h"
#include "ecocomp.h"
#include "vcs.h"

#define VR_MAX_DF 1e7

/*
 * Two-sided p-value of Student's t (src/core/student_t.c); 22003 in the
 * (unseen) case that its continued fraction does not converge.
 */
static double
VrStudentP(double t, double df)
{
	double		p = eco_student_t_p(t, df);

	if (isnan(p))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the p-value of t = %g with %g degrees of freedom did not converge", t, df)));
	Assert(p >= 0 && p <= 1);
	return p;
}

/* student_t_p_value(t float8, df float8) -> float8 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(student_t_p_value);
Datum
student_t_p_value(PG_FUNCTION_ARGS)
{
	double		t = PG_GETARG_FLOAT8(0);
	double		df = PG_GETARG_FLOAT8(1);

	if (isnan(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("t must not be NaN")));
	if (!(df > 0 && df <= VR_MAX_DF))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("degrees of freedom %g must be > 0 and <= 1e7", df)));
	PG_RETURN_FLOAT8(VrStudentP(t, df));
}

/* ---------- per-pixel trend of yearly tiles ---------- */

/*
 * vcs_trend state, a float8[]:
 *	[0] width, [1] height, [2] scale_x, [3] scale_y, [4] ip_x, [5] ip_y,
 *	[6] srid, [7] band, [8] year capacity C, [9] years seen Y,
 *	[10 .. 10+C) the years (Y of them), then per pixel VT_NSUM sums
 *	n, sum t, sum t^2, sum v, sum t v, sum v^2 with t = year - VT_T0
 *	(centred for precision; the slope does not depend on it).
 */
#define VT_HDR 10
#define VT_NSUM 6
#define VT_YEARS0 32
#define VT_T0 2000.0

typedef struct VtState
{
	ArrayType  *a;
	double	   *d;
	int			width,
				height,
				cap,
				nyears;
	double	   *years;
	double	   *sums;
	double		t;				/* year - VT_T0 of the tile being added */
} VtState;

static void
VtOpen(ArrayType *a, VtState *s)
{
	double	   *d;
	int			len;
	double		w,
				h,
				cap,
				ny;

	d = EcoStateValues(a, "vcs_trend", VT_HDR, PG_INT32_MAX,
					   "The state is a one-dimensional float8[] without NULLs, its header first.", &len);
	w = d[0];
	h = d[1];
	cap = d[8];
	ny = d[9];
	EcoStateCheck(w >= 1 && w <= 65535 && h >= 1 && h <= 65535 && w == floor(w) && h == floor(h) &&
				  cap >= 1 && cap == floor(cap) && ny >= 0 && ny <= cap && ny == floor(ny) &&
				  len == VT_HDR + (int64) cap + (int64) w * (int64) h * VT_NSUM,
				  "vcs_trend", "The header does not match the length.");
	s->a = a;
	s->d = d;
	s->width = (int) w;
	s->height = (int) h;
	s->cap = (int) cap;
	s->nyears = (int) ny;
	s->years = d + VT_HDR;
	s->sums = d + VT_HDR + s->cap;
}

/* a new zeroed state (in the current memory context) */
static void
VtNew(VtState *s, const double *hdr, int cap)
{
	int64		npix = (int64) hdr[0] * (int64) hdr[1];
	int64		nelems = VT_HDR + cap + npix * VT_NSUM;
	Size		nbytes;
	ArrayType  *a;

	if (nelems > (int64) ((MaxAllocSize - ARR_OVERHEAD_NONULLS(1)) / sizeof(float8)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("tiles of %g x %g pixels are too large for vcs_trend", hdr[0], hdr[1]),
				 errhint("Load the rasters in smaller tiles, e.g. raster2pgsql -t 256x256.")));
	nbytes = ARR_OVERHEAD_NONULLS(1) + sizeof(float8) * nelems;
	a = palloc0(nbytes);
	SET_VARSIZE(a, nbytes);
	a->ndim = 1;
	a->dataoffset = 0;
	a->elemtype = FLOAT8OID;
	ARR_DIMS(a)[0] = (int) nelems;
	ARR_LBOUND(a)[0] = 1;
	memcpy(EcoStateData(a), hdr, sizeof(double) * VT_HDR);
	EcoStateData(a)[8] = cap;
	EcoStateData(a)[9] = 0;
	VtOpen(a, s);
}

/* check that a tile (or another state's header) has the state's grid */
static void
VtCheckGrid(const VtState *s, const double *h)
{
	const double *g = s->d;

	if (g[0] != h[0] || g[1] != h[1] || g[2] != h[2] || g[3] != h[3] ||
		g[4] != h[4] || g[5] != h[5] || g[6] != h[6])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("tiles of a vcs_trend group do not have the same georeference and size"),
				 errdetail("One is %gx%g at (%.17g, %.17g) with pixel %.17g x %.17g, SRID %g; another is %gx%g at (%.17g, %.17g) with pixel %.17g x %.17g, SRID %g.",
						   g[0], g[1], g[4], g[5], g[2], g[3], g[6],
						   h[0], h[1], h[4], h[5], h[2], h[3], h[6]),
				 errhint("Group the yearly tiles by their position, e.g. GROUP BY ST_UpperLeftX(rast), ST_UpperLeftY(rast); all years must be tiled on the same grid.")));
	if (g[7] != h[7])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("band changed from %g to %g within a vcs_trend group", g[7], h[7])));
}

/* record a year; duplicates are an error; may move the state */
static void
VtAddYear(VtState *s, double year)
{
	int			i;

	for (i = 0; i < s->nyears; i++)
		if (s->years[i] == year)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("year %g appears twice in a vcs_trend group", year),
					 errhint("Each group holds one tile per year of one grid position: GROUP BY the tile position, one row per year.")));
	if (s->nyears == s->cap)
	{
		VtState		n;

		VtNew(&n, s->d, s->cap * 2);
		memcpy(n.years, s->years, sizeof(double) * s->nyears);
		memcpy(n.sums, s->sums, sizeof(double) * VT_NSUM * (Size) s->width * s->height);
		n.d[9] = s->nyears;
		n.nyears = s->nyears;
		*s = n;
	}
	Assert(s->nyears < s->cap);
	s->years[s->nyears++] = year;
	s->d[9] = s->nyears;
}

/* add value v of pixel idx in year s->t + VT_T0 to the sums */
static void
VtAddPixel(void *arg, int64 idx, int col, int row, double v)
{
	VtState    *s = arg;
	double	   *p = s->sums + idx * VT_NSUM;
	double		t = s->t;

	(void) col;
	(void) row;
	Assert(idx >= 0 && idx < (int64) s->width * s->height);
	p[0] += 1;
	p[1] += t;
	p[2] += t * t;
	p[3] += v;
	p[4] += t * v;
	p[5] += v * v;
}

/* vcs_trend_transfn(state, rast, year[, band]) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_transfn);
Datum
vcs_trend_transfn(PG_FUNCTION_ARGS)
{
	Datum		result;
	RastInfo	ri;
	const RastBand *b;
	int32		year,
				band = 1;
	double		hdr[VT_HDR];
	VtState		s;

	(void) EcoAggContext(fcinfo, "vcs_trend_transfn");
	if (EcoCombineWithNull(fcinfo, &result)) /* no tile: nothing to add */
		return result;
	EcoRequireArg(fcinfo, 2, "year");
	year = PG_GETARG_INT32(2);
	if (PG_NARGS() > 3)
	{
		EcoRequireArg(fcinfo, 3, "band");
		band = PG_GETARG_INT32(3);
	}
	if (!VrRead(PG_GETARG_DATUM(1), &ri, "rast"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the tile of year %d is empty (%d x %d pixels)", year, ri.width, ri.height),
				 errhint("Leave empty tiles out of the group.")));
	b = RastGetBand(&ri, band, "rast", NULL);
	hdr[0] = ri.width;
	hdr[1] = ri.height;
	hdr[2] = ri.scale_x;
	hdr[3] = ri.scale_y;
	hdr[4] = ri.ip_x;
	hdr[5] = ri.ip_y;
	hdr[6] = ri.srid;
	hdr[7] = band;
	hdr[8] = hdr[9] = 0;
	if (PG_ARGISNULL(0))
		VtNew(&s, hdr, VT_YEARS0);
	else
	{
		VtOpen(PG_GETARG_ARRAYTYPE_P(0), &s);
		VtCheckGrid(&s, hdr);
	}
	VtAddYear(&s, year);
	s.t = year - VT_T0;
	VrForEachValue(&ri, b, "rast", VtAddPixel, &s);
	PG_RETURN_ARRAYTYPE_P(s.a);
}

/* vcs_trend_combine(a, b): the sums of two groups of distinct years */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_combine);
Datum
vcs_trend_combine(PG_FUNCTION_ARGS)
{
	Datum		result;
	VtState		s,
				o;
	int64		i,
				n;

	(void) EcoAggContext(fcinfo, "vcs_trend_combine");
	if (EcoCombineWithNull(fcinfo, &result))
		return result;
	VtOpen(PG_GETARG_ARRAYTYPE_P(1), &o);
	if (PG_ARGISNULL(0))
	{
		/* a copy (in the current context), never the other input itself */
		VtNew(&s, o.d, o.cap);
		memcpy(s.d, o.d, ARR_SIZE(o.a) - ARR_OVERHEAD_NONULLS(1));
		VtOpen(s.a, &s);
		PG_RETURN_ARRAYTYPE_P(s.a);
	}
	VtOpen(PG_GETARG_ARRAYTYPE_P(0), &s);
	VtCheckGrid(&s, o.d);
	for (i = 0; i < o.nyears; i++)
		VtAddYear(&s, o.years[i]);
	n = (int64) s.width * s.height * VT_NSUM;
	for (i = 0; i < n; i++)
	{
		if ((i & 0xFFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		s.sums[i] += o.sums[i];
	}
	PG_RETURN_ARRAYTYPE_P(s.a);
}

/*
 * vcs_trend_final(state) -> raster: band 1 the least-squares slope (unit of
 * the values per year), band 2 the two-sided p-value of the t test of
 * slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_final);
Datum
vcs_trend_final(PG_FUNCTION_ARGS)
{
	VtState		s;
	RastInfo	ri;
	struct varlena *out;
	float	   *px[2];
	void	   *bands[2];
	int64		idx,
				npix;

	VtOpen(PG_GETARG_ARRAYTYPE_P(0), &s);
	memset(&ri, 0, sizeof(ri));
	ri.width = s.width;
	ri.height = s.height;
	ri.scale_x = s.d[2];
	ri.scale_y = s.d[3];
	ri.ip_x = s.d[4];
	ri.ip_y = s.d[5];
	ri.srid = (int32) s.d[6];
	out = RastMake(&ri, 2, RAST_PT_32BF, VR_NODATA, bands);
	px[0] = (float *) bands[0];
	px[1] = (float *) bands[1];
	npix = (int64) s.width * s.height;
	for (idx = 0; idx < npix; idx++)
	{
		const double *p = s.sums + idx * VT_NSUM;
		double		n = p[0],
					sxx,
					sxy,
					syy,
					slope,
					sse,
					pval;

		if ((idx % s.width) == 0)
			CHECK_FOR_INTERRUPTS();
		if (n < 3)
		{
			px[0][idx] = px[1][idx] = VR_NODATA;
			continue;
		}
		sxx = p[2] - p[1] * p[1] / n;
		sxy = p[4] - p[1] * p[3] / n;
		syy = p[5] - p[3] * p[3] / n;
		slope = sxy / sxx;
		sse = syy - slope * sxy;
		if (syy <= 1e-13 * p[5])
		{
			/* constant (up to rounding): slope 0, no evidence of a trend */
			slope = 0;
			pval = 1;
		}
		else if (sse <= 1e-12 * syy)
			pval = 0;			/* on a line (up to rounding): |t| infinite */
		else
			pval = VrStudentP(EcoFinite(slope / sqrt(sse / (n - 2) / sxx), "t statistic of the VCS trend"), n - 2);
		px[0][idx] = VrToFloat(slope, "VCS trend slope");
		px[1][idx] = (float) pval;
	}
	PG_RETURN_POINTER(out);
}

typedef struct VtClass
{
	const RastInfo *ri;
	const RastBand *bp;			/* band 2, the p-value */
	int8	   *px;
} VtClass;

/* the class of a pixel with slope v (band 1) and a p-value */
static void
VtClassPixel(void *arg, int64 idx, int col, int row, double slope)
{
	VtClass    *cls = arg;
	double		p;

	if (!RastValue(cls->ri, cls->bp, idx, &p, "trend"))
		return;
	if (!(p >= 0 && p <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("p-value %g of trend pixel (%d, %d) (1-based column, row) is outside [0, 1]",
						p, col + 1, row + 1)));
	cls->px[idx] = (int8) VcsTrendClassCode(slope, p);
}

/*
 * vcs_trend_class(trend raster) -> raster: one 8BSI band of the trend
 * significance class codes (vcs_class.c) of a vcs_trend raster (band 1
 * slope, band 2 p-value); nodata (-128) where either is nodata.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_class_raster);
Datum
vcs_trend_class_raster(PG_FUNCTION_ARGS)
{
	RastInfo	ri;
	const RastBand *bs;
	VtClass		cls;
	struct varlena *out;
	int64		i;

	if (!VrRead(PG_GETARG_DATUM(0), &ri, "trend"))
		PG_RETURN_POINTER(VcsMakeInt8Raster(&ri, &cls.px));
	if (ri.nbands < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trend must have 2 bands (slope, p-value), not %d", ri.nbands),
				 errhint("Pass the raster of the vcs_trend aggregate.")));
	cls.ri = &ri;
	cls.bp = RastGetBand(&ri, 2, "trend", NULL);
	bs = RastGetBand(&ri, 1, "trend", NULL);
	out = VcsMakeInt8Raster(&ri, &cls.px);
	for (i = 0; i < (int64) ri.width * ri.height; i++)
		cls.px[i] = VCS_CLASS_NODATA;
	VrForEachValue(&ri, bs, "trend", VtClassPixel, &cls);
	PG_RETURN_POINTER(out);
}
