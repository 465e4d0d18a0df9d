/*
 * gep_formulas.h
 *	  The service formulas of the GEP paper (pure C, no PostgreSQL
 *	  headers).  Per land type with area S (hm2):
 *
 *		water conservation		Q = S 1e4 (P - R - ET) 1e-3 (m3/a)
 *		soil retention (RUSLE)	Q_sr = R K LS (1 - C P) S (t/a)
 *								V = lambda Q_sr / rho * c
 *								  + sum_{N,P} Q_sr C_j 1e-3 alpha_j price_j
 *		air purification		Q_j = rate_j S (t/a), V = Q_j 1000 cost_j
 *		carbon fixation			Q_CO2 = 44/12 rate (1 + beta) S
 *		oxygen release			Q_O2 = 32/44 Q_CO2
 *		climate regulation		kWh = GPP S d / (3600 EER)
 *		aesthetic landscape		V = A S R P_a P_b
 *
 *	  Values are monetary quantities times their price; the callers check
 *	  the inputs and that the results are finite.
 */
#ifndef ECO_GEP_FORMULAS_H
#define ECO_GEP_FORMULAS_H

#define GEP_CO2_PER_C	(44.0 / 12.0)
#define GEP_O2_PER_CO2	(32.0 / 44.0)

/* water retained, m3/a */
extern double eco_gep_water(double area_m2, double p_mm, double r_mm, double et_mm);

/* soil retained, t/a (RUSLE) */
extern double eco_gep_rusle(double area_hm2, double r, double k, double ls, double c, double p);

typedef struct EcoGepSoilValue
{
	double		sediment_yuan;
	double		n_t;
	double		n_yuan;
	double		p_t;
	double		p_yuan;
} EcoGepSoilValue;

/* the value of soil_t of retained soil: sediment, nitrogen, phosphorus */
extern void eco_gep_soil_value(double soil_t, double lambda, double rho, double dredge,
							   double n_gkg, double alpha_n, double price_n,
							   double p_gkg, double alpha_p, double price_p,
							   EcoGepSoilValue *out);

/* CO2 fixed, t/a */
extern double eco_gep_co2(double area_hm2, double rate, double beta);

/* electricity saved by cooling, kWh/a */
extern double eco_gep_climate_kwh(double area_hm2, double heat, double days, double eer);

/* air purification of one pollutant: t/a absorbed and, in *value, yuan/a */
extern double eco_gep_air_item(double area_hm2, double rate_t_per_hm2,
							   double cost_yuan_per_kg, double *value);

/* aesthetic landscape value, yuan/a */
extern double eco_gep_landscape(double area_hm2, double factor, double eqc, double pa, double pb);

#endif							/* ECO_GEP_FORMULAS_H */
