/*
 * geodesy.c
 *	  Cell areas of the zonal engine (pure C): planar, or ellipsoidal bands
 *	  between two latitudes; and the CRS facts they need (geographic or
 *	  projected, ellipsoid, unit) read from WKT.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco_core.h"
#include "geodesy.h"

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

/* ---------- WKT ---------- */

/*
 * A WKT string read into a flat list of its nodes in document order
 * (KEYWORD[...] elements), each with its parent, its first quoted string,
 * first bare word and first two numbers: enough for SPHEROID["name", a, rf],
 * UNIT["name", factor] and CS[Cartesian, 2].  EPSG's WKT has 20 to 100
 * nodes.
 */
#define WKT_MAX_NODES 400
#define WKT_MAX_DEPTH 32

typedef struct WktNode
{
	char		kw[24];
	int			parent;			/* -1 for the root */
	char		name[64];
	char		word[24];
	double		num[2];
	int			nnum;
} WktNode;

typedef struct WktDoc
{
	const char *s;
	size_t		pos;
	int			n;
	WktNode		node[WKT_MAX_NODES];
} WktDoc;

static void
WktCopy(char *dst, size_t cap, const char *src, size_t len)
{
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static void
WktSkipSpace(WktDoc *d)
{
	while (isspace((unsigned char) d->s[d->pos]))
		d->pos++;
}

static size_t
WktIdentLen(const char *s)
{
	size_t		n = 0;

	if (!isalpha((unsigned char) s[0]) && s[0] != '_')
		return 0;
	while (isalnum((unsigned char) s[n]) || s[n] == '_')
		n++;
	return n;
}

/* a quoted string ("" is a quote inside it): the first one is the name */
static bool
WktString(WktDoc *d, WktNode *nd)
{
	size_t		start = ++d->pos;
	bool		first = nd->name[0] == '\0';

	for (;;)
	{
		if (d->s[d->pos] == '\0')
			return false;
		if (d->s[d->pos] == '"' && d->s[d->pos + 1] != '"')
			break;
		d->pos += d->s[d->pos] == '"' ? 2 : 1;
	}
	if (first)
		WktCopy(nd->name, sizeof(nd->name), d->s + start, d->pos - start);
	d->pos++;
	return true;
}

static bool WktNodeRead(WktDoc *d, int parent, int depth);

/* one element of a node's list: string, number, bare word or node */
static bool
WktElement(WktDoc *d, int self, int depth)
{
	WktNode    *nd = &d->node[self];
	const char *p = d->s + d->pos;
	size_t		id = WktIdentLen(p);

	if (*p == '"')
		return WktString(d, nd);
	if (id > 0)
	{
		size_t		after = d->pos + id;

		while (isspace((unsigned char) d->s[after]))
			after++;
		if (d->s[after] == '[' || d->s[after] == '(')
			return WktNodeRead(d, self, depth + 1);
		if (nd->word[0] == '\0')
			WktCopy(nd->word, sizeof(nd->word), p, id);
		d->pos += id;
		return true;
	}
	{
		char	   *end;
		double		v = strtod(p, &end);

		if (end == p)
			return false;
		if (nd->nnum < 2)
			nd->num[nd->nnum++] = v;
		d->pos += (size_t) (end - p);
		return true;
	}
}

/* KEYWORD[element, ...] (or with parentheses), appended to d->node */
static bool
WktNodeRead(WktDoc *d, int parent, int depth)
{
	size_t		id;
	int			self;
	char		close;

	WktSkipSpace(d);
	id = WktIdentLen(d->s + d->pos);
	if (id == 0 || d->n >= WKT_MAX_NODES || depth > WKT_MAX_DEPTH)
		return false;
	self = d->n++;
	memset(&d->node[self], 0, sizeof(WktNode));
	d->node[self].parent = parent;
	WktCopy(d->node[self].kw, sizeof(d->node[self].kw), d->s + d->pos, id);
	for (char *c = d->node[self].kw; *c; c++)
		*c = (char) toupper((unsigned char) *c);
	d->pos += id;
	WktSkipSpace(d);
	if (d->s[d->pos] != '[' && d->s[d->pos] != '(')
		return false;
	close = d->s[d->pos++] == '[' ? ']' : ')';
	for (;;)
	{
		WktSkipSpace(d);
		if (!WktElement(d, self, depth))
			return false;
		WktSkipSpace(d);
		if (d->s[d->pos] == close)
			break;
		if (d->s[d->pos++] != ',')
			return false;
	}
	d->pos++;
	return true;
}

static bool
WktIs(const WktNode *nd, const char *const *kws)
{
	for (; *kws; kws++)
		if (strcmp(nd->kw, *kws) == 0)
			return true;
	return false;
}

static bool
WktUnder(const WktDoc *d, int i, int ancestor)
{
	for (i = d->node[i].parent; i >= 0; i = d->node[i].parent)
		if (i == ancestor)
			return true;
	return false;
}

/* the first node of the subtree of r with one of the keywords, or -1 */
static int
WktFind(const WktDoc *d, int r, const char *const *kws)
{
	for (int i = r + 1; i < d->n && WktUnder(d, i, r); i++)
		if (WktIs(&d->node[i], kws))
			return i;
	return -1;
}

static const char *const wkt_units[] = {"UNIT", "ANGLEUNIT", "LENGTHUNIT", NULL};

/* the coordinate unit of CRS r: a unit of r itself or of one of its axes */
static int
WktCrsUnit(const WktDoc *d, int r)
{
	for (int i = r + 1; i < d->n && WktUnder(d, i, r); i++)
	{
		int			p = d->node[i].parent;

		if (WktIs(&d->node[i], wkt_units) &&
			(p == r || (strcmp(d->node[p].kw, "AXIS") == 0 && d->node[p].parent == r)))
			return i;
	}
	return -1;
}

static EcoCrsFault
WktEllipsoid(const WktDoc *d, int r, EcoCrs *crs, char *msg, size_t msglen)
{
	static const char *const kws[] = {"SPHEROID", "ELLIPSOID", NULL};
	int			e = WktFind(d, r, kws),
				u;
	double		a,
				rf;

	if (e < 0 || d->node[e].nnum < 2)
	{
		snprintf(msg, msglen, "The WKT names no ellipsoid (SPHEROID[\"name\", a, rf] or ELLIPSOID[...]).");
		return ECO_CRS_ELLIPSOID;
	}
	a = d->node[e].num[0];
	rf = d->node[e].num[1];
	u = WktFind(d, e, wkt_units);	/* WKT 2: the unit of a */
	if (u >= 0 && d->node[u].nnum > 0)
		a *= d->node[u].num[0];
	WktCopy(crs->ellipsoid, sizeof(crs->ellipsoid), d->node[e].name, strlen(d->node[e].name));
	if (!(isfinite(a) && a > 0 && isfinite(rf) && (rf == 0 || rf > 1)))
	{
		snprintf(msg, msglen, "The ellipsoid \"%s\" has semi-major axis %g m and inverse flattening %g.",
				 crs->ellipsoid, a, rf);
		return ECO_CRS_ELLIPSOID;
	}
	crs->a = a;
	crs->f = rf == 0 ? 0 : 1.0 / rf;
	return ECO_CRS_OK;
}

static EcoCrsFault
WktUnit(const WktDoc *d, int r, EcoCrs *crs, char *msg, size_t msglen)
{
	int			u = WktCrsUnit(d, r);
	double		want = crs->geographic ? M_PI / 180.0 : 1.0;

	if (u < 0 || d->node[u].nnum < 1)
	{
		crs->unit_factor = want;
		if (crs->geographic)
			return ECO_CRS_OK;
		snprintf(msg, msglen, "The projected CRS names no linear unit.");
		return ECO_CRS_UNIT;
	}
	WktCopy(crs->unit, sizeof(crs->unit), d->node[u].name, strlen(d->node[u].name));
	crs->unit_factor = d->node[u].num[0];
	if (fabs(crs->unit_factor / want - 1.0) <= 1e-9)
		return ECO_CRS_OK;
	snprintf(msg, msglen, crs->geographic ?
			 "The coordinates are in \"%s\" (%.15g rad), not in degrees." :
			 "The coordinates are in \"%s\" (%.15g m), not in metres.",
			 crs->unit, crs->unit_factor);
	return ECO_CRS_UNIT;
}

/* the horizontal CRS: the root, or the first part of a compound CRS */
static int
WktHorizontal(const WktDoc *d)
{
	int			r = 0;

	while (r + 1 < d->n && d->node[r + 1].parent == r &&
		   (strcmp(d->node[r].kw, "COMPD_CS") == 0 || strcmp(d->node[r].kw, "COMPOUNDCRS") == 0))
		r++;
	return r;
}

static EcoCrsFault
WktKind(const WktDoc *d, int r, EcoCrs *crs, char *msg, size_t msglen)
{
	static const char *const geog[] = {"GEOGCS", "GEOGCRS", "GEOGRAPHICCRS", NULL};
	static const char *const geod[] = {"GEODCRS", "GEODETICCRS", NULL};
	static const char *const proj[] = {"PROJCS", "PROJCRS", "PROJECTEDCRS", NULL};
	static const char *const cs[] = {"CS", NULL};
	int			c = WktFind(d, r, cs);

	if (WktIs(&d->node[r], geog) || WktIs(&d->node[r], proj))
		crs->geographic = WktIs(&d->node[r], geog);
	else if (WktIs(&d->node[r], geod) && c >= 0 && d->node[c].parent == r &&
			 strcmp(d->node[c].word, "ellipsoidal") == 0)
		crs->geographic = true;
	else
	{
		snprintf(msg, msglen, "The CRS is a %s, neither geographic nor projected.", d->node[r].kw);
		return ECO_CRS_KIND;
	}
	return ECO_CRS_OK;
}

EcoCrsFault
EcoCrsFromWkt(const char *wkt, EcoCrs *crs, char *msg, size_t msglen)
{
	WktDoc	   *d = malloc(sizeof(WktDoc));
	EcoCrsFault fault = ECO_CRS_SYNTAX;
	int			r;

	memset(crs, 0, sizeof(*crs));
	msg[0] = '\0';
	if (d == NULL)
	{
		snprintf(msg, msglen, "Out of memory reading the WKT.");
		return ECO_CRS_SYNTAX;
	}
	d->s = wkt;
	d->pos = 0;
	d->n = 0;
	WktSkipSpace(d);
	if (d->s[d->pos] == '\0')
		snprintf(msg, msglen, "The WKT is empty.");
	else if (!WktNodeRead(d, -1, 0) || (WktSkipSpace(d), d->s[d->pos] != '\0'))
		snprintf(msg, msglen, "The WKT is not readable at character %zu (of %zu).",
				 d->pos + 1, strlen(wkt));
	else
	{
		r = WktHorizontal(d);
		fault = WktKind(d, r, crs, msg, msglen);
		if (fault == ECO_CRS_OK)
			fault = WktEllipsoid(d, r, crs, msg, msglen);
		if (fault == ECO_CRS_OK)
			fault = WktUnit(d, r, crs, msg, msglen);
	}
	free(d);
	return fault;
}
