-- A small account (schema gis) for the shell tests: two cities over a land-use
-- raster in EPSG:32650, their statistics, a zone with a district.
SELECT ecocomp.create_accounts('gis', 32650);
INSERT INTO gis.region (region_id, name, level, geom) VALUES
(1, 'One', 'city', ST_Multi(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650))),
(2, 'Two', 'city', ST_Multi(ST_MakeEnvelope(500300, 4000000, 500600, 4000300, 32650))),
(10, 'Zone', 'zone', ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650)));
INSERT INTO gis.region (region_id, name, level, parent_id, geom) VALUES
(11, 'District', 'district', 10, ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650)));
INSERT INTO gis.landuse_raster (year, classification, rast)
SELECT 2020, 'cnlucc', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(6, 3, 500000, 4000300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0),
	1, 1, 1, ARRAY[[21, 12, 12, 21, 21, 21], [12, 12, 12, 21, 21, 21], [12, 12, 12, 42, 42, 21]]::float8[]);
INSERT INTO gis.region_stat (region_id, year, gdp_yuan, ea_yuan_per_hm2, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3) VALUES
(1, 2020, 50000, 1000, NULL, NULL, NULL, NULL), (2, 2020, 80000, 1000, NULL, NULL, NULL, NULL),
(11, 2020, NULL, NULL, 29, 2912000, 1456000, 2912000);
SELECT gis.refresh();
