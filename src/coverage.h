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

/* the sweep itself is pure C (core/cov_sweep.c); these names are its glue */
typedef EcoCovMode CoverageMode;

#define COVERAGE_CENTER ECO_COV_CENTER
#define COVERAGE_EXACT ECO_COV_EXACT

/*
 * A sweep over one tile: the core's iterator, and the memory context that
 * holds everything it allocates (deleted by CoverageEnd).
 */
typedef struct CoverageIter
{
	EcoCovIter	core;
	MemoryContext cxt;
} CoverageIter;

/*
 * Start iterating the rows of a tile of ncols x nrows pixels whose
 * geotransform (no skew) is ip_x, scale_x, ip_y, scale_y.  Returns false
 * when the polygon covers nothing of the tile (nothing to end then).
 * Memory comes from a context of the iterator's own, a child of
 * CurrentMemoryContext; long sweeps check for interrupts.
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

/* free the iterator's memory (the spans it returned go with it) */
extern void CoverageEnd(CoverageIter *it);

/* 'exact' or 'center' (22023 for anything else). */
extern CoverageMode CoverageParseMode(text *t);

#endif							/* COVERAGE_H */
