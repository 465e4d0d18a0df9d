-- The named functions the account views are assembled from, each on its own.
\pset null '(null)'

-- horizontal_transfers on the water-footprint paper's 2022 zones (Table 7,
-- value of the deficit / surplus in 1e8 yuan): central-eastern -41.69,
-- western -76.61 pay; northeastern 91.96, southeastern 77.22 are paid.
-- D = 41.69 + 76.61 = 118.30, S = 91.96 + 77.22 = 169.18, T = min = 118.30
--   central-eastern -> northeastern 41.69 * 91.96 / 169.18 = 22.6611443433
--   central-eastern -> southeastern 41.69 * 77.22 / 169.18 = 19.0288556566
--   western -> northeastern         76.61 * 91.96 / 169.18 = 41.6423667100
--   western -> southeastern         76.61 * 77.22 / 169.18 = 34.9676332899
--   unmatched S - T = 50.88: northeastern 50.88 * 91.96 / 169.18 = 27.6564889466
--                            southeastern 50.88 * 77.22 / 169.18 = 23.2235110533
-- (bc, scale 10); each payer pays its whole deficit, each recipient gets its surplus
SELECT payer_region_id, recipient_region_id, round(amount::numeric, 9) AS amount_1e8_yuan
FROM ecocomp.horizontal_transfers(ARRAY[1, 2, 3, 4], ARRAY[-41.69, -76.61, 91.96, 77.22]);
SELECT x.payer_region_id, round(sum(x.amount)::numeric, 9) AS paid
FROM ecocomp.horizontal_transfers(ARRAY[1, 2, 3, 4], ARRAY[-41.69, -76.61, 91.96, 77.22]) x
WHERE x.payer_region_id IS NOT NULL GROUP BY 1 ORDER BY 1;
SELECT x.recipient_region_id, round(sum(x.amount)::numeric, 9) AS received
FROM ecocomp.horizontal_transfers(ARRAY[1, 2, 3, 4], ARRAY[-41.69, -76.61, 91.96, 77.22]) x
WHERE x.recipient_region_id IS NOT NULL GROUP BY 1 ORDER BY 1;
-- deficits exceed surpluses: D = 40, S = 20, T = 20: 1 pays 20 * 30/40 = 15,
-- 2 pays 5; unmatched: 1 still owes 20 * 30/40 = 15, 2 owes 5; 3 (balanced) absent
SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, 2, 3, 4], ARRAY[-30, -10, 0, 20]);
-- no payers / no recipients: no transfers, only unmatched rows; nothing at all
SELECT * FROM ecocomp.horizontal_transfers(ARRAY[7, 8], ARRAY[5, 15]);
SELECT * FROM ecocomp.horizontal_transfers(ARRAY[7, 8], ARRAY[-5, -15]);
SELECT * FROM ecocomp.horizontal_transfers('{}'::integer[], '{}'::float8[]);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, 2], ARRAY[-1])$$);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, 1], ARRAY[-1, 1])$$);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, 2], ARRAY[-1, NULL])$$);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, NULL], ARRAY[-1, 1])$$);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, 2], ARRAY[-1, 'Infinity'::float8])$$);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[1, 2, 3], ARRAY[-1.7e308, -1.7e308, 1])$$);
SELECT error_of($$SELECT * FROM ecocomp.horizontal_transfers(ARRAY[[1, 2]], ARRAY[[-1, 1]])$$);
SELECT * FROM ecocomp.horizontal_transfers(NULL, ARRAY[1]);

-- classified area and coverage: 8 ha of codes, 1 ha nodata, region 10 ha:
-- classified 8 ha, coverage 80 %; no areas at all (outside the rasters): 0 %;
-- keys that are not land-use codes are not classified area
SELECT ecocomp.landuse_classified_ha('{"12": 6, "21": 2, "nodata": 1}') AS classified_ha,
	   ecocomp.landuse_classified_ha('{"12": 6, "-3": 1, "outside": 4, "nodata": 1}') AS classified_other_keys,
	   ecocomp.landuse_coverage_pct('{"12": 6, "21": 2, "nodata": 1}', 10) AS coverage_pct,
	   ecocomp.landuse_coverage_pct(NULL, 10) AS coverage_outside,
	   ecocomp.landuse_coverage_pct('{"12": 1}', 0) AS coverage_no_area,
	   ecocomp.landuse_classified_ha('{}') AS classified_empty;

-- region area: 300 m x 300 m in UTM 50N = 9 ha; 0.01 x 0.01 degree at 36 N
-- in EPSG:4326 equals PostGIS's spheroidal area of the geography / 1e4
SELECT ecocomp.region_area_ha(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650)) AS ha_utm,
	   abs(ecocomp.region_area_ha(ST_MakeEnvelope(117, 36, 117.01, 36.01, 4326))
		   - ST_Area(ST_MakeEnvelope(117, 36, 117.01, 36.01, 4326)::geography, true) / 1e4) < 1e-9 AS ha_4326_is_spheroidal;

-- change: 55170 -> 47150 is 100 * (47150 / 55170 - 1) = -14.536885988762...%;
-- from 0: NULL.  Land-use-driven change at constant E_a: ESV 1000 -> 2400
-- while E_a went 1000 -> 2000: at E_a 1000 the later ESV is 1200, +20 %;
-- the total change is +140 %
SELECT round(ecocomp.change_pct(55170, 47150)::numeric, 9) AS change_pct,
	   ecocomp.change_pct(0, 1) AS from_zero,
	   round(ecocomp.esv_landuse_change_pct(1000, 2400, 1000, 2000)::numeric, 9) AS landuse_driven_pct,
	   ecocomp.change_pct(1000, 2400) AS total_pct,
	   ecocomp.esv_landuse_change_pct(1000, 2400, 1000, 0) AS ea_zero;
