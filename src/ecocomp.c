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
#include "commands/extension.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"

#include "ecocomp.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "ecocomp", .version = "0.1.0");
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
static Oid
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
