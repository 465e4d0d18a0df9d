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

typedef struct WkbReader
{
	const uint8 *p;
	Size		len;
	Size		pos;
} WkbReader;

static void
WkbTruncated(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("truncated WKB geometry")));
}

static uint32
WkbU32(WkbReader *r, bool swap)
{
	uint32		v;

	if (r->len - r->pos < 4)
		WkbTruncated();
	memcpy(&v, r->p + r->pos, 4);
	r->pos += 4;
	return swap ? pg_bswap32(v) : v;
}

static double
WkbF64(const uint8 *p, bool swap)
{
	uint64		u;
	double		d;

	memcpy(&u, p, 8);
	if (swap)
		u = pg_bswap64(u);
	memcpy(&d, &u, 8);
	return d;
}

static bool
WkbByteOrder(WkbReader *r)
{
	uint8		bo;
	bool		little;

	if (r->pos >= r->len)
		WkbTruncated();
	bo = r->p[r->pos++];
	if (bo > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid WKB byte order %u", bo)));
	little = (bo == 1);
#ifdef WORDS_BIGENDIAN
	return little;
#else
	return !little;
#endif
}

/* reads the type word; returns the base type and sets the dimensions */
static uint32
WkbType(WkbReader *r, bool swap, int *ndims)
{
	uint32		t = WkbU32(r, swap);
	uint32		base;
	bool		z = false,
				m = false;

	if (t & 0x20000000)			/* EWKB SRID flag: skip the SRID */
		(void) WkbU32(r, swap);
	if (t & 0x80000000)
		z = true;
	if (t & 0x40000000)
		m = true;
	t &= 0x0FFFFFFF;
	base = t % 1000;
	switch (t / 1000)
	{
		case 0:
			break;
		case 1:
			z = true;
			break;
		case 2:
			m = true;
			break;
		case 3:
			z = m = true;
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown WKB geometry type %u", t)));
	}
	*ndims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
	return base;
}

typedef struct PolyBuild
{
	int			nrings,
				cap_rings;
	int			npts,
				cap_pts;
	Poly	   *p;
} PolyBuild;

static void
WkbReadPolygonBody(WkbReader *r, bool swap, int ndims, PolyBuild *pb)
{
	uint32		nrings = WkbU32(r, swap);
	uint32		i;
	Poly	   *p = pb->p;

	if (nrings > (r->len - r->pos) / 4)
		WkbTruncated();
	for (i = 0; i < nrings; i++)
	{
		uint32		npts = WkbU32(r, swap);
		Size		stride = 8 * ndims;
		uint32		k;
		int			start;
		double		a = 0;

		CHECK_FOR_INTERRUPTS();
		if (npts > (r->len - r->pos) / stride)
			WkbTruncated();
		if (npts == 0)
			continue;
		if (pb->nrings == pb->cap_rings)
		{
			pb->cap_rings *= 2;
			p->ring_start = repalloc(p->ring_start, sizeof(int) * pb->cap_rings);
			p->ring_npts = repalloc(p->ring_npts, sizeof(int) * pb->cap_rings);
			p->ring_sign = repalloc(p->ring_sign, sizeof(int8) * pb->cap_rings);
		}
		if ((Size) pb->npts + npts > (Size) PG_INT32_MAX / 16)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("polygon has too many vertices")));
		while (pb->npts + (int) npts > pb->cap_pts)
		{
			pb->cap_pts *= 2;
			p->x = repalloc_huge(p->x, sizeof(double) * pb->cap_pts);
			p->y = repalloc_huge(p->y, sizeof(double) * pb->cap_pts);
		}
		start = pb->npts;
		for (k = 0; k < npts; k++)
		{
			double		x = WkbF64(r->p + r->pos, swap);
			double		y = WkbF64(r->p + r->pos + 8, swap);

			if (!isfinite(x) || !isfinite(y))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("polygon has a non-finite coordinate")));
			r->pos += stride;
			p->x[start + k] = x;
			p->y[start + k] = y;
			p->xmin = Min(p->xmin, x);
			p->xmax = Max(p->xmax, x);
			p->ymin = Min(p->ymin, y);
			p->ymax = Max(p->ymax, y);
		}
		/* shoelace, relative to the first point for precision */
		for (k = 0; k + 1 < npts; k++)
			a += (p->x[start + k] - p->x[start]) * (p->y[start + k + 1] - p->y[start]) -
				(p->x[start + k + 1] - p->x[start]) * (p->y[start + k] - p->y[start]);
		a *= 0.5;
		p->ring_start[pb->nrings] = start;
		p->ring_npts[pb->nrings] = (int) npts;
		/* shells count +1 inside, holes -1, whatever their orientation */
		if (i == 0)
			p->ring_sign[pb->nrings] = (a >= 0) ? 1 : -1;
		else
			p->ring_sign[pb->nrings] = (a >= 0) ? -1 : 1;
		p->area += p->ring_sign[pb->nrings] * a;
		pb->nrings++;
		pb->npts += (int) npts;
	}
}

void
WkbParsePolygon(const uint8 *wkb, Size len, Poly *out, MemoryContext mcxt)
{
	WkbReader	r = {wkb, len, 0};
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	PolyBuild	pb;
	bool		swap;
	int			ndims;
	uint32		type;

	memset(out, 0, sizeof(Poly));
	out->xmin = out->ymin = HUGE_VAL;
	out->xmax = out->ymax = -HUGE_VAL;
	pb.p = out;
	pb.nrings = 0;
	pb.cap_rings = 4;
	pb.npts = 0;
	pb.cap_pts = 64;
	out->ring_start = palloc(sizeof(int) * pb.cap_rings);
	out->ring_npts = palloc(sizeof(int) * pb.cap_rings);
	out->ring_sign = palloc(sizeof(int8) * pb.cap_rings);
	out->x = palloc(sizeof(double) * pb.cap_pts);
	out->y = palloc(sizeof(double) * pb.cap_pts);

	swap = WkbByteOrder(&r);
	type = WkbType(&r, swap, &ndims);
	if (type == 3)
		WkbReadPolygonBody(&r, swap, ndims, &pb);
	else if (type == 6)
	{
		uint32		nparts = WkbU32(&r, swap);
		uint32		i;

		if (nparts > (r.len - r.pos) / 9)
			WkbTruncated();
		for (i = 0; i < nparts; i++)
		{
			bool		s2 = WkbByteOrder(&r);
			int			nd2;

			if (WkbType(&r, s2, &nd2) != 3)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("MultiPolygon part %u is not a Polygon", i + 1)));
			WkbReadPolygonBody(&r, s2, nd2, &pb);
		}
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("geometry must be a Polygon or MultiPolygon, not WKB type %u", type),
				 errhint("Land-use areas are computed over polygons; buffer lines or points first.")));
	if (r.pos != r.len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%zu trailing bytes after the WKB geometry", r.len - r.pos)));
	out->nrings = pb.nrings;
	out->npts = pb.npts;
	MemoryContextSwitchTo(old);
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
	if (!DatumGetBool(FunctionCall1(&pgis.isvalid, geom)))
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

/*
 * Area between latitude 0 and phi per radian of longitude on the ellipsoid:
 *	  (b^2 / 2) q(phi),  q = sin/(1 - e^2 sin^2) + atanh(e sin)/e
 * (q is the authalic-latitude function: sin(beta) = q(phi)/q(90 deg)).
 */
static double
EllipsoidQ(double e, double phi)
{
	double		s = sin(phi);

	if (e < 1e-12)
		return 2.0 * s;
	return s / (1.0 - e * e * s * s) + atanh(e * s) / e;
}

double
EllipsoidBandArea(const SridInfo *si, double lat1, double lat2, double dlon)
{
	double		f = si->f;
	double		e = sqrt(f * (2.0 - f));
	double		b = si->a * (1.0 - f);
	double		d2r = M_PI / 180.0;

	lat1 = Max(-90.0, Min(90.0, lat1));
	lat2 = Max(-90.0, Min(90.0, lat2));
	return fabs(dlon * d2r * 0.5 * b * b *
				(EllipsoidQ(e, lat2 * d2r) - EllipsoidQ(e, lat1 * d2r)));
}
