/*
 * outdb.c
 *	  Out-db raster bands: a tile loaded with raster2pgsql -R holds only its
 *	  grid and, per band, a file path and a band number.  The engine asks
 *	  for the band through RastGetBand; this file reads the tile's window of
 *	  that band through GDAL into a buffer laid out like in-db pixels, so
 *	  the rest of the engine sees an ordinary band.
 *
 *	  PostGIS's switches are honoured as PostGIS does (rt_band.c,
 *	  rt_util.c, rtpostgis.c): postgis.enable_outdb_rasters must be on, and
 *	  the file's driver must be enabled in postgis.gdal_enabled_drivers
 *	  (DISABLE_ALL anywhere disables everything, ENABLE_ALL enables
 *	  everything, else a space-separated list of driver short names, and a
 *	  /vsicurl path needs VSICURL).  Both GUCs belong to PostGIS's raster
 *	  library, which we load before reading them, so that a value a
 *	  non-superuser set on a placeholder never counts (they are SUSET).
 *
 *	  Unlike PostGIS, which warns and reads anyway, a file that does not
 *	  match the tile (grid, size, band count, pixel type) is an error.
 *
 *	  Per backend, up to OUTDB_CACHE_SIZE datasets stay open, by path, least
 *	  recently used first out.  A handle is used only while GDAL still lists
 *	  it as open: PostGIS's gdal_enabled_drivers assign hook destroys GDAL's
 *	  driver manager, which closes every open dataset.
 */
#include "postgres.h"

#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include <gdal.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>

#include "ecocomp.h"
#include "outdb.h"

#define OUTDB_CACHE_SIZE	16
#define OUTDB_GUC_ENABLE	"postgis.enable_outdb_rasters"
#define OUTDB_GUC_DRIVERS	"postgis.gdal_enabled_drivers"
/* GDAL's block cache, unless GDAL_CACHEMAX says otherwise (GDAL's default
 * is 5% of RAM per backend); tiles are read once, so little is reused */
#define OUTDB_GDAL_CACHE	((GIntBig) 32 * 1024 * 1024)
/* pixels per GDALRasterIO call, between interrupt checks */
#define OUTDB_STRIP_PIXELS	(1024 * 1024)

typedef struct OutdbEntry
{
	char	   *path;			/* in TopMemoryContext; NULL = free slot */
	GDALDatasetH ds;
	uint64		used;			/* last use, for LRU */
} OutdbEntry;

static OutdbEntry outdb_cache[OUTDB_CACHE_SIZE];
static uint64 outdb_clock = 0;

/*
 * Make PostGIS's raster GUCs real before reading them: load the library of
 * the raster type's input function (the postgis_raster extension's schema,
 * no search_path), once per backend.
 */
static void
OutdbLoadPostgisRaster(void)
{
	static bool tried = false;
	Oid			extoid;
	Oid			typoid;

	if (tried)
		return;
	tried = true;
	extoid = get_extension_oid("postgis_raster", true);
	if (!OidIsValid(extoid))
		return;
	typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("raster"),
							 ObjectIdGetDatum(EcoExtensionSchema(extoid)));
	if (OidIsValid(typoid))
	{
		Oid			typinput,
					typioparam;
		FmgrInfo	fi;

		getTypeInputInfo(typoid, &typinput, &typioparam);
		fmgr_info(typinput, &fi);	/* loads the library: its _PG_init defines the GUCs */
	}
}

/* A GUC of PostGIS's raster library, or NULL when it is not defined. */
static const char *
OutdbGuc(const char *name)
{
	const char *v = GetConfigOption(name, true, false);

	if (v == NULL || (GetConfigOptionFlags(name, true) & GUC_CUSTOM_PLACEHOLDER))
	{
		OutdbLoadPostgisRaster();
		v = GetConfigOption(name, true, false);
		if (v != NULL && (GetConfigOptionFlags(name, true) & GUC_CUSTOM_PLACEHOLDER))
			v = NULL;
	}
	return v;
}

/* PostGIS's boot values when its library cannot be loaded: the environment */
static bool
OutdbEnabled(void)
{
	const char *v = OutdbGuc(OUTDB_GUC_ENABLE);
	bool		on = false;

	if (v == NULL)
	{
		const char *env = getenv("POSTGIS_ENABLE_OUTDB_RASTERS");

		return env != NULL && strcmp(env, "1") == 0;
	}
	return parse_bool(v, &on) && on;
}

static const char *
OutdbDrivers(void)
{
	const char *v = OutdbGuc(OUTDB_GUC_DRIVERS);

	if (v == NULL)
		v = getenv("POSTGIS_GDAL_ENABLED_DRIVERS");
	return v ? v : "DISABLE_ALL";
}

/* Is driver short name `drv` a word of the enabled-driver list? */
static bool
OutdbDriverListed(const char *drivers, const char *drv)
{
	char	  **words = CSLTokenizeString2(drivers, " \t\r\n", 0);
	bool		found = CSLFindString(words, drv) >= 0;

	CSLDestroy(words);
	return found;
}

static void
OutdbInitGdal(void)
{
	if (GDALGetDriverCount() == 0)
		GDALAllRegister();
	if (CPLGetConfigOption("GDAL_CACHEMAX", NULL) == NULL && GDALGetCacheMax64() > OUTDB_GDAL_CACHE)
		GDALSetCacheMax64(OUTDB_GDAL_CACHE);
}

/* Is ds still a dataset GDAL has open? */
static bool
OutdbStillOpen(GDALDatasetH ds)
{
	GDALDatasetH *list;
	int			n,
				i;

	GDALGetOpenDatasets(&list, &n);
	for (i = 0; i < n; i++)
		if (list[i] == ds)
			return true;
	return false;
}

/*
 * The cached dataset of path, or NULL.  First every entry whose dataset
 * GDAL no longer lists is forgotten (not closed): they all go at once when
 * the driver manager is destroyed, so none of them can be mistaken for a
 * dataset opened later at the same address.
 */
static OutdbEntry *
OutdbCacheLookup(const char *path)
{
	OutdbEntry *found = NULL;
	int			i;

	for (i = 0; i < OUTDB_CACHE_SIZE; i++)
	{
		OutdbEntry *e = &outdb_cache[i];

		if (e->path == NULL)
			continue;
		if (!OutdbStillOpen(e->ds))
		{
			pfree(e->path);
			e->path = NULL;
		}
		else if (strcmp(e->path, path) == 0)
			found = e;
	}
	if (found)
		found->used = ++outdb_clock;
	return found;
}

static void
OutdbCacheAdd(const char *path, GDALDatasetH ds)
{
	OutdbEntry *victim = &outdb_cache[0];
	int			i;

	for (i = 0; i < OUTDB_CACHE_SIZE; i++)
	{
		if (outdb_cache[i].path == NULL)
		{
			victim = &outdb_cache[i];
			break;
		}
		if (outdb_cache[i].used < victim->used)
			victim = &outdb_cache[i];
	}
	if (victim->path != NULL)
	{
		if (OutdbStillOpen(victim->ds))
			GDALClose(victim->ds);
		pfree(victim->path);
	}
	victim->path = MemoryContextStrdup(TopMemoryContext, path);
	victim->ds = ds;
	victim->used = ++outdb_clock;
}

/* errdetail for a GDAL failure; the message is copied before any ereport */
static char *
OutdbGdalMessage(void)
{
	const char *m = CPLGetLastErrorMsg();

	return pstrdup(m && m[0] ? m : "GDAL gave no reason");
}

/*
 * Open path (or error out): missing/unreadable file, no enabled driver, or
 * a file GDAL cannot read.
 */
static GDALDatasetH
OutdbOpen(const char *path, const char *drivers, int band, const char *what)
{
	bool		all = strstr(drivers, "ENABLE_ALL") != NULL;
	char	  **allowed = all ? NULL : CSLTokenizeString2(drivers, " \t\r\n", 0);
	GDALDatasetH ds;
	GDALDriverH drv;
	char	   *msg;
	const char *drvname;
	struct stat st;

	if (strncmp(path, "/vsi", 4) != 0)
	{
		if (stat(path, &st) != 0 || access(path, R_OK) != 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read out-db file \"%s\" of band %d of %s: %m", path, band, what),
					 errhint("The file must exist on the database server and be readable by the server's operating-system user.")));
		if (S_ISDIR(st.st_mode))
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("out-db file \"%s\" of band %d of %s is a directory", path, band, what)));
	}
	CPLPushErrorHandler(CPLQuietErrorHandler);
	CPLErrorReset();
	ds = GDALOpenEx(path, GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
					(const char *const *) allowed, NULL, NULL);
	msg = OutdbGdalMessage();
	drv = ds ? NULL : GDALIdentifyDriver(path, NULL);
	drvname = drv ? pstrdup(GDALGetDriverShortName(drv)) : NULL;
	CPLPopErrorHandler();
	CSLDestroy(allowed);
	if (ds != NULL)
		return ds;
	if (drvname != NULL && !all && !OutdbDriverListed(drivers, drvname))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("GDAL driver %s of out-db file \"%s\" is not enabled", drvname, path),
				 errdetail("postgis.gdal_enabled_drivers is '%s'.", drivers),
				 errhint("A superuser can add %s to postgis.gdal_enabled_drivers, e.g. ALTER DATABASE ... SET postgis.gdal_enabled_drivers = '%s'.",
						 drvname, drvname)));
	if (drvname == NULL && !all)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("no enabled GDAL driver can open out-db file \"%s\"", path),
				 errdetail("postgis.gdal_enabled_drivers is '%s'; GDAL says: %s", drivers, msg),
				 errhint("Enable the file's driver (e.g. GTiff) in postgis.gdal_enabled_drivers, and check that the file is a raster.")));
	ereport(ERROR,
			(errcode(ERRCODE_IO_ERROR),
			 errmsg("GDAL could not open out-db file \"%s\" of band %d of %s", path, band, what),
			 errdetail("%s", msg)));
	return NULL;				/* not reached */
}

/* The PostGIS pixel types a GDAL band of type t (and PIXELTYPE) can back. */
static bool
OutdbTypeMatches(GDALRasterBandH hb, int pixtype)
{
	GDALDataType t = GDALGetRasterDataType(hb);

	switch (pixtype)
	{
		case RAST_PT_1BB:
		case RAST_PT_2BUI:
		case RAST_PT_4BUI:
		case RAST_PT_8BUI:
			return t == GDT_Byte;
		case RAST_PT_8BSI:
			{
				const char *pt;

#if GDAL_VERSION_NUM >= 3070000
				if (t == GDT_Int8)
					return true;
#endif
				pt = GDALGetMetadataItem(hb, "PIXELTYPE", "IMAGE_STRUCTURE");
				return t == GDT_Byte && pt != NULL && strcmp(pt, "SIGNEDBYTE") == 0;
			}
		case RAST_PT_16BSI:
			return t == GDT_Int16;
		case RAST_PT_16BUI:
			return t == GDT_UInt16;
		case RAST_PT_32BSI:
			return t == GDT_Int32;
		case RAST_PT_32BUI:
			return t == GDT_UInt32;
		case RAST_PT_32BF:
			return t == GDT_Float32;
		case RAST_PT_64BF:
			return t == GDT_Float64;
	}
	return false;
}

static void
OutdbMismatch(const char *path, int band, const char *what, const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("out-db file \"%s\" does not match band %d of %s", path, band, what),
			 errdetail("%s", detail),
			 errhint("%s", hint ? hint : "The file changed after raster2pgsql -R loaded it: load it again, or restore the file.")));
}

/* The tile's window (x0, y0) in the file, checked against the file. */
static void
OutdbWindow(const RastInfo *ri, const RastBand *b, GDALDatasetH ds, int band,
			const char *what, int *x0, int *y0)
{
	double		gt[6];
	double		fx,
				fy;
	int			fw = GDALGetRasterXSize(ds),
				fh = GDALGetRasterYSize(ds),
				nb = GDALGetRasterCount(ds);
	const char *path = b->outdb_path;

	if (b->outdb_bandno >= nb)
		OutdbMismatch(path, band, what,
					  psprintf("The tile refers to band %d of the file, which has %d band(s).",
							   b->outdb_bandno + 1, nb), NULL);
	if (GDALGetGeoTransform(ds, gt) != CE_None)
	{
		/* PostGIS's default for a file without a geotransform */
		gt[0] = 0;
		gt[1] = 1;
		gt[2] = 0;
		gt[3] = 0;
		gt[4] = 0;
		gt[5] = -1;
	}
	if (gt[2] != 0 || gt[4] != 0 ||
		fabs(gt[1] - ri->scale_x) > 1e-9 * fabs(ri->scale_x) ||
		fabs(gt[5] - ri->scale_y) > 1e-9 * fabs(ri->scale_y))
		OutdbMismatch(path, band, what,
					  psprintf("The file's pixel is %.17g x %.17g (skew %g, %g); the tile's is %.17g x %.17g.",
							   gt[1], gt[5], gt[2], gt[4], ri->scale_x, ri->scale_y), NULL);
	fx = (ri->ip_x - gt[0]) / gt[1];
	fy = (ri->ip_y - gt[3]) / gt[5];
	if (fabs(fx - rint(fx)) > 1e-4 || fabs(fy - rint(fy)) > 1e-4)
		OutdbMismatch(path, band, what,
					  psprintf("The tile's corner (%.17g, %.17g) is not on the file's grid (origin %.17g, %.17g).",
							   ri->ip_x, ri->ip_y, gt[0], gt[3]), NULL);
	if (rint(fx) < 0 || rint(fy) < 0 || rint(fx) + ri->width > fw || rint(fy) + ri->height > fh)
		OutdbMismatch(path, band, what,
					  psprintf("The tile is the window of %d x %d pixels at column %.0f, row %.0f; the file has %d x %d pixels.",
							   ri->width, ri->height, rint(fx), rint(fy), fw, fh),
					  "The file changed after raster2pgsql -R loaded it, or the tiles were padded past its edge (raster2pgsql -P): load it again, without -P.");
	*x0 = (int) rint(fx);
	*y0 = (int) rint(fy);
}

/* Read the window into a palloc'd buffer, strip by strip. */
static uint8 *
OutdbRead(const RastInfo *ri, const RastBand *b, GDALRasterBandH hb, int x0, int y0,
		  int band, const char *what)
{
	Size		rowbytes = (Size) ri->width * b->pixbytes;
	uint8	   *buf = MemoryContextAllocHuge(CurrentMemoryContext, rowbytes * ri->height);
	int			step = Max(1, OUTDB_STRIP_PIXELS / ri->width);
	GDALDataType t = GDALGetRasterDataType(hb);
	int			r;

	for (r = 0; r < ri->height; r += step)
	{
		int			n = Min(step, ri->height - r);
		CPLErr		err;
		char	   *msg;

		CHECK_FOR_INTERRUPTS();
		CPLPushErrorHandler(CPLQuietErrorHandler);
		CPLErrorReset();
		err = GDALRasterIO(hb, GF_Read, x0, y0 + r, ri->width, n,
						   buf + rowbytes * r, ri->width, n, t, 0, 0);
		msg = err == CE_None ? NULL : OutdbGdalMessage();
		CPLPopErrorHandler();
		if (msg != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_IO_ERROR),
					 errmsg("could not read rows %d to %d of band %d of out-db file \"%s\" (band %d of %s)",
							y0 + r, y0 + r + n - 1, b->outdb_bandno + 1, b->outdb_path, band, what),
					 errdetail("%s", msg)));
	}
	return buf;
}

void
OutdbReadBand(const RastInfo *ri, RastBand *b, int band, const char *what)
{
	const char *drivers;
	OutdbEntry *e;
	GDALDatasetH ds;
	GDALRasterBandH hb;
	const char *drv;
	int			x0,
				y0;

	if (!OutdbEnabled())
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("access to out-db raster bands is disabled"),
				 errdetail("Band %d of %s is stored in file \"%s\" and postgis.enable_outdb_rasters is off.",
						   band, what, b->outdb_path),
				 errhint("A superuser can enable out-db bands, e.g. ALTER DATABASE ... SET postgis.enable_outdb_rasters = on, with the file's driver in postgis.gdal_enabled_drivers.")));
	drivers = OutdbDrivers();
	if (strstr(drivers, "DISABLE_ALL") != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot open out-db file \"%s\": all GDAL drivers are disabled", b->outdb_path),
				 errdetail("postgis.gdal_enabled_drivers is '%s'.", drivers),
				 errhint("A superuser can enable the file's driver, e.g. ALTER DATABASE ... SET postgis.gdal_enabled_drivers = 'GTiff'.")));
	if (strstr(drivers, "ENABLE_ALL") == NULL && strstr(b->outdb_path, "/vsicurl") != NULL &&
		strstr(drivers, "VSICURL") == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot open out-db file \"%s\": VSICURL is disabled", b->outdb_path),
				 errhint("A superuser can add VSICURL to postgis.gdal_enabled_drivers.")));
	OutdbInitGdal();
	e = OutdbCacheLookup(b->outdb_path);
	if (e == NULL)
	{
		ds = OutdbOpen(b->outdb_path, drivers, band, what);
		OutdbCacheAdd(b->outdb_path, ds);
	}
	else
		ds = e->ds;
	/* the switch may have changed since the dataset was opened */
	drv = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
	if (strstr(drivers, "ENABLE_ALL") == NULL && !OutdbDriverListed(drivers, drv))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("GDAL driver %s of out-db file \"%s\" is not enabled", drv, b->outdb_path),
				 errdetail("postgis.gdal_enabled_drivers is '%s'.", drivers),
				 errhint("A superuser can add %s to postgis.gdal_enabled_drivers.", drv)));
	OutdbWindow(ri, b, ds, band, what, &x0, &y0);
	hb = GDALGetRasterBand(ds, b->outdb_bandno + 1);
	if (!OutdbTypeMatches(hb, b->pixtype))
		OutdbMismatch(b->outdb_path, band, what,
					  psprintf("Band %d of the file has GDAL data type %s; the tile declares %s.",
							   b->outdb_bandno + 1, GDALGetDataTypeName(GDALGetRasterDataType(hb)),
							   RastPixtypeName(b->pixtype)), NULL);
	b->data = OutdbRead(ri, b, hb, x0, y0, band, what);
}
