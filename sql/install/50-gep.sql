------------------------------------------------------------------------------
-- Gross ecosystem product (GEP) of a restoration project (the GEP paper (Xu X. et al., in press)):
-- service formulas, parameter sets as data, a before/after account.
-- Method: the GEP method (docs/gep.md); defaults the paper does not give:
-- docs/sources.md (coefficients 3).  The README section "GEP
-- accounting" documents every object.
------------------------------------------------------------------------------

-- GEP land types ------------------------------------------------------------

CREATE TABLE @extschema@.gep_land_type (
	land_type	text PRIMARY KEY CHECK (land_type ~ '^[a-z][a-z0-9_]*$'),
	label		text NOT NULL,
	contributes	boolean NOT NULL,
	position	integer NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.gep_land_type IS
	'Land types of the GEP account (areas in hm2 = ha); contributes = false for land that by definition yields no ecosystem product (mining, construction, bare land): its services are 0 and it takes no parameters';

INSERT INTO @extschema@.gep_land_type (land_type, label, contributes, position, source, builtin) VALUES
('forest',       'forest land (林地, including shrubland)', true,  1, 'Xu X. et al., in press, Table 1', true),
('dryland',      'dry land (旱地)',                          true,  2, 'Xu X. et al., in press, Table 1', true),
('grassland',    'grassland (草地)',                         true,  3, 'Xu X. et al., in press, Table 1', true),
('paddy',        'paddy field (水田)',                       true,  4, 'ecocomp: needed to map CNLUCC code 11; no parameters in the built-in set', true),
('water',        'water bodies, glaciers and snow',          true,  5, 'ecocomp: needed to map water codes; no parameters in the built-in set', true),
('wetland',      'wetland, marsh, tidal flat, mangrove',     true,  6, 'ecocomp: needed to map wetland codes; no parameters in the built-in set', true),
('mining',       'mining land (工矿用地)',                   false, 7, 'Xu X. et al., in press, Table 1 and section 3.3: mining land contributes nothing', true),
('construction', 'construction land (建设用地)',             false, 8, 'Xu X. et al., in press, Table 1 and section 3.3: construction land contributes nothing', true),
('bare',         'bare land: sand, gobi, saline, bare soil and rock', false, 9, 'ecocomp: unvegetated land valued like the paper''s mining land (no vegetation, no product)', true);

-- Land-use code -> GEP land type --------------------------------------------

CREATE TABLE @extschema@.gep_landuse_map (
	classification text NOT NULL,
	code		integer NOT NULL,
	land_type	text NOT NULL REFERENCES @extschema@.gep_land_type ON UPDATE CASCADE ON DELETE CASCADE,
	reason		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (classification, code),
	FOREIGN KEY (classification, code) REFERENCES @extschema@.landuse_class ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.gep_landuse_map IS
	'Which GEP land type each land-use code (landuse_class) is accounted as, with the reason, so the raster engine''s {"<code>": hectares} plugs into gep_account';

INSERT INTO @extschema@.gep_landuse_map (classification, code, land_type, reason, builtin) VALUES
('cnlucc', 11, 'paddy',        'paddy field', true),
('cnlucc', 12, 'dryland',      'dry land is the paper''s dry land', true),
('cnlucc', 21, 'forest',       'closed forest is forest land', true),
('cnlucc', 22, 'forest',       'shrubland is part of forest land (林地) in the Chinese land-use system', true),
('cnlucc', 23, 'forest',       'sparse woodland is part of forest land (林地)', true),
('cnlucc', 24, 'forest',       'other woodland (orchards, nurseries, young plantations) is part of forest land (林地)', true),
('cnlucc', 31, 'grassland',    'grassland', true),
('cnlucc', 32, 'grassland',    'grassland', true),
('cnlucc', 33, 'grassland',    'grassland', true),
('cnlucc', 41, 'water',        'rivers and canals', true),
('cnlucc', 42, 'water',        'lakes', true),
('cnlucc', 43, 'water',        'reservoirs and ponds', true),
('cnlucc', 44, 'water',        'glacier and snow: water (first-level type of Xie 2015)', true),
('cnlucc', 45, 'wetland',      'tidal flat', true),
('cnlucc', 46, 'wetland',      'bottomland / river beach', true),
('cnlucc', 51, 'construction', 'urban land', true),
('cnlucc', 52, 'construction', 'rural settlement', true),
('cnlucc', 53, 'mining',       'other construction land is where CNLUCC puts industrial and mining land (工矿用地), the mining land of the GEP paper (Xu X. et al., in press); contributes nothing like construction', true),
('cnlucc', 61, 'bare',         'sandy land', true),
('cnlucc', 62, 'bare',         'gobi', true),
('cnlucc', 63, 'bare',         'saline-alkali land', true),
('cnlucc', 64, 'wetland',      'marsh is wetland, although CNLUCC lists it under unused land', true),
('cnlucc', 65, 'bare',         'bare soil', true),
('cnlucc', 66, 'bare',         'bare rock / gravel', true),
('cnlucc', 67, 'bare',         'other unused land (alpine desert, tundra)', true),
('clcd', 1, 'dryland',         'CLCD does not separate paddy: dry land, as the ESV mapping does', true),
('clcd', 2, 'forest',          'forest', true),
('clcd', 3, 'forest',          'shrub is part of forest land (林地)', true),
('clcd', 4, 'grassland',       'grassland', true),
('clcd', 5, 'water',           'water', true),
('clcd', 6, 'water',           'snow/ice: water, as CNLUCC 44', true),
('clcd', 7, 'bare',            'barren', true),
('clcd', 8, 'construction',    'impervious surface (mines are not separated from built-up land)', true),
('clcd', 9, 'wetland',         'wetland', true),
('worldcover', 10, 'forest',   'tree cover', true),
('worldcover', 20, 'forest',   'shrubland is part of forest land (林地)', true),
('worldcover', 30, 'grassland','grassland', true),
('worldcover', 40, 'dryland',  'cropland without paddy information: dry land, as CLCD 1', true),
('worldcover', 50, 'construction', 'built-up (mines are not separated from built-up land)', true),
('worldcover', 60, 'bare',     'bare / sparse vegetation', true),
('worldcover', 70, 'water',    'snow and ice: water, as CNLUCC 44', true),
('worldcover', 80, 'water',    'permanent water bodies', true),
('worldcover', 90, 'wetland',  'herbaceous wetland', true),
('worldcover', 95, 'wetland',  'mangroves are wetland, as in the ESV mapping', true),
('worldcover', 100, 'bare',    'moss and lichen (tundra-like, sparse): bare land, as the ESV mapping values it as desert', true);

-- Parameters ------------------------------------------------------------------

CREATE TABLE @extschema@.gep_parameter (
	parameter	text PRIMARY KEY,
	unit		text NOT NULL,
	service		text NOT NULL,
	symbol		text NOT NULL,
	description	text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	UNIQUE (parameter, unit)
);
COMMENT ON TABLE @extschema@.gep_parameter IS
	'The parameters gep_account reads, with the unit every value of gep_param must be in; this list is fixed by the C code (rows added here are not read)';

INSERT INTO @extschema@.gep_parameter (parameter, unit, service, symbol, description, source, builtin) VALUES
('crop_yield',          'kg/hm2/a',           'agricultural_products', 'E_i / S_i', 'crop output per hectare (E_i = crop_yield * area); 0 where the land type yields no crop', 'Xu X. et al., in press, Table 3', true),
('crop_price',          'yuan/kg',            'agricultural_products', 'P_i',  'crop price (output-weighted mean for several crops); not read where crop_yield is 0', 'Xu X. et al., in press, Table 3', true),
('precipitation',       'mm/a',               'water_conservation',    'P',    'annual precipitation', 'Xu X. et al., in press, Table 3', true),
('runoff_coefficient',  '1',                  'water_conservation',    'R_i / P', 'surface runoff as a fraction of precipitation (R_i = runoff_coefficient * P), in [0, 1]', 'Xu X. et al., in press, section 2.2 (runoff from the recommended coefficient times rainfall)', true),
('evapotranspiration',  'mm/a',               'water_conservation',    'ET_i', 'actual evapotranspiration', 'Xu X. et al., in press, Table 3', true),
('water_price',         'yuan/m3',            'water_conservation',    'C_wc', 'market price of water', 'Xu X. et al., in press, Table 3', true),
('rainfall_erosivity',  'MJ mm/(hm2 h a)',    'soil_retention',        'R',    'RUSLE rainfall erosivity factor', 'Xu X. et al., in press, Table 3', true),
('soil_erodibility',    't hm2 h/(hm2 MJ mm)', 'soil_retention',       'K',    'RUSLE soil erodibility factor', 'Xu X. et al., in press, Table 3', true),
('slope_length_factor', '1',                  'soil_retention',        'LS',   'RUSLE slope length and steepness factor', 'Xu X. et al., in press, Table 3', true),
('cover_factor',        '1',                  'soil_retention',        'C',    'RUSLE cover-management factor, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('practice_factor',     '1',                  'soil_retention',        'P',    'RUSLE support-practice factor, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('sediment_coefficient','1',                  'soil_retention',        'lambda', 'sediment accumulation coefficient: share of retained soil that would silt up reservoirs, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('soil_bulk_density',   't/m3',               'soil_retention',        'rho',  'soil bulk density (> 0)', 'Xu X. et al., in press, Table 3', true),
('dredging_cost',       'yuan/m3',            'soil_retention',        'c',    'reservoir dredging cost', 'Xu X. et al., in press, Table 3', true),
('soil_nitrogen',       'g/kg',               'soil_retention',        'C_N',  'nitrogen content of the soil', 'Xu X. et al., in press, Table 3', true),
('soil_phosphorus',     'g/kg',               'soil_retention',        'C_P',  'phosphorus content of the soil', 'Xu X. et al., in press, Table 3', true),
('nitrogen_fertilizer_coefficient',   '1',    'soil_retention',        'alpha_N', 't of fertilizer per t of nitrogen', 'Xu X. et al., in press, Table 3', true),
('phosphorus_fertilizer_coefficient', '1',    'soil_retention',        'alpha_P', 't of fertilizer per t of phosphorus', 'Xu X. et al., in press, Table 3', true),
('nitrogen_fertilizer_price',   'yuan/t',     'soil_retention',        'P_N',  'price of nitrogen fertilizer', 'Xu X. et al., in press, Table 3', true),
('phosphorus_fertilizer_price', 'yuan/t',     'soil_retention',        'P_P',  'price of phosphorus fertilizer', 'Xu X. et al., in press, Table 3', true),
('so2_absorption',      't/hm2/a',            'air_purification',      'Q_SO2', 'SO2 absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('nox_absorption',      't/hm2/a',            'air_purification',      'Q_NOx', 'NOx absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('dust_absorption',     't/hm2/a',            'air_purification',      'Q_dust', 'dust absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('so2_cost',            'yuan/kg',            'air_purification',      'C_SO2', 'SO2 treatment cost (pollution discharge fee)', 'Xu X. et al., in press, Table 3', true),
('nox_cost',            'yuan/kg',            'air_purification',      'C_NOx', 'NOx treatment cost', 'Xu X. et al., in press, Table 3', true),
('dust_cost',           'yuan/kg',            'air_purification',      'C_dust', 'dust treatment cost', 'Xu X. et al., in press, Table 3', true),
('carbon_rate',         't C/hm2/a',          'carbon_fixation',       'FCSR, GSR, CSR', 'carbon sequestration rate of the vegetation', 'Xu X. et al., in press, Table 3', true),
('soil_carbon_coefficient', '1',              'carbon_fixation',       'beta', 'soil carbon sequestration coefficient: the land type fixes carbon_rate * (1 + beta)', 'Xu X. et al., in press, Table 3 (FCS = FCSR * SF * (1 + beta))', true),
('carbon_price',        'yuan/t CO2',         'carbon_fixation',       'C_c',  'price of fixed CO2', 'Xu X. et al., in press, Table 3', true),
('oxygen_price',        'yuan/t',             'oxygen_release',        'C_o',  'industrial oxygen price', 'Xu X. et al., in press, Table 3', true),
('heat_absorbed',       'kJ/hm2/d',           'climate_regulation',    'GPP',  'heat absorbed by vegetation per hectare and air-conditioning day', 'Xu X. et al., in press, Table 3', true),
('ac_days',             'd/a',                'climate_regulation',    'd',    'air-conditioning days per year', 'Xu X. et al., in press, Table 3', true),
('eer',                 '1',                  'climate_regulation',    'R',    'energy efficiency ratio of air conditioners (> 0)', 'Xu X. et al., in press, Table 3', true),
('electricity_price',   'yuan/kWh',           'climate_regulation',    'p',    'electricity price', 'Xu X. et al., in press, Table 3', true),
('landscape_factor',    '1',                  'aesthetic_landscape',   'A_i',  'aesthetic landscape value equivalent per hectare', 'Xu X. et al., in press, Table 3', true),
('equivalent_coefficient', '1',               'aesthetic_landscape',   'R',    'value of one equivalent as a share of the grain output value (1/7)', 'Xu X. et al., in press, Table 3', true),
('grain_price',         'yuan/kg',            'aesthetic_landscape',   'P_a',  'average market price of grain', 'Xu X. et al., in press, Table 3', true),
('grain_yield',         'kg/hm2',             'aesthetic_landscape',   'P_b',  'average grain yield per hectare', 'Xu X. et al., in press, Table 3', true);

CREATE TABLE @extschema@.gep_param_set (
	param_set	text PRIMARY KEY,
	title		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.gep_param_set IS
	'Named GEP parameter sets; jinsha_2022 is the GEP paper (Xu X. et al., in press) (Jinsha County coal mine restoration, Guizhou, 2022)';

CREATE TABLE @extschema@.gep_param (
	param_set	text NOT NULL REFERENCES @extschema@.gep_param_set ON UPDATE CASCADE ON DELETE CASCADE,
	parameter	text NOT NULL,
	land_type	text REFERENCES @extschema@.gep_land_type ON UPDATE CASCADE ON DELETE CASCADE,
	value		double precision NOT NULL CHECK (value > '-Infinity' AND value < 'Infinity'),
	unit		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	UNIQUE NULLS NOT DISTINCT (param_set, parameter, land_type),
	FOREIGN KEY (parameter, unit) REFERENCES @extschema@.gep_parameter (parameter, unit) ON UPDATE CASCADE
);
COMMENT ON TABLE @extschema@.gep_param IS
	'Values of the GEP parameters by set and land type (land_type NULL: every land type without a row of its own), in the unit gep_parameter fixes, with their source';

INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin) VALUES
('jinsha_2022', 'Jinsha County (Guizhou) coal mine restoration 2022: the paper''s parameters; sourced defaults where it is silent; ac_days, evapotranspiration, dry-land runoff, crop yield and price, grain price and yield required',
 'the GEP paper (Xu X. et al., in press) (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3 and section 2; docs/sources.md (coefficients 3)', true);

INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin) VALUES
-- agricultural products: only dry land yields crops (Table 5); its yield and
-- price come from the local agricultural department and are not published
('jinsha_2022', 'crop_yield', 'forest',    0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from forest land', true),
('jinsha_2022', 'crop_yield', 'grassland', 0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from grassland', true),
-- water conservation
('jinsha_2022', 'precipitation', NULL, 1126.71, 'mm/a', 'Xu X. et al., in press, section 2: average annual precipitation of the study area', true),
('jinsha_2022', 'runoff_coefficient', 'forest', 0.0465, '1', 'docs/sources.md (coefficients 3.2): Gong et al. 2017, Acta Ecol. Sin. 37(7):2455, Table 2, evergreen broadleaf forest 4.65% (the zonal forest of subtropical Guizhou); the paper''s coefficient (NDRC/NBS 2022) is not published', true),
('jinsha_2022', 'runoff_coefficient', 'grassland', 0.0387, '1', 'docs/sources.md (coefficients 3.2): Gong et al. 2017, Table 2, (sub)tropical tussock 3.87%; the paper''s coefficient is not published', true),
('jinsha_2022', 'water_price', NULL, 2.40, 'yuan/m3', 'implied by Xu X. et al., in press, Table 4: 46.05e4 / 191860 = 2.4002 and 4.18e4 / 17414 = 2.4004 yuan/m3 (the GEP method (docs/gep.md))', true),
-- soil retention (RUSLE; K are the after-restoration values)
('jinsha_2022', 'rainfall_erosivity', NULL, 5823.42, 'MJ mm/(hm2 h a)', 'Xu X. et al., in press, Table 3 (Zhu et al. 2021: Yangtze basin in Guizhou)', true),
('jinsha_2022', 'soil_erodibility', 'forest',    0.0336, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'soil_erodibility', 'dryland',   0.0544, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, cultivated land after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'soil_erodibility', 'grassland', 0.0378, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'slope_length_factor', NULL, 11.23, '1', 'Xu X. et al., in press, Table 3 (Yang et al. 2013: purple-soil hills of the southwest)', true),
('jinsha_2022', 'cover_factor', 'dryland',   0.130, '1', 'Xu X. et al., in press, Table 3 (Cai et al. 2000)', true),
('jinsha_2022', 'cover_factor', 'forest',    0.001, '1', 'Xu X. et al., in press, Table 3 (Cai et al. 2000)', true),
('jinsha_2022', 'cover_factor', 'grassland', 0.040, '1', 'Xu X. et al., in press, Table 3 (Ye et al. 2021)', true),
('jinsha_2022', 'practice_factor', 'dryland',   0.4, '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'practice_factor', 'forest',    1,   '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'practice_factor', 'grassland', 1,   '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'sediment_coefficient', NULL, 0.24, '1', 'not in the GEP paper (Xu X. et al., in press); docs/sources.md (coefficients 3.1): Garze GEP 2010 (Baima Zhuoga et al. 2017, Acta Ecol. Sin. 37(19):6302) citing Ouyang, Wang, Miao 1999', true),
('jinsha_2022', 'soil_bulk_density', NULL, 1.3, 't/m3', 'not in the GEP paper (Xu X. et al., in press); docs/sources.md (coefficients 3.3): generic 1.3 g/cm3 (Lancang River GEP 2017); the Garze 0.93 is alpine grassland', true),
('jinsha_2022', 'dredging_cost', NULL, 18.24, 'yuan/m3', 'Xu X. et al., in press, Table 3 (Ministry of Water Resources)', true),
('jinsha_2022', 'soil_nitrogen', NULL, 1.53, 'g/kg', 'Xu X. et al., in press, Table 3 (laboratory measurement)', true),
('jinsha_2022', 'soil_phosphorus', NULL, 0.72, 'g/kg', 'Xu X. et al., in press, Table 3 (laboratory measurement)', true),
('jinsha_2022', 'nitrogen_fertilizer_coefficient', NULL, 2.17, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'phosphorus_fertilizer_coefficient', NULL, 5.56, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'nitrogen_fertilizer_price', NULL, 1500, 'yuan/t', 'Xu X. et al., in press, Table 3 (market research)', true),
('jinsha_2022', 'phosphorus_fertilizer_price', NULL, 900, 'yuan/t', 'Xu X. et al., in press, Table 3 (market research)', true),
-- air purification
('jinsha_2022', 'so2_absorption', 'forest',    0.036,  't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_absorption', 'dryland',   0.025,  't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_absorption', 'grassland', 0.0294, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'forest',    0.0226, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'dryland',   0.0157, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'grassland', 0.0157, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'forest',    0.1076, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'dryland',   0.0841, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'grassland', 0.0847, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_cost',  NULL, 1.2,  'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
('jinsha_2022', 'nox_cost',  NULL, 0.63, 'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
('jinsha_2022', 'dust_cost', NULL, 0.15, 'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
-- carbon fixation, oxygen release
('jinsha_2022', 'carbon_rate', 'forest',    1.17,  't C/hm2/a', 'Xu X. et al., in press, Table 3 (Guidelines, Guizhou 2015, forest vegetation)', true),
('jinsha_2022', 'carbon_rate', 'grassland', 0.02,  't C/hm2/a', 'Xu X. et al., in press, Table 3 (Guidelines, grassland)', true),
('jinsha_2022', 'carbon_rate', 'dryland',   0.047, 't C/hm2/a', 'Xu X. et al., in press, Table 3 (Tian et al. 2014, dry land)', true),
('jinsha_2022', 'soil_carbon_coefficient', 'forest', 0.76, '1', 'Xu X. et al., in press, Table 3: forest soil 0.76, used as beta in FCSR * SF * (1 + beta) (reproduces the published 264.80 and 19.62 t CO2/a within 0.2%)', true),
('jinsha_2022', 'soil_carbon_coefficient', 'grassland', 0, '1', 'Xu X. et al., in press, Table 3: (1 + beta) applies to forest only', true),
('jinsha_2022', 'soil_carbon_coefficient', 'dryland',   0, '1', 'Xu X. et al., in press, Table 3: (1 + beta) applies to forest only', true),
('jinsha_2022', 'carbon_price', NULL, 380, 'yuan/t CO2', 'not in the GEP paper (Xu X. et al., in press); docs/sources.md (coefficients 3.1): Garze GEP 2010 carbon fixation price applied to fixed CO2 (the paper''s values imply about 386)', true),
('jinsha_2022', 'oxygen_price', NULL, 1000, 'yuan/t', 'Xu X. et al., in press, Table 3 (Cao et al. 2023, Guizhou)', true),
-- climate regulation (ac_days is required: the paper''s d is not published)
('jinsha_2022', 'heat_absorbed', NULL, 81100, 'kJ/hm2/d', 'Xu X. et al., in press, Table 3 (Ouyang et al. 2013)', true),
('jinsha_2022', 'eer', NULL, 3.0, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'electricity_price', NULL, 0.45, 'yuan/kWh', 'Xu X. et al., in press, Table 3 (China Southern Power Grid, first tariff level)', true),
-- aesthetic landscape (grain price and yield of Jinsha County are not published)
('jinsha_2022', 'landscape_factor', 'dryland',   0.06, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'forest',    0.82, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'grassland', 0.56, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'equivalent_coefficient', NULL, 1.0 / 7, '1', 'Xu X. et al., in press, Table 3: 1/7', true);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_land_type', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_landuse_map', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_parameter', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_param_set', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_param', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.gep_land_type, @extschema@.gep_landuse_map, @extschema@.gep_parameter,
	@extschema@.gep_param_set, @extschema@.gep_param TO PUBLIC;

-- Service formulas (one per service; inputs and results carry their units) --

CREATE FUNCTION @extschema@.gep_agricultural_products(output_kg_per_a double precision[],
	price_yuan_per_kg double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_agricultural_products'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_agricultural_products(double precision[], double precision[]) IS
	'Agricultural products by market value V = sum E_i P_i in yuan/a, E_i output in kg/a, P_i price in yuan/kg (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_water_conservation(area_m2 double precision,
	precipitation_mm_per_a double precision, runoff_mm_per_a double precision,
	evapotranspiration_mm_per_a double precision, water_price_yuan_per_m3 double precision,
	OUT water_m3_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_water_conservation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_water_conservation(double precision, double precision, double precision, double precision, double precision) IS
	'Water conservation by water balance Q = A (P - R - ET) 1e-3 in m3/a (A in m2, P, R, ET in mm/a; negative when ET exceeds P - R) and V = Q * price in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_soil_retention(area_hm2 double precision,
	rainfall_erosivity_mj_mm_per_hm2_h_a double precision,
	soil_erodibility_t_hm2_h_per_hm2_mj_mm double precision,
	slope_length_factor double precision, cover_factor double precision,
	practice_factor double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_soil_retention'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_soil_retention(double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Soil retained in t/a by RUSLE: Q_sr = R K LS (1 - C P) t/hm2/a times area in hm2; C and P in [0, 1] (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_soil_retention_value(soil_t_per_a double precision,
	sediment_coefficient double precision, soil_bulk_density_t_per_m3 double precision,
	dredging_cost_yuan_per_m3 double precision,
	nitrogen_g_per_kg double precision, nitrogen_fertilizer_coefficient double precision,
	nitrogen_fertilizer_price_yuan_per_t double precision,
	phosphorus_g_per_kg double precision, phosphorus_fertilizer_coefficient double precision,
	phosphorus_fertilizer_price_yuan_per_t double precision,
	OUT sediment_yuan_per_a double precision,
	OUT nitrogen_t_per_a double precision, OUT nitrogen_yuan_per_a double precision,
	OUT phosphorus_t_per_a double precision, OUT phosphorus_yuan_per_a double precision,
	OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_soil_retention_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_soil_retention_value(double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Value of retained soil Q_sr (t/a): sediment lambda (Q_sr / rho) c (rho t/m3, c yuan/m3) plus non-point pollution Q_sr C_i 1e-3 alpha_i P_i for N and P (C_i g/kg, P_i yuan/t fertilizer); nutrient masses in t/a, values in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_air_purification(area_hm2 double precision,
	so2_t_per_hm2_a double precision, nox_t_per_hm2_a double precision, dust_t_per_hm2_a double precision,
	so2_cost_yuan_per_kg double precision, nox_cost_yuan_per_kg double precision,
	dust_cost_yuan_per_kg double precision,
	OUT so2_t_per_a double precision, OUT nox_t_per_a double precision, OUT dust_t_per_a double precision,
	OUT so2_yuan_per_a double precision, OUT nox_yuan_per_a double precision,
	OUT dust_yuan_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_air_purification'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_air_purification(double precision, double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Air purification: pollutant absorbed Q_i = rate (t/hm2/a) * area (hm2) in t/a, value Q_i * 1000 * cost (yuan/kg) in yuan/a, for SO2, NOx and dust (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_carbon_fixation(area_hm2 double precision,
	carbon_rate_t_c_per_hm2_a double precision, soil_carbon_coefficient double precision,
	carbon_price_yuan_per_t_co2 double precision,
	OUT co2_t_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_carbon_fixation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_carbon_fixation(double precision, double precision, double precision, double precision) IS
	'Carbon fixation Q_CO2 = 44/12 * rate (t C/hm2/a) * (1 + beta) * area (hm2) in t CO2/a (beta: 0.76 for forest in the GEP paper (Xu X. et al., in press), 0 elsewhere), value Q_CO2 * price in yuan/a';

CREATE FUNCTION @extschema@.gep_oxygen_release(co2_t_per_a double precision,
	oxygen_price_yuan_per_t double precision,
	OUT o2_t_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_oxygen_release'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_oxygen_release(double precision, double precision) IS
	'Oxygen release Q_O2 = 32/44 * Q_CO2 in t O2/a from fixed CO2 in t/a, value Q_O2 * price (yuan/t) in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_climate_regulation(area_hm2 double precision,
	heat_absorbed_kj_per_hm2_d double precision, ac_days_per_a double precision,
	eer double precision, electricity_price_yuan_per_kwh double precision,
	OUT electricity_kwh_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_climate_regulation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_climate_regulation(double precision, double precision, double precision, double precision, double precision) IS
	'Climate regulation as air-conditioning electricity saved: kWh/a = GPP (kJ/hm2/d) * area (hm2) * d (d/a) / (3600 * EER), value kWh * price (yuan/kWh) in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_aesthetic_landscape(area_hm2 double precision,
	landscape_factor double precision, grain_price_yuan_per_kg double precision,
	grain_yield_kg_per_hm2 double precision,
	equivalent_coefficient double precision DEFAULT 1.0 / 7)
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_aesthetic_landscape'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_aesthetic_landscape(double precision, double precision, double precision, double precision, double precision) IS
	'Aesthetic landscape value V = A_i * area (hm2) * R * P_a (yuan/kg) * P_b (kg/hm2) in yuan/a, R = 1/7 by default (equivalent-factor method, Xu X. et al., in press, Table 3)';

-- The account ---------------------------------------------------------------

CREATE FUNCTION @extschema@.gep_account(areas jsonb, param_set text DEFAULT 'jinsha_2022',
	overrides jsonb DEFAULT '{}', classification text DEFAULT NULL, services text[] DEFAULT NULL)
RETURNS TABLE (service_group text, service text, item text, land_type text,
	area_ha double precision, quantity double precision, unit text, value_yuan double precision)
AS 'MODULE_PATHNAME', 'gep_account'
LANGUAGE C STABLE PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.gep_account(jsonb, text, jsonb, text, text[]) IS
	'GEP account of land-type areas {"forest": ha, ...} (or land-use codes {"<code>": ha, "nodata": ha} of a classification): one row per (service group, service, item, land type) with area_ha, physical quantity in unit, value_yuan in yuan/a; parameters from param_set, overridden by overrides {"parameter": v, "parameter/land_type": v}; services NULL = all';

CREATE FUNCTION @extschema@.gep_compare(before jsonb, after jsonb, param_set text DEFAULT 'jinsha_2022',
	overrides jsonb DEFAULT '{}', classification text DEFAULT NULL,
	before_overrides jsonb DEFAULT '{}', after_overrides jsonb DEFAULT '{}', services text[] DEFAULT NULL)
RETURNS TABLE (level text, service_group text, service text, item text, land_type text,
	unit text, before_quantity double precision, after_quantity double precision,
	before_yuan double precision, after_yuan double precision,
	change_yuan double precision, change_pct double precision,
	before_share_pct double precision, after_share_pct double precision,
	before_rank integer, after_rank integer)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 80
AS $$
	WITH b AS (
		SELECT a.service_group, a.service, a.item, a.land_type, a.quantity, a.unit, a.value_yuan
		FROM @extschema@.gep_account(gep_compare.before, gep_compare.param_set,
			COALESCE(gep_compare.overrides, '{}'::jsonb) OPERATOR(pg_catalog.||) COALESCE(gep_compare.before_overrides, '{}'::jsonb),
			gep_compare.classification, gep_compare.services)
			AS a(service_group, service, item, land_type, area_ha, quantity, unit, value_yuan)
	), f AS (
		SELECT a.service_group, a.service, a.item, a.land_type, a.quantity, a.unit, a.value_yuan
		FROM @extschema@.gep_account(gep_compare.after, gep_compare.param_set,
			COALESCE(gep_compare.overrides, '{}'::jsonb) OPERATOR(pg_catalog.||) COALESCE(gep_compare.after_overrides, '{}'::jsonb),
			gep_compare.classification, gep_compare.services)
			AS a(service_group, service, item, land_type, area_ha, quantity, unit, value_yuan)
	), j AS (
		SELECT COALESCE(b.service_group, f.service_group) AS service_group,
			   COALESCE(b.service, f.service) AS service,
			   COALESCE(b.item, f.item) AS item,
			   COALESCE(b.land_type, f.land_type) AS land_type,
			   COALESCE(b.unit, f.unit) AS unit,
			   b.quantity AS bq, f.quantity AS fq,
			   CASE WHEN gep_compare.before IS NULL THEN NULL ELSE COALESCE(b.value_yuan, 0) END AS bv,
			   CASE WHEN gep_compare.after IS NULL THEN NULL ELSE COALESCE(f.value_yuan, 0) END AS fv,
			   pg_catalog.array_position(ARRAY['agricultural_products', 'water_conservation',
					'sediment_reduction', 'nitrogen_reduction', 'phosphorus_reduction',
					'so2_purification', 'nox_purification', 'dust_purification', 'carbon_fixation',
					'oxygen_release', 'climate_regulation', 'aesthetic_landscape'],
				 COALESCE(b.item, f.item)) AS svc_order,
			   lt.position AS lt_order
		FROM b FULL JOIN f
			ON b.service = f.service AND b.item = f.item AND b.land_type = f.land_type
		JOIN @extschema@.gep_land_type lt ON lt.land_type = COALESCE(b.land_type, f.land_type)
	), g AS (
		SELECT CASE
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 15 THEN 'total'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 14 THEN 'land_type'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 7 THEN 'group'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 3 THEN 'service'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 2 THEN 'service_land_type'
				 ELSE 'item'
			   END AS level,
			   j.service_group, j.service, j.item, j.land_type,
			   CASE WHEN GROUPING(j.item) = 0 THEN pg_catalog.max(j.unit) END AS unit,
			   CASE WHEN GROUPING(j.item) = 0 THEN pg_catalog.sum(j.bq) END AS bq,
			   CASE WHEN GROUPING(j.item) = 0 THEN pg_catalog.sum(j.fq) END AS fq,
			   pg_catalog.sum(j.bv) AS bv,
			   pg_catalog.sum(j.fv) AS fv,
			   pg_catalog.min(j.svc_order) AS svc_order,
			   pg_catalog.min(j.lt_order) AS lt_order
		FROM j
		GROUP BY GROUPING SETS ((j.service_group, j.service, j.item),
								(j.service_group, j.service),
								(j.service_group),
								(j.service_group, j.service, j.land_type),
								(j.land_type),
								())
	), t AS (
		SELECT g.bv AS tb, g.fv AS tf FROM g WHERE g.level = 'total'
	)
	SELECT g.level, g.service_group, g.service, g.item, g.land_type, g.unit,
		   g.bq, g.fq, g.bv, g.fv,
		   g.fv - g.bv,
		   CASE WHEN g.bv <> 0 THEN 100 * (g.fv - g.bv) / g.bv END,
		   CASE WHEN t.tb <> 0 THEN 100 * g.bv / t.tb END,
		   CASE WHEN t.tf <> 0 THEN 100 * g.fv / t.tf END,
		   CASE WHEN g.bv > 0 THEN (pg_catalog.rank() OVER (PARTITION BY g.level, g.bv > 0 ORDER BY g.bv DESC))::integer END,
		   CASE WHEN g.fv > 0 THEN (pg_catalog.rank() OVER (PARTITION BY g.level, g.fv > 0 ORDER BY g.fv DESC))::integer END
	FROM g CROSS JOIN t
	ORDER BY pg_catalog.array_position(ARRAY['item', 'service', 'group', 'service_land_type', 'land_type', 'total'], g.level),
			 g.svc_order, g.lt_order
$$;
COMMENT ON FUNCTION @extschema@.gep_compare(jsonb, jsonb, text, jsonb, text, jsonb, jsonb, text[]) IS
	'Before/after GEP comparison (Xu X. et al., in press, Tables 4 to 6) of two area sets: rows at level item, service, group (Table 4), service_land_type (Table 5), land_type and total (Table 6) with quantities (item level), values in yuan/a, change in yuan/a and %, shares of the total in %, and ranks by value; before_overrides / after_overrides apply on top of overrides to one side only; services NULL = all';

CREATE FUNCTION @extschema@.copy_gep_param_set(source text, target text, title text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $$
BEGIN
	-- not STRICT: a NULL title means "derive it", NULL names are errors
	IF copy_gep_param_set.source IS NULL OR copy_gep_param_set.target IS NULL THEN
		RAISE EXCEPTION 'source and target parameter set names must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.gep_param_set s WHERE s.param_set = copy_gep_param_set.source) THEN
		RAISE EXCEPTION 'GEP parameter set "%" does not exist', copy_gep_param_set.source
			USING ERRCODE = 'undefined_object';
	END IF;
	INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin)
	SELECT copy_gep_param_set.target, COALESCE(copy_gep_param_set.title, s.title OPERATOR(pg_catalog.||) ' (copy)'),
		   'copy of ' OPERATOR(pg_catalog.||) s.param_set OPERATOR(pg_catalog.||) ': ' OPERATOR(pg_catalog.||) s.source, false
	FROM @extschema@.gep_param_set s WHERE s.param_set = copy_gep_param_set.source;
	INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin)
	SELECT copy_gep_param_set.target, p.parameter, p.land_type, p.value, p.unit, p.source, false
	FROM @extschema@.gep_param p WHERE p.param_set = copy_gep_param_set.source;
END
$$;
COMMENT ON FUNCTION @extschema@.copy_gep_param_set(text, text, text) IS
	'Copy a GEP parameter set under a new name as user rows (dumped by pg_dump), to edit values without touching built-in rows';
