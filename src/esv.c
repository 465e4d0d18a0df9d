/*
 * esv.c
 *	  Ecosystem service value by the equivalent-factor method (the ESV paper (Wang et al., in press)):
 *
 *		VC_i = sum_s EC_{i,s} * E_a			(yuan/hm2/a, ecosystem type i)
 *		ESV  = sum_i A_i * VC_i				(yuan/a, A_i in hm2)
 *
 *	  The factors EC and the land-use code -> ecosystem mapping are rows of
 *	  the reference tables; EsvModelGet() loads them once per query.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "ecocomp.h"
#include "esv.h"

const char *const EsvGroupNames[ESV_NGROUPS] = {
	"provisioning", "regulating", "supporting", "cultural"
};

static EsvGroup
EsvGroupFromName(const char *name, const char *scheme, const char *service)
{
	int			g;

	for (g = 0; g < ESV_NGROUPS; g++)
		if (strcmp(name, EsvGroupNames[g]) == 0)
			return (EsvGroup) g;
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("service \"%s\" of ESV scheme \"%s\" has unknown group \"%s\"",
					service, scheme, name)));
	return ESV_PROVISIONING;	/* keep compiler quiet */
}

static char *
EsvGetText(HeapTuple tup, TupleDesc desc, int col, MemoryContext mcxt)
{
	char	   *v = SPI_getvalue(tup, desc, col);

	if (v == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("an ESV reference table has NULL in column \"%s\"",
						SPI_fname(desc, col))));
	return MemoryContextStrdup(mcxt, v);
}

static int
EsvFindName(char **names, int n, const char *name)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/*
 * Load the model of (classification, scheme) into mcxt.
 */
/* the services, in the scheme's column order */
static void
EsvLoadServices(EsvModel *m, const char *nsp, MemoryContext mcxt)
{
	const char *scheme = m->scheme;
	uint64		n,
				i;
	n = EcoSpiQuery(psprintf("SELECT service, service_group, market FROM %s.esv_service"
							 " WHERE scheme OPERATOR(pg_catalog.=) $1 ORDER BY position, service", nsp),
					1, scheme, NULL);
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("ESV scheme \"%s\" has no services", scheme)));
	m->nservices = (int) n;
	m->service = MemoryContextAlloc(mcxt, sizeof(char *) * n);
	m->group = MemoryContextAlloc(mcxt, sizeof(EsvGroup) * n);
	m->market = MemoryContextAlloc(mcxt, sizeof(bool) * n);
	for (i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *grp = SPI_getvalue(tup, desc, 2);
		char	   *mk = SPI_getvalue(tup, desc, 3);

		m->service[i] = EsvGetText(tup, desc, 1, mcxt);
		m->group[i] = EsvGroupFromName(grp, scheme, m->service[i]);
		m->market[i] = (mk[0] == 't');
	}
}

/* the ecosystem types of the scheme */
static void
EsvLoadEcosystems(EsvModel *m, const char *nsp, MemoryContext mcxt)
{
	const char *scheme = m->scheme;
	uint64		n,
				i;
	n = EcoSpiQuery(psprintf("SELECT ecosystem, level1 FROM %s.esv_ecosystem"
							 " WHERE scheme OPERATOR(pg_catalog.=) $1 ORDER BY position, ecosystem", nsp),
					1, scheme, NULL);
	m->necosystems = (int) n;
	m->ecosystem = MemoryContextAlloc(mcxt, sizeof(char *) * Max(n, 1));
	m->level1 = MemoryContextAlloc(mcxt, sizeof(char *) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		m->ecosystem[i] = EsvGetText(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, mcxt);
		m->level1[i] = EsvGetText(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, mcxt);
	}
}

/* the factor matrix, which must be complete */
static void
EsvLoadFactors(EsvModel *m, const char *nsp, MemoryContext mcxt)
{
	const char *scheme = m->scheme;
	uint64		n,
				i;
	bool	   *seen;
	int			e,
				s;
	m->factor = MemoryContextAllocZero(mcxt, sizeof(double) * Max(m->necosystems, 1) * m->nservices);
	seen = palloc0(sizeof(bool) * Max(m->necosystems, 1) * m->nservices);
	n = EcoSpiQuery(psprintf("SELECT ecosystem, service, factor FROM %s.esv_factor"
							 " WHERE scheme OPERATOR(pg_catalog.=) $1", nsp),
					1, scheme, NULL);
	for (i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *eco = SPI_getvalue(tup, desc, 1);
		char	   *svc = SPI_getvalue(tup, desc, 2);
		bool		isnull;
		Datum		f = SPI_getbinval(tup, desc, 3, &isnull);

		e = EsvFindName(m->ecosystem, m->necosystems, eco);
		s = EsvFindName(m->service, m->nservices, svc);
		if (e < 0 || s < 0 || isnull)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("esv_factor row (%s, %s) of ESV scheme \"%s\" names %s",
							eco ? eco : "NULL", svc ? svc : "NULL", scheme,
							isnull ? "no factor" : e < 0 ? "an ecosystem the scheme does not have" :
							"a service the scheme does not have"),
					 errhint("Ecosystems and services are the rows of %s.esv_ecosystem and %s.esv_service.", nsp, nsp)));
		m->factor[e * m->nservices + s] = DatumGetFloat8(f);
		seen[e * m->nservices + s] = true;
	}
	for (e = 0; e < m->necosystems; e++)
		for (s = 0; s < m->nservices; s++)
			if (!seen[e * m->nservices + s])
				ereport(ERROR,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("ESV scheme \"%s\" has no factor for ecosystem \"%s\" and service \"%s\"",
								scheme, m->ecosystem[e], m->service[s]),
						 errhint("Add the row to %s.esv_factor (0 if the service is absent).", nsp)));
}

/* land-use code -> ecosystem */
static void
EsvLoadCodes(EsvModel *m, const char *nsp, MemoryContext mcxt)
{
	const char *scheme = m->scheme;
	const char *classification = m->classification;
	uint64		n,
				i;
	n = EcoSpiQuery(psprintf("SELECT code, ecosystem FROM %s.landuse_map"
							 " WHERE classification OPERATOR(pg_catalog.=) $1 AND scheme OPERATOR(pg_catalog.=) $2 ORDER BY code", nsp),
					2, classification, scheme);
	m->ncodes = (int) n;
	m->code = MemoryContextAlloc(mcxt, sizeof(int32) * Max(n, 1));
	m->eco_of_code = MemoryContextAlloc(mcxt, sizeof(int) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		bool		isnull;
		Datum		c = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		char	   *eco = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

		m->code[i] = DatumGetInt32(c);
		m->eco_of_code[i] = EsvFindName(m->ecosystem, m->necosystems, eco);
		if (m->eco_of_code[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("landuse_map maps code %d of classification \"%s\" to ecosystem \"%s\", which ESV scheme \"%s\" does not have",
							m->code[i], classification, eco ? eco : "NULL", scheme),
					 errhint("Ecosystems are the rows of %s.esv_ecosystem.", nsp)));
	}
}

char *
EsvUnmappedHint(const char *classification, const char *scheme, int64 code)
{
	char	   *nsp = EcoSchemaName();
	StringInfoData names;
	uint64		n,
				i;

	initStringInfo(&names);		/* in the caller's context, SPI or not */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	n = EcoSpiQuery(psprintf("SELECT classification FROM %s.landuse_map WHERE code OPERATOR(pg_catalog.=) " INT64_FORMAT
							 " AND scheme OPERATOR(pg_catalog.=) $1 AND classification OPERATOR(pg_catalog.<>) $2 ORDER BY 1",
							 nsp, code),
					2, scheme, classification);
	for (i = 0; i < n && i < 4; i++)
		appendStringInfo(&names, "%s'%s'", i > 0 ? ", " : "",
						 SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1));
	SPI_finish();
	if (n == 0)
		return psprintf("Add a row to %s.landuse_map, or reclassify the code.", nsp);
	return psprintf("Classification %s maps code " INT64_FORMAT ": if the data use %s codes, pass classification => %s; otherwise add a row to %s.landuse_map or reclassify the code.",
					names.data, code, n > 1 ? "their" : "its", n > 1 ? "one of them" : names.data, nsp);
}

static EsvModel *
EsvModelLoad(const char *classification, const char *scheme, MemoryContext mcxt)
{
	EsvModel   *m = MemoryContextAllocZero(mcxt, sizeof(EsvModel));
	char	   *nsp = EcoSchemaName();

	m->classification = MemoryContextStrdup(mcxt, classification);
	m->scheme = MemoryContextStrdup(mcxt, scheme);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	if (EcoSpiQuery(psprintf("SELECT 1 FROM %s.esv_scheme WHERE scheme OPERATOR(pg_catalog.=) $1", nsp),
					1, scheme, NULL) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("ESV scheme \"%s\" does not exist", scheme),
				 errhint("Schemes are the rows of %s.esv_scheme.", nsp)));
	EcoCheckClassification(nsp, classification);

	EsvLoadServices(m, nsp, mcxt);
	EsvLoadEcosystems(m, nsp, mcxt);
	EsvLoadFactors(m, nsp, mcxt);
	EsvLoadCodes(m, nsp, mcxt);

	/* everything palloc'd since SPI_connect (seen, query strings) goes here */
	SPI_finish();
	return m;
}

/*
 * The model of (classification, scheme), loaded on first use in this query
 * and kept in fn_extra: the reference tables are read once per statement.
 */
EsvModel *
EsvModelGet(FunctionCallInfo fcinfo, text *classification, text *scheme)
{
	char	   *cls = text_to_cstring(classification);
	char	   *sch = text_to_cstring(scheme);
	EsvModel   *m = EcoFnCacheGet(fcinfo, cls, sch);

	if (m == NULL)
	{
		m = EsvModelLoad(cls, sch, fcinfo->flinfo->fn_mcxt);
		EcoFnCachePut(fcinfo, cls, sch, m);
	}
	return m;
}

int
EsvModelEcosystemOf(const EsvModel *m, int32 code)
{
	return EcoLookupCode(m->code, m->eco_of_code, m->ncodes, code);
}

void
EsvCheckEa(double ea)
{
	EcoCheckNonNegative(ea, "standard equivalent value ea (yuan/hm2/a)");
}

/*
 * Area per ecosystem of the model; raises an error naming the first
 * land-use code the model does not map (areas are never silently dropped).
 */
static double *
EsvAreaByEcosystem(const EsvModel *m, const LanduseAreas *areas)
{
	double	   *a = palloc0(sizeof(double) * Max(m->necosystems, 1));
	int			i;

	for (i = 0; i < areas->n; i++)
	{
		int			e = EsvModelEcosystemOf(m, areas->code[i]);

		if (e < 0)
		{
			char	   *hint = EsvUnmappedHint(m->classification, m->scheme, areas->code[i]);

			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("land-use code %d is not mapped in classification \"%s\" for ESV scheme \"%s\"",
							areas->code[i], m->classification, m->scheme),
					 errdetail("The input has %g ha of code %d.", areas->area_ha[i], areas->code[i]),
					 errhint("%s", hint)));
		}
		a[e] += areas->area_ha[i];
	}
	return a;
}

void
EsvCompute(const EsvModel *m, const LanduseAreas *areas, double ea, EsvSummary *out)
{
	double	   *a = EsvAreaByEcosystem(m, areas);
	int			e,
				s;

	memset(out, 0, sizeof(EsvSummary));
	for (e = 0; e < m->necosystems; e++)
	{
		if (a[e] == 0)
			continue;
		for (s = 0; s < m->nservices; s++)
		{
			double		v = a[e] * m->factor[e * m->nservices + s] * ea;

			out->total += v;
			out->group[m->group[s]] += v;
			if (!m->market[s])
				out->nonmarket += v;
		}
	}
	pfree(a);
}

/*
 * Parse {"<code>": hectares, ..., "nodata": hectares}.  Codes are decimal
 * integers; areas finite and non-negative.
 */
void
LanduseAreasFromJsonb(Jsonb *jb, LanduseAreas *out)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			cap;
	char	   *key = NULL;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("land-use areas must be a JSON object"),
				 errdetail("Expected {\"<land-use code>\": hectares, ...}.")));

	cap = Max(JB_ROOT_COUNT(jb), 1);
	out->n = 0;
	out->code = palloc(sizeof(int32) * cap);
	out->area_ha = palloc(sizeof(double) * cap);
	out->nodata_ha = 0;

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
		}
		else if (tok == WJB_VALUE)
		{
			double		area;
			bool		is_nodata = (strcmp(key, LANDUSE_NODATA_KEY) == 0);

			if (v.type != jbvNumeric)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("area of land-use key \"%s\" must be a number of hectares", key)));
			if (numeric_is_nan(v.val.numeric) || numeric_is_inf(v.val.numeric))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("area of land-use key \"%s\" must be finite", key)));
			area = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
													  NumericGetDatum(v.val.numeric)));
			if (area < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("area of land-use key \"%s\" must not be negative, got %g", key, area)));
			if (is_nodata)
				out->nodata_ha = area;
			else
			{
				out->code[out->n] = EcoLanduseCode(key);
				out->area_ha[out->n] = area;
				out->n++;
			}
		}
	}
}

Datum
EsvSummaryToDatum(FunctionCallInfo fcinfo, const EsvSummary *s)
{
	TupleDesc	desc = EcoResultDesc(fcinfo, 6);
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};

	values[0] = Float8GetDatum(EcoFinite(s->total, "total ESV"));
	values[1] = Float8GetDatum(EcoFinite(s->group[ESV_PROVISIONING], "provisioning ESV"));
	values[2] = Float8GetDatum(EcoFinite(s->group[ESV_REGULATING], "regulating ESV"));
	values[3] = Float8GetDatum(EcoFinite(s->group[ESV_SUPPORTING], "supporting ESV"));
	values[4] = Float8GetDatum(EcoFinite(s->group[ESV_CULTURAL], "cultural ESV"));
	values[5] = Float8GetDatum(EcoFinite(s->nonmarket, "non-market ESV"));
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/*
 * esv_value(areas jsonb, ea float8, classification text, scheme text
 *			   [, adjustment jsonb]) -> esv_summary (yuan/a)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_value_jsonb);
Datum
esv_value_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	double		ea = PG_GETARG_FLOAT8(1);
	EsvModel   *m;
	LanduseAreas areas;
	EsvSummary	s;

	EsvCheckEa(ea);
	LanduseAreasFromJsonb(jb, &areas);
	m = EsvModelGet(fcinfo, PG_GETARG_TEXT_PP(2), PG_GETARG_TEXT_PP(3));
	m = EsvModelAdjustArg(fcinfo, m, 4);
	EsvCompute(m, &areas, ea, &s);
	PG_RETURN_DATUM(EsvSummaryToDatum(fcinfo, &s));
}

/*
 * esv_detail(areas jsonb, ea float8, classification text, scheme text
 *			   [, adjustment jsonb])
 *	  -> SETOF (ecosystem, level1, service, service_group, market, area_ha,
 *				factor, value_yuan)
 *	  One row per (ecosystem present in the input, service).
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_detail_jsonb);
Datum
esv_detail_jsonb(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	double		ea = PG_GETARG_FLOAT8(1);
	EsvModel   *m;
	LanduseAreas areas;
	double	   *a;
	bool	   *present;
	int			e,
				s,
				i;

	EsvCheckEa(ea);
	LanduseAreasFromJsonb(jb, &areas);
	m = EsvModelGet(fcinfo, PG_GETARG_TEXT_PP(2), PG_GETARG_TEXT_PP(3));
	m = EsvModelAdjustArg(fcinfo, m, 4);
	a = EsvAreaByEcosystem(m, &areas);
	present = palloc0(sizeof(bool) * Max(m->necosystems, 1));
	for (i = 0; i < areas.n; i++)
		present[EsvModelEcosystemOf(m, areas.code[i])] = true;

	InitMaterializedSRF(fcinfo, 0);
	for (e = 0; e < m->necosystems; e++)
	{
		if (!present[e])
			continue;
		for (s = 0; s < m->nservices; s++)
		{
			Datum		values[8];
			bool		nulls[8] = {0};
			double		f = m->factor[e * m->nservices + s];

			values[0] = CStringGetTextDatum(m->ecosystem[e]);
			values[1] = CStringGetTextDatum(m->level1[e]);
			values[2] = CStringGetTextDatum(m->service[s]);
			values[3] = CStringGetTextDatum(EsvGroupNames[m->group[s]]);
			values[4] = BoolGetDatum(m->market[s]);
			values[5] = Float8GetDatum(EcoFinite(a[e], "ecosystem area"));
			values[6] = Float8GetDatum(f);
			values[7] = Float8GetDatum(EcoFinite(a[e] * f * ea, "ESV"));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
