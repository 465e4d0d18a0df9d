/*
 * landuse_agg.c
 *	  The SQL-callable functions of the raster aggregates landuse_area,
 *	  landuse_transition and esv_value(raster, geometry, ...): transition,
 *	  combine and final functions.
 *
 *	  Each aggregate group holds one polygon: it is read (ST_AsBinary), checked
 *	  (ST_IsValid) and prepared once, on the group's first tile, and kept in
 *	  the expanded state; later tiles only check cheaply that the polygon is
 *	  the same one (same toast pointer, else same bytes).  Each tile is read
 *	  in place from its serialized form and swept row by row (landuse_tile.c).
 *
 *	  The state of a group is a hash map of the keys it holds (landuse_state.c,
 *	  its text and binary I/O in landuse_state_io.c).
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/detoast.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "ecocomp.h"
#include "esv.h"
#include "landuse_state.h"
#include "raster_reader.h"

/* optional trailing arguments: aggregates cannot have defaults, so the
 * shorter overloads share these C functions */
static bool
LuHasArg(FunctionCallInfo fcinfo, int argno)
{
	return PG_NARGS() > argno;
}

static int32
LuBandArg(FunctionCallInfo fcinfo, int argno)
{
	if (!LuHasArg(fcinfo, argno))
		return 1;
	EcoRequireArg(fcinfo, argno, "band");
	return PG_GETARG_INT32(argno);
}


static int
LuModeArg(FunctionCallInfo fcinfo, int argno)
{
	if (!LuHasArg(fcinfo, argno))
		return COVERAGE_EXACT;
	EcoRequireArg(fcinfo, argno, "coverage");
	return CoverageParseMode(PG_GETARG_TEXT_PP(argno));
}

static char *
LuTextArg(FunctionCallInfo fcinfo, int argno, const char *name, const char *dflt)
{
	if (!LuHasArg(fcinfo, argno))
		return pstrdup(dflt);
	EcoRequireArg(fcinfo, argno, name);
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

/* the group's state: new, or checked to have the same parameters */
static LuState *
LuBegin(LuState *st, MemoryContext aggcxt, int kind, int mode, int32 band)
{
	if (st == NULL)
		return LuStateNew(aggcxt, kind, mode, band);
	if (st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("land-use state of kind \"%s\" passed to an aggregate of kind \"%s\"",
						LuKindNames[st->kind], LuKindNames[kind])));
	if (st->mode != mode)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("coverage mode changed from \"%s\" to \"%s\" within a group",
						LuModeName(st->mode), LuModeName(mode))));
	if (st->band != band)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("band changed from %d to %d within a group", st->band, band)));
	return st;
}

static void
LuTwoPolygons(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("a group of the land-use aggregate has more than one polygon"),
			 errhint("Group by the polygon (e.g. its id), one polygon per group.")));
}

/*
 * Prepare the group's polygon on its first row; on later rows only check
 * that the polygon is the same.
 */
static void
LuPrepareGeom(LuState *st, Datum gd)
{
	struct varlena *gv = (struct varlena *) DatumGetPointer(gd);
	struct varlena *det;
	bool		ondisk = VARATT_IS_EXTERNAL_ONDISK(gv);
	struct varatt_external ve;
	const char *data;
	Size		len;
	int32		srid;
	uint64		h;

	if (ondisk)
		VARATT_EXTERNAL_GET_POINTER(ve, gv);
	if (st->prepared)
	{
		if (ondisk && st->have_toast &&
			ve.va_valueid == st->toast_valueid && ve.va_toastrelid == st->toast_relid)
			return;
		det = pg_detoast_datum_packed(gv);
		if (VARSIZE_ANY_EXHDR(det) != st->geom_len ||
			memcmp(VARDATA_ANY(det), st->geom_bytes, st->geom_len) != 0)
			LuTwoPolygons();
		if (det != gv)
			pfree(det);
		return;
	}

	det = pg_detoast_datum_packed(gv);
	data = VARDATA_ANY(det);
	len = VARSIZE_ANY_EXHDR(det);
	h = hash_bytes_extended((const unsigned char *) data, (int) len, 0);
	GeomReadPolygon(PointerGetDatum(det), &st->poly, &srid, st->hdr.eoh_context);
	if ((st->flags & LU_FLAG_HAS_GEOM) && (st->geom_hash != h || st->srid != srid))
		LuTwoPolygons();
	SridLookup(srid, &st->sinfo);
	st->geom_bytes = MemoryContextAlloc(st->hdr.eoh_context, Max(len, 1));
	memcpy(st->geom_bytes, data, len);
	st->geom_len = len;
	if (ondisk)
	{
		st->have_toast = true;
		st->toast_valueid = ve.va_valueid;
		st->toast_relid = ve.va_toastrelid;
	}
	st->geom_hash = h;
	st->srid = srid;
	st->flags = (st->flags & ~(LU_FLAG_HAS_GEOM | LU_FLAG_GEOGRAPHIC)) |
		LU_FLAG_HAS_GEOM | (st->sinfo.geographic ? LU_FLAG_GEOGRAPHIC : 0);
	st->prepared = true;
	if (det != gv)
		pfree(det);
}

/* read a tile; false when it is empty (0 bands or 0 x 0: contributes nothing) */
static bool
LuReadRaster(Datum d, RastInfo *ri, const LuState *st, const char *what)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(d);

	RastParse(v, ri);
	if (ri->nbands == 0 || ri->width == 0 || ri->height == 0)
		return false;
	RastCheckGrid(ri, what);
	if (ri->srid != st->srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID of %s (%d) differs from the SRID of the polygon (%d)", what,
						ri->srid, st->srid),
				 errhint("Transform the polygon with ST_Transform(geom, ST_SRID(rast)).")));
	return true;
}

/*
 * The state argument of a transition or combine function, to update in
 * place: only inside an aggregate (called directly, 0A000 from
 * EcoAggContext).
 */
static LuState *
LuStateArg(FunctionCallInfo fcinfo, MemoryContext *aggcxt, const char *fname)
{
	*aggcxt = EcoAggContext(fcinfo, fname);
	if (PG_ARGISNULL(0))
		return NULL;
	return LuStateWritable(PG_GETARG_DATUM(0), *aggcxt);
}

/* the state as the function's result (SQL NULL when there is none) */
static inline Datum
LuStateResult(FunctionCallInfo fcinfo, LuState *st)
{
	if (st == NULL)
		PG_RETURN_NULL();
	return EOHPGetRWDatum(&st->hdr);
}

/*
 * Add one tile of a single-raster aggregate (landuse_area, esv_value) to
 * the group's state: the polygon is prepared on the group's first tile only.
 */
static void
LuAddTile(FunctionCallInfo fcinfo, LuState *st, Datum rast, Datum geom)
{
	RastInfo	ri;
	const RastBand *b;

	LuPrepareGeom(st, geom);
	if (!LuReadRaster(rast, &ri, st, "rast"))
		return;
	b = RastGetLanduseBand(&ri, st->band, "rast");
	LuCheckTileGrid(st, &ri);
	LuAccumulate(st, &ri, b, NULL, b->pixbytes <= 2 ? LuDenseGet(fcinfo) : NULL);
}

/*
 * landuse_area_transfn(state, rast, geom, band, coverage)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_area_transfn);
Datum
landuse_area_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "landuse_area_transfn");

	if (PG_ARGISNULL(1))
		return LuStateResult(fcinfo, st);	/* no tile: nothing to add */
	EcoRequireArg(fcinfo, 2, "geom");
	st = LuBegin(st, aggcxt, LU_KIND_AREA, LuModeArg(fcinfo, 4), LuBandArg(fcinfo, 3));
	LuAddTile(fcinfo, st, PG_GETARG_DATUM(1), PG_GETARG_DATUM(2));
	return LuStateResult(fcinfo, st);
}

/* one tile of a transition pair is empty (no band, or no pixels): 22023 */
static void
LuOneEmpty(const char *name, const RastInfo *e, const char *other, const RastInfo *o, int32 band)
{
	if (e->nbands < band)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has no band %d", name, band),
				 errdetail("%s has %d bands; %s has %d.", name, e->nbands, other, o->nbands),
				 errhint("Both tiles of a pair need the land-use band.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s has no pixels", name),
			 errdetail("%s is %d x %d pixels; %s is %d x %d.", name, e->width, e->height,
					   other, o->width, o->height),
			 errhint("Both tiles of a pair must cover the same cells.")));
}

/*
 * landuse_transition_transfn(state, rast_from, rast_to, geom, band, coverage)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_transition_transfn);
Datum
landuse_transition_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "landuse_transition_transfn");
	RastInfo	r1,
				r2;
	bool		ne1,
				ne2;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2))
		return LuStateResult(fcinfo, st);
	EcoRequireArg(fcinfo, 1, "rast_from");
	EcoRequireArg(fcinfo, 2, "rast_to");
	EcoRequireArg(fcinfo, 3, "geom");
	st = LuBegin(st, aggcxt, LU_KIND_TRANSITION, LuModeArg(fcinfo, 5), LuBandArg(fcinfo, 4));
	LuPrepareGeom(st, PG_GETARG_DATUM(3));
	ne1 = LuReadRaster(PG_GETARG_DATUM(1), &r1, st, "rast_from");
	ne2 = LuReadRaster(PG_GETARG_DATUM(2), &r2, st, "rast_to");
	if (ne1 != ne2)
		LuOneEmpty(ne1 ? "rast_to" : "rast_from", ne1 ? &r2 : &r1,
				   ne1 ? "rast_from" : "rast_to", ne1 ? &r1 : &r2, st->band);
	if (r1.width != r2.width || r1.height != r2.height ||
		r1.scale_x != r2.scale_x || r1.scale_y != r2.scale_y ||
		r1.ip_x != r2.ip_x || r1.ip_y != r2.ip_y ||
		r1.skew_x != r2.skew_x || r1.skew_y != r2.skew_y || r1.srid != r2.srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rast_from and rast_to are not aligned"),
				 errdetail("rast_from is %dx%d at (%.17g, %.17g) with pixel %.17g x %.17g; rast_to is %dx%d at (%.17g, %.17g) with pixel %.17g x %.17g.",
						   r1.width, r1.height, r1.ip_x, r1.ip_y, r1.scale_x, r1.scale_y,
						   r2.width, r2.height, r2.ip_x, r2.ip_y, r2.scale_x, r2.scale_y),
				 errhint("Pair the tiles of the two years that cover the same cells, e.g. JOIN ... ON ST_UpperLeftX/Y equal; both years must be on the same grid.")));
	if (ne1)
	{
		const RastBand *b1 = RastGetLanduseBand(&r1, st->band, "rast_from");
		const RastBand *b2 = RastGetLanduseBand(&r2, st->band, "rast_to");

		LuCheckTileGrid(st, &r1);
		LuAccumulate(st, &r1, b1, b2, NULL);
	}
	return LuStateResult(fcinfo, st);
}

/*
 * The adjustment factors of a row (argument argno, jsonb, when the overload
 * has it; else all 1), in the order of the state's adj: npp, precipitation,
 * soil.
 */
static void
LuAdjustArg(FunctionCallInfo fcinfo, int argno, double *adj)
{
	EsvAdjust	a;

	StaticAssertStmt(ESV_ADJ_NKINDS == LU_NADJ && ESV_ADJ_NPP == 0 &&
					 ESV_ADJ_PRECIPITATION == 1 && ESV_ADJ_SOIL == 2,
					 "the state's factors are in EsvAdjustKind order");
	if (!LuHasArg(fcinfo, argno))
	{
		for (int i = 0; i < LU_NADJ; i++)
			adj[i] = 1.0;
		return;
	}
	EcoRequireArg(fcinfo, argno, "adjustment");
	EsvAdjustFromJsonb(PG_GETARG_JSONB_P(argno), &a);
	memcpy(adj, a.factor, sizeof(double) * LU_NADJ);
}

/*
 * esv_value_transfn(state, rast, geom, ea, classification, scheme, band,
 *					 adjustment)
 *	  exact coverage; ea, classification, scheme and the adjustment factors
 *	  travel in the state.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_value_transfn);
Datum
esv_value_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "esv_value_transfn");
	double		ea;
	double		adj[LU_NADJ];
	char	   *cls,
			   *sch;

	if (PG_ARGISNULL(1))
		return LuStateResult(fcinfo, st);
	EcoRequireArg(fcinfo, 2, "geom");
	EcoRequireArg(fcinfo, 3, "ea");
	ea = PG_GETARG_FLOAT8(3);
	EsvCheckEa(ea);
	cls = LuTextArg(fcinfo, 4, "classification", "cnlucc");
	sch = LuTextArg(fcinfo, 5, "scheme", "xie2015");
	LuAdjustArg(fcinfo, 7, adj);
	st = LuBegin(st, aggcxt, LU_KIND_ESV, COVERAGE_EXACT, LuBandArg(fcinfo, 6));
	if (st->classification == NULL)
	{
		st->ea = ea;
		st->classification = MemoryContextStrdup(st->hdr.eoh_context, cls);
		st->scheme = MemoryContextStrdup(st->hdr.eoh_context, sch);
		LuSetAdjust(st, adj);
	}
	else if (st->ea != ea || strcmp(st->classification, cls) != 0 || strcmp(st->scheme, sch) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ea, classification and scheme must be the same in every row of a group")));
	else
		LuSameAdjust(st, adj);
	LuAddTile(fcinfo, st, PG_GETARG_DATUM(1), PG_GETARG_DATUM(2));
	return LuStateResult(fcinfo, st);
}

/*
 * landuse_state_combine(a, b): merge two partial states (parallel
 * aggregation); NULL states are allowed, different modes are an error.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_state_combine);
Datum
landuse_state_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	LuState    *st = LuStateArg(fcinfo, &aggcxt, "landuse_state_combine");
	LuState    *src;

	if (PG_ARGISNULL(1))
		return LuStateResult(fcinfo, st);
	src = LuStateRead(PG_GETARG_DATUM(1));
	if (st == NULL)
		st = LuStateNew(aggcxt, src->kind, src->mode, src->band);
	LuMergeInto(st, src);
	return LuStateResult(fcinfo, st);
}

static JsonbValue *
LuPushKey(JsonbParseState **ps, int64 k)
{
	JsonbValue	v;
	char	   *s = (k == LU_NODATA) ? pstrdup(LANDUSE_NODATA_KEY) : psprintf(INT64_FORMAT, k);

	v.type = jbvString;
	v.val.string.val = s;
	v.val.string.len = strlen(s);
	return pushJsonbValue(ps, WJB_KEY, &v);
}

static JsonbValue *
LuPushHa(JsonbParseState **ps, double m2)
{
	JsonbValue	v;

	/* states hold finite areas (LuAdd); a jsonb never gets Infinity */
	if (!isfinite(m2 / 1e4))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("land-use area out of range")));
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(m2 / 1e4)));
	return pushJsonbValue(ps, WJB_VALUE, &v);
}

/* the final function fname reads states of kind kind (or kind2) only */
static void
LuCheckKind(const LuState *st, int kind, int kind2, const char *fname)
{
	if (st->kind != kind && st->kind != kind2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s needs a land-use state of kind \"%s\", not \"%s\"",
						fname, LuKindNames[kind], LuKindNames[st->kind])));
}

/* landuse_area_final(state) -> {"<code>": ha, ..., "nodata": ha} */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_area_final);
Datum
landuse_area_final(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	int			n;
	LuEntry    *e = LuSortedEntries(st, &n);
	JsonbParseState *ps = NULL;
	JsonbValue *res;
	bool		nodata_seen = false;
	int			i;

	LuCheckKind(st, LU_KIND_AREA, LU_KIND_ESV, "landuse_area_final");
	pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
	for (i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		LuPushKey(&ps, e[i].a);
		LuPushHa(&ps, e[i].area);
		if (e[i].a == LU_NODATA)
			nodata_seen = true;
	}
	if (!nodata_seen)
	{
		LuPushKey(&ps, LU_NODATA);
		LuPushHa(&ps, 0);
	}
	res = pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* landuse_transition_final(state) -> {"<from>": {"<to>": ha, ...}, ...} */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_transition_final);
Datum
landuse_transition_final(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	int			n;
	LuEntry    *e = LuSortedEntries(st, &n);
	JsonbParseState *ps = NULL;
	JsonbValue *res;
	int			i;

	LuCheckKind(st, LU_KIND_TRANSITION, LU_KIND_TRANSITION, "landuse_transition_final");
	pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
	for (i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i == 0 || e[i].a != e[i - 1].a)
		{
			if (i > 0)
				pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
			LuPushKey(&ps, e[i].a);
			pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
		}
		LuPushKey(&ps, e[i].b);
		LuPushHa(&ps, e[i].area);
	}
	if (n > 0)
		pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
	res = pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* every figure of an ESV summary finite, else 22003 */
static void
LuCheckSummary(const EsvSummary *s)
{
	bool		ok = isfinite(s->total) && isfinite(s->nonmarket);
	int			g;

	for (g = 0; g < ESV_NGROUPS; g++)
		ok = ok && isfinite(s->group[g]);
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("ecosystem service value out of range"),
				 errdetail("The ESV of the land-use areas at this E_a exceeds the range of float8 (yuan/a).")));
}

/* esv_value_final(state) -> esv_summary, through the shared ESV core (the
 * model adjusted by the state's factors, as esv_value(jsonb, ...) does) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_value_final);
Datum
esv_value_final(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	int			n;
	LuEntry    *e = LuSortedEntries(st, &n);
	LanduseAreas areas;
	EsvModel   *m;
	EsvSummary	s;
	int			i;

	if (st->kind != LU_KIND_ESV || st->classification == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("esv_value_final needs a land-use state of kind \"esv\", not \"%s\"",
						LuKindNames[st->kind])));
	areas.n = 0;
	areas.code = palloc(sizeof(int32) * Max(n, 1));
	areas.area_ha = palloc(sizeof(double) * Max(n, 1));
	areas.nodata_ha = 0;
	for (i = 0; i < n; i++)
	{
		if (e[i].a == LU_NODATA)
		{
			areas.nodata_ha += e[i].area / 1e4;
			continue;
		}
		if (e[i].a > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("land-use code " INT64_FORMAT " is not mapped in classification \"%s\" for ESV scheme \"%s\"",
							e[i].a, st->classification, st->scheme)));
		areas.code[areas.n] = (int32) e[i].a;
		areas.area_ha[areas.n] = e[i].area / 1e4;
		areas.n++;
	}
	m = EsvModelGet(fcinfo, cstring_to_text(st->classification), cstring_to_text(st->scheme));
	if (st->flags & LU_FLAG_HAS_ADJ)
	{
		EsvAdjust	adj;

		memcpy(adj.factor, st->adj, sizeof(adj.factor));
		m = EsvModelAdjusted(m, &adj);
	}
	EsvCompute(m, &areas, st->ea, &s);
	LuCheckSummary(&s);
	PG_RETURN_DATUM(EsvSummaryToDatum(fcinfo, &s));
}
