/*
 * gep_account.c
 *	  The GEP account of a project (the GEP paper): per land type and item,
 *	  the quantity and value of every service, from the formulas
 *	  (src/core/gep_formulas.h) and the parameters (gep_params.c); and the
 *	  list of items in account order.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "core/gep_formulas.h"
#include "ecocomp.h"
#include "gep.h"

const char *const GepServiceNames[GEP_NSERVICES] = {
	"agricultural_products", "water_conservation", "soil_retention",
	"air_purification", "carbon_fixation", "oxygen_release",
	"climate_regulation", "aesthetic_landscape"
};

const char *const GepServiceGroups[GEP_NSERVICES] = {
	"provisioning", "regulating", "regulating", "regulating", "regulating",
	"regulating", "regulating", "cultural"
};

const GepItemDef GepItems[GEP_NITEMS] = {
	{"agricultural_products", GS_AGRICULTURAL, "kg/a"},
	{"water_conservation", GS_WATER, "m3/a"},
	{"sediment_reduction", GS_SOIL, "t/a"},
	{"nitrogen_reduction", GS_SOIL, "t N/a"},
	{"phosphorus_reduction", GS_SOIL, "t P/a"},
	{"so2_purification", GS_AIR, "t SO2/a"},
	{"nox_purification", GS_AIR, "t NOx/a"},
	{"dust_purification", GS_AIR, "t dust/a"},
	{"carbon_fixation", GS_CARBON, "t CO2/a"},
	{"oxygen_release", GS_OXYGEN, "t O2/a"},
	{"climate_regulation", GS_CLIMATE, "kWh/a"},
	{"aesthetic_landscape", GS_LANDSCAPE, NULL},
};

/* ------------------------------------------------------------------------
 * The account
 * ------------------------------------------------------------------------
 */

typedef struct GepRow
{
	GepItem		item;
	int			lt;
	double		quantity;
	double		value;
} GepRow;

/* the rows of one land type being computed */
typedef struct GepRows
{
	GepRow	   *rows;
	int			n;
	int			lt;
} GepRows;

static inline void
GepAddRow(GepRows *out, GepItem item, double quantity, double value)
{
	GepRow	   *row = &out->rows[out->n++];

	Assert(out->n <= GEP_NITEMS);
	row->item = item;
	row->lt = out->lt;
	row->quantity = quantity;
	row->value = value;
}

/*
 * The rows of each service for land type out->lt of area hm2, its
 * parameters read through the resolver in the order the formulas use them.
 */
static void
GepAgriculturalRows(GepResolver *r, GepRows *out, double area)
{
	int			lt = out->lt;
	double		kg = GepGet(r, GP_CROP_YIELD, lt) * area;
	double		price = (kg != 0) ? GepGet(r, GP_CROP_PRICE, lt) : 0;

	GepAddRow(out, GI_AGRICULTURAL, kg, kg * price);
}

static void
GepWaterRows(GepResolver *r, GepRows *out, double area)
{
	int			lt = out->lt;
	double		prec = GepGet(r, GP_PRECIPITATION, lt);
	double		q = eco_gep_water(area * 1e4, prec, GepGet(r, GP_RUNOFF_COEFFICIENT, lt) * prec,
								  GepGet(r, GP_EVAPOTRANSPIRATION, lt));

	GepAddRow(out, GI_WATER, q, q * GepGet(r, GP_WATER_PRICE, lt));
}

static void
GepSoilRows(GepResolver *r, GepRows *out, double area)
{
	int			lt = out->lt;
	double		q = eco_gep_rusle(area, GepGet(r, GP_RAINFALL_EROSIVITY, lt),
								  GepGet(r, GP_SOIL_ERODIBILITY, lt),
								  GepGet(r, GP_SLOPE_LENGTH_FACTOR, lt),
								  GepGet(r, GP_COVER_FACTOR, lt),
								  GepGet(r, GP_PRACTICE_FACTOR, lt));
	double		rho = GepGet(r, GP_SOIL_BULK_DENSITY, lt);
	EcoGepSoilValue sv;

	/* rho 0 is recorded as an error by the resolver: divide by 1 meanwhile */
	eco_gep_soil_value(q, GepGet(r, GP_SEDIMENT_COEFFICIENT, lt), rho > 0 ? rho : 1,
					   GepGet(r, GP_DREDGING_COST, lt),
					   GepGet(r, GP_SOIL_NITROGEN, lt), GepGet(r, GP_N_FERT_COEF, lt),
					   GepGet(r, GP_N_FERT_PRICE, lt),
					   GepGet(r, GP_SOIL_PHOSPHORUS, lt), GepGet(r, GP_P_FERT_COEF, lt),
					   GepGet(r, GP_P_FERT_PRICE, lt), &sv);
	GepAddRow(out, GI_SEDIMENT, q, sv.sediment_yuan);
	GepAddRow(out, GI_NITROGEN, sv.n_t, sv.n_yuan);
	GepAddRow(out, GI_PHOSPHORUS, sv.p_t, sv.p_yuan);
}

static void
GepAirRows(GepResolver *r, GepRows *out, double area)
{
	static const struct
	{
		GepItem		item;
		GepParamId	rate;
		GepParamId	cost;
	}			air[3] = {
		{GI_SO2, GP_SO2_ABSORPTION, GP_SO2_COST},
		{GI_NOX, GP_NOX_ABSORPTION, GP_NOX_COST},
		{GI_DUST, GP_DUST_ABSORPTION, GP_DUST_COST},
	};
	int			i;

	for (i = 0; i < 3; i++)
	{
		double		v,
					t;

		t = eco_gep_air_item(area, GepGet(r, air[i].rate, out->lt), GepGet(r, air[i].cost, out->lt), &v);
		GepAddRow(out, air[i].item, t, v);
	}
}

/* carbon fixation and oxygen release share the CO2 fixed */
static void
GepCarbonOxygenRows(GepResolver *r, GepRows *out, double area, const bool *want)
{
	int			lt = out->lt;
	double		co2 = eco_gep_co2(area, GepGet(r, GP_CARBON_RATE, lt),
								  GepGet(r, GP_SOIL_CARBON_COEFFICIENT, lt));

	if (want[GS_CARBON])
		GepAddRow(out, GI_CARBON, co2, co2 * GepGet(r, GP_CARBON_PRICE, lt));
	if (want[GS_OXYGEN])
	{
		double		o2 = GEP_O2_PER_CO2 * co2;

		GepAddRow(out, GI_OXYGEN, o2, o2 * GepGet(r, GP_OXYGEN_PRICE, lt));
	}
}

static void
GepClimateRows(GepResolver *r, GepRows *out, double area)
{
	int			lt = out->lt;
	double		eer = GepGet(r, GP_EER, lt);
	double		kwh = eco_gep_climate_kwh(area, GepGet(r, GP_HEAT_ABSORBED, lt),
										  GepGet(r, GP_AC_DAYS, lt), eer > 0 ? eer : 1);

	GepAddRow(out, GI_CLIMATE, kwh, kwh * GepGet(r, GP_ELECTRICITY_PRICE, lt));
}

static void
GepLandscapeRows(GepResolver *r, GepRows *out, double area)
{
	int			lt = out->lt;

	GepAddRow(out, GI_LANDSCAPE, 0,
			  eco_gep_landscape(area, GepGet(r, GP_LANDSCAPE_FACTOR, lt),
								GepGet(r, GP_EQUIVALENT_COEFFICIENT, lt),
								GepGet(r, GP_GRAIN_PRICE, lt), GepGet(r, GP_GRAIN_YIELD, lt)));
}

/*
 * The rows of one land type, in item order; a land type that contributes
 * nothing (mining, construction) has 0 for every wanted item and reads no
 * parameter.
 */
static int
GepComputeLandType(GepResolver *r, int lt, double area, const bool *want, GepRow *rows)
{
	GepRows		out = {rows, 0, lt};
	int			i;

	if (!r->m->contributes[lt])
	{
		for (i = 0; i < GEP_NITEMS; i++)
			if (want[GepItems[i].service])
				GepAddRow(&out, (GepItem) i, 0, 0);
		return out.n;
	}
	if (want[GS_AGRICULTURAL])
		GepAgriculturalRows(r, &out, area);
	if (want[GS_WATER])
		GepWaterRows(r, &out, area);
	if (want[GS_SOIL])
		GepSoilRows(r, &out, area);
	if (want[GS_AIR])
		GepAirRows(r, &out, area);
	if (want[GS_CARBON] || want[GS_OXYGEN])
		GepCarbonOxygenRows(r, &out, area, want);
	if (want[GS_CLIMATE])
		GepClimateRows(r, &out, area);
	if (want[GS_LANDSCAPE])
		GepLandscapeRows(r, &out, area);
	return out.n;
}

/* the service names, comma-separated (palloc'd) */
static char *
GepServiceList(void)
{
	StringInfoData s;
	int			i;

	initStringInfo(&s);
	for (i = 0; i < GEP_NSERVICES; i++)
		appendStringInfo(&s, "%s%s", i ? ", " : "", GepServiceNames[i]);
	return s.data;
}

static void
GepServicesFromArray(ArrayType *a, bool *want)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i,
				s;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("services must be a one-dimensional array")));
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (i = 0; i < n; i++)
	{
		char	   *name;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("services must not contain NULL (element %d)", i + 1)));
		name = TextDatumGetCString(elems[i]);
		for (s = 0; s < GEP_NSERVICES; s++)
			if (strcmp(name, GepServiceNames[s]) == 0)
				break;
		if (s == GEP_NSERVICES)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown GEP service \"%s\"", name),
					 errdetail("Services are: %s.", GepServiceList())));
		want[s] = true;
	}
}

/* 22023 listing the values the account needs and does not have */
static void
GepMissing(const GepResolver *r)
{
	const GepModel *m = r->m;
	const char *name = GepParams[r->first_param].name;

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("GEP parameter \"%s\" for land type \"%s\" is missing from parameter set \"%s\"",
					name, m->lt[r->first_lt], m->param_set),
			 errdetail("The account needs values (parameter/land type) it does not have: %s.",
					   r->missing.data),
			 errhint("Pass them in overrides, e.g. '{\"%s\": value}' (%s) for every land type or '{\"%s/%s\": value}' for one, or add rows to ecocomp.gep_param.",
					 name, m->unit[r->first_param], name, m->lt[r->first_lt])));
}

/* the rows of the account: by item (account order), then land type */
static void
GepEmitRows(ReturnSetInfo *rsinfo, const GepModel *m, const double *area,
			const GepRow *rows, int nrows)
{
	int			i,
				k;

	for (i = 0; i < GEP_NITEMS; i++)
	{
		for (k = 0; k < nrows; k++)
		{
			Datum		values[8];
			bool		nulls[8] = {0};
			const GepItemDef *def = &GepItems[rows[k].item];

			if (rows[k].item != (GepItem) i)
				continue;
			values[0] = CStringGetTextDatum(GepServiceGroups[def->service]);
			values[1] = CStringGetTextDatum(GepServiceNames[def->service]);
			values[2] = CStringGetTextDatum(def->name);
			values[3] = CStringGetTextDatum(m->lt[rows[k].lt]);
			values[4] = Float8GetDatum(EcoFinite(area[rows[k].lt], "land-type area"));
			if (def->unit != NULL)
			{
				values[5] = Float8GetDatum(EcoFinite(rows[k].quantity, def->name));
				values[6] = CStringGetTextDatum(def->unit);
			}
			else
				nulls[5] = nulls[6] = true;
			values[7] = Float8GetDatum(EcoFinite(rows[k].value, def->name));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
}

/*
 * gep_account(areas jsonb, param_set text, overrides jsonb,
 *			   classification text, services text[])
 *	  -> SETOF (service_group, service, item, land_type, area_ha, quantity,
 *				unit, value_yuan)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_account);
Datum
gep_account(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *param_set;
	char	   *classification;
	GepModel   *m;
	GepResolver r;
	double	   *area;
	bool	   *present;
	double	   *ov;
	bool	   *ovhas;
	bool		want[GEP_NSERVICES] = {0};
	GepRow	   *rows;
	int			nrows = 0,
				lt,
				s;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("GEP parameter set must not be NULL")));

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;		/* no areas, no account */

	param_set = text_to_cstring(PG_GETARG_TEXT_PP(1));
	classification = PG_ARGISNULL(3) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (!PG_ARGISNULL(3) && classification[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("land-use classification \"\" does not exist")));
	m = GepModelGet(fcinfo, param_set, classification);

	if (PG_ARGISNULL(4))
		for (s = 0; s < GEP_NSERVICES; s++)
			want[s] = true;
	else
		GepServicesFromArray(PG_GETARG_ARRAYTYPE_P(4), want);

	area = palloc0(sizeof(double) * Max(m->nlt, 1));
	present = palloc0(sizeof(bool) * Max(m->nlt, 1));
	GepAreasFromJsonb(m, PG_GETARG_JSONB_P(0), area, present);

	ov = palloc0(sizeof(double) * GEP_NPARAMS * (m->nlt + 1));
	ovhas = palloc0(sizeof(bool) * GEP_NPARAMS * (m->nlt + 1));
	if (!PG_ARGISNULL(2))
		GepOverridesFromJsonb(m, PG_GETARG_JSONB_P(2), ov, ovhas);

	memset(&r, 0, sizeof(r));
	r.m = m;
	r.ov = ov;
	r.ovhas = ovhas;
	initStringInfo(&r.missing);

	rows = palloc(sizeof(GepRow) * GEP_NITEMS * Max(m->nlt, 1));
	for (lt = 0; lt < m->nlt; lt++)
	{
		CHECK_FOR_INTERRUPTS();
		if (present[lt])
			nrows += GepComputeLandType(&r, lt, area[lt], want, rows + nrows);
	}
	if (r.nmissing > 0)
		GepMissing(&r);
	GepEmitRows(rsinfo, m, area, rows, nrows);
	return (Datum) 0;
}

/*
 * gep_items() -> SETOF (item_order, item, service, service_group, unit): the
 * items of the account in account order (gep_compare orders by item_order).
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_items);
Datum
gep_items(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < GEP_NITEMS; i++)
	{
		const GepItemDef *def = &GepItems[i];
		Datum		values[5];
		bool		nulls[5] = {0};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(def->name);
		values[2] = CStringGetTextDatum(GepServiceNames[def->service]);
		values[3] = CStringGetTextDatum(GepServiceGroups[def->service]);
		if (def->unit != NULL)
			values[4] = CStringGetTextDatum(def->unit);
		else
			nulls[4] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
