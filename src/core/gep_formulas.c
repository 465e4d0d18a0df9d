/*
 * gep_formulas.c
 *	  The service formulas of the GEP paper (gep_formulas.h).
 */
#include "gep_formulas.h"

double
eco_gep_water(double area_m2, double p_mm, double r_mm, double et_mm)
{
	return area_m2 * (p_mm - r_mm - et_mm) * 1e-3;
}

double
eco_gep_rusle(double area_hm2, double r, double k, double ls, double c, double p)
{
	return area_hm2 * r * k * ls * (1.0 - c * p);
}

void
eco_gep_soil_value(double soil_t, double lambda, double rho, double dredge,
				   double n_gkg, double alpha_n, double price_n,
				   double p_gkg, double alpha_p, double price_p, EcoGepSoilValue *out)
{
	out->sediment_yuan = lambda * (soil_t / rho) * dredge;
	out->n_t = soil_t * n_gkg * 1e-3;
	out->n_yuan = out->n_t * alpha_n * price_n;
	out->p_t = soil_t * p_gkg * 1e-3;
	out->p_yuan = out->p_t * alpha_p * price_p;
}

double
eco_gep_co2(double area_hm2, double rate, double beta)
{
	return GEP_CO2_PER_C * rate * (1.0 + beta) * area_hm2;
}

double
eco_gep_climate_kwh(double area_hm2, double heat, double days, double eer)
{
	return heat * area_hm2 * days / (3600.0 * eer);
}

double
eco_gep_air_item(double area_hm2, double rate_t_per_hm2, double cost_yuan_per_kg, double *value)
{
	double		t = rate_t_per_hm2 * area_hm2;

	*value = t * 1000.0 * cost_yuan_per_kg;
	return t;
}

double
eco_gep_landscape(double area_hm2, double factor, double eqc, double pa, double pb)
{
	return factor * area_hm2 * eqc * pa * pb;
}
