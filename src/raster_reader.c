/*
 * raster_reader.c
 *	  Bounds-checked reader of PostGIS's serialized raster (RFC1, version 0):
 *
 *		64-byte header (varlena word, version, numBands, scaleX, scaleY,
 *		ipX, ipY, skewX, skewY, srid, width, height), then per band, each
 *		starting on an 8-byte boundary from the start of the datum:
 *		[pixtype|flags][pixbytes-1 padding][nodata: pixbytes]
 *		in-db: [width*height*pixbytes pixels]  out-db: [bandno][path\0]
 *		[zero padding to the next multiple of 8]
 *
 *	  Nothing is trusted: every offset is checked against VARSIZE before it
 *	  is read, and the padding of the last band must end the datum exactly.
 *	  RastMake writes the same layout.
 */
#include "postgres.h"

#include "miscadmin.h"

#include <math.h>

#include <float.h>

#include "ecocomp.h"
#include "utils/memutils.h"

#include "outdb.h"
#include "raster_reader.h"

#define BANDTYPE_FLAG_OFFDB		0x80
#define BANDTYPE_FLAG_HASNODATA	0x40
#define BANDTYPE_FLAG_ISNODATA	0x20
#define BANDTYPE_PIXTYPE_MASK	0x0F

static int
RastPixbytes(int pixtype)
{
	switch (pixtype)
	{
		case RAST_PT_1BB:
		case RAST_PT_2BUI:
		case RAST_PT_4BUI:
		case RAST_PT_8BSI:
		case RAST_PT_8BUI:
			return 1;
		case RAST_PT_16BSI:
		case RAST_PT_16BUI:
			return 2;
		case RAST_PT_32BSI:
		case RAST_PT_32BUI:
		case RAST_PT_32BF:
			return 4;
		case RAST_PT_64BF:
			return 8;
	}
	return 0;
}

/*
 * A number of type pixtype at p (any alignment): the nodata value of a
 * band header.  Sub-byte types keep their low bits, as PostGIS reads them.
 */
static double
RastGetNumber(const uint8 *p, int pixtype)
{
	union
	{
		int16		i16;
		uint16		u16;
		int32		i32;
		uint32		u32;
		float		f4;
		double		f8;
	}			x;

	memcpy(&x, p, RastPixbytes(pixtype));
	switch (pixtype)
	{
		case RAST_PT_1BB:
			return p[0] & 0x01;
		case RAST_PT_2BUI:
			return p[0] & 0x03;
		case RAST_PT_4BUI:
			return p[0] & 0x0F;
		case RAST_PT_8BSI:
			return (int8) p[0];
		case RAST_PT_16BSI:
			return x.i16;
		case RAST_PT_16BUI:
			return x.u16;
		case RAST_PT_32BSI:
			return x.i32;
		case RAST_PT_32BUI:
			return x.u32;
		case RAST_PT_32BF:
			return x.f4;
		case RAST_PT_64BF:
			return x.f8;
	}
	return p[0];				/* 8BUI */
}

const char *
RastPixtypeName(int pixtype)
{
	static const char *const names[] = {
		"1BB", "2BUI", "4BUI", "8BSI", "8BUI", "16BSI", "16BUI", "32BSI",
		"32BUI", NULL, "32BF", "64BF"
	};

	if (pixtype < 0 || pixtype >= (int) lengthof(names))
		return NULL;
	return names[pixtype];
}

bool
RastPixtypeIsInteger(int pixtype)
{
	return pixtype >= RAST_PT_1BB && pixtype <= RAST_PT_32BUI;
}

static void
RastCorrupt(const char *detail, int band)
{
	if (band > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("corrupt serialized raster"),
				 errdetail("Band %d: %s.", band, detail)));
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("corrupt serialized raster"),
			 errdetail("%c%s.", pg_toupper((unsigned char) detail[0]), detail + 1)));
}

/*
 * Pixels of the sub-byte types (1BB, 2BUI, 4BUI) take a whole byte each;
 * PostGIS never writes a value beyond the type's range there, so one that
 * is beyond it is corruption (it would otherwise be counted as a class of
 * its own).
 */
static void
RastCheckSubbyte(const RastBand *bd, Size npx, int band)
{
	uint8		max;
	Size		i;

	switch (bd->pixtype)
	{
		case RAST_PT_1BB:
			max = 1;
			break;
		case RAST_PT_2BUI:
			max = 3;
			break;
		case RAST_PT_4BUI:
			max = 15;
			break;
		default:
			return;
	}
	for (i = 0; i < npx; i++)
	{
		if (unlikely(bd->data[i] > max))
			RastCorrupt(psprintf("pixel %zu holds %u, beyond the range 0..%u of pixel type %s",
								 i + 1, bd->data[i], max, RastPixtypeName(bd->pixtype)), band);
		if ((i & 0xFFFFF) == 0xFFFFF)
			CHECK_FOR_INTERRUPTS();
	}
}

void
RastParse(const struct varlena *v, RastInfo *out)
{
	const uint8 *base = (const uint8 *) v;
	Size		len;
	Size		pos;
	uint16		version,
				nbands,
				width,
				height;
	int			b;

	if (VARATT_IS_EXTENDED(v))
		elog(ERROR, "RastParse needs a detoasted datum");
	len = VARSIZE(v);
	if (len < RAST_HEADER_SIZE)
		RastCorrupt("the datum is shorter than the 64-byte header", 0);

	memcpy(&version, base + 4, 2);
	memcpy(&nbands, base + 6, 2);
	if (version != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("corrupt serialized raster"),
				 errdetail("Serialization format version %u is not supported; only version 0 is.", version)));
	memcpy(&out->scale_x, base + 8, 8);
	memcpy(&out->scale_y, base + 16, 8);
	memcpy(&out->ip_x, base + 24, 8);
	memcpy(&out->ip_y, base + 32, 8);
	memcpy(&out->skew_x, base + 40, 8);
	memcpy(&out->skew_y, base + 48, 8);
	memcpy(&out->srid, base + 56, 4);
	memcpy(&width, base + 60, 2);
	memcpy(&height, base + 62, 2);
	out->nbands = nbands;
	out->width = width;
	out->height = height;
	out->bands = nbands > 0 ? palloc0(sizeof(RastBand) * nbands) : NULL;

	pos = RAST_HEADER_SIZE;
	for (b = 0; b < nbands; b++)
	{
		RastBand   *bd = &out->bands[b];
		uint8		t;
		int			pb;

		if (pos >= len)
			RastCorrupt("the band starts after the end of the datum", b + 1);
		t = base[pos];
		bd->pixtype = t & BANDTYPE_PIXTYPE_MASK;
		pb = RastPixbytes(bd->pixtype);
		if (pb == 0)
			RastCorrupt(psprintf("unknown pixel type %d", bd->pixtype), b + 1);
		bd->pixbytes = pb;
		bd->offdb = (t & BANDTYPE_FLAG_OFFDB) != 0;
		bd->hasnodata = (t & BANDTYPE_FLAG_HASNODATA) != 0;
		bd->isnodata = bd->hasnodata && (t & BANDTYPE_FLAG_ISNODATA) != 0;
		pos += pb;				/* type byte and its padding */
		if ((Size) pb > len - pos)
			RastCorrupt("the nodata value is cut off", b + 1);
		bd->nodata = RastGetNumber(base + pos, bd->pixtype);
		pos += pb;
		if (bd->offdb)
		{
			const uint8 *nul;

			if (pos >= len)
				RastCorrupt("the out-db band number is cut off", b + 1);
			bd->outdb_bandno = base[pos++];
			nul = memchr(base + pos, 0, len - pos);
			if (nul == NULL)
				RastCorrupt("the out-db path is not terminated", b + 1);
			bd->outdb_path = (const char *) (base + pos);
			pos = (nul - base) + 1;
		}
		else
		{
			Size		n = (Size) width * (Size) height * (Size) pb;	/* < 2^35 */

			if (n > len - pos)
				RastCorrupt(psprintf("the pixel data (%zu bytes) extends past the end of the datum (%zu bytes left)",
									 n, len - pos), b + 1);
			bd->data = base + pos;
			RastCheckSubbyte(bd, (Size) width * (Size) height, b + 1);
			pos += n;
		}
		pos = TYPEALIGN(8, pos);
		if (pos > len)
			RastCorrupt("the padding after the band extends past the end of the datum", b + 1);
	}
	if (pos != len)
		RastCorrupt(psprintf("%zu trailing bytes after the last band", len - pos), 0);
}

const RastBand *
RastGetBand(const RastInfo *ri, int band, const char *what, const char *integer_kind)
{
	const RastBand *b;

	if (band < 1 || band > ri->nbands)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("band %d of %s is out of range", band, what),
				 errdetail("The raster has %d band(s); bands are numbered from 1.", ri->nbands)));
	b = &ri->bands[band - 1];
	if (integer_kind && !RastPixtypeIsInteger(b->pixtype))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("band %d of %s has pixel type %s; %s must have an integer pixel type",
						band, what, RastPixtypeName(b->pixtype), integer_kind),
				 errhint("Reclassify the band to integer values, e.g. with ST_Reclass or ST_MapAlgebra.")));
	/* out-db band: read the tile's window of the file once (outdb.c) */
	if (b->offdb && b->data == NULL)
		OutdbReadBand(ri, &ri->bands[band - 1], band, what);
	return b;
}

const RastBand *
RastGetLanduseBand(const RastInfo *ri, int band, const char *what)
{
	return RastGetBand(ri, band, what, "land-use bands");
}

void
RastCheckGrid(const RastInfo *ri, const char *what)
{
	if (ri->skew_x != 0 || ri->skew_y != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s is skewed or rotated (skew %g, %g), which is not supported", what,
						ri->skew_x, ri->skew_y),
				 errhint("Warp it to a north-up grid first, e.g. with gdalwarp or ST_Transform.")));
	if (!isfinite(ri->scale_x) || !isfinite(ri->scale_y) || ri->scale_x == 0 || ri->scale_y == 0 ||
		!isfinite(ri->ip_x) || !isfinite(ri->ip_y))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has a degenerate geotransform (scale %g, %g)", what,
						ri->scale_x, ri->scale_y)));
}

int64
RastIntNodata(const RastBand *b, bool *has)
{
	*has = b->hasnodata;
	return b->hasnodata ? (int64) b->nodata : 0;
}

/* v as a number of type pixtype at dst (aligned): RastGetNumber's mirror */
static void
RastPutNumber(uint8 *dst, int pixtype, double v)
{
	switch (pixtype)
	{
		case RAST_PT_8BSI:
			*(int8 *) dst = (int8) v;
			break;
		case RAST_PT_16BSI:
			*(int16 *) dst = (int16) v;
			break;
		case RAST_PT_16BUI:
			*(uint16 *) dst = (uint16) v;
			break;
		case RAST_PT_32BSI:
			*(int32 *) dst = (int32) v;
			break;
		case RAST_PT_32BUI:
			*(uint32 *) dst = (uint32) v;
			break;
		case RAST_PT_32BF:
			*(float *) dst = (float) v;
			break;
		case RAST_PT_64BF:
			*(double *) dst = v;
			break;
		default:				/* 1BB, 2BUI, 4BUI, 8BUI */
			*dst = (uint8) v;
			break;
	}
}

struct varlena *
RastMake(const RastInfo *ri, int nbands, int pixtype, double nodata, void **px)
{
	Size		pb = RastPixbytes(pixtype);
	Size		npix = (Size) ri->width * (Size) ri->height;
	Size		bandlen = TYPEALIGN(8, 2 * pb + npix * pb);	/* type, pad, nodata, pixels */
	Size		len = RAST_HEADER_SIZE + nbands * bandlen;
	uint8	   *p;
	uint16		hdr16[2] = {0, (uint16) nbands};	/* version, numBands */
	uint16		size16[2] = {(uint16) ri->width, (uint16) ri->height};
	double		geo[6] = {ri->scale_x, ri->scale_y, ri->ip_x, ri->ip_y, ri->skew_x, ri->skew_y};

	Assert(pb > 0 && nbands > 0 && nbands <= PG_UINT16_MAX);
	Assert(ri->width >= 0 && ri->width <= PG_UINT16_MAX && ri->height >= 0 && ri->height <= PG_UINT16_MAX);
	if (len > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a %d x %d raster of %d %s bands is too large",
						ri->width, ri->height, nbands, RastPixtypeName(pixtype))));
	p = palloc0(len);
	SET_VARSIZE(p, len);
	memcpy(p + 4, hdr16, 4);
	memcpy(p + 8, geo, 48);
	memcpy(p + 56, &ri->srid, 4);
	memcpy(p + 60, size16, 4);
	for (int b = 0; b < nbands; b++)
	{
		uint8	   *band = p + RAST_HEADER_SIZE + b * bandlen;

		band[0] = (uint8) (pixtype | BANDTYPE_FLAG_HASNODATA);
		RastPutNumber(band + pb, pixtype, nodata);
		px[b] = band + 2 * pb;
	}
	return (struct varlena *) p;
}

void
RastInfinitePixel(const RastInfo *ri, int64 idx, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("pixel (%d, %d) (1-based column, row) of %s is infinite",
					(int) (idx % ri->width) + 1, (int) (idx / ri->width) + 1, what)));
	pg_unreachable();
}
