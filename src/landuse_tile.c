/*
 * landuse_tile.c
 *	  The per-tile accumulation of the raster aggregates: one tile (or an
 *	  aligned pair of tiles) swept row by row over the group's prepared
 *	  polygon (coverage.c), its covered areas added to the group's state.
 *
 *	  8- and 16-bit bands are first summed per tile in a dense scratch
 *	  array that belongs to the aggregate call (fn_extra), not to the group,
 *	  and flushed into the group's map at the end of the tile; other bands
 *	  go straight into the map, one update per run of equal keys.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"

#include "ecocomp.h"
#include "landuse_state.h"
#include "raster_reader.h"

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
void
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

struct LuDense
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
};

/* the aggregate call's scratch arrays, allocated on first use */
LuDense *
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
void
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

