/*
 * hist.c
 *	  Histogram kernel of the zonal engine (pure C).
 */
#include <string.h>

#include "eco_core.h"

void
EcoHistU8(const uint8_t *px, int n, uint32_t *counts, uint32_t *sub)
{
	int			i = 0,
				v;

	/*
	 * Four sub-histograms: consecutive equal pixels increment different
	 * counters, so the increments do not wait on each other.
	 */
	for (; i + 4 <= n; i += 4)
	{
		sub[px[i]]++;
		sub[256 + px[i + 1]]++;
		sub[512 + px[i + 2]]++;
		sub[768 + px[i + 3]]++;
	}
	for (; i < n; i++)
		sub[px[i]]++;
	for (v = 0; v < 256; v++)
	{
		uint32_t	s = sub[v] + sub[256 + v] + sub[512 + v] + sub[768 + v];

		if (s)
		{
			counts[v] += s;
			sub[v] = sub[256 + v] = sub[512 + v] = sub[768 + v] = 0;
		}
	}
}
