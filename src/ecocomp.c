/*
 * ecocomp.c
 *	  Module magic and small helpers shared by every part of ecocomp.
 */
#include "postgres.h"

#include <math.h>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"

#include "ecocomp.h"

/* the version is the Makefile's EXTVERSION, read from ecocomp.control */
#ifndef ECOCOMP_VERSION
#error "ECOCOMP_VERSION is defined by the Makefile (-DECOCOMP_VERSION)"
#endif

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "ecocomp", .version = ECOCOMP_VERSION);
#else
PG_MODULE_MAGIC;
#endif

void
EcoCheckFinite(double v, const char *what)
{
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not %g", what, v)));
}

double
EcoFinite(double v, const char *what)
{
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for type double precision", what),
				 errdetail("The inputs are finite but the result would be %s.",
						   isnan(v) ? "undefined (NaN)" : (v > 0 ? "Infinity" : "-Infinity"))));
	return v;
}

MemoryContext
EcoAggContext(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s can only be called as part of an aggregate", fn),
				 errhint("It is a support function of an ecocomp aggregate; call the aggregate instead.")));
	return aggcxt;
}

double *
EcoStateValues(ArrayType *a, const char *agg, int minlen, int maxlen,
			   const char *shape, int *len)
{
	int			n;

	Assert(minlen >= 0 && minlen <= maxlen);
	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		EcoStateInvalid(agg, shape);
	n = ARR_DIMS(a)[0];
	if (n < minlen || n > maxlen)
		EcoStateInvalid(agg, shape);
	if (len != NULL)
		*len = n;
	return EcoStateData(a);
}

void
EcoStateInvalid(const char *agg, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("invalid %s state", agg),
			 detail ? errdetail("%s", detail) : 0));
	pg_unreachable();
}

ArrayType *
EcoStateNew(int n, double v)
{
	Datum	   *d = palloc(sizeof(Datum) * n);
	int			i;

	for (i = 0; i < n; i++)
		d[i] = Float8GetDatum(v);
	return construct_array(d, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

uint64
EcoSpiQuery(const char *sql, int nargs, const char *a1, const char *a2)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2] = {0, 0};
	int			ret;

	Assert(nargs >= 0 && nargs <= 2);
	if (nargs > 0)
		values[0] = CStringGetTextDatum(a1);
	if (nargs > 1)
		values[1] = CStringGetTextDatum(a2);
	ret = SPI_execute_with_args(sql, nargs, types, values, NULL, true, 0);
	if (ret != SPI_OK_SELECT)	/* cannot happen for a SELECT */
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(ret));
	return SPI_processed;
}

void
EcoCheckClassification(const char *nsp, const char *classification)
{
	if (EcoSpiQuery(psprintf("SELECT 1 FROM %s.landuse_classification WHERE classification OPERATOR(pg_catalog.=) $1", nsp),
					1, classification, NULL) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("land-use classification \"%s\" does not exist", classification),
				 errhint("Classifications are the rows of %s.landuse_classification.", nsp)));
}

TupleDesc
EcoResultDesc(FunctionCallInfo fcinfo, int natts)
{
	TupleDesc	desc;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != natts)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning a row of %d columns called in a context that cannot accept it", natts)));
	return BlessTupleDesc(desc);
}

bool
EcoCombineWithNull(FunctionCallInfo fcinfo, Datum *result)
{
	if (!PG_ARGISNULL(1))
		return false;
	fcinfo->isnull = PG_ARGISNULL(0);
	*result = PG_ARGISNULL(0) ? (Datum) 0 : PG_GETARG_DATUM(0);
	return true;
}

void
EcoCheckNonNegative(double v, const char *what)
{
	EcoCheckFinite(v, what);
	if (v < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative, got %g", what, v)));
}

void
EcoCheckPositive(double v, const char *what)
{
	EcoCheckFinite(v, what);
	if (v <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be positive, got %g", what, v)));
}

/* pg_extension.extnamespace of ext (get_extension_schema is static before PG 16) */
Oid
EcoExtensionSchema(Oid ext)
{
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	Oid			nsp = InvalidOid;

	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(ext));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
		nsp = ((Form_pg_extension) GETSTRUCT(tup))->extnamespace;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return nsp;
}

void
EcoRequireArg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", name)));
}

char *
EcoSchemaName(void)
{
	Oid			ext = get_extension_oid("ecocomp", true);
	Oid			nsp;
	char	   *name;

	if (!OidIsValid(ext))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("extension \"ecocomp\" is not installed in this database")));
	nsp = EcoExtensionSchema(ext);
	name = get_namespace_name(nsp);
	if (name == NULL)
		elog(ERROR, "schema of extension ecocomp not found");
	return pstrdup(quote_identifier(name));
}

double *
EcoFloat8ArrayNonNegative(ArrayType *a, const char *what, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	int			i;
	double	   *out;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional array", what)));
	deconstruct_array(a, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, n);
	out = palloc(sizeof(double) * Max(*n, 1));
	for (i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain NULL (element %d)", what, i + 1)));
		out[i] = DatumGetFloat8(elems[i]);
		EcoCheckNonNegative(out[i], what);
	}
	return out;
}

#define ECO_FN_CACHE_SIZE 8

typedef struct EcoFnCache
{
	int			n;
	char	   *k1[ECO_FN_CACHE_SIZE];
	char	   *k2[ECO_FN_CACHE_SIZE];
	void	   *model[ECO_FN_CACHE_SIZE];
} EcoFnCache;

void *
EcoFnCacheGet(FunctionCallInfo fcinfo, const char *k1, const char *k2)
{
	EcoFnCache *cache = (EcoFnCache *) fcinfo->flinfo->fn_extra;
	int			i;

	if (cache == NULL)
		return NULL;
	for (i = 0; i < cache->n; i++)
		if (strcmp(cache->k1[i], k1) == 0 && strcmp(cache->k2[i], k2) == 0)
			return cache->model[i];
	return NULL;
}

void
EcoFnCachePut(FunctionCallInfo fcinfo, const char *k1, const char *k2, void *model)
{
	EcoFnCache *cache = (EcoFnCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(EcoFnCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	if (cache->n >= ECO_FN_CACHE_SIZE)
		return;
	cache->k1[cache->n] = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt, k1);
	cache->k2[cache->n] = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt, k2);
	cache->model[cache->n] = model;
	cache->n++;
}

static int
EcoInt32Cmp(const void *a, const void *b)
{
	int32		x = *(const int32 *) a,
				y = *(const int32 *) b;

	return (x > y) - (x < y);
}

int
EcoLookupCode(const int32 *codes, const int *values, int n, int32 code)
{
	const int32 *hit;

	hit = bsearch(&code, codes, n, sizeof(int32), EcoInt32Cmp);
	return hit ? values[hit - codes] : -1;
}

int32
EcoLanduseCode(const char *key)
{
	char	   *end;
	long		code;

	errno = 0;
	code = strtol(key, &end, 10);
	if (key[0] == '\0' || *end != '\0' || errno != 0 ||
		code < PG_INT32_MIN || code > PG_INT32_MAX ||
		!(key[0] == '-' || (key[0] >= '0' && key[0] <= '9')))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("land-use key \"%s\" is not an integer code", key),
				 errhint("Keys are land-use codes such as \"12\", or \"nodata\".")));
	return (int32) code;
}
