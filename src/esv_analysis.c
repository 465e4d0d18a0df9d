/*
 * esv_analysis.c
 *	  Analyses on top of the equivalent-factor ESV core (esv.c):
 *
 *	  - the Xie 2015 spatio-temporal adjustment of the factors,
 *		EC'_{i,s} = EC_{i,s} * F_s with F_s the regional NPP, precipitation
 *		or soil factor of service s (1 when not given);
 *	  - the sensitivity coefficient of ESV to the factors of ecosystem k,
 *		CS_k = ((ESV_j - ESV_i) / ESV_i) / ((VC_jk - VC_ik) / VC_ik),
 *		VC_jk = VC_ik * (1 + adjustment);
 *	  - the ESV change attributed to land-use transitions,
 *		dESV_{f,t} = A_{f,t} * (VC_t - VC_f) * E_a,
 *		with VC of "nodata" taken as 0 so that the rows add up to
 *		ESV(year 2) - ESV(year 1) as esv_value computes them.
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "ecocomp.h"
#include "esv.h"

static const char *const EsvAdjustKeys[ESV_ADJ_NKINDS] = {
	"npp", "precipitation", "soil"
};

/*
 * Which factor scales a service (Xie 2015): precipitation for water supply
 * and hydrological regulation, soil for soil conservation, NPP for all the
 * others.  The names of the older schemes map the same way.
 */
EsvAdjustKind
EsvAdjustKindOf(const char *service)
{
	static const char *const precipitation[] = {
		"water_supply", "hydrological_regulation", "water_conservation"
	};
	static const char *const soil[] = {
		"soil_conservation", "soil_formation_protection"
	};
	int			i;

	for (i = 0; i < (int) lengthof(precipitation); i++)
		if (strcmp(service, precipitation[i]) == 0)
			return ESV_ADJ_PRECIPITATION;
	for (i = 0; i < (int) lengthof(soil); i++)
		if (strcmp(service, soil[i]) == 0)
			return ESV_ADJ_SOIL;
	return ESV_ADJ_NPP;
}

/* a finite jsonb number as a double; 22023 naming what otherwise */
static double
EsvJsonbNumber(const JsonbValue *v, const char *what, const char *key)
{
	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" must be a number", what, key)));
	if (numeric_is_nan(v->val.numeric) || numeric_is_inf(v->val.numeric))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" must be finite", what, key)));
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8,
											  NumericGetDatum(v->val.numeric)));
}

/*
 * Parse {"npp": f, "precipitation": f, "soil": f}; a missing key is 1.
 * Factors must be finite and non-negative; other keys are an error.
 */
void
EsvAdjustFromJsonb(Jsonb *jb, EsvAdjust *out)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			k = -1,
				i;

	for (i = 0; i < ESV_ADJ_NKINDS; i++)
		out->factor[i] = 1.0;
	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("adjustment must be a JSON object"),
				 errdetail("Expected {\"npp\": factor, \"precipitation\": factor, \"soil\": factor}.")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			char	   *key = pnstrdup(v.val.string.val, v.val.string.len);

			for (k = 0; k < ESV_ADJ_NKINDS; k++)
				if (strcmp(key, EsvAdjustKeys[k]) == 0)
					break;
			if (k == ESV_ADJ_NKINDS)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown adjustment key \"%s\"", key),
						 errhint("The keys are \"npp\", \"precipitation\" and \"soil\".")));
		}
		else if (tok == WJB_VALUE)
		{
			double		f = EsvJsonbNumber(&v, "adjustment factor", EsvAdjustKeys[k]);

			if (f < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("adjustment factor \"%s\" must not be negative, got %g",
								EsvAdjustKeys[k], f)));
			out->factor[k] = f;
		}
	}
}

/*
 * A copy of the model whose factor matrix is scaled by the adjustment; the
 * names and the code map are shared with m.  Allocated in the current
 * memory context.
 */
EsvModel *
EsvModelAdjusted(const EsvModel *m, const EsvAdjust *adj)
{
	EsvModel   *a = palloc(sizeof(EsvModel));
	int			e,
				s;

	*a = *m;
	a->factor = palloc(sizeof(double) * Max(m->necosystems, 1) * m->nservices);
	for (s = 0; s < m->nservices; s++)
	{
		double		f = adj->factor[EsvAdjustKindOf(m->service[s])];

		for (e = 0; e < m->necosystems; e++)
			a->factor[e * m->nservices + s] = m->factor[e * m->nservices + s] * f;
	}
	return a;
}

/*
 * The model of a call, adjusted by its jsonb argument argno when the
 * function has one ('{}' adjusts nothing).
 */
EsvModel *
EsvModelAdjustArg(FunctionCallInfo fcinfo, EsvModel *m, int argno)
{
	EsvAdjust	adj;

	if (PG_NARGS() <= argno)
		return m;
	EcoRequireArg(fcinfo, argno, "adjustment");
	EsvAdjustFromJsonb(PG_GETARG_JSONB_P(argno), &adj);
	return EsvModelAdjusted(m, &adj);
}

/* VC_e / E_a: the sum of the factors of ecosystem e (equivalents/hm2) */
double
EsvEcosystemValue(const EsvModel *m, int e)
{
	double		vc = 0;
	int			s;

	for (s = 0; s < m->nservices; s++)
		vc += m->factor[e * m->nservices + s];
	return vc;
}

/* ---------- sensitivity coefficient ---------- */

/*
 * esv_sensitivity(areas jsonb, ea float8, classification text, scheme text,
 *				   adjustment float8) -> SETOF (ecosystem text, cs float8)
 *	  One row per ecosystem type present (area > 0), in the scheme's order.
 *	  ESV_j raises the factors of ecosystem k by the fraction adjustment.
 *	  cs is NULL when VC_k = 0 (the coefficient is 0/0).
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_sensitivity);
Datum
esv_sensitivity(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	double		ea = PG_GETARG_FLOAT8(1);
	double		adj = PG_GETARG_FLOAT8(4);
	EsvModel   *m;
	LanduseAreas areas;
	EsvSummary	base;
	double	   *area,
				amax = 0,
				total = 0;
	int			e,
				i;

	EsvCheckEa(ea);
	EcoCheckFinite(adj, "adjustment");
	if (adj <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("adjustment must be a positive fraction of the factors, got %g", adj),
				 errhint("0.5 raises the factors of each ecosystem type by 50%%.")));
	LanduseAreasFromJsonb(PG_GETARG_JSONB_P(0), &areas);
	m = EsvModelGet(fcinfo, PG_GETARG_TEXT_PP(2), PG_GETARG_TEXT_PP(3));
	EsvCompute(m, &areas, ea, &base);	/* also rejects unmapped codes */

	/*
	 * Raising VC_k by the fraction adj raises ESV by A_k * VC_k * adj, so
	 * CS_k = (A_k VC_k adj / ESV) / adj = A_k VC_k / sum_i A_i VC_i: E_a and
	 * adj cancel.  The shares are computed with the areas scaled by the
	 * largest one, so huge finite areas give finite coefficients.
	 */
	area = palloc0(sizeof(double) * Max(m->necosystems, 1));
	for (i = 0; i < areas.n; i++)
		amax = Max(amax, areas.area_ha[i]);
	for (i = 0; i < areas.n; i++)
		area[EsvModelEcosystemOf(m, areas.code[i])] += areas.area_ha[i] / amax;
	for (e = 0; e < m->necosystems; e++)
		total += area[e] * EsvEcosystemValue(m, e);
	if (total == 0 || amax == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the ESV of the areas is 0: the sensitivity coefficient is undefined")));

	InitMaterializedSRF(fcinfo, 0);
	for (e = 0; e < m->necosystems; e++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};
		double		vc = EsvEcosystemValue(m, e);

		if (area[e] <= 0)
			continue;
		values[0] = CStringGetTextDatum(m->ecosystem[e]);
		if (vc == 0)
			nulls[1] = true;
		else
			values[1] = Float8GetDatum(EcoFinite(area[e] * vc / total, "sensitivity coefficient"));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- ESV change by land-use transition ---------- */

/* a land-use key of a transition: code, or -1 with *nodata for "nodata" */
static int32
EsvTransitionKey(const JsonbValue *k, bool *nodata)
{
	char	   *key = pnstrdup(k->val.string.val, k->val.string.len);

	*nodata = (strcmp(key, LANDUSE_NODATA_KEY) == 0);
	return *nodata ? -1 : EcoLanduseCode(key);
}

/* ecosystem index of a code (-1 for nodata); unmapped codes are an error */
static int
EsvTransitionEcosystem(const EsvModel *m, int32 code, bool nodata)
{
	int			e;

	if (nodata)
		return -1;
	e = EsvModelEcosystemOf(m, code);
	if (e < 0)
	{
		char	   *hint = EsvUnmappedHint(m->classification, m->scheme, code);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("land-use code %d is not mapped in classification \"%s\" for ESV scheme \"%s\"",
						code, m->classification, m->scheme),
				 errhint("%s", hint)));
	}
	return e;
}

static void
EsvTransitionShape(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("transition must be {\"<from code>\": {\"<to code>\": hectares, ...}, ...}"),
			 errdetail("%s", detail),
			 errhint("Pass the output of landuse_transition.")));
}

/* one output row of esv_transition */
static void
EsvTransitionRow(ReturnSetInfo *rsinfo, const EsvModel *m, double ea,
				 int32 from, int ef, int32 to, int et, double ha)
{
	Datum		values[9];
	bool		nulls[9] = {0};
	double		grp[ESV_NGROUPS] = {0};
	double		total = 0,
				nonmarket = 0;
	int			s;

	for (s = 0; s < m->nservices; s++)
	{
		double		ft = et >= 0 ? m->factor[et * m->nservices + s] : 0;
		double		ff = ef >= 0 ? m->factor[ef * m->nservices + s] : 0;
		double		d = ha * (ft - ff) * ea;

		total += d;
		grp[m->group[s]] += d;
		if (!m->market[s])
			nonmarket += d;
	}
	values[0] = Int32GetDatum(from);
	nulls[0] = (ef < 0);
	values[1] = Int32GetDatum(to);
	nulls[1] = (et < 0);
	values[2] = Float8GetDatum(ha);
	values[3] = Float8GetDatum(total);
	for (s = 0; s < ESV_NGROUPS; s++)
		values[4 + s] = Float8GetDatum(grp[s]);
	values[8] = Float8GetDatum(nonmarket);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/*
 * esv_transition(transition jsonb, ea float8, classification text,
 *				  scheme text)
 *	  -> SETOF (from_code, to_code, area_ha, esv_change_yuan, provisioning_yuan,
 *				regulating_yuan, supporting_yuan, cultural_yuan, nonmarket_yuan)
 *	  One row per (from, to) pair of the input, in its order; a "nodata"
 *	  key gives a NULL code and counts with VC = 0.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(esv_transition);
Datum
esv_transition(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	double		ea = PG_GETARG_FLOAT8(1);
	EsvModel   *m;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			depth = 0;
	int32		from = 0,
				to = 0;
	int			ef = -1,
				et = -1;
	bool		nd = false;

	EsvCheckEa(ea);
	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		EsvTransitionShape("The transition is not a JSON object.");
	m = EsvModelGet(fcinfo, PG_GETARG_TEXT_PP(2), PG_GETARG_TEXT_PP(3));
	InitMaterializedSRF(fcinfo, 0);

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		switch (tok)
		{
			case WJB_BEGIN_OBJECT:
				if (++depth > 2)
					EsvTransitionShape("An area is an object, not a number.");
				break;
			case WJB_END_OBJECT:
				depth--;
				break;
			case WJB_BEGIN_ARRAY:
				EsvTransitionShape("The transition holds an array.");
				break;
			case WJB_KEY:
				if (depth == 1)
				{
					from = EsvTransitionKey(&v, &nd);
					ef = EsvTransitionEcosystem(m, from, nd);
				}
				else
				{
					to = EsvTransitionKey(&v, &nd);
					et = EsvTransitionEcosystem(m, to, nd);
				}
				break;
			case WJB_VALUE:
				if (depth == 1)
					EsvTransitionShape("The value of a from code is not an object of to codes.");
				{
					double		ha = EsvJsonbNumber(&v, "area of transition to",
													nd ? LANDUSE_NODATA_KEY : psprintf("%d", to));

					if (ha < 0)
						ereport(ERROR,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("transition area must not be negative, got %g", ha)));
					EsvTransitionRow(rsinfo, m, ea, from, ef, to, et, ha);
				}
				break;
			default:
				break;
		}
	}
	return (Datum) 0;
}
