/*
 * coverage.c
 *	  Pixel coverage of a polygon over one raster tile, one row at a time.
 *
 *	  Both modes work in pixel coordinates (col = -gt0/gt1 + x/gt1, row =
 *	  -gt3/gt5 + y/gt5: the inverse geotransform as GDAL computes it) over
 *	  the polygon's edges that cross the tile's rows, kept in an active-edge
 *	  list while the rows are swept top to bottom.
 *
 *	  center: GDAL's scanline rule (llrasterize.cpp), which ST_Clip uses
 *	  through GDALRasterizeGeometries: at the centre line of row r, an edge
 *	  counts when its pixel-y range [y1, y2) holds the line; the sorted
 *	  crossings are paired, and in each pair (xa, xb) the pixels whose centre
 *	  x is in (xa, xb] are inside; a horizontal edge lying on the centre line
 *	  fills its own (x1, x0] when it runs towards -x.  ST_Clip first
 *	  intersects the polygon with the tile (GEOS), which orients shells
 *	  clockwise and holes counter-clockwise, so we read horizontal edges in
 *	  that orientation.  GDAL compares in pixel coordinates, where 1/30 and
 *	  the like are inexact; we compare the world coordinates of the pixel
 *	  centres (ip + (i + 0.5) * scale) with crossings computed in world
 *	  coordinates, so centres that lie exactly on an edge follow the rule
 *	  above (which PostGIS 3.3 also follows on the test shapes) instead of
 *	  rounding noise.
 *
 *	  exact: the covered area of pixel (r, c) is the integral over the row's
 *	  strip of the winding number w(x, y) over [c, c+1].  With shells
 *	  counted +1 and holes -1 (ring signs from their orientation), w is 1
 *	  inside a valid (multi)polygon and 0 outside, and w(x, y) is the signed
 *	  count of edges crossing the horizontal line y left of x.  So each edge
 *	  piece inside the strip adds its signed height dy to every pixel right
 *	  of it, and dy * (c + 1 - xmid) to the pixel c it crosses (the piece is
 *	  first cut at pixel boundaries; along a straight piece the integral is
 *	  exact at its midpoint).  We accumulate the differences between
 *	  neighbouring columns and a prefix sum gives every pixel of the row:
 *	  the cost is proportional to the boundary length in pixels plus the
 *	  pixels of the row, and interior pixels come out as exactly 1.
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"

#include "utils/builtins.h"

#include "coverage.h"

static int
DoubleCmp(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/*
 * Append the edge from vertex a to vertex b of ring r (pixel coordinates
 * through ix0 + x * ix1, iy0 + y * iy1) when it can matter for the tile.
 */
static void
CovAddEdge(CoverageIter *it, int *cap, const Poly *p, int r, int a, int b,
		   double ix0, double ix1, double iy0, double iy1)
{
	double		px = ix0 + p->x[a] * ix1,
				py = iy0 + p->y[a] * iy1,
				qx = ix0 + p->x[b] * ix1,
				qy = iy0 + p->y[b] * iy1;
	double		ymin = Min(py, qy),
				ymax = Max(py, qy);
	bool		keep;
	CovEdge    *e;

	/*
	 * Edges wholly right of the tile never matter (exact: they cover nothing
	 * of it; center: their crossings are right of every centre).  Center
	 * mode keeps edges wholly left of the tile only for the parity of their
	 * crossings.
	 */
	if (it->mode == COVERAGE_EXACT)
		keep = (py != qy) && ymax > 0 && ymin < it->nrows && Min(px, qx) < it->ncols;
	else
		keep = ymax >= 0.5 - 1e-6 && ymin <= it->nrows - 0.5 + 1e-6 &&
			Min(px, qx) <= it->ncols + 1 && !(py == qy && Max(px, qx) < -1);
	if (!keep)
		return;
	if (it->nedges == *cap)
	{
		*cap *= 2;
		it->edges = repalloc_huge(it->edges, sizeof(CovEdge) * *cap);
	}
	e = &it->edges[it->nedges++];
	e->x0 = px;
	e->y0 = py;
	e->x1 = qx;
	e->y1 = qy;
	e->ymin = ymin;
	e->ymax = ymax;
	e->sign = p->ring_sign[r];
	e->left = Max(px, qx) < -1;
	/* GEOS overlay orientation: reverse rings of sign +1 */
	if (p->ring_sign[r] > 0)
	{
		e->wx0 = p->x[b];
		e->wy0 = p->y[b];
		e->wx1 = p->x[a];
		e->wy1 = p->y[a];
	}
	else
	{
		e->wx0 = p->x[a];
		e->wy0 = p->y[a];
		e->wx1 = p->x[b];
		e->wy1 = p->y[b];
	}
}

bool
CoverageBegin(CoverageIter *it, const Poly *p, CoverageMode mode,
			  int ncols, int nrows, double ip_x, double scale_x,
			  double ip_y, double scale_y)
{
	double		ix0 = -ip_x / scale_x,
				ix1 = 1.0 / scale_x,
				iy0 = -ip_y / scale_y,
				iy1 = 1.0 / scale_y;
	int			r,
				cap = 64;

	memset(it, 0, sizeof(CoverageIter));
	it->mode = mode;
	it->ncols = ncols;
	it->nrows = nrows;
	it->orient = (scale_x * scale_y > 0) ? -1.0 : 1.0;
	it->ip_x = ip_x;
	it->ip_y = ip_y;
	it->scale_x = scale_x;
	it->scale_y = scale_y;
	if (ncols <= 0 || nrows <= 0 || p->nrings == 0)
		return false;

	it->edges = palloc(sizeof(CovEdge) * cap);
	for (r = 0; r < p->nrings; r++)
	{
		int			s = p->ring_start[r],
					n = p->ring_npts[r],
					k,
					chain = -1;	/* first vertex of a run of edges left of the tile */
		double		px = ix0 + p->x[s] * ix1;

		for (k = 1; k < n; k++)
		{
			double		qx = ix0 + p->x[s + k] * ix1;

			/*
			 * Center mode: edges wholly left of the tile matter only for the
			 * parity of their crossings.  A run of them crosses the centre
			 * line of a row an odd number of times exactly when its two ends
			 * lie on opposite sides of it, so the run is replaced by the one
			 * segment joining its ends (also left of the tile): far fewer
			 * active edges per row when a polygon spans many tiles.
			 */
			if (mode == COVERAGE_CENTER && Max(px, qx) < -1)
			{
				if (chain < 0)
					chain = s + k - 1;
			}
			else
			{
				if (chain >= 0)
				{
					CovAddEdge(it, &cap, p, r, chain, s + k - 1, ix0, ix1, iy0, iy1);
					chain = -1;
				}
				CovAddEdge(it, &cap, p, r, s + k - 1, s + k, ix0, ix1, iy0, iy1);
			}
			px = qx;
		}
		if (chain >= 0)
			CovAddEdge(it, &cap, p, r, chain, s + n - 1, ix0, ix1, iy0, iy1);
	}
	if (it->nedges == 0)
		return false;
	/*
	 * Order by the row where each edge starts (a counting sort; rows are
	 * activated whole, and the exact tests are per edge).
	 */
	{
		int		   *count = palloc0(sizeof(int) * (nrows + 1));
		CovEdge    *sorted = palloc(sizeof(CovEdge) * it->nedges);
		int			i,
					sum = 0;

		for (i = 0; i < it->nedges; i++)
		{
			double		y = it->edges[i].ymin;
			int			b = (y <= 0) ? 0 : (y >= nrows) ? nrows - 1 : (int) y;

			it->edges[i].startrow = b;
			count[b]++;
		}
		for (i = 0; i <= nrows; i++)
		{
			int			c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < it->nedges; i++)
			sorted[count[it->edges[i].startrow]++] = it->edges[i];
		pfree(it->edges);
		pfree(count);
		it->edges = sorted;
	}
	it->active = palloc(sizeof(int) * it->nedges);
	it->acc = palloc0(sizeof(double) * (ncols + 2));
	it->tmark = palloc0(sizeof(bool) * (ncols + 2));
	it->tcols = palloc(sizeof(int) * (ncols + 2));
	it->cap_xs = 64;
	it->xs = palloc(sizeof(double) * it->cap_xs);
	it->cap_spans = 16;
	it->spans = palloc(sizeof(int) * it->cap_spans);
	it->wts = palloc(sizeof(double) * it->cap_spans / 2);
	return true;
}

void
CoverageEnd(CoverageIter *it)
{
	if (it->edges)
		pfree(it->edges);
	if (it->active)
		pfree(it->active);
	if (it->acc)
		pfree(it->acc);
	if (it->tmark)
		pfree(it->tmark);
	if (it->tcols)
		pfree(it->tcols);
	if (it->wts)
		pfree(it->wts);
	if (it->xs)
		pfree(it->xs);
	if (it->spans)
		pfree(it->spans);
	memset(it, 0, sizeof(CoverageIter));
}

static inline void
AccAdd(CoverageIter *it, int k, double v)
{
	if (!it->tmark[k])
	{
		it->tmark[k] = true;
		it->tcols[it->ntcols++] = k;
	}
	it->acc[k] += v;
}

/* one piece of an edge within a row strip and within one column (or outside) */
static inline void
AccPiece(CoverageIter *it, double xa, double xb, double dy)
{
	int			ncols = it->ncols;
	double		xm = 0.5 * (xa + xb);
	int			k;
	double		f;

	if (dy == 0 || xm >= ncols)
		return;
	if (xm <= 0)
	{
		AccAdd(it, 0, dy);
		return;
	}
	k = (int) xm;
	if (k >= ncols)
		k = ncols - 1;
	f = (k + 1) - xm;
	AccAdd(it, k, dy * f);
	AccAdd(it, k + 1, dy * (1.0 - f));
}

/* an edge clipped to the strip [r, r+1]: from (xa, ya) to (xb, yb) */
static void
AccSegment(CoverageIter *it, double xa, double ya, double xb, double yb,
		   double sign)
{
	int			ncols = it->ncols;
	double		dx = xb - xa;
	double		lo,
				hi;
	double		bound;
	double		px,
				py;

	if (dx == 0 || floor(xa) == floor(xb) || (xa >= ncols && xb >= ncols) ||
		(xa <= 0 && xb <= 0))
	{
		AccPiece(it, xa, xb, sign * (yb - ya));
		return;
	}
	/* cut at the integer columns between xa and xb, within [0, ncols] */
	lo = Min(xa, xb);
	hi = Max(xa, xb);
	px = xa;
	py = ya;
	if (dx > 0)
	{
		bound = floor(lo) + 1;
		if (bound < 0)
			bound = 0;
		for (; bound < hi && bound <= ncols; bound += 1)
		{
			double		y = ya + (bound - xa) * (yb - ya) / dx;

			AccPiece(it, px, bound, sign * (y - py));
			px = bound;
			py = y;
		}
	}
	else
	{
		bound = ceil(hi) - 1;
		if (bound > ncols)
			bound = ncols;
		for (; bound > lo && bound >= 0; bound -= 1)
		{
			double		y = ya + (bound - xa) * (yb - ya) / dx;

			AccPiece(it, px, bound, sign * (y - py));
			px = bound;
			py = y;
		}
	}
	AccPiece(it, px, xb, sign * (yb - py));
}

/*
 * First column whose centre lies strictly after world x in the pixel
 * direction (centre ip + (c + 0.5) * scale), clamped to [0, ncols].
 */
static int
CenterFirstAfter(const CoverageIter *it, double x)
{
	double		s = it->scale_x;
	double		g = (x - it->ip_x) / s - 0.5;
	int			c;

	if (g < -1)
		return 0;
	if (g > it->ncols + 1)
		return it->ncols;
	c = (int) floor(g);
	c = Max(0, Min(c, it->ncols));
	/* exact comparisons with the centres around the estimate */
	while (c > 0 && (s > 0 ? it->ip_x + (c - 1 + 0.5) * s > x : it->ip_x + (c - 1 + 0.5) * s < x))
		c--;
	while (c < it->ncols && !(s > 0 ? it->ip_x + (c + 0.5) * s > x : it->ip_x + (c + 0.5) * s < x))
		c++;
	return Max(c, 0);
}

/* pixels whose centre is in (xa, xb], in the pixel direction */
static void
CenterFill(CoverageIter *it, double xa, double xb, int *c0, int *c1)
{
	int			a = CenterFirstAfter(it, xa);
	int			b = CenterFirstAfter(it, xb);

	if (a >= b)
		return;
	if (2 * (it->nspans + 1) > it->cap_spans)
	{
		it->cap_spans = Max(2 * it->cap_spans, 16);
		it->spans = repalloc(it->spans, sizeof(int) * it->cap_spans);
	}
	if (it->nspans > 0 && a < it->spans[2 * it->nspans - 1])
		it->spans_unsorted = true;
	it->spans[2 * it->nspans] = a;
	it->spans[2 * it->nspans + 1] = b;
	it->nspans++;
	if (a < *c0)
		*c0 = a;
	if (b > *c1)
		*c1 = b;
}

static int
SpanCmp(const void *x, const void *y)
{
	int			a = ((const int *) x)[0],
				b = ((const int *) y)[0];

	return (a > b) - (a < b);
}

/* sort and merge overlapping spans (horizontal edges add their own) */
static void
CenterMergeSpans(CoverageIter *it)
{
	int			i,
				n = 0;

	qsort(it->spans, it->nspans, 2 * sizeof(int), SpanCmp);
	for (i = 0; i < it->nspans; i++)
	{
		int			a = it->spans[2 * i],
					b = it->spans[2 * i + 1];

		if (n > 0 && a <= it->spans[2 * n - 1])
			it->spans[2 * n - 1] = Max(it->spans[2 * n - 1], b);
		else
		{
			it->spans[2 * n] = a;
			it->spans[2 * n + 1] = b;
			n++;
		}
	}
	it->nspans = n;
}

static int
DirCmpPos(const void *a, const void *b)
{
	return DoubleCmp(a, b);
}

static int
DirCmpNeg(const void *a, const void *b)
{
	return DoubleCmp(b, a);
}

static int
IntCmp(const void *a, const void *b)
{
	int			x = *(const int *) a,
				y = *(const int *) b;

	return (x > y) - (x < y);
}

bool
CoverageNextRow(CoverageIter *it, int *row, const int **spans,
				const double **wts, int *nspans)
{
	int			ncols = it->ncols;

	while (it->row < it->nrows)
	{
		int			r = it->row++;
		int			i,
					j;
		int			lo = ncols,
					hi = 0;

		CHECK_FOR_INTERRUPTS();
		if (it->mode == COVERAGE_CENTER)
		{
			double		yc = r + 0.5;
			double		wyc = it->ip_y + (r + 0.5) * it->scale_y;
			bool		down = it->scale_y < 0; /* pixel y grows as world y falls */
			int			nx = 0,
						nleft = 0;

			it->nspans = 0;
			it->spans_unsorted = false;

			while (it->next < it->nedges && it->edges[it->next].startrow <= r)
				it->active[it->nactive++] = it->next++;
			for (i = 0, j = 0; i < it->nactive; i++)
				if (it->edges[it->active[i]].ymax >= yc - 1e-6)
					it->active[j++] = it->active[i];
			it->nactive = j;
			if (it->nactive == 0)
			{
				if (it->next >= it->nedges)
					break;
				continue;
			}
			if (it->nactive + 1 > it->cap_xs)
			{
				it->cap_xs = it->nactive + 1;
				it->xs = repalloc(it->xs, sizeof(double) * it->cap_xs);
			}
			for (i = 0; i < it->nactive; i++)
			{
				CovEdge    *e = &it->edges[it->active[i]];
				double		ylo,
							yhi,
							xlo,
							xhi;
				bool		hit;

				if (e->wy0 == e->wy1)
				{
					/*
					 * horizontal on the centre line: GDAL fills it when it
					 * runs towards -x in pixel space
					 */
					if (e->wy0 == wyc &&
						(it->scale_x > 0 ? e->wx0 > e->wx1 : e->wx0 < e->wx1))
						CenterFill(it, e->wx1, e->wx0, &lo, &hi);
					continue;
				}
				if (e->wy0 < e->wy1)
				{
					ylo = e->wy0;
					yhi = e->wy1;
					xlo = e->wx0;
					xhi = e->wx1;
				}
				else
				{
					ylo = e->wy1;
					yhi = e->wy0;
					xlo = e->wx1;
					xhi = e->wx0;
				}
				/* pixel-y range [y1, y2) holds the centre line */
				hit = down ? (wyc > ylo && wyc <= yhi) : (wyc >= ylo && wyc < yhi);
				if (hit)
				{
					if (e->left)
						nleft++;
					else
						it->xs[nx++] = (wyc - ylo) * (xhi - xlo) / (yhi - ylo) + xlo;
				}
			}
			/* an odd number of crossings left of the tile opens a span */
			if (nleft % 2 == 1)
				it->xs[nx++] = (it->scale_x > 0) ? -HUGE_VAL : HUGE_VAL;
			/*
			 * crossings right of the tile were dropped: an odd count left
			 * means the last span runs out of the tile
			 */
			if (nx % 2 == 1)
			{
				if (nx + 1 > it->cap_xs)
				{
					it->cap_xs = nx + 1;
					it->xs = repalloc(it->xs, sizeof(double) * it->cap_xs);
				}
				it->xs[nx++] = (it->scale_x > 0) ? HUGE_VAL : -HUGE_VAL;
			}
			if (nx > 1)
				qsort(it->xs, nx, sizeof(double), it->scale_x > 0 ? DirCmpPos : DirCmpNeg);
			for (i = 0; i + 1 < nx; i += 2)
				CenterFill(it, it->xs[i], it->xs[i + 1], &lo, &hi);
		}
		else
		{
			double		ytop = r,
						ybot = r + 1.0;
			double		sum;
			int			k;

			while (it->next < it->nedges && it->edges[it->next].startrow <= r)
				it->active[it->nactive++] = it->next++;
			for (i = 0, j = 0; i < it->nactive; i++)
				if (it->edges[it->active[i]].ymax > ytop)
					it->active[j++] = it->active[i];
			it->nactive = j;
			if (it->nactive == 0)
			{
				if (it->next >= it->nedges)
					break;
				continue;
			}
			it->ntcols = 0;
			for (i = 0; i < it->nactive; i++)
			{
				CovEdge    *e = &it->edges[it->active[i]];
				double		t = (e->x1 - e->x0) / (e->y1 - e->y0);
				double		ya,
							yb,
							xa,
							xb;

				/* clip to the strip, keeping the edge's direction */
				ya = Max(e->ymin, ytop);
				yb = Min(e->ymax, ybot);
				xa = (ya == e->y0) ? e->x0 : (ya == e->y1) ? e->x1 : e->x0 + (ya - e->y0) * t;
				xb = (yb == e->y0) ? e->x0 : (yb == e->y1) ? e->x1 : e->x0 + (yb - e->y0) * t;
				if (e->y1 > e->y0)
					AccSegment(it, xa, ya, xb, yb, e->sign);
				else
					AccSegment(it, xb, yb, xa, ya, e->sign);
			}
			if (it->ntcols == 0)
				continue;

			/*
			 * The prefix sums are constant between the columns where an
			 * edge added something: one span per stretch.
			 */
			if (it->ntcols > 1)
				qsort(it->tcols, it->ntcols, sizeof(int), IntCmp);
			if (it->ntcols > it->cap_spans / 2)
			{
				it->cap_spans = 2 * it->ntcols;
				it->spans = repalloc(it->spans, sizeof(int) * it->cap_spans);
				it->wts = repalloc(it->wts, sizeof(double) * it->cap_spans / 2);
			}
			it->nspans = 0;
			sum = 0;
			for (k = 0; k < it->ntcols; k++)
			{
				int			col = it->tcols[k];
				int			end = (k + 1 < it->ntcols) ? it->tcols[k + 1] : ncols;
				double		v;

				sum += it->acc[col];
				it->acc[col] = 0;
				it->tmark[col] = false;
				if (col >= ncols)
					continue;
				v = it->orient * sum;
				/* rounding noise only: the weight is in [0, 1] for valid polygons */
				if (v < 1e-12)
					continue;
				if (v > 1.0 - 1e-12)
					v = 1.0;
				end = Min(end, ncols);
				if (it->nspans > 0 && it->wts[it->nspans - 1] == v &&
					it->spans[2 * it->nspans - 1] == col)
					it->spans[2 * it->nspans - 1] = end;
				else
				{
					it->spans[2 * it->nspans] = col;
					it->spans[2 * it->nspans + 1] = end;
					it->wts[it->nspans] = v;
					it->nspans++;
				}
			}
			if (it->nspans > 0)
			{
				lo = it->spans[0];
				hi = it->spans[2 * it->nspans - 1];
			}
		}
		if (lo < hi)
		{
			*row = r;
			if (it->mode == COVERAGE_CENTER && it->spans_unsorted)
				CenterMergeSpans(it);
			*spans = it->spans;
			*wts = (it->mode == COVERAGE_CENTER) ? NULL : it->wts;
			*nspans = it->nspans;
			return true;
		}
	}
	return false;
}

CoverageMode
CoverageParseMode(text *t)
{
	char	   *s = text_to_cstring(t);

	if (strcmp(s, "exact") == 0)
		return COVERAGE_EXACT;
	if (strcmp(s, "center") == 0)
		return COVERAGE_CENTER;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown coverage mode \"%s\"", s),
			 errhint("Use 'exact' (area-weighted pixels) or 'center' (pixels whose centre is inside).")));
	return COVERAGE_EXACT;		/* keep compiler quiet */
}
