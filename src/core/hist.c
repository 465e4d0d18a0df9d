/*
 * hist.c
 *	  Histogram kernel of the zonal engine (pure C): pixel counts of 8-bit
 *	  codes over spans of a tile.
 */
#include <string.h>

#include "eco_core.h"

void
EcoHist8Init(EcoHist8 *h)
{
	memset(h, 0, sizeof(EcoHist8));
}

void
EcoHist8Add(EcoHist8 *h, const uint8_t *px, int n)
{
	uint64_t   *s0 = h->sub[0],
			   *s1 = h->sub[1],
			   *s2 = h->sub[2],
			   *s3 = h->sub[3];
	int			i = 0;

	if (n <= 0)
		return;
	/*
	 * Four sub-histograms: consecutive equal pixels increment different
	 * counters, so the increments do not wait on each other.
	 */
	for (; i + 8 <= n; i += 8)
	{
		s0[px[i]]++;
		s1[px[i + 1]]++;
		s2[px[i + 2]]++;
		s3[px[i + 3]]++;
		s0[px[i + 4]]++;
		s1[px[i + 5]]++;
		s2[px[i + 6]]++;
		s3[px[i + 7]]++;
	}
	for (; i < n; i++)
		s0[px[i]]++;
	h->npx += (uint64_t) n;
}

int
EcoHist8Take(EcoHist8 *h, uint8_t *codes, uint64_t *counts)
{
	int			v,
				k = 0;

	if (h->npx == 0)
		return 0;
	for (v = 0; v < 256; v++)
	{
		uint64_t	c = h->sub[0][v] + h->sub[1][v] + h->sub[2][v] + h->sub[3][v];

		if (c)
		{
			codes[k] = (uint8_t) v;
			counts[k] = c;
			k++;
			h->sub[0][v] = h->sub[1][v] = h->sub[2][v] = h->sub[3][v] = 0;
		}
	}
	h->npx = 0;
	return k;
}
