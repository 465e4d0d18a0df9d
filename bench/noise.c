/*
 * noise.c: the hard case's land-use raster for bench/zonal.sh, as raw 8-bit
 * pixels on stdout (row-major, width x height).  Value noise: a lattice of
 * hash values in [0, 1) every 4 pixels, bilinear between them, cut into
 * classes 1..20 (runs of 1-4 pixels); nodata 0 where a second per-pixel
 * hash is below 0.003.  Deterministic (no seed).
 *
 *	  cc -O2 -o noise bench/noise.c && ./noise 6144 6144 > noise.raw
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static double
h(uint32_t i, uint32_t j, uint32_t salt)
{
	uint32_t	x = i * 0x9E3779B1u ^ (j + 0x7F4A7C15u) * 0x85EBCA77u ^ salt * 0xC2B2AE3Du;

	x ^= x >> 16;
	x *= 0x7FEB352Du;
	x ^= x >> 15;
	x *= 0x846CA68Bu;
	x ^= x >> 16;
	return x / 4294967296.0;
}

int
main(int argc, char **argv)
{
	int			w,
				hgt,
				r,
				c;
	unsigned char *row;

	if (argc != 3)
	{
		fprintf(stderr, "usage: noise WIDTH HEIGHT > file.raw\n");
		return 2;
	}
	w = atoi(argv[1]);
	hgt = atoi(argv[2]);
	if (w <= 0 || hgt <= 0)
		return 2;
	row = malloc(w);
	if (row == NULL)
		return 1;
	for (r = 0; r < hgt; r++)
	{
		uint32_t	iy = r / 4;
		double		fy = (r % 4) / 4.0;

		for (c = 0; c < w; c++)
		{
			uint32_t	ix = c / 4;
			double		fx = (c % 4) / 4.0;
			double		v = (1 - fx) * (1 - fy) * h(ix, iy, 1) + fx * (1 - fy) * h(ix + 1, iy, 1) +
				(1 - fx) * fy * h(ix, iy + 1, 1) + fx * fy * h(ix + 1, iy + 1, 1);
			int			k = 1 + (int) (20 * v);

			row[c] = (h(c, r, 2) < 0.003) ? 0 : (unsigned char) (k > 20 ? 20 : k);
		}
		if (fwrite(row, 1, w, stdout) != (size_t) w)
			return 1;
	}
	free(row);
	return 0;
}
