/*
 * esv_raster.c
 *	  esv_raster(rast, ea, classification, scheme, band): the per-pixel ESV
 *	  map of a land-use raster, and the two test entry points of the
 *	  serialized-raster reader (_raster_check, _raster_bytes).
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "ecocomp.h"
#include "esv.h"
#include "landuse_state.h"
#include "raster_reader.h"

/* nodata value of the rasters esv_raster makes */
#define ESV_RASTER_NODATA (-9999.0f)

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
				{
					char	   *hint = EsvUnmappedHint(m->classification, m->scheme, k);

					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("land-use code " INT64_FORMAT " is not mapped in classification \"%s\" for ESV scheme \"%s\"",
									k, m->classification, m->scheme),
							 errdetail("Pixel (%d, %d) (1-based column, row) has code " INT64_FORMAT ".", c + 1, r + 1, k),
							 errhint("%s (A code that marks no data can be the band's nodata value.)",
									 hint)));
				}
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
