/*
 * cov_sweep.c
 *	  Pixel coverage of a polygon over one raster tile, one row at a time
 *	  (pure C: no PostgreSQL headers).
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
 *
 *	  Set-up per tile: the polygon's chunks (runs of up to 32 edges with
 *	  their bounding box, built once per polygon) are tested against the
 *	  tile, so only the edges of chunks near the tile are looked at one by
 *	  one.  Edges that can only matter left of the tile (wholly left of it)
 *	  or not at all (wholly above or below its rows) are merged, run by run,
 *	  into one edge from the run's first vertex to its last, flagged "left":
 *	  in center mode a run crosses the centre line of a row an odd number of
 *	  times exactly when its ends lie on opposite sides of it (only the
 *	  parity of crossings left of the tile matters), and in exact mode its
 *	  signed heights clipped to a row's strip telescope to those of its ends
 *	  (all added to the tile's first column).  A tile wholly inside a shell
 *	  thus sees a handful of edges, whatever the size of the polygon.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eco_core.h"

#define Min(a, b) ((a) < (b) ? (a) : (b))
#define Max(a, b) ((a) > (b) ? (a) : (b))

static int
DoubleCmp(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/* where an edge (or a chunk's box) lies against the tile, in pixel coordinates */
typedef enum CovClass
{
	CLS_KEEP,					/* may cover pixels of the tile: added */
	CLS_RUN,					/* matters only left of the tile, or nowhere */
	CLS_DROP					/* right of the tile across its rows: nothing */
} CovClass;

static CovClass
CovClassify(const EcoCovIter *it, double xlo, double xhi, double ylo, double yhi)
{
	if (it->mode == ECO_COV_EXACT)
	{
		if (yhi <= 0 || ylo >= it->nrows || xhi <= 0)
			return CLS_RUN;
		return (xlo >= it->ncols) ? CLS_DROP : CLS_KEEP;
	}
	if (yhi < 0.5 - 1e-6 || ylo > it->nrows - 0.5 + 1e-6 || xhi < -1)
		return CLS_RUN;
	return (xlo > it->ncols + 1) ? CLS_DROP : CLS_KEEP;
}

static void
CovPush(EcoCovIter *it, const EcoCovEdge *e)
{
	if (it->nedges == it->cap_edges)
	{
		it->cap_edges *= 2;
		it->edges = it->env->realloc(it->edges, sizeof(EcoCovEdge) * it->cap_edges);
	}
	it->edges[it->nedges++] = *e;
}

/*
 * Append the edge from vertex a to vertex b of ring r; forced_left: the
 * edge stands for a run of edges that only matter left of the tile (or
 * nowhere), so it counts as wholly left of it.
 */
static void
CovAddEdge(EcoCovIter *it, const EcoPoly *p, int r, int a, int b, bool forced_left)
{
	double		px = it->ix0 + p->x[a] * it->ix1,
				py = it->iy0 + p->y[a] * it->iy1,
				qx = it->ix0 + p->x[b] * it->ix1,
				qy = it->iy0 + p->y[b] * it->iy1;
	EcoCovEdge	e;

	e.ymin = Min(py, qy);
	e.ymax = Max(py, qy);
	if (it->mode == ECO_COV_EXACT)
	{
		/* horizontal edges add nothing; edges outside the rows neither */
		if (py == qy || e.ymax <= 0 || e.ymin >= it->nrows)
			return;
		if (forced_left)
			px = qx = -1;
		e.left = false;
	}
	else
	{
		if (e.ymax < 0.5 - 1e-6 || e.ymin > it->nrows - 0.5 + 1e-6)
			return;
		e.left = forced_left || Max(px, qx) < -1;
		/* horizontal edges left of the tile fill nothing of it */
		if (e.left && p->y[a] == p->y[b])
			return;
	}
	e.x0 = px;
	e.y0 = py;
	e.x1 = qx;
	e.y1 = qy;
	e.sign = p->ring_sign[r];
	e.startrow = 0;
	/* GEOS overlay orientation: reverse rings of sign +1 */
	if (p->ring_sign[r] > 0)
	{
		e.wx0 = p->x[b];
		e.wy0 = p->y[b];
		e.wx1 = p->x[a];
		e.wy1 = p->y[a];
	}
	else
	{
		e.wx0 = p->x[a];
		e.wy0 = p->y[a];
		e.wx1 = p->x[b];
		e.wy1 = p->y[b];
	}
	CovPush(it, &e);
}

/* close the current run of left/outside edges, which ends at vertex v */
static inline void
CovFlushRun(EcoCovIter *it, const EcoPoly *p, int r, int *run, int v)
{
	if (*run >= 0 && *run != v)
		CovAddEdge(it, p, r, *run, v, true);
	*run = -1;
}

/* the edges of chunk k that matter for the tile */
static void
CovAddChunk(EcoCovIter *it, const EcoPoly *p, int k, int *run)
{
	const double *box = &p->chunk_box[4 * k];
	int			r = p->chunk_ring[k],
				first = p->chunk_first[k],
				n = p->chunk_nedges[k],
				i;
	double		bx0 = it->ix0 + box[0] * it->ix1,
				bx1 = it->ix0 + box[1] * it->ix1,
				by0 = it->iy0 + box[2] * it->iy1,
				by1 = it->iy0 + box[3] * it->iy1;
	CovClass	cls = CovClassify(it, Min(bx0, bx1), Max(bx0, bx1), Min(by0, by1), Max(by0, by1));

	if (cls == CLS_RUN)
	{
		if (*run < 0)
			*run = first;
		return;
	}
	if (cls == CLS_DROP)
	{
		CovFlushRun(it, p, r, run, first);
		return;
	}
	for (i = first; i < first + n; i++)
	{
		double		px = it->ix0 + p->x[i] * it->ix1,
					py = it->iy0 + p->y[i] * it->iy1,
					qx = it->ix0 + p->x[i + 1] * it->ix1,
					qy = it->iy0 + p->y[i + 1] * it->iy1;

		cls = CovClassify(it, Min(px, qx), Max(px, qx), Min(py, qy), Max(py, qy));
		if (cls == CLS_RUN)
		{
			if (*run < 0)
				*run = i;
			continue;
		}
		CovFlushRun(it, p, r, run, i);
		if (cls == CLS_KEEP)
			CovAddEdge(it, p, r, i, i + 1, false);
	}
}

bool
EcoCovBegin(EcoCovIter *it, const EcoPoly *p, EcoCovMode mode,
			int ncols, int nrows, double ip_x, double scale_x,
			double ip_y, double scale_y, const EcoEnv *env)
{
	int			k,
				run = -1;

	memset(it, 0, sizeof(EcoCovIter));
	it->env = env;
	it->mode = mode;
	it->ncols = ncols;
	it->nrows = nrows;
	/* from the signs: the product of two tiny scales underflows */
	it->orient = ((scale_x > 0) == (scale_y > 0)) ? -1.0 : 1.0;
	it->ip_x = ip_x;
	it->ip_y = ip_y;
	it->scale_x = scale_x;
	it->scale_y = scale_y;
	it->ix0 = -ip_x / scale_x;
	it->ix1 = 1.0 / scale_x;
	it->iy0 = -ip_y / scale_y;
	it->iy1 = 1.0 / scale_y;
	if (ncols <= 0 || nrows <= 0 || p->nrings == 0 || p->nchunks == 0)
		return false;

	it->cap_edges = 64;
	it->edges = env->alloc(sizeof(EcoCovEdge) * it->cap_edges);
	for (k = 0; k < p->nchunks; k++)
	{
		CovAddChunk(it, p, k, &run);
		/* a run ends with its ring */
		if (k + 1 == p->nchunks || p->chunk_ring[k + 1] != p->chunk_ring[k])
			CovFlushRun(it, p, p->chunk_ring[k], &run,
						p->chunk_first[k] + p->chunk_nedges[k]);
	}
	if (it->nedges == 0)
	{
		env->free(it->edges);
		memset(it, 0, sizeof(EcoCovIter));
		return false;
	}
	/*
	 * Order by the row where each edge starts (a counting sort; rows are
	 * activated whole, and the exact tests are per edge).
	 */
	{
		int		   *count = env->alloc0(sizeof(int) * (nrows + 1));
		EcoCovEdge *sorted = env->alloc(sizeof(EcoCovEdge) * it->nedges);
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
		env->free(it->edges);
		env->free(count);
		it->edges = sorted;
	}
	it->active = env->alloc(sizeof(int) * it->nedges);
	it->acc = env->alloc0(sizeof(double) * (ncols + 2));
	it->tmark = env->alloc0(sizeof(bool) * (ncols + 2));
	it->tcols = env->alloc(sizeof(int) * (ncols + 2));
	it->cap_xs = 64;
	it->xs = env->alloc(sizeof(double) * it->cap_xs);
	it->cap_spans = 16;
	it->spans = env->alloc(sizeof(int) * it->cap_spans);
	it->wts = env->alloc(sizeof(double) * it->cap_spans / 2);
	return true;
}

void
EcoCovEnd(EcoCovIter *it)
{
	void	   *arrays[] = {it->edges, it->active, it->acc, it->tmark,
		it->tcols, it->wts, it->xs, it->spans};
	size_t		i;

	if (it->env == NULL)
		return;
	for (i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		if (arrays[i] != NULL)
			it->env->free(arrays[i]);
	memset(it, 0, sizeof(EcoCovIter));
}

static inline void
AccAdd(EcoCovIter *it, int k, double v)
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
AccPiece(EcoCovIter *it, double xa, double xb, double dy)
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
AccSegment(EcoCovIter *it, double xa, double ya, double xb, double yb,
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
CenterFirstAfter(const EcoCovIter *it, double x)
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
CenterFill(EcoCovIter *it, double xa, double xb, int *c0, int *c1)
{
	int			a = CenterFirstAfter(it, xa);
	int			b = CenterFirstAfter(it, xb);

	if (a >= b)
		return;
	if (2 * (it->nspans + 1) > it->cap_spans)
	{
		it->cap_spans = Max(2 * it->cap_spans, 16);
		it->spans = it->env->realloc(it->spans, sizeof(int) * it->cap_spans);
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
CenterMergeSpans(EcoCovIter *it)
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

/*
 * x where the edge from (xlo, ylo) to (xhi, yhi) crosses the line y = wyc.
 * When the product underflows or overflows (world coordinates near 1e-200
 * or 1e200) the division comes first.
 */
static inline double
CenterCrossing(double wyc, double xlo, double ylo, double xhi, double yhi)
{
	double		num = (wyc - ylo) * (xhi - xlo);

	if (fabs(num) < DBL_MIN * 0x1p53 || !isfinite(num))
		return (wyc - ylo) / (yhi - ylo) * (xhi - xlo) + xlo;
	return num / (yhi - ylo) + xlo;
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

/*
 * Activate the edges that start at row r and retire those that end above
 * ylim (kept: ymax > ylim, or ymax >= ylim when inclusive).  False when no
 * edge is active.
 */
static bool
CovActivate(EcoCovIter *it, int r, double ylim, bool inclusive)
{
	int			i,
				j;

	while (it->next < it->nedges && it->edges[it->next].startrow <= r)
		it->active[it->nactive++] = it->next++;
	for (i = 0, j = 0; i < it->nactive; i++)
	{
		double		ymax = it->edges[it->active[i]].ymax;

		if (inclusive ? ymax >= ylim : ymax > ylim)
			it->active[j++] = it->active[i];
	}
	it->nactive = j;
	ECO_ASSERT(it->next <= it->nedges && it->nactive <= it->next);
	return it->nactive > 0;
}

/*
 * center mode, row r (edges active): the spans of the pixels whose centre
 * is inside, by GDAL's scanline rule; widens [*lo, *hi) to what is covered.
 */
static void
CenterRow(EcoCovIter *it, int r, int *lo, int *hi)
{
	double		wyc = it->ip_y + (r + 0.5) * it->scale_y;
	bool		down = it->scale_y < 0; /* pixel y grows as world y falls */
	int			i,
				nx = 0,
				nleft = 0;

	if (it->nactive + 1 > it->cap_xs)
	{
		it->cap_xs = it->nactive + 1;
		it->xs = it->env->realloc(it->xs, sizeof(double) * it->cap_xs);
	}
	for (i = 0; i < it->nactive; i++)
	{
		EcoCovEdge    *e = &it->edges[it->active[i]];
		double		ylo,
					yhi,
					xlo,
					xhi;
		bool		hit;

		if (e->wy0 == e->wy1)
		{
			if (e->left)
				continue;
			/*
			 * horizontal on the centre line: GDAL fills it when it
			 * runs towards -x in pixel space
			 */
			if (e->wy0 == wyc &&
				(it->scale_x > 0 ? e->wx0 > e->wx1 : e->wx0 < e->wx1))
				CenterFill(it, e->wx1, e->wx0, lo, hi);
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
				it->xs[nx++] = CenterCrossing(wyc, xlo, ylo, xhi, yhi);
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
			it->xs = it->env->realloc(it->xs, sizeof(double) * it->cap_xs);
		}
		it->xs[nx++] = (it->scale_x > 0) ? HUGE_VAL : -HUGE_VAL;
	}
	if (nx > 1)
		qsort(it->xs, nx, sizeof(double), it->scale_x > 0 ? DirCmpPos : DirCmpNeg);
	for (i = 0; i + 1 < nx; i += 2)
		CenterFill(it, it->xs[i], it->xs[i + 1], lo, hi);
}

/*
 * exact mode, row r (edges active): the spans of equal covered fraction,
 * from the prefix sums of the edges' signed heights; [*lo, *hi) is set to
 * their extent.
 */
static void
ExactRow(EcoCovIter *it, int r, int *lo, int *hi)
{
	int			ncols = it->ncols;
	double		ytop = r,
				ybot = r + 1.0;
	double		sum;
	int			i,
				k;

	it->ntcols = 0;
	for (i = 0; i < it->nactive; i++)
	{
		EcoCovEdge    *e = &it->edges[it->active[i]];
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
		return;

	/*
	 * The prefix sums are constant between the columns where an edge added
	 * something: one span per stretch.
	 */
	if (it->ntcols > 1)
		qsort(it->tcols, it->ntcols, sizeof(int), IntCmp);
	if (it->ntcols > it->cap_spans / 2)
	{
		it->cap_spans = 2 * it->ntcols;
		it->spans = it->env->realloc(it->spans, sizeof(int) * it->cap_spans);
		it->wts = it->env->realloc(it->wts, sizeof(double) * it->cap_spans / 2);
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
		*lo = it->spans[0];
		*hi = it->spans[2 * it->nspans - 1];
	}
}

#ifdef USE_ASSERT_CHECKING
/* the spans of a row are sorted, disjoint, non-empty, inside the tile */
static bool
CovSpansValid(const EcoCovIter *it)
{
	int			i;

	for (i = 0; i < it->nspans; i++)
	{
		int			a = it->spans[2 * i],
					b = it->spans[2 * i + 1];

		if (a < 0 || b > it->ncols || a >= b ||
			(i > 0 && a < it->spans[2 * i - 1]))
			return false;
		if (it->mode == ECO_COV_EXACT && !(it->wts[i] > 0 && it->wts[i] <= 1))
			return false;
	}
	return true;
}
#endif

bool
EcoCovNextRow(EcoCovIter *it, int *row, const int **spans,
			  const double **wts, int *nspans)
{
	bool		center = (it->mode == ECO_COV_CENTER);

	while (it->row < it->nrows)
	{
		int			r = it->row++;
		int			lo = it->ncols,
					hi = 0;

		if (it->env->interrupt)
			it->env->interrupt();
		it->nspans = 0;
		it->spans_unsorted = false;
		/* center: edges reaching the centre line; exact: the row's strip */
		if (!CovActivate(it, r, center ? r + 0.5 - 1e-6 : (double) r, center))
		{
			if (it->next >= it->nedges)
				break;
			continue;
		}
		if (center)
			CenterRow(it, r, &lo, &hi);
		else
			ExactRow(it, r, &lo, &hi);
		if (lo < hi)
		{
			*row = r;
			if (center && it->spans_unsorted)
				CenterMergeSpans(it);
			ECO_ASSERT(CovSpansValid(it));
			*spans = it->spans;
			*wts = center ? NULL : it->wts;
			*nspans = it->nspans;
			return true;
		}
	}
	return false;
}
