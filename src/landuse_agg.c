/*
 * landuse_agg.c
 *	  The zonal engine over PostGIS rasters: the aggregates landuse_area,
 *	  landuse_transition and esv_value(raster, geometry, ...), the function
 *	  esv_raster, and a test entry point of the raster reader.
 *
 *	  Each aggregate group holds one polygon: it is read (ST_AsBinary), checked
 *	  (ST_IsValid) and prepared once, on the group's first tile, and kept in
 *	  the expanded state; later tiles only check cheaply that the polygon is
 *	  the same one (same toast pointer, else same bytes).  Each tile is read
 *	  in place from its serialized form and swept row by row (coverage.c).
 *
 *	  The state of a group is a hash map of the keys it holds (landuse_state.c);
 *	  8- and 16-bit bands are first summed per tile in a dense scratch array
 *	  that belongs to the aggregate call (fn_extra), not to the group, and
 *	  flushed into the group's map at the end of the tile.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/detoast.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "ecocomp.h"
#include "esv.h"
#include "landuse_state.h"
#include "raster_reader.h"

/* nodata value of the rasters esv_raster makes */
#define ESV_RASTER_NODATA (-9999.0f)

/* optional trailing arguments: aggregates cannot have defaults, so the
 * shorter overloads share these C functions */
static bool
LuHasArg(FunctionCallInfo fcinfo, int argno)
{
	return PG_NARGS() > argno;
}

static int32
LuBandArg(FunctionCallInfo fcinfo, int argno)
{
	if (!LuHasArg(fcinfo, argno))
		return 1;
	EcoRequireArg(fcinfo, argno, "band");
	return PG_GETARG_INT32(argno);
}


static int
LuModeArg(FunctionCallInfo fcinfo, int argno)
{
	if (!LuHasArg(fcinfo, argno))
		return COVERAGE_EXACT;
	EcoRequireArg(fcinfo, argno, "coverage");
	return CoverageParseMode(PG_GETARG_TEXT_PP(argno));
}

static char *
LuTextArg(FunctionCallInfo fcinfo, int argno, const char *name, const char *dflt)
{
	if (!LuHasArg(fcinfo, argno))
		return pstrdup(dflt);
	EcoRequireArg(fcinfo, argno, name);
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

/* the group's state: new, or checked to have the same parameters */
static LuState *
LuBegin(LuState *st, MemoryContext aggcxt, int kind, int mode, int32 band)
{
	if (st == NULL)
		return LuStateNew(aggcxt, kind, mode, band);
	if (st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("land-use state of kind \"%s\" passed to an aggregate of kind \"%s\"",
						LuKindNames[st->kind], LuKindNames[kind])));
	if (st->mode != mode)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("coverage mode changed from \"%s\" to \"%s\" within a group",
						LuModeName(st->mode), LuModeName(mode))));
	if (st->band != band)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("band changed from %d to %d within a group", st->band, band)));
	return st;
}

static void
LuTwoPolygons(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("a group of the land-use aggregate has more than one polygon"),
			 errhint("Group by the polygon (e.g. its id), one polygon per group.")));
}

/*
 * Prepare the group's polygon on its first row; on later rows only check
 * that the polygon is the same.
 */
static void
LuPrepareGeom(LuState *st, Datum gd)
{
	struct varlena *gv = (struct varlena *) DatumGetPointer(gd);
	struct varlena *det;
	bool		ondisk = VARATT_IS_EXTERNAL_ONDISK(gv);
	struct varatt_external ve;
	const char *data;
	Size		len;
	int32		srid;
	uint64		h;

	if (ondisk)
		VARATT_EXTERNAL_GET_POINTER(ve, gv);
	if (st->prepared)
	{
		if (ondisk && st->have_toast &&
			ve.va_valueid == st->toast_valueid && ve.va_toastrelid == st->toast_relid)
			return;
		det = pg_detoast_datum_packed(gv);
		if (VARSIZE_ANY_EXHDR(det) != st->geom_len ||
			memcmp(VARDATA_ANY(det), st->geom_bytes, st->geom_len) != 0)
			LuTwoPolygons();
		if (det != gv)
			pfree(det);
		return;
	}

	det = pg_detoast_datum_packed(gv);
	data = VARDATA_ANY(det);
	len = VARSIZE_ANY_EXHDR(det);
	h = hash_bytes_extended((const unsigned char *) data, (int) len, 0);
	GeomReadPolygon(PointerGetDatum(det), &st->poly, &srid, st->hdr.eoh_context);
	if ((st->flags & LU_FLAG_HAS_GEOM) && (st->geom_hash != h || st->srid != srid))
		LuTwoPolygons();
	SridLookup(srid, &st->sinfo);
	st->geom_bytes = MemoryContextAlloc(st->hdr.eoh_context, Max(len, 1));
	memcpy(st->geom_bytes, data, len);
	st->geom_len = len;
	if (ondisk)
	{
		st->have_toast = true;
		st->toast_valueid = ve.va_valueid;
		st->toast_relid = ve.va_toastrelid;
	}
	st->geom_hash = h;
	st->srid = srid;
	st->flags = LU_FLAG_HAS_GEOM | (st->sinfo.geographic ? LU_FLAG_GEOGRAPHIC : 0);
	st->prepared = true;
	if (det != gv)
		pfree(det);
}

/* read a tile; false when it is empty (0 bands or 0 x 0: contributes nothing) */
static bool
LuReadRaster(Datum d, RastInfo *ri, const LuState *st, const char *what)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(d);

	RastParse(v, ri);
	if (ri->nbands == 0 || ri->width == 0 || ri->height == 0)
		return false;
	RastCheckGrid(ri, what);
	if (ri->srid != st->srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID of %s (%d) differs from the SRID of the polygon (%d)", what,
						ri->srid, st->srid),
				 errhint("Transform the polygon with ST_Transform(geom, ST_SRID(rast)).")));
	return true;
}

/* pixel edges modulo the pixel size, in [0, |scale|) */
static double
LuPhase(double origin, double scale)
{
	double		a = fabs(scale),
				p = fmod(origin, a);

	if (p < 0)
		p += a;
	return (p >= a) ? 0 : p;
}

/* the tile's grid is the group's grid (the first tile sets it) */
static void
LuCheckTileGrid(LuState *st, const RastInfo *ri)
{
	LuGrid		g;

	g.scale_x = ri->scale_x;
	g.scale_y = ri->scale_y;
	g.phase_x = LuPhase(ri->ip_x, ri->scale_x);
	g.phase_y = LuPhase(ri->ip_y, ri->scale_y);
	LuSetGrid(st, &g);
}

static inline double
LuCellArea(const LuState *st, const RastInfo *ri, int row)
{
	double		ca = GridCellArea(&st->sinfo, (st->flags & LU_FLAG_GEOGRAPHIC) != 0,
								  ri->ip_y, ri->scale_x, ri->scale_y, row);

	/* like float8 multiplication: overflow and underflow are 22003 */
	if (!isfinite(ca) || ca == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("pixel area out of range"),
				 errdetail("A pixel of %.17g x %.17g has an area %s the range of float8 (m2).",
						   ri->scale_x, ri->scale_y, ca == 0 ? "below" : "beyond")));
	return ca;
}

static inline int64
LuKeyOf(const RastBand *b, int64 idx, bool hasnd, int64 nd)
{
	int64		v;

	if (b->isnodata)
		return LU_NODATA;
	v = RastIntPixel(b, idx);
	return (hasnd && v == nd) ? LU_NODATA : v;
}

/*
 * Dense accumulation for 8- and 16-bit bands: sum[v - off] += area; the
 * slots used are listed in touched (areas are positive, so a zero slot is
 * unused) and flushed into the group's map at the end of the tile.  The
 * arrays belong to the aggregate call (fn_extra), so a group's state holds
 * only its own keys.  Each span of a row has one weight (1 in center mode
 * and in the interior in exact mode).  On one-byte bands the spans of
 * weight 1 are counted by the histogram kernel (core/hist.c) and folded in
 * as count x cell area; other spans, and 16-bit and signed bands, are taken
 * in runs of equal codes, one update per run.
 */
#define LU_DENSE_SLOTS 65536

typedef struct LuDense
{
	double	   *sum;			/* LU_DENSE_SLOTS slots, index = code - off */
	int32	   *touched;		/* slots in use */
	int			ntouched;
	bool		dirty;			/* a tile was left half done (error) */
	int64		off;
	bool		hasnd;
	int64		nd;
	double		ndarea;
	EcoHist8   *hist;			/* pixel counts of weight-1 spans (8-bit) */
	double		hist_ca;		/* the cell area of the counts in hist */
} LuDense;

/* the aggregate call's scratch arrays, allocated on first use */
static LuDense *
LuDenseGet(FunctionCallInfo fcinfo)
{
	LuDense    *d = (LuDense *) fcinfo->flinfo->fn_extra;

	if (d == NULL)
	{
		MemoryContext cxt = fcinfo->flinfo->fn_mcxt;

		d = MemoryContextAllocZero(cxt, sizeof(LuDense));
		d->sum = MemoryContextAllocZero(cxt, sizeof(double) * LU_DENSE_SLOTS);
		d->touched = MemoryContextAlloc(cxt, sizeof(int32) * LU_DENSE_SLOTS);
		d->hist = MemoryContextAlloc(cxt, sizeof(EcoHist8));
		EcoHist8Init(d->hist);
		fcinfo->flinfo->fn_extra = d;
	}
	if (d->dirty)
	{
		memset(d->sum, 0, sizeof(double) * LU_DENSE_SLOTS);
		EcoHist8Init(d->hist);
	}
	d->dirty = false;
	d->ntouched = 0;
	d->ndarea = 0;
	return d;
}

static inline void
LuDenseAdd(LuDense *d, int64 v, double area)
{
	double	   *slot;

	/*
	 * A slot is listed in touched when it turns non-zero; areas are
	 * non-negative, so skipping zero areas (pixels whose area underflows)
	 * lists each slot once, and touched never overflows.
	 */
	if (area == 0)
		return;
	if (d->hasnd && v == d->nd)
	{
		d->ndarea += area;
		return;
	}
	slot = &d->sum[v - d->off];
	if (*slot == 0)
		d->touched[d->ntouched++] = (int32) (v - d->off);
	*slot += area;
}

/* one row's spans of a band of pixel type T, row = first pixel of the row */
#define LU_DEFINE_DENSE_ROW(NAME, T) \
static void \
NAME(LuDense *d, const T *row, const int *spans, const double *wts, int nspans, double ca) \
{ \
	int			s; \
\
	for (s = 0; s < nspans; s++) \
	{ \
		int			c = spans[2 * s], \
					e = spans[2 * s + 1]; \
		double		a = (wts ? wts[s] : 1.0) * ca; \
		int64		prev = row[c]; \
		int			n = 0; \
\
		for (; c < e; c++) \
		{ \
			if (row[c] != prev) \
			{ \
				LuDenseAdd(d, prev, n * a); \
				prev = row[c]; \
				n = 0; \
			} \
			n++; \
		} \
		LuDenseAdd(d, prev, n * a); \
	} \
}

LU_DEFINE_DENSE_ROW(LuDenseRowU8, uint8)
LU_DEFINE_DENSE_ROW(LuDenseRowS8, int8)
LU_DEFINE_DENSE_ROW(LuDenseRowU16, uint16)
LU_DEFINE_DENSE_ROW(LuDenseRowS16, int16)

/* fold the histogram's counts, at its cell area, into the dense sums */
static void
LuHistFold(LuDense *d)
{
	uint8		codes[256];
	uint64		counts[256];
	int			n = EcoHist8Take(d->hist, codes, counts),
				i;

	for (i = 0; i < n; i++)
		LuDenseAdd(d, codes[i], (double) counts[i] * d->hist_ca);
}

/*
 * One row of an unsigned one-byte band: spans of weight 1 (every span in
 * center mode, the interior in exact mode) are counted by the histogram
 * kernel and folded when the cell area changes (per row on geographic
 * rasters) or at the end of the tile; the others go through the run loop.
 */
static void
LuDenseRowHist(LuDense *d, const uint8 *row, const int *spans, const double *wts,
			   int nspans, double ca)
{
	int			s;

	if (ca != d->hist_ca)
	{
		LuHistFold(d);
		d->hist_ca = ca;
	}
	for (s = 0; s < nspans; s++)
	{
		if (wts == NULL || wts[s] == 1.0)
			EcoHist8Add(d->hist, row + spans[2 * s], spans[2 * s + 1] - spans[2 * s]);
		else
			LuDenseRowU8(d, row, spans + 2 * s, wts + s, 1, ca);
	}
}

static void
LuDenseRow(LuDense *d, const RastBand *b, int64 base, const int *spans,
		   const double *wts, int nspans, double ca)
{
	switch (b->pixtype)
	{
		case RAST_PT_8BSI:
			LuDenseRowS8(d, ((const int8 *) b->data) + base, spans, wts, nspans, ca);
			break;
		case RAST_PT_16BSI:
			LuDenseRowS16(d, ((const int16 *) b->data) + base, spans, wts, nspans, ca);
			break;
		case RAST_PT_16BUI:
			LuDenseRowU16(d, ((const uint16 *) b->data) + base, spans, wts, nspans, ca);
			break;
		default:				/* 1BB, 2BUI, 4BUI, 8BUI: one byte per pixel */
			LuDenseRowHist(d, ((const uint8 *) b->data) + base, spans, wts, nspans, ca);
			break;
	}
}

/* move the tile's sums into the group's map and clear the used slots */
static void
LuDenseFlush(LuDense *d, LuState *st)
{
	int			i;

	LuHistFold(d);
	for (i = 0; i < d->ntouched; i++)
	{
		LuAdd(st, d->touched[i] + d->off, 0, d->sum[d->touched[i]]);
		d->sum[d->touched[i]] = 0;
	}
	if (d->ndarea != 0)
		LuAdd(st, LU_NODATA, 0, d->ndarea);
	d->ntouched = 0;
	d->ndarea = 0;
	d->dirty = false;
}

/* generic: 32-bit codes, all-nodata bands, pairs of bands; one row */
static void
LuGenericRow(LuState *st, const RastBand *b1, const RastBand *b2, int64 base,
			 const int *spans, const double *wts, int nspans, double ca)
{
	bool		hasnd1,
				hasnd2 = false;
	int64		nd1 = RastIntNodata(b1, &hasnd1),
				nd2 = b2 ? RastIntNodata(b2, &hasnd2) : 0;
	int64		cur_a = 0,
				cur_b = 0;
	double		run = 0;
	int			c,
				s;

	for (s = 0; s < nspans; s++)
	{
		double		wt = wts ? wts[s] : 1.0;

		for (c = spans[2 * s]; c < spans[2 * s + 1]; c++)
		{
			int64		a = LuKeyOf(b1, base + c, hasnd1, nd1),
						b = b2 ? LuKeyOf(b2, base + c, hasnd2, nd2) : 0;

			if (run != 0 && (a != cur_a || b != cur_b))
			{
				LuAdd(st, cur_a, cur_b, run * ca);
				run = 0;
			}
			cur_a = a;
			cur_b = b;
			run += wt;
		}
	}
	if (run != 0)
		LuAdd(st, cur_a, cur_b, run * ca);
}

/*
 * Add the covered area of one tile (or aligned pair of tiles) to st; dense
 * is the call's scratch for 8- and 16-bit single bands, or NULL.
 */
static void
LuAccumulate(LuState *st, const RastInfo *ri, const RastBand *b1, const RastBand *b2,
			 LuDense *dense)
{
	const Poly *p = &st->poly;
	CoverageIter it;
	double		tx0 = ri->ip_x,
				tx1 = ri->ip_x + ri->width * ri->scale_x,
				ty0 = ri->ip_y,
				ty1 = ri->ip_y + ri->height * ri->scale_y;
	int			row,
				nspans;
	const double *wts;
	const int  *spans;

	if (p->nrings == 0 ||
		p->xmax < Min(tx0, tx1) || p->xmin > Max(tx0, tx1) ||
		p->ymax < Min(ty0, ty1) || p->ymin > Max(ty0, ty1))
		return;
	if (!CoverageBegin(&it, p, st->mode, ri->width, ri->height,
					   ri->ip_x, ri->scale_x, ri->ip_y, ri->scale_y))
		return;
	if (b2 != NULL || b1->isnodata || b1->pixbytes > 2)
		dense = NULL;
	if (dense)
	{
		dense->off = (b1->pixtype == RAST_PT_8BSI) ? -128 :
			(b1->pixtype == RAST_PT_16BSI) ? -32768 : 0;
		dense->nd = RastIntNodata(b1, &dense->hasnd);
		dense->dirty = true;
	}
	while (CoverageNextRow(&it, &row, &spans, &wts, &nspans))
	{
		double		ca = LuCellArea(st, ri, row);
		int64		base = (int64) row * ri->width;

		CHECK_FOR_INTERRUPTS();
		if (dense)
			LuDenseRow(dense, b1, base, spans, wts, nspans, ca);
		else
			LuGenericRow(st, b1, b2, base, spans, wts, nspans, ca);
	}
	CoverageEnd(&it);
	if (dense)
		LuDenseFlush(dense, st);
}

/*
 * The state argument of a transition or combine function, to update in
 * place: only inside an aggregate (called directly, 0A000 from
 * EcoAggContext).
 */
static LuState *
LuStateArg(FunctionCallInfo fcinfo, MemoryContext *aggcxt, const char *fname)
{
	*aggcxt = EcoAggContext(fcinfo, fname);
	if (PG_ARGISNULL(0))
		return NULL;
	return LuStateWritable(PG_GETARG_DATUM(0), *aggcxt);
}

#define LU_RETURN_STATE(st) \
	do { if ((st) == NULL) PG_RETURN_NULL(); PG_RETURN_DATUM(EOHPGetRWDatum(&(st)->hdr)); } while (0)

/*
 * Add one tile of a single-raster aggregate (landuse_area, esv_value) to
 * the group's state: the polygon is prepared on the group's first tile only.
 */
static void
LuAddTile(FunctionCallInfo fcinfo, LuState *st, Datum rast, Datum geom)
{
	RastInfo	ri;
	const RastBand *b;

	LuPrepareGeom(st, geom);
	if (!LuReadRaster(rast, &ri, st, "rast"))
		return;
	b = RastGetLanduseBand(&ri, st->band, "rast");
	LuCheckTileGrid(st, &ri);
	LuAccumulate(st, &ri, b, NULL, b->pixbytes <= 2 ? LuDenseGet(fcinfo) : NULL);
}

/*
 * landuse_area_transfn(state, rast, geom, band, coverage)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_area_transfn);
Datum
landuse_area_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "landuse_area_transfn");

	if (PG_ARGISNULL(1))
		LU_RETURN_STATE(st);	/* no tile: nothing to add */
	EcoRequireArg(fcinfo, 2, "geom");
	st = LuBegin(st, aggcxt, LU_KIND_AREA, LuModeArg(fcinfo, 4), LuBandArg(fcinfo, 3));
	LuAddTile(fcinfo, st, PG_GETARG_DATUM(1), PG_GETARG_DATUM(2));
	LU_RETURN_STATE(st);
}

/* one tile of a transition pair is empty (no band, or no pixels): 22023 */
static void
LuOneEmpty(const char *name, const RastInfo *e, const char *other, const RastInfo *o, int32 band)
{
	if (e->nbands < band)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has no band %d", name, band),
				 errdetail("%s has %d bands; %s has %d.", name, e->nbands, other, o->nbands),
				 errhint("Both tiles of a pair need the land-use band.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s has no pixels", name),
			 errdetail("%s is %d x %d pixels; %s is %d x %d.", name, e->width, e->height,
					   other, o->width, o->height),
			 errhint("Both tiles of a pair must cover the same cells.")));
}

/*
 * landuse_transition_transfn(state, rast_from, rast_to, geom, band, coverage)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_transition_transfn);
Datum
landuse_transition_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "landuse_transition_transfn");
	RastInfo	r1,
				r2;
	bool		ne1,
				ne2;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2))
		LU_RETURN_STATE(st);
	EcoRequireArg(fcinfo, 1, "rast_from");
	EcoRequireArg(fcinfo, 2, "rast_to");
	EcoRequireArg(fcinfo, 3, "geom");
	st = LuBegin(st, aggcxt, LU_KIND_TRANSITION, LuModeArg(fcinfo, 5), LuBandArg(fcinfo, 4));
	LuPrepareGeom(st, PG_GETARG_DATUM(3));
	ne1 = LuReadRaster(PG_GETARG_DATUM(1), &r1, st, "rast_from");
	ne2 = LuReadRaster(PG_GETARG_DATUM(2), &r2, st, "rast_to");
	if (ne1 != ne2)
		LuOneEmpty(ne1 ? "rast_to" : "rast_from", ne1 ? &r2 : &r1,
				   ne1 ? "rast_from" : "rast_to", ne1 ? &r1 : &r2, st->band);
	if (r1.width != r2.width || r1.height != r2.height ||
		r1.scale_x != r2.scale_x || r1.scale_y != r2.scale_y ||
		r1.ip_x != r2.ip_x || r1.ip_y != r2.ip_y ||
		r1.skew_x != r2.skew_x || r1.skew_y != r2.skew_y || r1.srid != r2.srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rast_from and rast_to are not aligned"),
				 errdetail("rast_from is %dx%d at (%.17g, %.17g) with pixel %.17g x %.17g; rast_to is %dx%d at (%.17g, %.17g) with pixel %.17g x %.17g.",
						   r1.width, r1.height, r1.ip_x, r1.ip_y, r1.scale_x, r1.scale_y,
						   r2.width, r2.height, r2.ip_x, r2.ip_y, r2.scale_x, r2.scale_y),
				 errhint("Pair the tiles of the two years that cover the same cells, e.g. JOIN ... ON ST_UpperLeftX/Y equal; both years must be on the same grid.")));
	if (ne1)
	{
		const RastBand *b1 = RastGetLanduseBand(&r1, st->band, "rast_from");
		const RastBand *b2 = RastGetLanduseBand(&r2, st->band, "rast_to");

		LuCheckTileGrid(st, &r1);
		LuAccumulate(st, &r1, b1, b2, NULL);
	}
	LU_RETURN_STATE(st);
}

/*
 * esv_value_transfn(state, rast, geom, ea, classification, scheme, band)
 *	  exact coverage; ea, classification and scheme travel in the state.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_value_transfn);
Datum
esv_value_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "esv_value_transfn");
	double		ea;
	char	   *cls,
			   *sch;

	if (PG_ARGISNULL(1))
		LU_RETURN_STATE(st);
	EcoRequireArg(fcinfo, 2, "geom");
	EcoRequireArg(fcinfo, 3, "ea");
	ea = PG_GETARG_FLOAT8(3);
	EsvCheckEa(ea);
	cls = LuTextArg(fcinfo, 4, "classification", "cnlucc");
	sch = LuTextArg(fcinfo, 5, "scheme", "xie2015");
	st = LuBegin(st, aggcxt, LU_KIND_ESV, COVERAGE_EXACT, LuBandArg(fcinfo, 6));
	if (st->classification == NULL)
	{
		st->ea = ea;
		st->classification = MemoryContextStrdup(st->hdr.eoh_context, cls);
		st->scheme = MemoryContextStrdup(st->hdr.eoh_context, sch);
	}
	else if (st->ea != ea || strcmp(st->classification, cls) != 0 || strcmp(st->scheme, sch) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ea, classification and scheme must be the same in every row of a group")));
	LuAddTile(fcinfo, st, PG_GETARG_DATUM(1), PG_GETARG_DATUM(2));
	LU_RETURN_STATE(st);
}

/*
 * landuse_state_combine(a, b): merge two partial states (parallel
 * aggregation); NULL states are allowed, different modes are an error.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_state_combine);
Datum
landuse_state_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "landuse_state_combine");
	LuState    *src;

	if (PG_ARGISNULL(1))
		LU_RETURN_STATE(st);
	src = LuStateRead(PG_GETARG_DATUM(1));
	if (st == NULL)
		st = LuStateNew(aggcxt, src->kind, src->mode, src->band);
	LuMergeInto(st, src);
	LU_RETURN_STATE(st);
}

static JsonbValue *
LuPushKey(JsonbParseState **ps, int64 k)
{
	JsonbValue	v;
	char	   *s = (k == LU_NODATA) ? pstrdup(LANDUSE_NODATA_KEY) : psprintf(INT64_FORMAT, k);

	v.type = jbvString;
	v.val.string.val = s;
	v.val.string.len = strlen(s);
	return pushJsonbValue(ps, WJB_KEY, &v);
}

static JsonbValue *
LuPushHa(JsonbParseState **ps, double m2)
{
	JsonbValue	v;

	/* states hold finite areas (LuAdd); a jsonb never gets Infinity */
	if (!isfinite(m2 / 1e4))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("land-use area out of range")));
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(m2 / 1e4)));
	return pushJsonbValue(ps, WJB_VALUE, &v);
}

/* the final function fname reads states of kind kind (or kind2) only */
static void
LuCheckKind(const LuState *st, int kind, int kind2, const char *fname)
{
	if (st->kind != kind && st->kind != kind2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a land-use state of kind \"%s\", not \"%s\"",
						fname, LuKindNames[kind], LuKindNames[st->kind])));
}

/* landuse_area_final(state) -> {"<code>": ha, ..., "nodata": ha} */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_area_final);
Datum
landuse_area_final(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	LuEntry    *e = LuSortedEntries(st);
	JsonbParseState *ps = NULL;
	JsonbValue *res;
	bool		nodata_seen = false;
	int			i;

	LuCheckKind(st, LU_KIND_AREA, LU_KIND_ESV, "landuse_area_final");
	pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
	for (i = 0; i < st->nentries; i++)
	{
		CHECK_FOR_INTERRUPTS();
		LuPushKey(&ps, e[i].a);
		LuPushHa(&ps, e[i].area);
		if (e[i].a == LU_NODATA)
			nodata_seen = true;
	}
	if (!nodata_seen)
	{
		LuPushKey(&ps, LU_NODATA);
		LuPushHa(&ps, 0);
	}
	res = pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* landuse_transition_final(state) -> {"<from>": {"<to>": ha, ...}, ...} */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_transition_final);
Datum
landuse_transition_final(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	LuEntry    *e = LuSortedEntries(st);
	JsonbParseState *ps = NULL;
	JsonbValue *res;
	int			i;

	LuCheckKind(st, LU_KIND_TRANSITION, LU_KIND_TRANSITION, "landuse_transition_final");
	pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
	for (i = 0; i < st->nentries; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i == 0 || e[i].a != e[i - 1].a)
		{
			if (i > 0)
				pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
			LuPushKey(&ps, e[i].a);
			pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
		}
		LuPushKey(&ps, e[i].b);
		LuPushHa(&ps, e[i].area);
	}
	if (st->nentries > 0)
		pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
	res = pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* every figure of an ESV summary finite, else 22003 */
static void
LuCheckSummary(const EsvSummary *s)
{
	bool		ok = isfinite(s->total) && isfinite(s->nonmarket);
	int			g;

	for (g = 0; g < ESV_NGROUPS; g++)
		ok = ok && isfinite(s->group[g]);
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("ecosystem service value out of range"),
				 errdetail("The ESV of the land-use areas at this E_a exceeds the range of float8 (yuan/a).")));
}

/* esv_value_final(state) -> esv_summary, through the shared ESV core */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_value_final);
Datum
esv_value_final(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	LuEntry    *e = LuSortedEntries(st);
	LanduseAreas areas;
	EsvModel   *m;
	EsvSummary	s;
	int			i;

	if (st->kind != LU_KIND_ESV || st->classification == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("esv_value_final needs a land-use state of kind \"esv\", not \"%s\"",
						LuKindNames[st->kind])));
	areas.n = 0;
	areas.code = palloc(sizeof(int32) * Max(st->nentries, 1));
	areas.area_ha = palloc(sizeof(double) * Max(st->nentries, 1));
	areas.nodata_ha = 0;
	for (i = 0; i < st->nentries; i++)
	{
		if (e[i].a == LU_NODATA)
		{
			areas.nodata_ha += e[i].area / 1e4;
			continue;
		}
		if (e[i].a > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("land-use code " INT64_FORMAT " is not mapped in classification \"%s\" for ESV scheme \"%s\"",
							e[i].a, st->classification, st->scheme)));
		areas.code[areas.n] = (int32) e[i].a;
		areas.area_ha[areas.n] = e[i].area / 1e4;
		areas.n++;
	}
	m = EsvModelGet(fcinfo, cstring_to_text(st->classification), cstring_to_text(st->scheme));
	EsvCompute(m, &areas, st->ea, &s);
	LuCheckSummary(&s);
	PG_RETURN_DATUM(EsvSummaryToDatum(fcinfo, &s));
}

/*
 * esv_raster(rast, ea, classification, scheme, band) -> raster
 *	  One 32BF band: VC of the pixel's ecosystem, yuan/hm2/a; nodata in,
 *	  nodata (-9999) out.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_raster);
Datum
esv_raster(PG_FUNCTION_ARGS)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	double		ea = PG_GETARG_FLOAT8(1);
	int32		band = PG_GETARG_INT32(4);
	RastInfo	ri;
	const RastBand *b;
	EsvModel   *m;
	double	   *vc;
	struct varlena *out;
	float	   *px;
	bool		hasnd;
	int64		nd,
				last_code = LU_NODATA;
	float		last_val = 0;
	int			e,
				s,
				r,
				c;

	EsvCheckEa(ea);
	RastParse(v, &ri);
	b = RastGetLanduseBand(&ri, band, "rast");
	m = EsvModelGet(fcinfo, PG_GETARG_TEXT_PP(2), PG_GETARG_TEXT_PP(3));
	vc = palloc0(sizeof(double) * Max(m->necosystems, 1));
	for (e = 0; e < m->necosystems; e++)
		for (s = 0; s < m->nservices; s++)
			vc[e] += m->factor[e * m->nservices + s] * ea;
	nd = RastIntNodata(b, &hasnd);
	out = RastMakeFloat32(&ri, ESV_RASTER_NODATA, &px);
	for (r = 0; r < ri.height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri.width; c++)
		{
			int64		idx = (int64) r * ri.width + c;
			int64		k = LuKeyOf(b, idx, hasnd, nd);

			if (k == LU_NODATA)
			{
				px[idx] = ESV_RASTER_NODATA;
				continue;
			}
			if (k != last_code)
			{
				e = (k >= PG_INT32_MIN && k <= PG_INT32_MAX) ?
					EsvModelEcosystemOf(m, (int32) k) : -1;
				if (e < 0)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("land-use code " INT64_FORMAT " is not mapped in classification \"%s\" for ESV scheme \"%s\"",
									k, m->classification, m->scheme),
							 errdetail("Pixel (%d, %d) (1-based column, row) has code " INT64_FORMAT ".", c + 1, r + 1, k),
							 errhint("Add a row to ecocomp.landuse_map, or set the code as the band's nodata value.")));
				if (!isfinite(vc[e]) || fabs(vc[e]) > FLT_MAX)
					ereport(ERROR,
							(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							 errmsg("ecosystem service value out of range for a 32BF raster"),
							 errdetail("The value coefficient of code " INT64_FORMAT " at E_a %g is %g yuan/hm2/a; a 32BF pixel holds at most %g.",
									   k, ea, vc[e], (double) FLT_MAX)));
				last_code = k;
				last_val = (float) vc[e];
				if (last_val == ESV_RASTER_NODATA)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("the ESV of code " INT64_FORMAT " equals the nodata value %g of the output raster",
									k, (double) ESV_RASTER_NODATA)));
			}
			px[idx] = last_val;
		}
	}
	PG_RETURN_POINTER(out);
}

/*
 * _raster_check(bytea) -> text: run the serialized-raster reader over raw
 * bytes (test entry point for corrupt and truncated rasters; the bytes of a
 * raster come from _raster_bytes).
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(ecocomp_raster_check);
Datum
ecocomp_raster_check(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_P(0);
	Size		n = VARSIZE(b) - VARHDRSZ;
	struct varlena *v;
	RastInfo	ri;
	StringInfoData buf;
	int			i;

	/* the bytes include the 4-byte varlena word, which we rewrite */
	if (n < 4)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("corrupt serialized raster"),
				 errdetail("The datum is shorter than the 64-byte header.")));
	v = palloc(n);
	memcpy(v, VARDATA(b), n);
	SET_VARSIZE(v, n);
	RastParse(v, &ri);
	initStringInfo(&buf);
	appendStringInfo(&buf, "%dx%d srid=%d bands=%d", ri.width, ri.height, ri.srid, ri.nbands);
	for (i = 0; i < ri.nbands; i++)
		appendStringInfo(&buf, " %s%s%s", RastPixtypeName(ri.bands[i].pixtype),
						 ri.bands[i].hasnodata ? psprintf("/nodata=%g", ri.bands[i].nodata) : "",
						 ri.bands[i].offdb ? "/outdb" : "");
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}

/* _raster_bytes(raster) -> bytea: the serialized raster, byte for byte */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(ecocomp_raster_bytes);
Datum
ecocomp_raster_bytes(PG_FUNCTION_ARGS)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	Size		n = VARSIZE(v);
	bytea	   *out = palloc(n + VARHDRSZ);

	SET_VARSIZE(out, n + VARHDRSZ);
	memcpy(VARDATA(out), v, n);
	PG_RETURN_BYTEA_P(out);
}
