/*
 * vcs_downscale.c
 *	  The scale transformation of the carbon paper (eq. 1): coarse NPP
 *	  downscaled to the fine disturbance grid, with the background NPP of
 *	  partly destroyed coarse pixels from a value, a surface on the NPP grid,
 *	  the npp_background aggregate (mean NPP of the entirely destroyed
 *	  coarse pixels) or its inverse-distance weighted surface.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"

#include "ecocomp.h"
#include "vcs.h"

/* ---------- scale transformation (eq. 1) ---------- */

/*
 * The coarse pixels under a fine disturbance raster: a window of the
 * coarse raster (ncc x ncr from cc0, cr0), the coarse pixel of each fine
 * column and row (window-relative, -1 outside the coarse raster), per
 * coarse pixel the counts of fine pixels whose centre it contains (s) and
 * of those vegetated in the year (sveg), and whether the fine raster covers
 * the whole coarse pixel (full); per fine pixel, whether it is destroyed.
 * The coarse NPP is read from the raster when needed: 9 bytes per coarse
 * pixel of the window and 1 per fine pixel, checked against MaxAllocSize.
 */
typedef struct DsGrid
{
	int			cc0,
				cr0,
				ncc,
				ncr;
	int		   *ccol;
	int		   *crow;
	uint32	   *s;				/* < 65535^2 fine pixels */
	uint32	   *sveg;
	bool	   *full;
	const RastInfo *nppri;
	const RastBand *nppband;
	uint8	   *destroyed;
} DsGrid;

/* NPP of window pixel k (NaN for nodata) */
static double
DsNpp(const DsGrid *g, int k)
{
	double		v;

	if (RastValue(g->nppri, g->nppband,
				(int64) (g->cr0 + k / g->ncc) * g->nppri->width + g->cc0 + k % g->ncc, &v, "npp"))
		return v;
	return get_float8_nan();
}

#define DS_ZERO_SLICE ((Size) 4 * 1024 * 1024)

/* n zeroed elements of size sz, or 54000 when more than palloc can give */
static void *
DsAlloc0(int64 n, Size sz)
{
	char	   *p;
	Size		len,
				off;

	if (n > (int64) (MaxAllocSize / sz))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a disturbance tile and its NPP window of " INT64_FORMAT " pixels are too large", n),
				 errhint("Load the rasters in smaller tiles, e.g. raster2pgsql -t 256x256.")));
	len = Max(n, 1) * sz;

	/* zeroed in slices: a first touch of hundreds of MB takes a while */
	p = palloc(len);
	for (off = 0; off < len; off += DS_ZERO_SLICE)
	{
		CHECK_FOR_INTERRUPTS();
		memset(p + off, 0, Min(DS_ZERO_SLICE, len - off));
	}
	return p;
}

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
 * The coarse index of each of the n fine cells along one axis (fine origin
 * fip and size fscale; coarse origin cip, size cscale, cn cells), -1
 * outside the coarse raster or when it has no pixels (!has).  Sets the
 * first coarse index used and how many follow (0 when none).
 */
static void
DsCoarseAxis(int n, double fip, double fscale, double cip, double cscale, int cn,
			 bool has, int *idx, int *first, int *count)
{
	int			lo = PG_INT32_MAX,
				hi = -1,
				k;

	for (k = 0; k < n; k++)
	{
		idx[k] = has ? DsCoarseIndex(fip + (k + 0.5) * fscale, cip, cscale, cn) : -1;
		if (idx[k] >= 0)
		{
			lo = Min(lo, idx[k]);
			hi = Max(hi, idx[k]);
		}
	}
	*first = hi >= 0 ? lo : 0;
	*count = hi >= 0 ? hi - lo + 1 : 0;
}

/* make the coarse indices window-relative; no window when an axis is empty */
static void
DsWindow(DsGrid *g, int width, int height)
{
	int			k;

	if (g->ncc == 0 || g->ncr == 0)
		g->cc0 = g->ncc = g->cr0 = g->ncr = 0;
	for (k = 0; k < width; k++)
		g->ccol[k] = (g->ncc > 0 && g->ccol[k] >= 0) ? g->ccol[k] - g->cc0 : -1;
	for (k = 0; k < height; k++)
		g->crow[k] = (g->ncr > 0 && g->crow[k] >= 0) ? g->crow[k] - g->cr0 : -1;
}

/*
 * Every fine pixel: its state in the year (destroyed or not), counted in
 * its coarse pixel (s, sveg).
 */
static void
DsCountFine(DsGrid *g, const RastInfo *dist, int32 year)
{
	const RastBand *bd = RastGetBand(dist, 1, "disturbance", "disturbance years"),
			   *br = RastGetBand(dist, 2, "disturbance", "disturbance years");
	bool		hasnd_d,
				hasnd_r;
	int64		nd_d = RastIntNodata(bd, &hasnd_d),
				nd_r = RastIntNodata(br, &hasnd_r);
	int			r,
				c;

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
}

/* the coarse pixels entirely inside the fine raster (full) */
static void
DsMarkFull(DsGrid *g, const RastInfo *npp, const RastInfo *dist)
{
	double		fx0 = Min(dist->ip_x, dist->ip_x + dist->width * dist->scale_x),
				fx1 = Max(dist->ip_x, dist->ip_x + dist->width * dist->scale_x),
				fy0 = Min(dist->ip_y, dist->ip_y + dist->height * dist->scale_y),
				fy1 = Max(dist->ip_y, dist->ip_y + dist->height * dist->scale_y),
				tolx = 1e-6 * fabs(dist->scale_x),
				toly = 1e-6 * fabs(dist->scale_y);
	int			i,
				j;

	for (j = 0; j < g->ncr; j++)
	{
		int			cr = g->cr0 + j;
		double		ya = npp->ip_y + cr * npp->scale_y,
					yb = npp->ip_y + (cr + 1) * npp->scale_y;
		bool		yin = Min(ya, yb) >= fy0 - toly && Max(ya, yb) <= fy1 + toly;

		CHECK_FOR_INTERRUPTS();
		for (i = 0; i < g->ncc; i++)
		{
			int			cc = g->cc0 + i;
			int			k = j * g->ncc + i;
			double		xa = npp->ip_x + cc * npp->scale_x,
						xb = npp->ip_x + (cc + 1) * npp->scale_x;

			g->full[k] = yin && Min(xa, xb) >= fx0 - tolx && Max(xa, xb) <= fx1 + tolx && g->s[k] > 0;
		}
	}
}

/*
 * Check the pair and measure the coarse pixels.  npp may have no pixels
 * (then every coarse index is -1).  dist has pixels.
 */
static void
DsPrepare(const RastInfo *npp, bool npp_has_pixels, int32 npp_band,
		  const RastInfo *dist, int32 year, DsGrid *g)
{
	if (year < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("year must not be negative, got %d", year)));
	if (npp->srid != dist->srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID of npp (%d) differs from the SRID of disturbance (%d)", npp->srid, dist->srid),
				 errhint("Reproject the NPP raster to the disturbance grid's CRS first, e.g. MODIS sinusoidal with gdalwarp -t_srs EPSG:%d.", dist->srid)));
	if (dist->nbands < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("disturbance must have 2 bands (destruction year, restoration year), not %d", dist->nbands)));
	/* the bands are checked in this order: disturbance 1, 2, then npp */
	(void) RastGetBand(dist, 1, "disturbance", "disturbance years");
	(void) RastGetBand(dist, 2, "disturbance", "disturbance years");

	memset(g, 0, sizeof(DsGrid));
	g->nppri = npp;
	g->nppband = npp_has_pixels ? RastGetBand(npp, npp_band, "npp", NULL) : NULL;
	g->ccol = palloc(sizeof(int) * dist->width);
	g->crow = palloc(sizeof(int) * dist->height);
	DsCoarseAxis(dist->width, dist->ip_x, dist->scale_x, npp->ip_x, npp->scale_x, npp->width,
				 npp_has_pixels, g->ccol, &g->cc0, &g->ncc);
	DsCoarseAxis(dist->height, dist->ip_y, dist->scale_y, npp->ip_y, npp->scale_y, npp->height,
				 npp_has_pixels, g->crow, &g->cr0, &g->ncr);
	DsWindow(g, dist->width, dist->height);
	g->s = DsAlloc0((int64) g->ncc * g->ncr, sizeof(uint32));
	g->sveg = DsAlloc0((int64) g->ncc * g->ncr, sizeof(uint32));
	g->full = DsAlloc0((int64) g->ncc * g->ncr, sizeof(bool));
	g->destroyed = DsAlloc0((int64) dist->width * dist->height, 1);
	DsCountFine(g, dist, year);
	DsMarkFull(g, npp, dist);
}

/*
 * Where the background NPP of a partly destroyed coarse pixel comes from:
 * one value for all (have_bg), a raster on the NPP grid (bgri, its pixel
 * (i + dc, j + dr) for window pixel (i, j) of npp), or nowhere.
 */
typedef struct DsBackground
{
	bool		have_bg;
	double		bg;
	const RastInfo *bgri;
	const RastBand *bgband;
	int			dc,
				dr;
} DsBackground;

/* background NPP of window pixel (i, j): NaN when the source has none */
static double
DsBackgroundAt(const DsGrid *g, const DsBackground *b, int i, int j)
{
	double		v;
	int64		bc,
				br;

	if (b->bgri == NULL)
		return b->have_bg ? b->bg : get_float8_nan();
	if (b->bgband == NULL)
		return get_float8_nan();
	bc = (int64) g->cc0 + i + b->dc;
	br = (int64) g->cr0 + j + b->dr;
	if (bc < 0 || bc >= b->bgri->width || br < 0 || br >= b->bgri->height ||
		!RastValue(b->bgri, b->bgband, br * b->bgri->width + bc, &v, "npp_background"))
		return get_float8_nan();
	return v;
}

/*
 * val[i] = NPP_a of coarse pixel (i, j) of the window: NaN where the coarse
 * pixel is nodata or not entirely covered; where everything is destroyed
 * any number (only destroyed fine pixels, written as 0, use it).
 */
static void
DsRowValues(const DsGrid *g, int j, const DsBackground *b, int32 year, double *val)
{
	int			i;

	for (i = 0; i < g->ncc; i++)
	{
		int			k = j * g->ncc + i;
		double		npp = g->full[k] ? DsNpp(g, k) : get_float8_nan();
		double		bg;

		Assert(g->sveg[k] <= g->s[k]);
		if (isnan(npp) || g->sveg[k] == 0 || g->sveg[k] == g->s[k])
		{
			val[i] = npp;		/* nothing destroyed: no background needed */
			continue;
		}
		bg = DsBackgroundAt(g, b, i, j);
		if (isnan(bg) && b->bgri != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("npp_background has no value at coarse pixel (%d, %d) (1-based column, row of npp), which is partly destroyed in %d",
							g->cc0 + i + 1, g->cr0 + j + 1, year),
					 errhint("The background surface must cover every partly destroyed coarse pixel with a value.")));
		if (isnan(bg))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("npp_background must not be NULL: coarse pixel (%d, %d) (1-based column, row of npp) is partly destroyed in %d",
							g->cc0 + i + 1, g->cr0 + j + 1, year),
					 errhint("npp_background() is NULL when no coarse pixel is entirely destroyed in that year; pass a value of your own, e.g. a kriged or regional background.")));
		val[i] = (npp * g->s[k] - bg * ((double) g->s[k] - g->sveg[k])) / g->sveg[k];
	}
}

/*
 * The downscaled raster of eq. 1 on the disturbance grid, one row of coarse
 * pixels at a time (the float8 and the raster background share it).
 */
static struct varlena *
DsDownscale(const RastInfo *rd, const DsGrid *g, int32 year, const DsBackground *b)
{
	struct varlena *out;
	float	   *px;
	double	   *val;
	int			r,
				c,
				vrow = -1;

	val = palloc(sizeof(double) * Max(g->ncc, 1));
	out = RastMakeFloat32(rd, VR_NODATA, &px);
	for (r = 0; r < rd->height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		if (g->crow[r] >= 0 && g->crow[r] != vrow)
		{
			vrow = g->crow[r];
			DsRowValues(g, vrow, b, year, val);
		}
		for (c = 0; c < rd->width; c++)
		{
			int64		idx = (int64) r * rd->width + c;

			px[idx] = VR_NODATA;
			if (g->crow[r] < 0 || g->ccol[c] < 0 || isnan(val[g->ccol[c]]))
				continue;
			if (g->destroyed[idx])
				px[idx] = 0;
			else
				px[idx] = VrToFloat(val[g->ccol[c]], "downscaled NPP");
		}
	}
	return out;
}

/*
 * The arguments of both npp_downscale: false when a raster is NULL (the
 * result is NULL); a NULL year or band: 22004.
 */
static bool
DsArgsPresent(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return false;
	EcoRequireArg(fcinfo, 2, "year");
	EcoRequireArg(fcinfo, 4, "npp_band");
	return true;
}

/* the end of both npp_downscale: NPP downscaled to the disturbance grid */
static Datum
DsFinish(FunctionCallInfo fcinfo, const RastInfo *rn, bool npp_px, const DsBackground *b)
{
	RastInfo	rd;
	DsGrid		g;
	float	   *px;

	if (!VrRead(PG_GETARG_DATUM(1), &rd, "disturbance"))
		return PointerGetDatum(RastMakeFloat32(&rd, VR_NODATA, &px));
	DsPrepare(rn, npp_px, PG_GETARG_INT32(4), &rd, PG_GETARG_INT32(2), &g);
	return PointerGetDatum(DsDownscale(&rd, &g, PG_GETARG_INT32(2), b));
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
	RastInfo	rn;
	bool		npp_px;
	DsBackground b = {0};

	if (!DsArgsPresent(fcinfo))
		PG_RETURN_NULL();
	b.have_bg = !PG_ARGISNULL(3);
	if (b.have_bg)
	{
		b.bg = PG_GETARG_FLOAT8(3);
		EcoCheckFinite(b.bg, "npp_background (g C/m2/a)");
	}
	npp_px = VrRead(PG_GETARG_DATUM(0), &rn, "npp");
	return DsFinish(fcinfo, &rn, npp_px, &b);
}

/*
 * The background surface must lie on the grid of npp: same SRID and pixel
 * size, origin a whole number of pixels away (22023 otherwise).  Sets the
 * column and row offsets of npp's pixel (0, 0) in bg.
 */
static void
DsCheckBackgroundGrid(const RastInfo *npp, const RastInfo *bg, int *dc, int *dr)
{
	double		qx = (npp->ip_x - bg->ip_x) / npp->scale_x,
				qy = (npp->ip_y - bg->ip_y) / npp->scale_y;

	if (npp->srid != bg->srid ||
		fabs(npp->scale_x - bg->scale_x) > 1e-9 * fabs(npp->scale_x) ||
		fabs(npp->scale_y - bg->scale_y) > 1e-9 * fabs(npp->scale_y) ||
		fabs(qx - rint(qx)) > 1e-6 || fabs(qy - rint(qy)) > 1e-6 ||
		fabs(qx) > PG_INT32_MAX / 2 || fabs(qy) > PG_INT32_MAX / 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("npp_background is not on the grid of npp"),
				 errdetail("npp: SRID %d, pixel %g x %g, origin (%g, %g); npp_background: SRID %d, pixel %g x %g, origin (%g, %g).",
						   npp->srid, npp->scale_x, npp->scale_y, npp->ip_x, npp->ip_y,
						   bg->srid, bg->scale_x, bg->scale_y, bg->ip_x, bg->ip_y),
				 errhint("Resample the background surface to the NPP grid, e.g. with ST_Resample(bg, npp).")));
	*dc = (int) rint(qx);
	*dr = (int) rint(qy);
}

/*
 * npp_downscale(npp raster, disturbance raster, year int,
 *				 npp_background raster, npp_band int) -> raster
 *	  As npp_downscale with a float8 background, the background of each
 *	  coarse pixel read from band 1 of a raster on the NPP grid (e.g. a
 *	  kriged surface); a NULL background raster is no background.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_downscale_surface);
Datum
npp_downscale_surface(PG_FUNCTION_ARGS)
{
	RastInfo	rn,
				rb;
	bool		npp_px;
	DsBackground b = {0};

	if (!DsArgsPresent(fcinfo))
		PG_RETURN_NULL();
	npp_px = VrRead(PG_GETARG_DATUM(0), &rn, "npp");
	if (!PG_ARGISNULL(3))
	{
		/* a background raster without pixels has no value anywhere */
		b.bgri = &rb;
		if (VrRead(PG_GETARG_DATUM(3), &rb, "npp_background") && npp_px)
		{
			DsCheckBackgroundGrid(&rn, &rb, &b.dc, &b.dr);
			b.bgband = RastGetBand(&rb, 1, "npp_background", NULL);
		}
	}
	return DsFinish(fcinfo, &rn, npp_px, &b);
}

/*
 * npp_background_idw(npp raster, disturbance raster, year int, power float8,
 *					  npp_band int) -> raster
 *	  A background surface on the grid of npp: the inverse-distance weighted
 *	  mean of the NPP of the coarse pixels entirely destroyed in year (the
 *	  samples npp_background averages), weights 1 / d^power with d the
 *	  distance between pixel centres; a sample's own pixel takes its value.
 *	  NULL when the pair has no such pixel.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_background_idw);
Datum
npp_background_idw(PG_FUNCTION_ARGS)
{
	int32		year = PG_GETARG_INT32(2);
	double		power = PG_GETARG_FLOAT8(3);
	RastInfo	rn,
				rd;
	DsGrid		g;
	double	   *sx,
			   *sy,
			   *sv;
	int			n = 0,
				k,
				r,
				c,
				i;
	float	   *px;
	struct varlena *out;

	EcoCheckPositive(power, "power");
	if (!VrRead(PG_GETARG_DATUM(0), &rn, "npp") || !VrRead(PG_GETARG_DATUM(1), &rd, "disturbance"))
		PG_RETURN_NULL();
	DsPrepare(&rn, true, PG_GETARG_INT32(4), &rd, year, &g);
	sx = palloc(sizeof(double) * Max(g.ncc * g.ncr, 1));
	sy = palloc(sizeof(double) * Max(g.ncc * g.ncr, 1));
	sv = palloc(sizeof(double) * Max(g.ncc * g.ncr, 1));
	for (k = 0; k < g.ncc * g.ncr; k++)
	{
		double		v = g.full[k] && g.sveg[k] == 0 ? DsNpp(&g, k) : get_float8_nan();

		CHECK_FOR_INTERRUPTS();
		if (!isnan(v))
		{
			sx[n] = rn.ip_x + (g.cc0 + k % g.ncc + 0.5) * rn.scale_x;
			sy[n] = rn.ip_y + (g.cr0 + k / g.ncc + 0.5) * rn.scale_y;
			sv[n++] = v;
		}
	}
	if (n == 0)
		PG_RETURN_NULL();

	out = RastMakeFloat32(&rn, VR_NODATA, &px);
	for (r = 0; r < rn.height; r++)
	{
		double		y = rn.ip_y + (r + 0.5) * rn.scale_y;

		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < rn.width; c++)
		{
			double		x = rn.ip_x + (c + 0.5) * rn.scale_x;
			double		dmin = get_float8_infinity(),
						w = 0,
						wv = 0;
			int			at = -1;

			/* weights (dmin / d)^power lie in (0, 1]: no overflow */
			for (i = 0; i < n; i++)
			{
				double		d = hypot(x - sx[i], y - sy[i]);

				if (d < dmin)
				{
					dmin = d;
					at = i;
				}
			}
			if (dmin == 0)
			{
				px[(int64) r * rn.width + c] = VrToFloat(sv[at], "background NPP");
				continue;
			}
			for (i = 0; i < n; i++)
			{
				double		wi = pow(dmin / hypot(x - sx[i], y - sy[i]), power);

				w += wi;
				wv += wi * sv[i];
			}
			px[(int64) r * rn.width + c] = VrToFloat(wv / w, "background NPP");
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
	double	   *st = EcoStateValues(a, "npp_background", 3, 3,
									"The state is a float8[3] {pixels, sum of NPP, year}.", NULL);

	EcoStateCheck(st[0] >= 0 && st[0] <= 9007199254740992.0 && st[0] == floor(st[0]) && isfinite(st[1]) &&
				  (isnan(st[2]) || (st[2] == floor(st[2]) && fabs(st[2]) <= PG_INT32_MAX)),
				  "npp_background", "A value is out of range.");
	return st;
}

static ArrayType *
BgStateMake(double n, double sum, double year)
{
	ArrayType  *a = EcoStateNew(3, n);

	EcoStateData(a)[1] = sum;
	EcoStateData(a)[2] = year;
	return a;
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

	(void) EcoAggContext(fcinfo, "npp_background_transfn");
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
		{
			double		v;

			if ((k % Max(g.ncc, 1)) == 0)
				CHECK_FOR_INTERRUPTS();
			if (g.full[k] && g.sveg[k] == 0 && !isnan(v = DsNpp(&g, k)))
			{
				n += 1;
				sum = EcoFinite(sum + v, "sum of background NPP");
			}
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
	PG_RETURN_ARRAYTYPE_P(BgStateMake(a[0] + b[0], EcoFinite(a[1] + b[1], "sum of background NPP"),
									  isnan(a[2]) ? b[2] : a[2]));
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_background_final);
Datum
npp_background_final(PG_FUNCTION_ARGS)
{
	double	   *st = BgState(PG_GETARG_ARRAYTYPE_P(0));

	if (st[0] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(EcoFinite(st[1] / st[0], "background NPP"));
}
