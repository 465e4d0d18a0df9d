/*
 * coverage.h
 *	  Which part of each pixel of a tile a polygon covers, row by row.
 *
 *	  center: 1 when the pixel centre is inside, by GDAL's scanline rule
 *	  (the rule ST_Clip uses through GDALRasterizeGeometries);
 *	  exact: the fraction of the pixel's area inside the polygon.
 */
#ifndef COVERAGE_H
#define COVERAGE_H

#include "geom.h"

typedef enum CoverageMode
{
	COVERAGE_CENTER = 0,
	COVERAGE_EXACT = 1
} CoverageMode;

typedef struct CovEdge
{
	double		x0,
				y0,
				x1,
				y1;				/* pixel coordinates, ring orientation kept */
	double		ymin,
				ymax;
	double		sign;			/* ring sign: +1 shell, -1 hole */
	int			startrow;		/* first row the edge can touch */
	bool		left;			/* center mode: wholly left of the tile, only
								 * the parity of its crossings matters */
	double		wx0,
				wy0,
				wx1,
				wy1;			/* world coordinates (center mode), in the
								 * orientation GEOS gives overlay results:
								 * shells clockwise, holes counter-clockwise */
} CovEdge;

typedef struct CoverageIter
{
	CoverageMode mode;
	int			ncols,
				nrows;
	double		orient;			/* -sign(scale_x * scale_y) */
	CovEdge    *edges;			/* sorted by ymin */
	int			nedges;
	int			next;			/* next edge to activate */
	int		   *active;
	int			nactive;
	int			row;			/* next row to produce */
	double	   *acc;			/* ncols + 2 */
	double	   *xs;				/* intersections (center) */
	int			cap_xs;
	int		   *spans;			/* [a, b) column spans of the row */
	double	   *wts;			/* exact: the weight of each span */
	int		   *tcols;			/* exact: columns whose acc is set */
	int			ntcols;
	bool	   *tmark;
	int			nspans;
	int			cap_spans;
	bool		spans_unsorted;
	double		ip_x,
				ip_y,
				scale_x,
				scale_y;
} CoverageIter;

/*
 * Start iterating the rows of a tile of ncols x nrows pixels whose
 * geotransform (no skew) is ip_x, scale_x, ip_y, scale_y.  Returns false
 * when the polygon covers nothing of the tile.
 */
extern bool CoverageBegin(CoverageIter *it, const Poly *p, CoverageMode mode,
						  int ncols, int nrows, double ip_x, double scale_x,
						  double ip_y, double scale_y);

/*
 * Next row with some coverage: sets *row and nspans sorted, disjoint column
 * spans [spans[2i], spans[2i+1]) whose pixels are covered by the weight
 * wts[i] in (0, 1] (exact), or inside (center: wts is NULL).  Pixels of
 * the row outside the spans are not covered.  False at the end.
 */
extern bool CoverageNextRow(CoverageIter *it, int *row, const int **spans,
							const double **wts, int *nspans);

extern void CoverageEnd(CoverageIter *it);

/* 'exact' or 'center' (22023 for anything else). */
extern CoverageMode CoverageParseMode(text *t);

#endif							/* COVERAGE_H */
