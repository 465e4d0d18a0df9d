------------------------------------------------------------------------------
-- Raster zonal engine (issue 3): land-use areas, transitions and ESV from
-- PostGIS rasters inside the database.  The install script runs with
-- PostGIS's schema on search_path, so raster and geometry resolve here.
------------------------------------------------------------------------------

CREATE TYPE @extschema@.landuse_state;

CREATE FUNCTION @extschema@.landuse_state_in(cstring) RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.landuse_state_out(@extschema@.landuse_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'landuse_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.landuse_state_recv(internal) RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.landuse_state_send(@extschema@.landuse_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'landuse_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.landuse_state (
	INPUT = @extschema@.landuse_state_in,
	OUTPUT = @extschema@.landuse_state_out,
	RECEIVE = @extschema@.landuse_state_recv,
	SEND = @extschema@.landuse_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.landuse_state IS
	'Transition state of the raster aggregates: histogram of land-use code (or (from, to) code pair) -> area in m2, nodata area, coverage mode, band, SRID, polygon hash, pixel grid of the tiles; text form kind=...;mode=...;[grid=...;]hist=code:0=m2,...';
COMMENT ON FUNCTION @extschema@.landuse_state_in(cstring) IS 'Text input of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_out(@extschema@.landuse_state) IS 'Text output of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_recv(internal) IS 'Binary input of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_send(@extschema@.landuse_state) IS 'Binary output of landuse_state (areas in m2)';

-- support functions of the aggregates (aggregates cannot have DEFAULT
-- arguments: each shorter overload uses the defaults in C)
CREATE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';

CREATE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';

CREATE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer, text) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';

CREATE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';

CREATE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';

CREATE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer, text) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer, jsonb)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer, jsonb) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification, scheme and the Xie 2015 adjustment factors (npp, precipitation, soil)';

CREATE FUNCTION @extschema@.landuse_state_combine(@extschema@.landuse_state, @extschema@.landuse_state)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_state_combine(@extschema@.landuse_state, @extschema@.landuse_state) IS
	'Combine function of the raster aggregates: adds two histograms of areas (m2); states of different coverage modes, bands or polygons are an error';

CREATE FUNCTION @extschema@.landuse_area_final(@extschema@.landuse_state) RETURNS jsonb
AS 'MODULE_PATHNAME', 'landuse_area_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_area_final(@extschema@.landuse_state) IS
	'Final function of landuse_area: {"<code>": hectares, ..., "nodata": hectares}';

CREATE FUNCTION @extschema@.landuse_transition_final(@extschema@.landuse_state) RETURNS jsonb
AS 'MODULE_PATHNAME', 'landuse_transition_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_transition_final(@extschema@.landuse_state) IS
	'Final function of landuse_transition: {"<from code>": {"<to code>": hectares, ...}, ...} with "nodata" keys';

CREATE FUNCTION @extschema@.esv_value_final(@extschema@.landuse_state) RETURNS @extschema@.esv_summary
AS 'MODULE_PATHNAME', 'esv_value_final' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_value_final(@extschema@.landuse_state) IS
	'Final function of the esv_value aggregate: ESV in yuan/a through the same core as esv_value(jsonb, ...)';

CREATE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';

CREATE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry, band integer) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry, integer) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';

CREATE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry, band integer, coverage text) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry, integer, text) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';

CREATE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';

CREATE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry, band integer) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry, integer) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';

CREATE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry, band integer, coverage text) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry, integer, text) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text, band integer) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text, integer) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text, band integer, adjustment jsonb) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text, integer, jsonb) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a, with the equivalent factors adjusted by the Xie 2015 factors {"npp", "precipitation", "soil"} (dimensionless, missing = 1, equal in every row of a group); equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme, adjustment => adjustment)';

CREATE FUNCTION @extschema@.esv_raster(rast raster, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015', band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'esv_raster' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_raster(raster, double precision, text, text, integer) IS
	'One-band 32BF raster of ESV per pixel in yuan/hm2/a (sum of the equivalent factors of the pixel''s ecosystem times E_a), same georeference; nodata pixels stay nodata (-9999)';

CREATE FUNCTION @extschema@._raster_check(bytea) RETURNS text
AS 'MODULE_PATHNAME', 'ecocomp_raster_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._raster_check(bytea) IS
	'Test entry point: run the bounds-checked serialized-raster reader over raw bytes; returns "WxH srid=N bands=N <pixtype>..." or raises 22000';

CREATE FUNCTION @extschema@._raster_bytes(raster) RETURNS bytea
AS 'MODULE_PATHNAME', 'ecocomp_raster_bytes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._raster_bytes(raster) IS
	'Test entry point: the serialized raster (RFC1) as bytes, including its 4-byte varlena word';

CREATE FUNCTION @extschema@.srid_kind(srid integer) RETURNS text
AS 'MODULE_PATHNAME', 'srid_kind' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.srid_kind(integer) IS
	'''geographic'' or ''projected'': the CRS of an SRID as the raster aggregates read it from spatial_ref_sys.srtext (its WKT); NULL for SRID 0 and an SRID missing from spatial_ref_sys; 22023 when srtext names no usable ellipsoid, or the coordinates are not in degrees (geographic) or metres (projected)';
