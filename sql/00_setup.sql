-- Test helpers shared by the suite (tools/test.sh always runs this first).
-- error_of(sql): runs sql and returns 'SQLSTATE: message' of the error it
-- raises, or 'no error'.
CREATE FUNCTION public.error_of(sql text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT public.error_of('SELECT 1/0');
SELECT public.error_of('SELECT 1');
-- approx(a, b, tol): |a - b| <= tol, for results a float cannot give exactly.
CREATE FUNCTION public.approx(a double precision, b double precision, tol double precision)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT abs(a - b) <= tol $$;
SELECT public.approx(0.1 + 0.2, 0.3, 1e-12) AS near, public.approx(1, 1.1, 0.01) AS far;
-- force_parallel(): plans parallel wherever the planner can (two workers,
-- no leader participation, so partial states are combined); reset_parallel()
-- undoes it.  Procedures, so that CALL prints nothing.
CREATE PROCEDURE public.force_parallel() LANGUAGE plpgsql AS $$
BEGIN
	SET parallel_setup_cost = 0;
	SET parallel_tuple_cost = 0;
	SET min_parallel_table_scan_size = 0;
	SET max_parallel_workers_per_gather = 2;
	SET parallel_leader_participation = off;
END
$$;
CREATE PROCEDURE public.reset_parallel() LANGUAGE plpgsql AS $$
BEGIN
	RESET parallel_setup_cost;
	RESET parallel_tuple_cost;
	RESET min_parallel_table_scan_size;
	RESET max_parallel_workers_per_gather;
	RESET parallel_leader_participation;
END
$$;
CALL public.force_parallel();
SELECT current_setting('parallel_setup_cost') AS setup_cost, current_setting('parallel_leader_participation') AS leader;
CALL public.reset_parallel();
SELECT current_setting('parallel_setup_cost') AS setup_cost, current_setting('parallel_leader_participation') AS leader;
-- raster_of(values, pixtype, nodata, ulx, uly, scale, srid): a one-band
-- raster of the 2-D array values (rows top to bottom), square pixels of
-- size scale, upper-left corner (ulx, uly) -- by default the grid whose
-- lower-left corner is (0, 0) -- in SRID srid (UTM 50N by default);
-- pixels start at 0 before values are set.
CREATE FUNCTION public.raster_of(vals double precision[], pixtype text DEFAULT '32BF',
	nodata double precision DEFAULT NULL, ulx double precision DEFAULT 0,
	uly double precision DEFAULT NULL, scale double precision DEFAULT 1, srid integer DEFAULT 32650)
RETURNS raster LANGUAGE sql IMMUTABLE AS $$
	SELECT ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(array_length(vals, 2), array_length(vals, 1),
			ulx, COALESCE(uly, array_length(vals, 1) * scale), scale, -scale, 0, 0, srid),
		pixtype, 0, nodata), 1, 1, 1, vals)
$$;
-- 3 columns, 2 rows of 30 m from (0, 60): the same as PostGIS's own build
SELECT ST_Width(r) AS w, ST_Height(r) AS h, ST_UpperLeftX(r) AS ulx, ST_UpperLeftY(r) AS uly,
	   ST_ScaleX(r) AS sx, ST_ScaleY(r) AS sy, ST_SRID(r) AS srid, ST_BandPixelType(r) AS pixtype,
	   ST_BandNoDataValue(r) AS nodata, (ST_DumpValues(r)).valarray AS vals
FROM (SELECT public.raster_of(ARRAY[[1, 2, -1], [4, 5, 6]], '16BSI', -1, scale => 30) AS r) s;
SELECT public.raster_of(ARRAY[[1, 2, -1], [4, 5, 6]], '16BSI', -1, scale => 30)
	 = ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 60, 30, -30, 0, 0, 32650), '16BSI'::text, 0, -1),
					1, 1, 1, ARRAY[[1, 2, -1], [4, 5, 6]]::double precision[][]) AS same_as_postgis;
-- landuse_codes(ncols, nrows): the land-use codes of the zonal tests, rows
-- top to bottom; pixel (x, y) (0-based column, row) is nodata 0 when
-- (7x + 13y) mod 17 = 0, else the CNLUCC code number
-- 1 + (3x + 5y + (x / 10)(y / 7)) mod 12 of (11, 12, 21, 22, 23, 31, 41, 42,
-- 51, 52, 61, 67).
CREATE FUNCTION public.landuse_codes(ncols integer, nrows integer) RETURNS double precision[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(CASE WHEN (x * 7 + y * 13) % 17 = 0 THEN 0
		                         ELSE (ARRAY[11,12,21,22,23,31,41,42,51,52,61,67])[1 + (x * 3 + y * 5 + (x / 10) * (y / 7)) % 12] END
		                    ORDER BY x) AS r
		FROM generate_series(0, nrows - 1) y, generate_series(0, ncols - 1) x GROUP BY y) s
$$;
-- (x, y) -> 7x + 13y mod 17, code number: (0,0) -> 0, nodata 0;
-- (1,0) -> 7, 1 + 3 = 4th code 22; (2,0) -> 14, 1 + 6 = 7th 41;
-- (0,1) -> 13, 1 + 5 = 6th 31; (1,1) -> 3, 1 + 8 = 9th 51; (2,1) -> 10, 1 + 11 = 12th 67
SELECT public.landuse_codes(3, 2) = ARRAY[[0, 22, 41], [31, 51, 67]]::double precision[] AS codes_3x2;

-- binary_copy(src, dst): a new table dst of one landuse_state column s
-- holding the rows of src (same shape) after COPY ... (FORMAT binary) out
-- and in, that is through the type's send and recv functions.
CREATE PROCEDURE public.binary_copy(src text, dst text) LANGUAGE plpgsql AS $$
DECLARE f text := '/tmp/ecocomp_' || src || '_' || pg_backend_pid() || '.bin';
BEGIN
	EXECUTE format('COPY %I TO %L (FORMAT binary)', src, f);
	EXECUTE format('CREATE TABLE %I (s ecocomp.landuse_state)', dst);
	-- read the file back and remove it
	EXECUTE format('COPY %I FROM PROGRAM %L (FORMAT binary)', dst, format('cat %s && rm -f %s', f, f));
END $$;
CREATE TEMP TABLE bc_in (s ecocomp.landuse_state);
INSERT INTO bc_in VALUES ('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=12:0=1');
CALL binary_copy('bc_in', 'bc_out');
SELECT (SELECT s::text FROM bc_out) = (SELECT s::text FROM bc_in) AS binary_copy_round_trip;
DROP TABLE bc_in, bc_out;
