/*
 * gep_params.c
 *	  The parameters of gep_account (the GEP paper): the catalogue the
 *	  formulas read (checked against gep_parameter), the model loaded from
 *	  the reference tables (land types, a parameter set, a classification),
 *	  the jsonb inputs (areas, overrides), and the resolver that picks each
 *	  value (override by land type, override, set row by land type, set row).
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "ecocomp.h"
#include "gep.h"

/*
 * The parameters the formulas read, in GepParamId order, with the rule every
 * value must meet.  Their units, symbols and descriptions are the rows of
 * gep_parameter, read with the model: that table must have a row for each
 * of these names and no other (22000 otherwise).
 */
const GepParamDef GepParams[GEP_NPARAMS] = {
	{"crop_yield", GC_NONNEG},
	{"crop_price", GC_NONNEG},
	{"precipitation", GC_NONNEG},
	{"runoff_coefficient", GC_FRACTION},
	{"evapotranspiration", GC_NONNEG},
	{"water_price", GC_NONNEG},
	{"rainfall_erosivity", GC_NONNEG},
	{"soil_erodibility", GC_NONNEG},
	{"slope_length_factor", GC_NONNEG},
	{"cover_factor", GC_FRACTION},
	{"practice_factor", GC_FRACTION},
	{"sediment_coefficient", GC_FRACTION},
	{"soil_bulk_density", GC_POSITIVE},
	{"dredging_cost", GC_NONNEG},
	{"soil_nitrogen", GC_NONNEG},
	{"soil_phosphorus", GC_NONNEG},
	{"nitrogen_fertilizer_coefficient", GC_NONNEG},
	{"phosphorus_fertilizer_coefficient", GC_NONNEG},
	{"nitrogen_fertilizer_price", GC_NONNEG},
	{"phosphorus_fertilizer_price", GC_NONNEG},
	{"so2_absorption", GC_NONNEG},
	{"nox_absorption", GC_NONNEG},
	{"dust_absorption", GC_NONNEG},
	{"so2_cost", GC_NONNEG},
	{"nox_cost", GC_NONNEG},
	{"dust_cost", GC_NONNEG},
	{"carbon_rate", GC_NONNEG},
	{"soil_carbon_coefficient", GC_NONNEG},
	{"carbon_price", GC_NONNEG},
	{"oxygen_price", GC_NONNEG},
	{"heat_absorbed", GC_NONNEG},
	{"ac_days", GC_NONNEG},
	{"eer", GC_POSITIVE},
	{"electricity_price", GC_NONNEG},
	{"landscape_factor", GC_NONNEG},
	{"equivalent_coefficient", GC_NONNEG},
	{"grain_price", GC_NONNEG},
	{"grain_yield", GC_NONNEG},
};

static int
GepParamByName(const char *name)
{
	int			i;

	for (i = 0; i < GEP_NPARAMS; i++)
		if (strcmp(GepParams[i].name, name) == 0)
			return i;
	return -1;
}

int
GepLandTypeIndex(const GepModel *m, const char *name)
{
	int			i;

	for (i = 0; i < m->nlt; i++)
		if (strcmp(m->lt[i], name) == 0)
			return i;
	return -1;
}

static char *
GepLandTypeList(const GepModel *m)
{
	StringInfoData s;
	int			i;

	initStringInfo(&s);
	for (i = 0; i < m->nlt; i++)
		appendStringInfo(&s, "%s%s", i ? ", " : "", m->lt[i]);
	return s.data;
}

/*
 * The catalogue: m->unit[p] of every parameter the formulas read, from
 * gep_parameter, which must name exactly those parameters.
 */
static void
GepCatalogueLoad(GepModel *m, const char *nsp, MemoryContext mcxt)
{
	uint64		n,
				i;
	int			p;

	n = EcoSpiQuery(psprintf("SELECT parameter, unit FROM %s.gep_parameter", nsp), 0, NULL, NULL);
	for (i = 0; i < n; i++)
	{
		char	   *name = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);

		p = GepParamByName(name);
		if (p < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("gep_parameter has a row \"%s\", which no GEP formula reads", name),
					 errhint("gep_parameter lists the parameters of the formulas of gep_account; delete the row from %s.gep_parameter.", nsp)));
		m->unit[p] = MemoryContextStrdup(mcxt, SPI_getvalue(SPI_tuptable->vals[i],
															SPI_tuptable->tupdesc, 2));
	}
	for (p = 0; p < GEP_NPARAMS; p++)
		if (m->unit[p] == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("GEP parameter \"%s\" is missing from gep_parameter", GepParams[p].name),
					 errhint("Restore its row in %s.gep_parameter (e.g. by reinstalling the extension).", nsp)));
}

/* the land types, in their order */
static void
GepLoadLandTypes(GepModel *m, const char *nsp, MemoryContext mcxt)
{
	uint64		n,
				i;

	n = EcoSpiQuery(psprintf("SELECT land_type, contributes FROM %s.gep_land_type"
							 " ORDER BY position, land_type", nsp), 0, NULL, NULL);
	m->nlt = (int) n;
	m->lt = MemoryContextAlloc(mcxt, sizeof(char *) * Max(n, 1));
	m->contributes = MemoryContextAlloc(mcxt, sizeof(bool) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		char	   *c = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

		m->lt[i] = MemoryContextStrdup(mcxt, SPI_getvalue(SPI_tuptable->vals[i],
														  SPI_tuptable->tupdesc, 1));
		m->contributes[i] = (c != NULL && c[0] == 't');
	}
}

/* the values of the parameter set, by parameter and land type */
static void
GepLoadValues(GepModel *m, const char *nsp, MemoryContext mcxt)
{
	const char *param_set = m->param_set;
	uint64		n,
				i;
	int			nslots;

	nslots = m->nlt + 1;
	m->value = MemoryContextAllocZero(mcxt, sizeof(double) * GEP_NPARAMS * nslots);
	m->has = MemoryContextAllocZero(mcxt, sizeof(bool) * GEP_NPARAMS * nslots);
	n = EcoSpiQuery(psprintf("SELECT parameter, land_type, value FROM %s.gep_param"
							 " WHERE param_set OPERATOR(pg_catalog.=) $1", nsp), 1, param_set, NULL);
	for (i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, desc, 1);
		char	   *ltname = SPI_getvalue(tup, desc, 2);
		bool		isnull;
		double		v = DatumGetFloat8(SPI_getbinval(tup, desc, 3, &isnull));
		int			p = GepParamByName(name);
		int			slot = m->nlt;

		if (p < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("GEP parameter set \"%s\" has a value of \"%s\", which is not a GEP parameter",
							param_set, name)));
		if (ltname != NULL)
		{
			slot = GepLandTypeIndex(m, ltname);
			if (slot < 0)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("GEP parameter set \"%s\" has a value of \"%s\" for land type \"%s\", which is not a GEP land type",
								param_set, name, ltname),
						 errhint("Land types are the rows of %s.gep_land_type.", nsp)));
		}
		m->value[p * nslots + slot] = v;
		m->has[p * nslots + slot] = true;
	}
}

/* land-use code -> land type, when the areas are keyed by code */
static void
GepLoadCodes(GepModel *m, const char *nsp, MemoryContext mcxt)
{
	const char *classification = m->classification;
	uint64		n,
				i;

	if (classification[0] != '\0')
	{
		n = EcoSpiQuery(psprintf("SELECT code, land_type FROM %s.gep_landuse_map"
								 " WHERE classification OPERATOR(pg_catalog.=) $1 ORDER BY code", nsp),
						1, classification, NULL);
		m->ncodes = (int) n;
		m->code = MemoryContextAlloc(mcxt, sizeof(int32) * Max(n, 1));
		m->lt_of_code = MemoryContextAlloc(mcxt, sizeof(int) * Max(n, 1));
		for (i = 0; i < n; i++)
		{
			bool		isnull;
			Datum		c = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
			char	   *ltname = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

			m->code[i] = DatumGetInt32(c);
			m->lt_of_code[i] = GepLandTypeIndex(m, ltname);
			if (m->lt_of_code[i] < 0)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("gep_landuse_map maps code %d of classification \"%s\" to \"%s\", which is not a GEP land type",
								m->code[i], classification, ltname ? ltname : "NULL"),
						 errhint("Land types are the rows of %s.gep_land_type.", nsp)));
		}
	}
}

static GepModel *
GepModelLoad(const char *param_set, const char *classification, MemoryContext mcxt)
{
	GepModel   *m = MemoryContextAllocZero(mcxt, sizeof(GepModel));
	char	   *nsp = EcoSchemaName();

	m->param_set = MemoryContextStrdup(mcxt, param_set);
	m->classification = MemoryContextStrdup(mcxt, classification);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	if (EcoSpiQuery(psprintf("SELECT 1 FROM %s.gep_param_set WHERE param_set OPERATOR(pg_catalog.=) $1", nsp),
					1, param_set, NULL) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("GEP parameter set \"%s\" does not exist", param_set),
				 errhint("Parameter sets are the rows of %s.gep_param_set.", nsp)));
	if (classification[0] != '\0')
		EcoCheckClassification(nsp, classification);

	GepCatalogueLoad(m, nsp, mcxt);

	GepLoadLandTypes(m, nsp, mcxt);
	GepLoadValues(m, nsp, mcxt);
	GepLoadCodes(m, nsp, mcxt);
	SPI_finish();
	return m;
}

GepModel *
GepModelGet(FunctionCallInfo fcinfo, const char *param_set, const char *classification)
{
	GepModel   *m = EcoFnCacheGet(fcinfo, param_set, classification);

	if (m == NULL)
	{
		m = GepModelLoad(param_set, classification, fcinfo->flinfo->fn_mcxt);
		EcoFnCachePut(fcinfo, param_set, classification, m);
	}
	return m;
}

static int
GepLandTypeOfCode(const GepModel *m, int32 code)
{
	return EcoLookupCode(m->code, m->lt_of_code, m->ncodes, code);
}

/* ------------------------------------------------------------------------
 * Input: areas and overrides
 * ------------------------------------------------------------------------
 */

static double
GepJsonNumber(JsonbValue *v, const char *what, const char *key)
{
	double		d;

	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" must be a number", what, key),
				 (v->type == jbvString) ?
				 errdetail("Got the string \"%.*s\".", Min(v->val.string.len, 40), v->val.string.val) :
				 errdetail("Got a JSON %s.", v->type == jbvNull ? "null" :
						   v->type == jbvBool ? "boolean" : "array or object")));
	if (numeric_is_nan(v->val.numeric) || numeric_is_inf(v->val.numeric))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" must be finite", what, key)));
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v->val.numeric)));
	if (isinf(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" is out of range", what, key)));
	return d;
}

/*
 * Areas by land type (hectares).  Keys are land types, or land-use codes of
 * m->classification; "nodata" is ignored; present[] marks the land types
 * named (directly or through a code) in the input.
 */
void
GepAreasFromJsonb(const GepModel *m, Jsonb *jb, double *area, bool *present)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	bool		bycode = (m->classification[0] != '\0');

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP areas must be a JSON object"),
				 errdetail("Expected {\"<land type>\": hectares, ...}, or {\"<land-use code>\": hectares, ...} with a classification.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		int			lt;
		double		a;

		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		a = GepJsonNumber(&v, "area of", key);
		if (a < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("area of \"%s\" must not be negative, got %g", key, a)));
		if (strcmp(key, LANDUSE_NODATA_KEY) == 0)
			continue;
		if (bycode)
		{
			int32		code = EcoLanduseCode(key);

			lt = GepLandTypeOfCode(m, code);
			if (lt < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("land-use code %d is not mapped to a GEP land type in classification \"%s\"",
								code, m->classification),
						 errdetail("The input has %g ha of code %d.", a, code),
						 errhint("Add a row to ecocomp.gep_landuse_map, or reclassify the code.")));
		}
		else
		{
			lt = GepLandTypeIndex(m, key);
			if (lt < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown GEP land type \"%s\"", key),
						 errdetail("Land types are: %s.", GepLandTypeList(m)),
						 errhint("For land-use codes, pass the classification (e.g. classification => 'cnlucc').")));
		}
		area[lt] += a;
		present[lt] = true;
	}
}

/* override values: ov[param * (nlt + 1) + slot], slot nlt = every land type */
void
GepOverridesFromJsonb(const GepModel *m, Jsonb *jb, double *ov, bool *has)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	int			nslots = m->nlt + 1;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP overrides must be a JSON object"),
				 errdetail("Expected {\"<parameter>\": value, \"<parameter>/<land type>\": value, ...}.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *slash;
		int			p,
					slot = m->nlt;
		double		d;

		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		d = GepJsonNumber(&v, "override", key);
		slash = strchr(key, '/');
		if (slash != NULL)
		{
			*slash = '\0';
			slot = GepLandTypeIndex(m, slash + 1);
			if (slot < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("override \"%s/%s\" names unknown GEP land type \"%s\"",
								key, slash + 1, slash + 1),
						 errdetail("Land types are: %s.", GepLandTypeList(m))));
		}
		p = GepParamByName(key);
		if (p < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("override names unknown GEP parameter \"%s\"", key),
					 errhint("Parameters are the rows of ecocomp.gep_parameter.")));
		ov[p * nslots + slot] = d;
		has[p * nslots + slot] = true;
	}
}

/* ------------------------------------------------------------------------
 * The resolver
 * ------------------------------------------------------------------------
 */

static void
GepCheckValue(const GepResolver *r, int p, int lt, double v, bool from_override)
{
	const char *name = GepParams[p].name;
	bool		bad = false;
	const char *rule = "";

	switch (GepParams[p].check)
	{
		case GC_NONNEG:
			bad = !(v >= 0);
			rule = "must not be negative";
			break;
		case GC_POSITIVE:
			bad = !(v > 0);
			rule = "must be positive";
			break;
		case GC_FRACTION:
			bad = !(v >= 0 && v <= 1);
			rule = "must be between 0 and 1";
			break;
	}
	if (!bad)
		return;
	if (from_override)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP parameter \"%s\" %s, got %g in the overrides", name, rule, v),
				 errdetail("Land type \"%s\".", r->m->lt[lt])));
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("GEP parameter \"%s\" %s, got %g in parameter set \"%s\"",
					name, rule, v, r->m->param_set),
			 errdetail("Land type \"%s\".", r->m->lt[lt])));
}

/*
 * The value of parameter p for land type lt: override "p/lt", override "p",
 * set row (p, lt), set row (p, every land type).  A missing value is
 * recorded (the account raises one error listing all) and returns 0.
 */
double
GepGet(GepResolver *r, int p, int lt)
{
	int			nslots = r->m->nlt + 1;
	int			all = r->m->nlt;
	double		v;

	Assert(p >= 0 && p < GEP_NPARAMS && lt >= 0 && lt < r->m->nlt);
	if (r->ovhas[p * nslots + lt])
	{
		v = r->ov[p * nslots + lt];
		GepCheckValue(r, p, lt, v, true);
		return v;
	}
	if (r->ovhas[p * nslots + all])
	{
		v = r->ov[p * nslots + all];
		GepCheckValue(r, p, lt, v, true);
		return v;
	}
	if (r->m->has[p * nslots + lt])
		v = r->m->value[p * nslots + lt];
	else if (r->m->has[p * nslots + all])
		v = r->m->value[p * nslots + all];
	else
	{
		if (r->nmissing == 0)
		{
			r->first_param = p;
			r->first_lt = lt;
		}
		appendStringInfo(&r->missing, "%s%s/%s", r->nmissing ? ", " : "",
						 GepParams[p].name, r->m->lt[lt]);
		r->nmissing++;
		return 0;
	}
	GepCheckValue(r, p, lt, v, false);
	return v;
}

