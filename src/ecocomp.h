/*
 * ecocomp.h
 *	  Shared declarations of the ecocomp extension.
 */
#ifndef ECOCOMP_H
#define ECOCOMP_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "fmgr.h"
#include "utils/array.h"

#if PG_VERSION_NUM >= 160000
#define FUNCTION_PREFIX
#else
#define FUNCTION_PREFIX PGDLLEXPORT
#endif

/*
 * Argument checks shared by the SQL-callable functions.  Each raises an
 * ERROR with SQLSTATE 22023 (invalid_parameter_value) naming the argument.
 */
extern void EcoCheckFinite(double v, const char *what);
extern void EcoCheckNonNegative(double v, const char *what);
extern void EcoCheckPositive(double v, const char *what);

/*
 * A computed result: v itself when finite, else an ERROR with SQLSTATE
 * 22003 (numeric_value_out_of_range) naming what.  Every float8 the
 * extension returns from finite inputs passes through here (or is computed
 * in a form that cannot overflow), so no NaN or Infinity comes back.
 */
extern double EcoFinite(double v, const char *what);

/*
 * 0A000 when a transition, combine or final function of an aggregate is
 * called directly (outside an aggregate); fn names the function.  Returns
 * the aggregate memory context otherwise.
 */
extern MemoryContext EcoAggContext(FunctionCallInfo fcinfo, const char *fn);

/*
 * Aggregate states are float8[] (a real type with text and binary I/O).
 * EcoStateValues returns the elements of a, which must be a one-dimensional
 * float8[] without NULLs of minlen..maxlen elements (*len gets the count);
 * else 22000 "invalid <agg> state" with errdetail shape.  The caller then
 * checks the values with EcoStateCheck, which raises the same error with
 * detail when ok is false.
 */
/* the elements of a one-dimensional float8[] without NULLs */
static inline double *
EcoStateData(ArrayType *a)
{
	return (double *) ((char *) a + ARR_OVERHEAD_NONULLS(1));
}

extern double *EcoStateValues(ArrayType *a, const char *agg, int minlen, int maxlen,
							  const char *shape, int *len);
static inline void EcoStateCheck(bool ok, const char *agg, const char *detail);
extern void EcoStateInvalid(const char *agg, const char *detail) pg_attribute_noreturn();

static inline void
EcoStateCheck(bool ok, const char *agg, const char *detail)
{
	if (!ok)
		EcoStateInvalid(agg, detail);
}

/* A new float8[] of n elements, all v, in the current memory context. */
extern ArrayType *EcoStateNew(int n, double v);

/*
 * The prologue of a combine function (or of a transition function whose
 * input may be NULL): when argument 1 is NULL, the result is argument 0 as
 * it is (or NULL); then it returns true with *result set.
 */
extern bool EcoCombineWithNull(FunctionCallInfo fcinfo, Datum *result);

/* 22004 "<name> must not be NULL" when argument argno is NULL. */
extern void EcoRequireArg(FunctionCallInfo fcinfo, int argno, const char *name);

/*
 * values[i] for the i with codes[i] == code in codes[0..n-1] sorted
 * ascending (land-use code -> model index), or -1 when absent.
 */
extern int	EcoLookupCode(const int32 *codes, const int *values, int n, int32 code);

/*
 * JSON key of land-use areas ({"<code>": ha, ...}) that carries the nodata
 * area; it has no land-use class (ESV, GEP and the raster aggregates).
 */
#define LANDUSE_NODATA_KEY "nodata"

/*
 * The land-use code a JSON key names ("12"), or 22023 when the key is not a
 * decimal integer that fits in int32.
 */
extern int32 EcoLanduseCode(const char *key);

/*
 * The blessed descriptor of the row type a function returns, which must
 * have natts columns (0A000 otherwise, e.g. when called where no row type
 * is known).
 */
extern TupleDesc EcoResultDesc(FunctionCallInfo fcinfo, int natts);

/*
 * Reading the reference tables (inside SPI_connect): EcoSpiQuery runs a
 * read-only query with nargs (0..2) text parameters and returns
 * SPI_processed; EcoCheckClassification raises 42704 when classification
 * is not a row of <nsp>.landuse_classification.
 */
extern uint64 EcoSpiQuery(const char *sql, int nargs, const char *a1, const char *a2);
extern void EcoCheckClassification(const char *nsp, const char *classification);

/* Namespace of an installed extension (InvalidOid if not found). */
extern Oid	EcoExtensionSchema(Oid ext);

/* Quoted name of the schema the extension lives in (palloc'd). */
extern char *EcoSchemaName(void);

/*
 * Elements of a one-dimensional float8[] that must be finite, non-negative
 * and not NULL (22023 / 22004 naming what); *n gets the element count.
 */
extern double *EcoFloat8ArrayNonNegative(ArrayType *a, const char *what, int *n);

/*
 * A small per-query cache in fn_extra of models loaded from the reference
 * tables, keyed by two strings (e.g. classification and scheme): the tables
 * are read once per statement.  Get returns NULL when absent; Put keeps the
 * model (allocated in fn_mcxt) while there is room.
 */
extern void *EcoFnCacheGet(FunctionCallInfo fcinfo, const char *k1, const char *k2);
extern void EcoFnCachePut(FunctionCallInfo fcinfo, const char *k1, const char *k2, void *model);

#endif							/* ECOCOMP_H */
