/*
 * geodesy.c
 *	  Cell areas of the zonal engine (pure C): planar, or ellipsoidal bands
 *	  between two latitudes.
 */
#include <math.h>

#include "eco_core.h"

/*
 * Area between latitude 0 and phi per radian of longitude on the ellipsoid:
 *	  (b^2 / 2) q(phi),  q = sin/(1 - e^2 sin^2) + atanh(e sin)/e
 * (q is the authalic-latitude function: sin(beta) = q(phi)/q(90 deg)).
 */
static double
EllipsoidQ(double e, double phi)
{
	double		s = sin(phi);

	if (e < 1e-12)
		return 2.0 * s;
	return s / (1.0 - e * e * s * s) + atanh(e * s) / e;
}

double
EcoEllipsoidBandArea(double a, double f, double lat1, double lat2, double dlon)
{
	double		e = sqrt(f * (2.0 - f));
	double		b = a * (1.0 - f);
	double		d2r = M_PI / 180.0;

	/* clamp rounding noise only: callers reject latitudes beyond +-90 */
	lat1 = fmax(-90.0, fmin(90.0, lat1));
	lat2 = fmax(-90.0, fmin(90.0, lat2));
	return fabs(dlon * d2r * 0.5 * b * b *
				(EllipsoidQ(e, lat2 * d2r) - EllipsoidQ(e, lat1 * d2r)));
}

/* latitudes within 1e-9 degree (0.1 mm) beyond a pole are rounding noise */
#define ECO_LAT_TOL 1e-9

EcoErr
EcoGridCellArea(bool geographic, double a, double f, double ip_y,
				double scale_x, double scale_y, int row, double *area)
{
	double		v;

	if (geographic)
	{
		double		lat1 = ip_y + row * scale_y,
					lat2 = ip_y + (row + 1) * scale_y;

		if (!(fabs(lat1) <= 90.0 + ECO_LAT_TOL && fabs(lat2) <= 90.0 + ECO_LAT_TOL))
			return isfinite(lat1) && isfinite(lat2) ? ECO_ERR_INVALID : ECO_ERR_RANGE;
		v = EcoEllipsoidBandArea(a, f, lat1, lat2, fabs(scale_x));
	}
	else
		v = fabs(scale_x * scale_y);
	*area = v;
	return isfinite(v) ? ECO_OK : ECO_ERR_RANGE;
}
