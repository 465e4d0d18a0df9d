/*
 * geom.c
 *	  Polygons for the zonal engine.  GSERIALIZED is PostGIS's private
 *	  format, so we never parse it: PostGIS's own ST_AsBinary, ST_SRID and
 *	  ST_IsValid are called through fmgr, their OIDs looked up at runtime in
 *	  the schema of the postgis extension and cached per backend (the cache
 *	  is keyed by the extension's OID, so DROP/CREATE EXTENSION postgis
 *	  refreshes it); the WKB is parsed here.
 */
#include "postgres.h"

#include <math.h>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/indexing.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "port/pg_bswap.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "common/hashfn.h"

#include "core/geodesy.h"
#include "ecocomp.h"
#include "geom.h"

typedef struct PostgisFns
{
	Oid			ext;
	Oid			nsp;
	FmgrInfo	asbinary;
	FmgrInfo	srid;
	FmgrInfo	isvalid;
} PostgisFns;

static PostgisFns pgis;

static void
GeomLookupFn(FmgrInfo *fi, Oid nsp, const char *name, Oid geomtype)
{
	List	   *fname = list_make2(makeString(get_namespace_name(nsp)),
								   makeString(pstrdup(name)));
	Oid			argtypes[1] = {geomtype};
	Oid			fn = LookupFuncName(fname, 1, argtypes, false);

	fmgr_info_cxt(fn, fi, TopMemoryContext);
}

static void
GeomPostgisInit(void)
{
	Oid			ext = get_extension_oid("postgis", true);
	Oid			nsp,
				geomtype;

	if (!OidIsValid(ext))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("extension \"postgis\" is not installed in this database")));
	if (ext == pgis.ext)
		return;
	nsp = EcoExtensionSchema(ext);
	geomtype = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							   CStringGetDatum("geometry"), ObjectIdGetDatum(nsp));
	if (!OidIsValid(geomtype))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type geometry not found in the schema of extension postgis")));
	pgis.ext = InvalidOid;
	GeomLookupFn(&pgis.asbinary, nsp, "st_asbinary", geomtype);
	GeomLookupFn(&pgis.srid, nsp, "st_srid", geomtype);
	GeomLookupFn(&pgis.isvalid, nsp, "st_isvalid", geomtype);
	pgis.nsp = nsp;
	pgis.ext = ext;
}

/* ---------- WKB ---------- */

void
WkbParsePolygon(const uint8 *wkb, Size len, Poly *out, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	char		msg[256];
	EcoErr		err = EcoWkbParsePolygon(wkb, len, out, &EcoPgEnv, msg, sizeof(msg));

	MemoryContextSwitchTo(old);
	if (err == ECO_ERR_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s", msg)));
	if (err != ECO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", msg),
				 strncmp(msg, "geometry must be", 16) == 0 ?
				 errhint("Land-use areas are computed over polygons; buffer lines or points first.") : 0));
}

/*
 * Validity verdicts of ST_IsValid, per backend, keyed by two 64-bit hashes
 * and the length of the polygon's WKB (validity depends on the coordinates
 * only): a direct-mapped cache, so a query that prepares the same polygons
 * again (each group, each query) runs GEOS's full check once per polygon.
 * Only valid verdicts are kept; invalid polygons raise 22023 every time.
 */
#define GEOM_VALID_CACHE 256

typedef struct GeomValidEntry
{
	uint64		h1,
				h2;
	Size		len;
	Oid			ext;			/* the postgis extension that said so */
} GeomValidEntry;

static GeomValidEntry geom_valid_cache[GEOM_VALID_CACHE];

static bool
GeomIsValidCached(Datum geom, const uint8 *wkb, Size len)
{
	uint64		h1 = hash_bytes_extended(wkb, (int) len, 0x65636f636f6d70),
				h2 = hash_bytes_extended(wkb, (int) len, 0x7a6f6e616c);
	GeomValidEntry *e = &geom_valid_cache[h1 % GEOM_VALID_CACHE];

	if (len <= (Size) PG_INT32_MAX && e->ext == pgis.ext && e->len == len &&
		e->h1 == h1 && e->h2 == h2)
		return true;
	if (!DatumGetBool(FunctionCall1(&pgis.isvalid, geom)))
		return false;
	if (len <= (Size) PG_INT32_MAX)
	{
		e->h1 = h1;
		e->h2 = h2;
		e->len = len;
		e->ext = pgis.ext;
	}
	return true;
}

void
GeomReadPolygon(Datum geom, Poly *out, int32 *srid, MemoryContext mcxt)
{
	bytea	   *wkb;

	GeomPostgisInit();
	wkb = DatumGetByteaPP(FunctionCall1(&pgis.asbinary, geom));
	*srid = DatumGetInt32(FunctionCall1(&pgis.srid, geom));
	/* type first: ST_IsValid of a line is true, of a point too */
	WkbParsePolygon((const uint8 *) VARDATA_ANY(wkb), VARSIZE_ANY_EXHDR(wkb), out, mcxt);
	if (!GeomIsValidCached(geom, (const uint8 *) VARDATA_ANY(wkb), VARSIZE_ANY_EXHDR(wkb)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("polygon is not valid"),
				 errdetail("ST_IsValid returned false; see ST_IsValidReason for the cause."),
				 errhint("Repair it with ST_MakeValid, e.g. ST_CollectionExtract(ST_MakeValid(geom), 3).")));
	pfree(wkb);
}

/* ---------- SRID -> ellipsoid ---------- */

/* srtext of an SRID in PostGIS's spatial_ref_sys, or NULL when it is not there */
static char *
SridText(int32 srid)
{
	MemoryContext caller = CurrentMemoryContext;
	Oid			types[1] = {INT4OID};
	Datum		values[1] = {Int32GetDatum(srid)};
	char	   *sql,
			   *wkt = NULL;
	int			ret;

	GeomPostgisInit();
	sql = psprintf("SELECT srtext FROM %s.spatial_ref_sys "
				   "WHERE srid OPERATOR(pg_catalog.=) $1",
				   quote_identifier(get_namespace_name(pgis.nsp)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args(sql, 1, types, values, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(ret));
	if (SPI_processed > 0)
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		wkt = MemoryContextStrdup(caller, v ? v : "");
	}
	SPI_finish();
	return wkt;
}

bool
SridLookupExt(int32 srid, SridInfo *out, bool missing_ok)
{
	char	   *srtext;
	char		msg[256];
	EcoCrs		crs;
	EcoCrsFault fault;

	memset(out, 0, sizeof(*out));
	out->srid = srid;
	if (srid == 0)
		return true;			/* unknown SRID: planar, units of the geotransform */
	srtext = SridText(srid);
	if (srtext == NULL && missing_ok)
		return false;
	if (srtext == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID %d is not in spatial_ref_sys", srid),
				 errhint("Areas need to know whether the CRS is geographic; add the SRID to spatial_ref_sys.")));
	fault = EcoCrsFromWkt(srtext, &crs, msg, sizeof(msg));
	if (fault == ECO_CRS_UNIT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the coordinates of SRID %d are not in %s", srid,
						crs.geographic ? "degrees" : "metres"),
				 errdetail("%s", msg),
				 errhint("Reproject the data to a CRS in %s (gdalwarp -t_srs, ST_Transform).",
						 crs.geographic ? "degrees" : "metres")));
	if (fault != ECO_CRS_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot read the ellipsoid of SRID %d from spatial_ref_sys", srid),
				 errdetail("%s", msg),
				 errhint("Areas are computed on the ellipsoid that srtext, the CRS's WKT, names; "
						 "fill srtext with the WKT of a geographic or projected CRS (gdalsrsinfo -o wkt1).")));
	out->geographic = crs.geographic;
	out->a = crs.a;
	out->f = crs.f;
	pfree(srtext);
	return true;
}

void
SridLookup(int32 srid, SridInfo *out)
{
	(void) SridLookupExt(srid, out, false);
}

PG_FUNCTION_INFO_V1(srid_kind);

/*
 * srid_kind(srid): 'geographic' or 'projected' by the same reading of
 * spatial_ref_sys as the raster aggregates (NULL for SRID 0 and an SRID
 * not in the table; 22023 when the ellipsoid or the unit does not serve).
 */
Datum
srid_kind(PG_FUNCTION_ARGS)
{
	int32		srid = PG_GETARG_INT32(0);
	SridInfo	si;

	if (srid == 0 || !SridLookupExt(srid, &si, true))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(si.geographic ? "geographic" : "projected"));
}

double
EllipsoidBandArea(const SridInfo *si, double lat1, double lat2, double dlon)
{
	return EcoEllipsoidBandArea(si->a, si->f, lat1, lat2, dlon);
}

double
GridCellArea(const SridInfo *s, bool geographic, double ip_y, double scale_x,
			 double scale_y, int row)
{
	double		area;
	EcoErr		err = EcoGridCellArea(geographic, s->a, s->f, ip_y, scale_x, scale_y, row, &area);

	if (err == ECO_ERR_INVALID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("raster row %d lies beyond latitude 90 or -90", row + 1),
				 errdetail("Row %d spans latitudes %g to %g degrees on a geographic raster (SRID %d).",
						   row + 1, ip_y + row * scale_y, ip_y + (row + 1) * scale_y, s->srid),
				 errhint("Check the raster's georeference (ST_UpperLeftY, ST_ScaleY).")));
	if (err != ECO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("pixel area out of range"),
				 errdetail("The pixel size %g x %g gives an area beyond the range of double precision.",
						   scale_x, scale_y)));
	return area;
}
