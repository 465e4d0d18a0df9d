/*
 * student_t.c
 *	  Student's t test through the regularized incomplete beta function
 *	  (continued fraction by the modified Lentz method).
 */
#include <math.h>

#include "student_t.h"

#define ECO_BETA_TINY 1e-300
#define ECO_BETA_MAX_ITER 100000

static double
lentz_guard(double v)
{
	return fabs(v) < ECO_BETA_TINY ? ECO_BETA_TINY : v;
}

/* continued fraction of I_x(a, b) (modified Lentz); NaN if it diverges */
static double
beta_cf(double a, double b, double x)
{
	double		qab = a + b,
				qap = a + 1,
				qam = a - 1,
				c = 1,
				d = 1 / lentz_guard(1 - qab * x / qap),
				h = d;
	int			m;

	for (m = 1; m <= ECO_BETA_MAX_ITER; m++)
	{
		int			m2 = 2 * m;
		double		aa = m * (b - m) * x / ((qam + m2) * (a + m2)),
					del;

		d = 1 / lentz_guard(1 + aa * d);
		c = lentz_guard(1 + aa / c);
		h *= d * c;
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
		d = 1 / lentz_guard(1 + aa * d);
		c = lentz_guard(1 + aa / c);
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-15)
			return h;
	}
	return NAN;
}

double
eco_incomplete_beta(double a, double b, double x)
{
	double		bt,
				v;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	bt = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		v = bt * beta_cf(a, b, x) / a;
	else
		v = 1 - bt * beta_cf(b, a, 1 - x) / b;

	/*
	 * I_x(a, b) lies in [0, 1]; the continued fraction can overshoot by a few
	 * ulps for tiny a (e.g. df = 1e-308 gives 1 + 4e-14): clamp.  NaN (no
	 * convergence) passes through for the caller.
	 */
	if (v > 1)
		return 1;
	if (v < 0)
		return 0;
	return v;
}

double
eco_student_t_p(double t, double df)
{
	if (isinf(t))
		return 0;
	if (t == 0)
		return 1;
	return eco_incomplete_beta(df / 2, 0.5, df / (df + t * t));
}
