/*
 * raster_reader.h
 *	  A bounds-checked reader of PostGIS's serialized raster (RFC1, format
 *	  version 0), the pixel rules (integer and float getters, PostGIS's
 *	  nodata tests), and a writer of rasters in the same layout.
 */
#ifndef RASTER_READER_H
#define RASTER_READER_H

#include "postgres.h"

#include <float.h>
#include <math.h>

/* PostGIS pixel types (librtcore.h rt_pixtype) */
#define RAST_PT_1BB		0
#define RAST_PT_2BUI	1
#define RAST_PT_4BUI	2
#define RAST_PT_8BSI	3
#define RAST_PT_8BUI	4
#define RAST_PT_16BSI	5
#define RAST_PT_16BUI	6
#define RAST_PT_32BSI	7
#define RAST_PT_32BUI	8
#define RAST_PT_32BF	10
#define RAST_PT_64BF	11

#define RAST_HEADER_SIZE 64

typedef struct RastBand
{
	int			pixtype;
	int			pixbytes;
	bool		offdb;
	bool		hasnodata;
	bool		isnodata;		/* the whole band is nodata (honoured only with hasnodata) */
	double		nodata;			/* nodata value, as stored */
	const uint8 *data;			/* pixels, row-major; out-db: NULL until RastGetBand reads them */
	int			outdb_bandno;	/* 0-based band of the out-db file */
	const char *outdb_path;
} RastBand;

typedef struct RastInfo
{
	int			nbands;
	int			width;
	int			height;
	double		scale_x;
	double		scale_y;
	double		ip_x;
	double		ip_y;
	double		skew_x;
	double		skew_y;
	int32		srid;
	RastBand   *bands;			/* nbands entries, palloc'd */
} RastInfo;

/*
 * Parse a detoasted serialized raster of len bytes; every band, nodata
 * value, payload and padding is checked to lie inside the datum.  Errors
 * (SQLSTATE 22000) name what is wrong.
 */
extern void RastParse(const struct varlena *v, RastInfo *out);

/* Human-readable pixel type name (PostGIS spelling) or NULL if unknown. */
extern const char *RastPixtypeName(int pixtype);

/* Is the pixel type one of the integer types that fit in int64? */
extern bool RastPixtypeIsInteger(int pixtype);

/*
 * The band's validated land-use band: an integer band.  Raises the
 * user-facing errors: band out of range, float band (22023), and those of
 * reading an out-db band (outdb.h).  band is 1-based.
 */
extern const RastBand *RastGetLanduseBand(const RastInfo *ri, int band, const char *what);

/*
 * Band `band` (1-based) of ri: in range (22023); with integer_kind also of
 * an integer pixel type (22023, naming integer_kind).  An out-db band's
 * pixels are read here, once (outdb.c), so b->data is always set.
 */
extern const RastBand *RastGetBand(const RastInfo *ri, int band, const char *what,
								   const char *integer_kind);

/* A north-up grid (skewed: 0A000) with a finite, non-zero geotransform (22023). */
extern void RastCheckGrid(const RastInfo *ri, const char *what);

/* Value of pixel (col,row) of an integer band, as int64. */
static inline int64
RastIntPixel(const RastBand *b, int64 idx)
{
	const uint8 *p = b->data;

	switch (b->pixtype)
	{
		case RAST_PT_1BB:
		case RAST_PT_2BUI:
		case RAST_PT_4BUI:
		case RAST_PT_8BUI:
			return p[idx];
		case RAST_PT_8BSI:
			return ((const int8 *) p)[idx];
		case RAST_PT_16BSI:
			return ((const int16 *) p)[idx];
		case RAST_PT_16BUI:
			return ((const uint16 *) p)[idx];
		case RAST_PT_32BSI:
			return ((const int32 *) p)[idx];
		case RAST_PT_32BUI:
			return ((const uint32 *) p)[idx];
	}
	return 0;
}

/*
 * PostGIS's nodata test for integer bands (rt_band_get_pixel): no nodata
 * without HASNODATA; every pixel with ISNODATA; else equality with the
 * nodata value after clamping it to the pixel type.
 */
extern int64 RastIntNodata(const RastBand *b, bool *has);

/* PostGIS's float equality (FLT_EQ of librtcore) */
static inline bool
RastFloatEq(double x, double y)
{
	return (isnan(x) && isnan(y)) || fabs(x - y) <= FLT_EPSILON;
}

/* 22023 naming pixel idx of what: its value is infinite */
extern void RastInfinitePixel(const RastInfo *ri, int64 idx, const char *what) pg_attribute_noreturn();

/*
 * Value of pixel idx of a numeric band as a double; false for nodata (the
 * band's nodata value, as PostGIS compares it: equality for integer types,
 * RastFloatEq for float types; or NaN).  An infinite value is an error
 * (22023).
 */
static inline bool
RastValue(const RastInfo *ri, const RastBand *b, int64 idx, double *out, const char *what)
{
	double		v;

	Assert(idx >= 0 && idx < (int64) ri->width * ri->height);
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
		(RastPixtypeIsInteger(b->pixtype) ? v == b->nodata : RastFloatEq(v, b->nodata)))
		return false;
	if (isnan(v))
		return false;
	if (isinf(v))
		RastInfinitePixel(ri, idx, what);
	*out = v;
	return true;
}

/*
 * Build a serialized raster with the georeference of ri and nbands bands
 * of type pixtype, each with nodata value nodata (converted to the type);
 * px[b] receives the (zeroed) pixels of band b.  Too large: 54000.
 */
extern struct varlena *RastMake(const RastInfo *ri, int nbands, int pixtype, double nodata, void **px);

/* RastMake of one 32BF band */
static inline struct varlena *
RastMakeFloat32(const RastInfo *ri, float nodata, float **pixels)
{
	void	   *px[1];
	struct varlena *v = RastMake(ri, 1, RAST_PT_32BF, nodata, px);

	*pixels = (float *) px[0];
	return v;
}

#endif							/* RASTER_READER_H */
