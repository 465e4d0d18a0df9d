/*
 * eco_core.h
 *	  The zonal engine's pure-C core (no PostgreSQL headers): the WKB polygon
 *	  reader, the pixel-coverage sweep, the cell-area geodesy and the
 *	  histogram kernel.  The PostgreSQL glue (geom.c, coverage.c) passes an
 *	  EcoEnv (allocator and interrupt check) and turns error codes into
 *	  ereports; test/unit/ runs the same code with malloc.
 */
#ifndef ECO_CORE_H
#define ECO_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Invariant checks: on in builds with -DUSE_ASSERT_CHECKING (like the
 * server's Assert), compiled out otherwise.
 */
#ifdef USE_ASSERT_CHECKING
#include <assert.h>
#define ECO_ASSERT(cond) assert(cond)
#else
#define ECO_ASSERT(cond) ((void) 0)
#endif

/* allocation and interrupts: palloc and CHECK_FOR_INTERRUPTS in the server */
typedef struct EcoEnv
{
	void	   *(*alloc) (size_t size);		/* never returns NULL */
	void	   *(*alloc0) (size_t size);	/* zeroed */
	void	   *(*realloc) (void *p, size_t size);
	void		(*free) (void *p);
	void		(*interrupt) (void);	/* may be NULL */
} EcoEnv;

/* error codes of the core */
typedef enum EcoErr
{
	ECO_OK = 0,
	ECO_ERR_INVALID,			/* bad input (22023 in SQL) */
	ECO_ERR_LIMIT,				/* too large (54000) */
	ECO_ERR_RANGE				/* a number out of range (22003) */
} EcoErr;

/* ---------- polygons ---------- */

/* consecutive edges of a ring, with their bounding box (see EcoPolyIndex) */
#define ECO_CHUNK_EDGES 32

/* A (multi)polygon as closed rings of 2D points (Z/M dropped). */
typedef struct EcoPoly
{
	int			nrings;
	int		   *ring_start;		/* index of the first point of each ring */
	int		   *ring_npts;		/* points of each ring, closing point included */
	signed char *ring_sign;		/* +1 / -1: makes shells count +1 and holes -1 */
	int			npts;
	double	   *x;
	double	   *y;
	double		xmin,
				ymin,
				xmax,
				ymax;
	double		area;			/* planar area, in CRS units squared */
	/* chunks: runs of up to ECO_CHUNK_EDGES edges of one ring, in ring order */
	int			nchunks;
	int		   *chunk_ring;
	int		   *chunk_first;	/* index of the chunk's first vertex */
	int		   *chunk_nedges;
	double	   *chunk_box;		/* xmin, xmax, ymin, ymax per chunk */
} EcoPoly;

/*
 * Parse WKB (ISO or EWKB flags) of a Polygon or MultiPolygon into out
 * (allocated through env), and index its chunks.  On error returns its code
 * and a lower-case message in err.
 */
extern EcoErr EcoWkbParsePolygon(const uint8_t *wkb, size_t len, EcoPoly *out,
								 const EcoEnv *env, char *err, size_t errlen);

/* (Re)build the chunk index of a polygon whose rings are set. */
extern void EcoPolyIndex(EcoPoly *p, const EcoEnv *env);

/* ---------- coverage ---------- */

typedef enum EcoCovMode
{
	ECO_COV_CENTER = 0,
	ECO_COV_EXACT = 1
} EcoCovMode;

typedef struct EcoCovEdge
{
	double		x0,
				y0,
				x1,
				y1;				/* pixel coordinates, ring orientation kept */
	double		ymin,
				ymax;
	double		sign;			/* ring sign: +1 shell, -1 hole */
	int			startrow;		/* first row the edge can touch */
	bool		left;			/* wholly left of the tile (or standing for a
								 * run of edges that only matter there) */
	double		wx0,
				wy0,
				wx1,
				wy1;			/* world coordinates (center mode), in the
								 * orientation GEOS gives overlay results:
								 * shells clockwise, holes counter-clockwise */
} EcoCovEdge;

typedef struct EcoCovIter
{
	const EcoEnv *env;
	EcoCovMode	mode;
	int			ncols,
				nrows;
	double		orient;			/* -sign(scale_x * scale_y) */
	EcoCovEdge *edges;			/* sorted by startrow */
	int			nedges;
	int			cap_edges;
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
	/* the tile in pixel coordinates, and the pixel transform */
	double		ix0,
				ix1,
				iy0,
				iy1;
} EcoCovIter;

/*
 * Start iterating the rows of a tile of ncols x nrows pixels whose
 * geotransform (no skew) is ip_x, scale_x, ip_y, scale_y.  Returns false
 * when the polygon covers nothing of the tile (nothing to free then).
 *
 * center: 1 when the pixel centre is inside, by GDAL's scanline rule (the
 * rule ST_Clip uses); exact: the fraction of the pixel's area inside.
 */
extern bool EcoCovBegin(EcoCovIter *it, const EcoPoly *p, EcoCovMode mode,
						int ncols, int nrows, double ip_x, double scale_x,
						double ip_y, double scale_y, const EcoEnv *env);

/*
 * Next row with some coverage: sets *row and nspans sorted, disjoint column
 * spans [spans[2i], spans[2i+1]) whose pixels are covered by the weight
 * wts[i] in (0, 1] (exact), or inside (center: wts is NULL).  Pixels of
 * the row outside the spans are not covered.  False at the end.
 */
extern bool EcoCovNextRow(EcoCovIter *it, int *row, const int **spans,
						  const double **wts, int *nspans);

/*
 * Free the iterator's arrays one by one (for callers without memory
 * contexts; the server's glue deletes the iterator's context instead).
 */
extern void EcoCovEnd(EcoCovIter *it);

/* ---------- cell areas ---------- */

/*
 * Area in m2 of the ellipsoidal quadrangle between latitudes lat1, lat2
 * (degrees, within [-90, 90]) and dlon degrees of longitude, on the
 * ellipsoid of semi-major axis a and flattening f (exact, by the authalic
 * q(phi)).
 */
extern double EcoEllipsoidBandArea(double a, double f, double lat1, double lat2, double dlon);

/*
 * Area of a cell of row `row` of a grid with origin y ip_y and pixel size
 * scale_x, scale_y: ellipsoidal (m2) when geographic, else planar (CRS
 * units squared).  ECO_ERR_INVALID when a latitude of the row is beyond
 * +-90 (and finite), ECO_ERR_RANGE when the area is not finite.
 */
extern EcoErr EcoGridCellArea(bool geographic, double a, double f, double ip_y,
							  double scale_x, double scale_y, int row, double *area);

/* ---------- histogram ---------- */

/*
 * Pixel counts of 8-bit codes, for the interior spans of a tile (center
 * mode, and exact spans of weight 1), where every pixel of a row has the
 * same area: the caller adds spans with EcoHist8Add, then takes the
 * (code, count) pairs once per tile (or per row when the cell area varies
 * by row, as on geographic rasters) and multiplies by the cell area.  Four
 * interleaved sub-histograms, so runs of equal codes do not wait on one
 * counter (about 0.3 ns a pixel against 1 ns for a loop over runs).
 * Zero it once (EcoHist8Init); EcoHist8Take leaves it zeroed.
 */
typedef struct EcoHist8
{
	uint64_t	sub[4][256];
	uint64_t	npx;			/* pixels added since the last take */
} EcoHist8;

extern void EcoHist8Init(EcoHist8 *h);
extern void EcoHist8Add(EcoHist8 *h, const uint8_t *px, int n);

/*
 * Write the codes seen since the last take in increasing order to codes[]
 * and their pixel counts to counts[] (256 slots each); returns how many,
 * and zeroes the histogram.
 */
extern int	EcoHist8Take(EcoHist8 *h, uint8_t *codes, uint64_t *counts);

#endif							/* ECO_CORE_H */
