/*
 * wkb_poly.c
 *	  WKB Polygon / MultiPolygon reader of the zonal engine (pure C), and the
 *	  chunk index the coverage sweep uses to find the edges near a tile.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "eco_core.h"

typedef struct WkbReader
{
	const uint8_t *p;
	size_t		len;
	size_t		pos;
	const EcoEnv *env;
	EcoErr		err;
	char	   *msg;
	size_t		msglen;
	/* the polygon being built */
	EcoPoly    *poly;
	int			cap_rings;
	int			cap_pts;
} WkbReader;

#if defined(__GNUC__)
static bool WkbFail(WkbReader *r, EcoErr code, const char *fmt,...) __attribute__((format(printf, 3, 4)));
#endif

static bool
WkbFail(WkbReader *r, EcoErr code, const char *fmt,...)
{
	va_list		ap;

	if (r->err == ECO_OK)
	{
		r->err = code;
		va_start(ap, fmt);
		vsnprintf(r->msg, r->msglen, fmt, ap);
		va_end(ap);
	}
	return false;
}

static bool
WkbU32(WkbReader *r, bool swap, uint32_t *v)
{
	uint32_t	u;

	if (r->len - r->pos < 4)
		return WkbFail(r, ECO_ERR_INVALID, "truncated WKB geometry");
	memcpy(&u, r->p + r->pos, 4);
	r->pos += 4;
	if (swap)
		u = ((u & 0xFFu) << 24) | ((u & 0xFF00u) << 8) | ((u >> 8) & 0xFF00u) | (u >> 24);
	*v = u;
	return true;
}

static double
WkbF64(const uint8_t *p, bool swap)
{
	uint8_t		b[8];
	double		d;
	int			i;

	for (i = 0; i < 8; i++)
		b[i] = swap ? p[7 - i] : p[i];
	memcpy(&d, b, 8);
	return d;
}

/* true when the data's byte order differs from the machine's */
static bool
WkbByteOrder(WkbReader *r, bool *swap)
{
	const uint16_t one = 1;
	bool		host_little = *(const uint8_t *) &one == 1;
	uint8_t		bo;

	if (r->pos >= r->len)
		return WkbFail(r, ECO_ERR_INVALID, "truncated WKB geometry");
	bo = r->p[r->pos++];
	if (bo > 1)
		return WkbFail(r, ECO_ERR_INVALID, "invalid WKB byte order %u", bo);
	*swap = (bo == 1) != host_little;
	return true;
}

/* the type word: base type, and the dimensions */
static bool
WkbType(WkbReader *r, bool swap, uint32_t *base, int *ndims)
{
	uint32_t	t = 0,
				srid = 0;
	bool		z = false,
				m = false;

	if (!WkbU32(r, swap, &t))
		return false;
	if ((t & 0x20000000) && !WkbU32(r, swap, &srid))	/* EWKB SRID */
		return false;
	if (t & 0x80000000)
		z = true;
	if (t & 0x40000000)
		m = true;
	t &= 0x0FFFFFFF;
	*base = t % 1000;
	switch (t / 1000)
	{
		case 0:
			break;
		case 1:
			z = true;
			break;
		case 2:
			m = true;
			break;
		case 3:
			z = m = true;
			break;
		default:
			return WkbFail(r, ECO_ERR_INVALID, "unknown WKB geometry type %u", t);
	}
	*ndims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
	return true;
}

/*
 * Signed area of a closed ring of n points (shoelace, relative to the first
 * point for precision).  The differences are first scaled by a power of two
 * that brings the ring's extent near 1, so the products neither underflow
 * (coordinates near 1e-200) nor overflow (near 1e200): *ccw, the
 * orientation, is taken from the scaled sum, since the area itself (the
 * scaling undone) may under- or overflow.
 */
static double
WkbRingArea(const double *x, const double *y, int n, bool *ccw)
{
	double		ext = 0,
				a = 0,
				sc;
	int			k,
				e;

	for (k = 1; k < n; k++)
		ext = fmax(ext, fmax(fabs(x[k] - x[0]), fabs(y[k] - y[0])));
	*ccw = true;
	if (ext == 0 || !isfinite(ext))
		return 0;
	(void) frexp(ext, &e);
	sc = ldexp(1.0, -e);
	for (k = 0; k + 1 < n; k++)
		a += ((x[k] - x[0]) * sc) * ((y[k + 1] - y[0]) * sc) -
			((x[k + 1] - x[0]) * sc) * ((y[k] - y[0]) * sc);
	*ccw = (a >= 0);
	return ldexp(0.5 * a, 2 * e);
}

static bool
WkbReadPolygonBody(WkbReader *r, bool swap, int ndims)
{
	EcoPoly    *p = r->poly;
	const EcoEnv *env = r->env;
	uint32_t	nrings,
				i;

	if (!WkbU32(r, swap, &nrings))
		return false;
	if (nrings > (r->len - r->pos) / 4)
		return WkbFail(r, ECO_ERR_INVALID, "truncated WKB geometry");
	for (i = 0; i < nrings; i++)
	{
		uint32_t	npts,
					k;
		size_t		stride = 8 * (size_t) ndims;
		int			start;
		double		a;
		bool		ccw;

		if (env->interrupt)
			env->interrupt();
		if (!WkbU32(r, swap, &npts))
			return false;
		if (npts > (r->len - r->pos) / stride)
			return WkbFail(r, ECO_ERR_INVALID, "truncated WKB geometry");
		if (npts == 0)
			continue;
		if (p->nrings == r->cap_rings)
		{
			r->cap_rings *= 2;
			p->ring_start = env->realloc(p->ring_start, sizeof(int) * r->cap_rings);
			p->ring_npts = env->realloc(p->ring_npts, sizeof(int) * r->cap_rings);
			p->ring_sign = env->realloc(p->ring_sign, sizeof(signed char) * r->cap_rings);
		}
		if ((size_t) p->npts + npts > (size_t) INT32_MAX / 16)
			return WkbFail(r, ECO_ERR_LIMIT, "polygon has too many vertices");
		while (p->npts + (int) npts > r->cap_pts)
		{
			r->cap_pts *= 2;
			p->x = env->realloc(p->x, sizeof(double) * r->cap_pts);
			p->y = env->realloc(p->y, sizeof(double) * r->cap_pts);
		}
		start = p->npts;
		for (k = 0; k < npts; k++)
		{
			double		x = WkbF64(r->p + r->pos, swap);
			double		y = WkbF64(r->p + r->pos + 8, swap);

			if (!isfinite(x) || !isfinite(y))
				return WkbFail(r, ECO_ERR_INVALID, "polygon has a non-finite coordinate");
			r->pos += stride;
			p->x[start + k] = x;
			p->y[start + k] = y;
			if (x < p->xmin)
				p->xmin = x;
			if (x > p->xmax)
				p->xmax = x;
			if (y < p->ymin)
				p->ymin = y;
			if (y > p->ymax)
				p->ymax = y;
		}
		a = WkbRingArea(p->x + start, p->y + start, (int) npts, &ccw);
		p->ring_start[p->nrings] = start;
		p->ring_npts[p->nrings] = (int) npts;
		/* shells count +1 inside, holes -1, whatever their orientation */
		if (i == 0)
			p->ring_sign[p->nrings] = ccw ? 1 : -1;
		else
			p->ring_sign[p->nrings] = ccw ? -1 : 1;
		p->area += p->ring_sign[p->nrings] * a;
		p->nrings++;
		p->npts += (int) npts;
	}
	return true;
}

static bool
WkbReadGeometry(WkbReader *r)
{
	bool		swap;
	int			ndims;
	uint32_t	type;

	if (!WkbByteOrder(r, &swap) || !WkbType(r, swap, &type, &ndims))
		return false;
	if (type == 3)
	{
		if (!WkbReadPolygonBody(r, swap, ndims))
			return false;
	}
	else if (type == 6)
	{
		uint32_t	nparts,
					i;

		if (!WkbU32(r, swap, &nparts))
			return false;
		if (nparts > (r->len - r->pos) / 9)
			return WkbFail(r, ECO_ERR_INVALID, "truncated WKB geometry");
		for (i = 0; i < nparts; i++)
		{
			bool		s2;
			int			nd2;
			uint32_t	t2;

			if (!WkbByteOrder(r, &s2) || !WkbType(r, s2, &t2, &nd2))
				return false;
			if (t2 != 3)
				return WkbFail(r, ECO_ERR_INVALID, "MultiPolygon part %u is not a Polygon", i + 1);
			if (!WkbReadPolygonBody(r, s2, nd2))
				return false;
		}
	}
	else
		return WkbFail(r, ECO_ERR_INVALID,
					   "geometry must be a Polygon or MultiPolygon, not WKB type %u", type);
	if (r->pos != r->len)
		return WkbFail(r, ECO_ERR_INVALID, "%zu trailing bytes after the WKB geometry",
					   r->len - r->pos);
	return true;
}

EcoErr
EcoWkbParsePolygon(const uint8_t *wkb, size_t len, EcoPoly *out,
				   const EcoEnv *env, char *err, size_t errlen)
{
	WkbReader	r;

	memset(&r, 0, sizeof(r));
	r.p = wkb;
	r.len = len;
	r.env = env;
	r.msg = err;
	r.msglen = errlen;
	r.poly = out;
	r.cap_rings = 4;
	r.cap_pts = 64;
	memset(out, 0, sizeof(EcoPoly));
	out->xmin = out->ymin = HUGE_VAL;
	out->xmax = out->ymax = -HUGE_VAL;
	out->ring_start = env->alloc(sizeof(int) * r.cap_rings);
	out->ring_npts = env->alloc(sizeof(int) * r.cap_rings);
	out->ring_sign = env->alloc(sizeof(signed char) * r.cap_rings);
	out->x = env->alloc(sizeof(double) * r.cap_pts);
	out->y = env->alloc(sizeof(double) * r.cap_pts);
	if (!WkbReadGeometry(&r))
		return r.err;
	EcoPolyIndex(out, env);
	return ECO_OK;
}

void
EcoPolyIndex(EcoPoly *p, const EcoEnv *env)
{
	int			r,
				n = 0;

	for (r = 0; r < p->nrings; r++)
		if (p->ring_npts[r] > 1)
			n += (p->ring_npts[r] - 1 + ECO_CHUNK_EDGES - 1) / ECO_CHUNK_EDGES;
	p->nchunks = n;
	p->chunk_ring = env->alloc(sizeof(int) * (n + 1));
	p->chunk_first = env->alloc(sizeof(int) * (n + 1));
	p->chunk_nedges = env->alloc(sizeof(int) * (n + 1));
	p->chunk_box = env->alloc(sizeof(double) * 4 * (n + 1));
	n = 0;
	for (r = 0; r < p->nrings; r++)
	{
		int			s = p->ring_start[r],
					ne = p->ring_npts[r] - 1,
					c;

		for (c = 0; c < ne; c += ECO_CHUNK_EDGES)
		{
			int			m = (ne - c < ECO_CHUNK_EDGES) ? ne - c : ECO_CHUNK_EDGES,
						i;
			double	   *box = &p->chunk_box[4 * n];

			box[0] = box[1] = p->x[s + c];
			box[2] = box[3] = p->y[s + c];
			for (i = s + c + 1; i <= s + c + m; i++)
			{
				if (p->x[i] < box[0])
					box[0] = p->x[i];
				if (p->x[i] > box[1])
					box[1] = p->x[i];
				if (p->y[i] < box[2])
					box[2] = p->y[i];
				if (p->y[i] > box[3])
					box[3] = p->y[i];
			}
			p->chunk_ring[n] = r;
			p->chunk_first[n] = s + c;
			p->chunk_nedges[n] = m;
			n++;
		}
	}
}
