/*
 * vcs_raster.c
 *	  Vegetation carbon sequestration on rasters (the carbon paper (Xu Y. et al. 2024), the carbon method (docs/sources.md)): MODIS NPP digital numbers to NPP, NPP to VCS, the scale
 *	  transformation of coarse NPP to the fine disturbance grid (eq. 1) and
 *	  its background NPP, per-pixel coverage and values keyed by a
 *	  grid-global pixel id (to fill mine_vcs), and the per-pixel VCS trend
 *	  (least-squares slope and the p-value of its t-test).
 *
 *	  Rasters are read in place by the bounds-checked reader
 *	  (raster_reader.h); every output is 32BF with nodata VR_NODATA.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "coverage.h"
#include "ecocomp.h"
#include "geom.h"
#include "raster_reader.h"
#include "vcs.h"

/* nodata of every raster made here: NPP and VCS can be negative */
#define VR_NODATA (-FLT_MAX)
/* serialized band flag (raster_reader.c) */
/* PostGIS's float equality (FLT_EQ of librtcore) */
/* data of a one-dimensional array without NULLs (checked by the callers) */
#define VR_ARR_DATA(a) ((double *) ((char *) (a) + ARR_OVERHEAD_NONULLS(1)))
#define VR_FLT_EQ(x, y) ((isnan(x) && isnan(y)) || (fabs((x) - (y)) <= FLT_EPSILON))

/*
 * Read a raster argument.  Returns false when it has no pixels (width or
 * height 0); then nothing else is checked.  Skewed rasters: 0A000.
 */
static bool
VrRead(Datum d, RastInfo *ri, const char *what)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(d);

	RastParse(v, ri);
	if (ri->width == 0 || ri->height == 0)
		return false;
	RastCheckGrid(ri, what);
	return true;
}

/*
 * Value of pixel idx of a numeric band as a double; false for nodata (the
 * band's nodata value, as PostGIS compares it, or NaN).  An infinite value
 * is an error.
 */
static inline bool
VrValue(const RastInfo *ri, const RastBand *b, int64 idx, double *out, const char *what)
{
	double		v;

	if (b->isnodata)
		return false;
	if (b->pixtype == RAST_PT_32BF)
	{
		float		f;

		memcpy(&f, b->data + idx * 4, 4);
		v = f;
	}
	else if (b->pixtype == RAST_PT_64BF)
		memcpy(&v, b->data + idx * 8, 8);
	else
		v = (double) RastIntPixel(b, idx);
	if (b->hasnodata &&
		(RastPixtypeIsInteger(b->pixtype) ? v == b->nodata : VR_FLT_EQ(v, b->nodata)))
		return false;
	if (isnan(v))
		return false;
	if (isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pixel (%d, %d) (1-based column, row) of %s is infinite",
						(int) (idx % ri->width) + 1, (int) (idx / ri->width) + 1, what)));
	*out = v;
	return true;
}

/* a result value as a 32BF pixel; values that do not fit are an error */
static inline float
VrToFloat(double v, const char *what)
{
	if (!(fabs(v) < FLT_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %g does not fit in a 32BF pixel", what, v)));
	return (float) v;
}

/* ---------- MODIS digital numbers and VCS ---------- */

/*
 * npp_from_modis(rast raster, band int) -> raster: MOD17A3HGF Npp_500m
 * digital numbers to NPP in g C/m2/a (DN * 0.1); fill and non-vegetated
 * codes 32761..32767 and the band's nodata become nodata.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_from_modis_raster);
Datum
npp_from_modis_raster(PG_FUNCTION_ARGS)
{
	int32		band = PG_GETARG_INT32(1);
	RastInfo	ri;
	const RastBand *b;
	struct varlena *out;
	float	   *px;
	bool		hasnd;
	int64		nd;
	int			r,
				c;

	if (!VrRead(PG_GETARG_DATUM(0), &ri, "rast"))
		PG_RETURN_POINTER(RastMakeFloat32(&ri, VR_NODATA, &px));
	b = RastGetBand(&ri, band, "rast", "MODIS NPP digital numbers");
	nd = RastIntNodata(b, &hasnd);
	out = RastMakeFloat32(&ri, VR_NODATA, &px);
	for (r = 0; r < ri.height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri.width; c++)
		{
			int64		idx = (int64) r * ri.width + c;
			int64		dn;

			if (b->isnodata)
			{
				px[idx] = VR_NODATA;
				continue;
			}
			dn = RastIntPixel(b, idx);
			if ((hasnd && dn == nd) || (dn >= MODIS_NPP_FILL_MIN && dn <= MODIS_NPP_FILL_MAX))
				px[idx] = VR_NODATA;
			else if (dn < MODIS_NPP_MIN_VALID || dn > MODIS_NPP_MAX_VALID)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("MODIS NPP value " INT64_FORMAT " is outside the valid range -30000..32700 and is not a fill code (32761..32767)", dn),
						 errdetail("Pixel (%d, %d) (1-based column, row) of band %d.", c + 1, r + 1, band)));
			else
				px[idx] = (float) (dn * MODIS_NPP_G_C_PER_DN);
		}
	}
	PG_RETURN_POINTER(out);
}

/* vcs(rast raster, band int) -> raster: VCS = NPP * 2.2 * 1.63 per pixel */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_raster);
Datum
vcs_raster(PG_FUNCTION_ARGS)
{
	int32		band = PG_GETARG_INT32(1);
	RastInfo	ri;
	const RastBand *b;
	struct varlena *out;
	float	   *px;
	int			r,
				c;

	if (!VrRead(PG_GETARG_DATUM(0), &ri, "rast"))
		PG_RETURN_POINTER(RastMakeFloat32(&ri, VR_NODATA, &px));
	b = RastGetBand(&ri, band, "rast", NULL);
	out = RastMakeFloat32(&ri, VR_NODATA, &px);
	for (r = 0; r < ri.height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri.width; c++)
		{
			int64		idx = (int64) r * ri.width + c;
			double		v;

			if (VrValue(&ri, b, idx, &v, "rast"))
				px[idx] = VrToFloat(v * VCS_PER_NPP, "VCS");
			else
				px[idx] = VR_NODATA;
		}
	}
	PG_RETURN_POINTER(out);
}

/* ---------- scale transformation (eq. 1) ---------- */

/*
 * The coarse pixels under a fine disturbance raster: a window of the
 * coarse raster (ncc x ncr from cc0, cr0), the coarse pixel of each fine
 * column and row (window-relative, -1 outside the coarse raster), per
 * coarse pixel the counts of fine pixels whose centre it contains (s) and
 * of those vegetated in the year (sveg), and whether the fine raster covers
 * the whole coarse pixel (full); per fine pixel, whether it is destroyed.
 */
typedef struct DsGrid
{
	int			cc0,
				cr0,
				ncc,
				ncr;
	int		   *ccol;
	int		   *crow;
	double	   *s;
	double	   *sveg;
	bool	   *full;
	double	   *npp;			/* coarse NPP, NaN for nodata */
	uint8	   *destroyed;
} DsGrid;

static int
DsCoarseIndex(double centre, double ip, double scale, int n)
{
	double		q = floor((centre - ip) / scale);

	if (q >= 0 && q < n)
		return (int) q;
	return -1;
}

/* destruction / restoration year of a disturbance pixel: 0 = none */
static inline int64
DsYear(const RastInfo *ri, const RastBand *b, bool hasnd, int64 nd, int64 idx, int band)
{
	int64		v;

	if (b->isnodata)
		return 0;
	v = RastIntPixel(b, idx);
	if (hasnd && v == nd)
		return 0;
	if (v < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s year " INT64_FORMAT " of disturbance pixel (%d, %d) (1-based column, row) is negative",
						band == 1 ? "destruction" : "restoration", v,
						(int) (idx % ri->width) + 1, (int) (idx / ri->width) + 1),
				 errhint("Band 1 holds the destruction year, band 2 the restoration year; 0 or nodata means none.")));
	return v;
}

/*
 * Check the pair and measure the coarse pixels.  npp may have no pixels
 * (then every coarse index is -1).  dist has pixels.
 */
static void
DsPrepare(const RastInfo *npp, bool npp_has_pixels, int32 npp_band,
		  const RastInfo *dist, int32 year, DsGrid *g)
{
	const RastBand *bn = NULL,
			   *bd,
			   *br;
	bool		hasnd_d,
				hasnd_r;
	int64		nd_d,
				nd_r;
	int			r,
				c,
				i,
				j,
				ccmin = PG_INT32_MAX,
				ccmax = -1,
				crmin = PG_INT32_MAX,
				crmax = -1;
	double		fx0,
				fx1,
				fy0,
				fy1,
				tolx,
				toly;

	if (npp->srid != dist->srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID of npp (%d) differs from the SRID of disturbance (%d)", npp->srid, dist->srid),
				 errhint("Reproject the NPP raster to the disturbance grid's CRS first, e.g. MODIS sinusoidal with gdalwarp -t_srs EPSG:%d.", dist->srid)));
	if (dist->nbands < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("disturbance must have 2 bands (destruction year, restoration year), not %d", dist->nbands)));
	bd = RastGetBand(dist, 1, "disturbance", "disturbance years");
	br = RastGetBand(dist, 2, "disturbance", "disturbance years");
	if (npp_has_pixels)
		bn = RastGetBand(npp, npp_band, "npp", NULL);
	nd_d = RastIntNodata(bd, &hasnd_d);
	nd_r = RastIntNodata(br, &hasnd_r);

	memset(g, 0, sizeof(DsGrid));
	g->ccol = palloc(sizeof(int) * dist->width);
	g->crow = palloc(sizeof(int) * dist->height);
	for (c = 0; c < dist->width; c++)
	{
		g->ccol[c] = npp_has_pixels ?
			DsCoarseIndex(dist->ip_x + (c + 0.5) * dist->scale_x, npp->ip_x, npp->scale_x, npp->width) : -1;
		if (g->ccol[c] >= 0)
		{
			ccmin = Min(ccmin, g->ccol[c]);
			ccmax = Max(ccmax, g->ccol[c]);
		}
	}
	for (r = 0; r < dist->height; r++)
	{
		g->crow[r] = npp_has_pixels ?
			DsCoarseIndex(dist->ip_y + (r + 0.5) * dist->scale_y, npp->ip_y, npp->scale_y, npp->height) : -1;
		if (g->crow[r] >= 0)
		{
			crmin = Min(crmin, g->crow[r]);
			crmax = Max(crmax, g->crow[r]);
		}
	}
	if (ccmax >= 0 && crmax >= 0)
	{
		g->cc0 = ccmin;
		g->ncc = ccmax - ccmin + 1;
		g->cr0 = crmin;
		g->ncr = crmax - crmin + 1;
	}
	for (c = 0; c < dist->width; c++)
		g->ccol[c] = (g->ncc > 0 && g->ccol[c] >= 0) ? g->ccol[c] - g->cc0 : -1;
	for (r = 0; r < dist->height; r++)
		g->crow[r] = (g->ncr > 0 && g->crow[r] >= 0) ? g->crow[r] - g->cr0 : -1;
	g->s = palloc0(sizeof(double) * Max(g->ncc * g->ncr, 1));
	g->sveg = palloc0(sizeof(double) * Max(g->ncc * g->ncr, 1));
	g->full = palloc0(sizeof(bool) * Max(g->ncc * g->ncr, 1));
	g->npp = palloc0(sizeof(double) * Max(g->ncc * g->ncr, 1));
	g->destroyed = palloc0((Size) dist->width * dist->height);

	/* every fine pixel: its state in the year, counted in its coarse pixel */
	for (r = 0; r < dist->height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < dist->width; c++)
		{
			int64		idx = (int64) r * dist->width + c;
			int64		d = DsYear(dist, bd, hasnd_d, nd_d, idx, 1);
			int64		rs = DsYear(dist, br, hasnd_r, nd_r, idx, 2);
			bool		destroyed;

			if (rs > 0 && (d == 0 || rs < d))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("restoration year " INT64_FORMAT " of disturbance pixel (%d, %d) (1-based column, row) is %s",
								rs, c + 1, r + 1,
								d == 0 ? "without a destruction year" :
								psprintf("before its destruction year " INT64_FORMAT, d))));
			destroyed = d > 0 && d <= year && !(rs > 0 && rs <= year);
			g->destroyed[idx] = destroyed;
			if (g->crow[r] >= 0 && g->ccol[c] >= 0)
			{
				int			k = g->crow[r] * g->ncc + g->ccol[c];

				g->s[k] += 1;
				if (!destroyed)
					g->sveg[k] += 1;
			}
		}
	}

	/* coarse pixels entirely inside the fine raster, and their NPP */
	fx0 = Min(dist->ip_x, dist->ip_x + dist->width * dist->scale_x);
	fx1 = Max(dist->ip_x, dist->ip_x + dist->width * dist->scale_x);
	fy0 = Min(dist->ip_y, dist->ip_y + dist->height * dist->scale_y);
	fy1 = Max(dist->ip_y, dist->ip_y + dist->height * dist->scale_y);
	tolx = 1e-6 * fabs(dist->scale_x);
	toly = 1e-6 * fabs(dist->scale_y);
	for (j = 0; j < g->ncr; j++)
	{
		int			cr = g->cr0 + j;
		double		ya = npp->ip_y + cr * npp->scale_y,
					yb = npp->ip_y + (cr + 1) * npp->scale_y;
		bool		yin = Min(ya, yb) >= fy0 - toly && Max(ya, yb) <= fy1 + toly;

		for (i = 0; i < g->ncc; i++)
		{
			int			cc = g->cc0 + i;
			int			k = j * g->ncc + i;
			double		xa = npp->ip_x + cc * npp->scale_x,
						xb = npp->ip_x + (cc + 1) * npp->scale_x;
			double		v;

			g->full[k] = yin && Min(xa, xb) >= fx0 - tolx && Max(xa, xb) <= fx1 + tolx && g->s[k] > 0;
			if (VrValue(npp, bn, (int64) cr * npp->width + cc, &v, "npp"))
				g->npp[k] = v;
			else
				g->npp[k] = get_float8_nan();
		}
	}
}

/*
 * npp_downscale(npp raster, disturbance raster, year int,
 *				 npp_background float8, npp_band int) -> raster
 *	  NULL rasters give NULL; NULL year or band: 22004; a NULL background
 *	  is allowed until a partly destroyed coarse pixel needs it (22004).
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_downscale);
Datum
npp_downscale(PG_FUNCTION_ARGS)
{
	RastInfo	rn,
				rd;
	bool		npp_px;
	int32		year,
				band;
	bool		have_bg = !PG_ARGISNULL(3);
	double		bg = have_bg ? PG_GETARG_FLOAT8(3) : 0;
	DsGrid		g;
	struct varlena *out;
	float	   *px;
	double	   *val;
	int			r,
				c,
				k;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	EcoRequireArg(fcinfo, 2, "year");
	EcoRequireArg(fcinfo, 4, "npp_band");
	year = PG_GETARG_INT32(2);
	band = PG_GETARG_INT32(4);
	if (have_bg)
		EcoCheckFinite(bg, "npp_background (g C/m2/a)");
	npp_px = VrRead(PG_GETARG_DATUM(0), &rn, "npp");
	if (!VrRead(PG_GETARG_DATUM(1), &rd, "disturbance"))
		PG_RETURN_POINTER(RastMakeFloat32(&rd, VR_NODATA, &px));
	DsPrepare(&rn, npp_px, band, &rd, year, &g);

	/* NPP_a of the vegetated fine pixels of each coarse pixel (NaN: nodata) */
	val = palloc(sizeof(double) * Max(g.ncc * g.ncr, 1));
	for (k = 0; k < g.ncc * g.ncr; k++)
	{
		if (!g.full[k] || isnan(g.npp[k]) || g.sveg[k] == 0)
			val[k] = get_float8_nan();
		else if (g.sveg[k] == g.s[k])
			val[k] = g.npp[k];	/* nothing destroyed: no background needed */
		else
		{
			if (!have_bg)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("npp_background must not be NULL: coarse pixel (%d, %d) (1-based column, row of npp) is partly destroyed in %d",
								g.cc0 + k % g.ncc + 1, g.cr0 + k / g.ncc + 1, year),
						 errhint("npp_background() is NULL when no coarse pixel is entirely destroyed in that year; pass a value of your own, e.g. a kriged or regional background.")));
			val[k] = (g.npp[k] * g.s[k] - bg * (g.s[k] - g.sveg[k])) / g.sveg[k];
		}
	}

	out = RastMakeFloat32(&rd, VR_NODATA, &px);
	for (r = 0; r < rd.height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < rd.width; c++)
		{
			int64		idx = (int64) r * rd.width + c;

			px[idx] = VR_NODATA;
			if (g.crow[r] < 0 || g.ccol[c] < 0)
				continue;
			k = g.crow[r] * g.ncc + g.ccol[c];
			if (!g.full[k] || isnan(g.npp[k]))
				continue;
			if (g.destroyed[idx])
				px[idx] = 0;
			else
				px[idx] = VrToFloat(val[k], "downscaled NPP");
		}
	}
	PG_RETURN_POINTER(out);
}

/*
 * npp_background aggregate: state float8[3] = {coarse pixels, sum of their
 * NPP, year (NaN before the first row)}.
 */
static double *
BgState(ArrayType *a)
{
	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID || ARR_DIMS(a)[0] != 3)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("invalid npp_background state"),
				 errdetail("The state is a float8[3] {pixels, sum of NPP, year}.")));
	return VR_ARR_DATA(a);
}

static ArrayType *
BgStateMake(double n, double sum, double year)
{
	Datum		d[3];

	d[0] = Float8GetDatum(n);
	d[1] = Float8GetDatum(sum);
	d[2] = Float8GetDatum(year);
	return construct_array(d, 3, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

static void
BgCheckYear(double a, double b)
{
	if (!isnan(a) && !isnan(b) && a != b)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("year changed from %g to %g within a group of npp_background", a, b),
				 errhint("The background is computed per year: GROUP BY the year.")));
}

/* npp_background_transfn(state, npp, disturbance, year[, npp_band]) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_background_transfn);
Datum
npp_background_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	double	   *st;
	double		n,
				sum,
				yr;
	int32		year,
				band = 1;
	RastInfo	rn,
				rd;
	bool		npp_px;
	DsGrid		g;
	int			k;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "npp_background_transfn called in non-aggregate context");
	EcoRequireArg(fcinfo, 0, "state");
	st = BgState(PG_GETARG_ARRAYTYPE_P(0));
	n = st[0];
	sum = st[1];
	yr = st[2];
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* no tile: nothing to add */
	EcoRequireArg(fcinfo, 3, "year");
	year = PG_GETARG_INT32(3);
	if (PG_NARGS() > 4)
	{
		EcoRequireArg(fcinfo, 4, "npp_band");
		band = PG_GETARG_INT32(4);
	}
	BgCheckYear(yr, year);
	npp_px = VrRead(PG_GETARG_DATUM(1), &rn, "npp");
	if (VrRead(PG_GETARG_DATUM(2), &rd, "disturbance"))
	{
		DsPrepare(&rn, npp_px, band, &rd, year, &g);
		for (k = 0; k < g.ncc * g.ncr; k++)
			if (g.full[k] && g.sveg[k] == 0 && !isnan(g.npp[k]))
			{
				n += 1;
				sum += g.npp[k];
			}
	}
	PG_RETURN_ARRAYTYPE_P(BgStateMake(n, sum, year));
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_background_combine);
Datum
npp_background_combine(PG_FUNCTION_ARGS)
{
	double	   *a = BgState(PG_GETARG_ARRAYTYPE_P(0));
	double	   *b = BgState(PG_GETARG_ARRAYTYPE_P(1));

	BgCheckYear(a[2], b[2]);
	PG_RETURN_ARRAYTYPE_P(BgStateMake(a[0] + b[0], a[1] + b[1], isnan(a[2]) ? b[2] : a[2]));
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_background_final);
Datum
npp_background_final(PG_FUNCTION_ARGS)
{
	double	   *st = BgState(PG_GETARG_ARRAYTYPE_P(0));

	if (st[0] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(st[1] / st[0]);
}

/* ---------- pixel coverage and values keyed by a grid-global id ---------- */

/*
 * pixel_id of the pixel centred at (x, y) of a grid of pixel size ax x ay
 * (absolute scales): gcol = floor(x / ax), grow = floor(y / ay), each
 * quotient first nudged by 1e-6 so that a centre lying on a multiple of the
 * pixel size (origin at a half pixel) gets the same column in every tile
 * despite rounding; id = gcol * 2^32 + (grow + 2^31).
 */
static int64
VrPixelId(double x, double y, double ax, double ay)
{
	double		gc = floor(x / ax + 1e-6),
				gr = floor(y / ay + 1e-6);

	if (!(gc >= -2147483648.0 && gc < 2147483648.0 && gr >= -2147483648.0 && gr < 2147483648.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pixel centre (%g, %g) is too far from the CRS origin for a pixel_id with pixel size %g x %g",
						x, y, ax, ay),
				 errdetail("pixel_id packs floor(x / |scale_x|) and floor(y / |scale_y|) into 32 bits each.")));
	return (int64) gc * INT64CONST(4294967296) + ((int64) gr + INT64CONST(2147483648));
}

/*
 * pixel_coverage(rast raster, geom geometry, coverage text)
 *	  -> (pixel_id, x, y, fraction, area_m2), one row per covered pixel
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(pixel_coverage);
Datum
pixel_coverage(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CoverageMode mode = CoverageParseMode(PG_GETARG_TEXT_PP(2));
	RastInfo	ri;
	Poly		poly;
	int32		srid;
	SridInfo	si;
	CoverageIter it;
	double		ax,
				ay,
				tx0,
				tx1,
				ty0,
				ty1;
	int			row,
				nspans,
				s,
				c;
	const int  *spans;
	const double *wts;

	InitMaterializedSRF(fcinfo, 0);
	if (!VrRead(PG_GETARG_DATUM(0), &ri, "rast"))
		return (Datum) 0;
	GeomReadPolygon(PG_GETARG_DATUM(1), &poly, &srid, CurrentMemoryContext);
	if (ri.srid != srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID of rast (%d) differs from the SRID of the polygon (%d)", ri.srid, srid),
				 errhint("Transform the polygon with ST_Transform(geom, ST_SRID(rast)).")));
	SridLookup(srid, &si);
	ax = fabs(ri.scale_x);
	ay = fabs(ri.scale_y);
	tx0 = Min(ri.ip_x, ri.ip_x + ri.width * ri.scale_x);
	tx1 = Max(ri.ip_x, ri.ip_x + ri.width * ri.scale_x);
	ty0 = Min(ri.ip_y, ri.ip_y + ri.height * ri.scale_y);
	ty1 = Max(ri.ip_y, ri.ip_y + ri.height * ri.scale_y);
	if (poly.nrings == 0 || poly.xmax < tx0 || poly.xmin > tx1 || poly.ymax < ty0 || poly.ymin > ty1)
		return (Datum) 0;
	if (!CoverageBegin(&it, &poly, mode, ri.width, ri.height, ri.ip_x, ri.scale_x, ri.ip_y, ri.scale_y))
		return (Datum) 0;
	while (CoverageNextRow(&it, &row, &spans, &wts, &nspans))
	{
		double		y = ri.ip_y + (row + 0.5) * ri.scale_y;
		/* the cell area as the raster engine measures it */
		double		ca = GridCellArea(&si, si.geographic, ri.ip_y, ri.scale_x, ri.scale_y, row);

		CHECK_FOR_INTERRUPTS();
		for (s = 0; s < nspans; s++)
		{
			double		wt = wts ? wts[s] : 1.0;	/* center mode: inside */

			for (c = spans[2 * s]; c < spans[2 * s + 1]; c++)
			{
				Datum		values[5];
				bool		nulls[5] = {0};
				double		x = ri.ip_x + (c + 0.5) * ri.scale_x;

				values[0] = Int64GetDatum(VrPixelId(x, y, ax, ay));
				values[1] = Float8GetDatum(x);
				values[2] = Float8GetDatum(y);
				values[3] = Float8GetDatum(wt);
				values[4] = Float8GetDatum(wt * ca);
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			}
		}
	}
	CoverageEnd(&it);
	return (Datum) 0;
}

/* pixel_values(rast raster, band int) -> (pixel_id, x, y, value) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(pixel_values);
Datum
pixel_values(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32		band = PG_GETARG_INT32(1);
	RastInfo	ri;
	const RastBand *b;
	double		ax,
				ay;
	int			r,
				c;

	InitMaterializedSRF(fcinfo, 0);
	if (!VrRead(PG_GETARG_DATUM(0), &ri, "rast"))
		return (Datum) 0;
	b = RastGetBand(&ri, band, "rast", NULL);
	ax = fabs(ri.scale_x);
	ay = fabs(ri.scale_y);
	for (r = 0; r < ri.height; r++)
	{
		double		y = ri.ip_y + (r + 0.5) * ri.scale_y;

		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri.width; c++)
		{
			Datum		values[4];
			bool		nulls[4] = {0};
			double		x,
						v;

			if (!VrValue(&ri, b, (int64) r * ri.width + c, &v, "rast"))
				continue;
			x = ri.ip_x + (c + 0.5) * ri.scale_x;
			values[0] = Int64GetDatum(VrPixelId(x, y, ax, ay));
			values[1] = Float8GetDatum(x);
			values[2] = Float8GetDatum(y);
			values[3] = Float8GetDatum(v);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

/* ---------- Student's t test through the regularized incomplete beta ---------- */

/* continued fraction of I_x(a, b) (modified Lentz) */
static double
VrBetaCF(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		qab = a + b,
				qap = a + 1,
				qam = a - 1,
				c = 1,
				d = 1 - qab * x / qap,
				h;
	int			m;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (m = 1; m <= 100000; m++)
	{
		int			m2 = 2 * m;
		double		aa = m * (b - m) * x / ((qam + m2) * (a + m2)),
					del;

		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-15)
			return h;
	}
	elog(ERROR, "incomplete beta function did not converge for a = %g, b = %g, x = %g", a, b, x);
	return h;					/* keep compiler quiet */
}

/* regularized incomplete beta function I_x(a, b), a, b > 0 */
static double
VrIncBeta(double a, double b, double x)
{
	double		bt;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	bt = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return bt * VrBetaCF(a, b, x) / a;
	return 1 - bt * VrBetaCF(b, a, 1 - x) / b;
}

/* two-sided p-value of Student's t with df degrees of freedom */
static double
VrStudentP(double t, double df)
{
	if (isinf(t))
		return 0;
	if (t == 0)
		return 1;
	return VrIncBeta(df / 2, 0.5, df / (df + t * t));
}

#define VR_MAX_DF 1e7

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
} VtState;

static void
VtBad(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("invalid vcs_trend state"),
			 errdetail("%s", detail)));
}

static void
VtOpen(ArrayType *a, VtState *s)
{
	double	   *d;
	int64		len;
	double		w,
				h,
				cap,
				ny;

	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		VtBad("The state is a one-dimensional float8[] without NULLs.");
	len = ARR_DIMS(a)[0];
	if (len < VT_HDR)
		VtBad("The state is shorter than its header.");
	d = VR_ARR_DATA(a);
	w = d[0];
	h = d[1];
	cap = d[8];
	ny = d[9];
	if (!(w >= 1 && w <= 65535 && h >= 1 && h <= 65535 && w == floor(w) && h == floor(h) &&
		  cap >= 1 && cap == floor(cap) && ny >= 0 && ny <= cap && ny == floor(ny)) ||
		len != VT_HDR + (int64) cap + (int64) w * (int64) h * VT_NSUM)
		VtBad("The header does not match the length.");
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
	memcpy(VR_ARR_DATA(a), hdr, sizeof(double) * VT_HDR);
	(VR_ARR_DATA(a))[8] = cap;
	(VR_ARR_DATA(a))[9] = 0;
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
	s->years[s->nyears++] = year;
	s->d[9] = s->nyears;
}

/* vcs_trend_transfn(state, rast, year[, band]) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_transfn);
Datum
vcs_trend_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	RastInfo	ri;
	const RastBand *b;
	int32		year,
				band = 1;
	double		hdr[VT_HDR];
	VtState		s;
	double		t;
	int			r,
				c;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "vcs_trend_transfn called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* no tile: nothing to add */
	}
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
	t = year - VT_T0;
	for (r = 0; r < ri.height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri.width; c++)
		{
			int64		idx = (int64) r * ri.width + c;
			double		v;
			double	   *p;

			if (!VrValue(&ri, b, idx, &v, "rast"))
				continue;
			p = s.sums + idx * VT_NSUM;
			p[0] += 1;
			p[1] += t;
			p[2] += t * t;
			p[3] += v;
			p[4] += t * v;
			p[5] += v * v;
		}
	}
	PG_RETURN_ARRAYTYPE_P(s.a);
}

/* vcs_trend_combine(a, b): the sums of two groups of distinct years */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_combine);
Datum
vcs_trend_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	VtState		s,
				o;
	int64		i,
				n;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "vcs_trend_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
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
		s.sums[i] += o.sums[i];
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
	out = RastMakeFloat32Bands(&ri, 2, VR_NODATA, px);
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
			pval = VrStudentP(slope / sqrt(sse / (n - 2) / sxx), n - 2);
		px[0][idx] = VrToFloat(slope, "VCS trend slope");
		px[1][idx] = (float) pval;
	}
	PG_RETURN_POINTER(out);
}
