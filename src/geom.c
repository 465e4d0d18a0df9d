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
		elog(ERROR, "type geometry not found in the schema of extension postgis");
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

static bool
Proj4Param(const char *proj4, const char *key, char *buf, Size buflen)
{
	const char *s = proj4;
	Size		kl = strlen(key);

	while ((s = strstr(s, key)) != NULL)
	{
		if ((s == proj4 || s[-1] == ' ') && s[kl] == '=')
		{
			Size		n = 0;

			s += kl + 1;
			while (s[n] && s[n] != ' ' && n + 1 < buflen)
			{
				buf[n] = s[n];
				n++;
			}
			buf[n] = '\0';
			return true;
		}
		s += kl;
	}
	return false;
}

static bool
EllpsByName(const char *name, double *a, double *rf)
{
	static const struct
	{
		const char *name;
		double		a;
		double		rf;
	}			ellps[] = {
		{"WGS84", 6378137.0, 298.257223563},
		{"GRS80", 6378137.0, 298.257222101},
		{"krass", 6378245.0, 298.3},
		{"intl", 6378388.0, 297.0},
		{"clrk66", 6378206.4, 294.9786982},
		{"bessel", 6377397.155, 299.1528128},
		{"WGS72", 6378135.0, 298.26},
		{"IAU76", 6378140.0, 298.257},
		{"airy", 6377563.396, 299.3249646},
		{"aust_SA", 6378160.0, 298.25},
		{"GRS67", 6378160.0, 298.247167427},
		{"clrk80", 6378249.145, 293.4663},
	};
	int			i;

	for (i = 0; i < (int) lengthof(ellps); i++)
		if (strcmp(ellps[i].name, name) == 0)
		{
			*a = ellps[i].a;
			*rf = ellps[i].rf;
			return true;
		}
	return false;
}

void
SridLookup(int32 srid, SridInfo *out)
{
	char	   *sql;
	Oid			types[1] = {INT4OID};
	Datum		values[1];
	int			ret;
	char	   *proj4 = NULL;
	char		buf[64];
	double		a = 6378137.0,
				rf = 298.257223563;

	out->srid = srid;
	out->geographic = false;
	out->a = a;
	out->f = 1.0 / rf;
	if (srid == 0)
		return;					/* unknown SRID: planar, units of the geotransform */

	GeomPostgisInit();
	sql = psprintf("SELECT proj4text FROM %s.spatial_ref_sys WHERE srid OPERATOR(pg_catalog.=) $1",
				   quote_identifier(get_namespace_name(pgis.nsp)));
	values[0] = Int32GetDatum(srid);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args(sql, 1, types, values, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(ret));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID %d is not in spatial_ref_sys", srid),
				 errhint("Areas need to know whether the CRS is geographic; add the SRID to spatial_ref_sys.")));
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		proj4 = v ? pstrdup(v) : pstrdup("");
	}
	SPI_finish();

	if (!Proj4Param(proj4, "+proj", buf, sizeof(buf)) ||
		(strcmp(buf, "longlat") != 0 && strcmp(buf, "latlong") != 0 &&
		 strcmp(buf, "lonlat") != 0 && strcmp(buf, "latlon") != 0))
		return;
	out->geographic = true;
	if (Proj4Param(proj4, "+ellps", buf, sizeof(buf)))
		(void) EllpsByName(buf, &a, &rf);
	else if (Proj4Param(proj4, "+datum", buf, sizeof(buf)))
	{
		if (strcmp(buf, "NAD27") == 0)
			(void) EllpsByName("clrk66", &a, &rf);
		else if (strcmp(buf, "NAD83") == 0)
			(void) EllpsByName("GRS80", &a, &rf);
		else if (strcmp(buf, "potsdam") == 0)
			(void) EllpsByName("bessel", &a, &rf);
	}
	if (Proj4Param(proj4, "+a", buf, sizeof(buf)))
		a = strtod(buf, NULL);
	if (Proj4Param(proj4, "+rf", buf, sizeof(buf)))
		rf = strtod(buf, NULL);
	else if (Proj4Param(proj4, "+b", buf, sizeof(buf)))
	{
		double		b = strtod(buf, NULL);

		rf = (b == a) ? 0 : a / (a - b);
	}
	else if (Proj4Param(proj4, "+R", buf, sizeof(buf)))
	{
		a = strtod(buf, NULL);
		rf = 0;
	}
	if (!(a > 0) || !isfinite(a) || rf < 0 || !isfinite(rf))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("cannot read the ellipsoid of SRID %d from proj4text \"%s\"", srid, proj4)));
	out->a = a;
	out->f = (rf == 0) ? 0 : 1.0 / rf;
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
