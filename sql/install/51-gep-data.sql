------------------------------------------------------------------------------
-- GEP reference data (the GEP paper): land types, the land-use mapping, the
-- parameter catalogue and the parameter sets.  The tables are in
-- 50-gep.sql; gep_account reads these rows.
------------------------------------------------------------------------------

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

INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin) VALUES
('jinsha_2022', 'Jinsha County (Guizhou) coal mine restoration 2022: the GEP paper''s values (as jinsha_2022_paper) plus documented additions where it is silent (runoff_coefficient, sediment_coefficient, soil_bulk_density, carbon_price: sources begin "addition"); ac_days, evapotranspiration, dry-land runoff, crop yield and price, grain price and yield required',
 'the GEP paper (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3 and section 2, plus the published sources named on the addition rows', true);

INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin) VALUES
-- agricultural products: only dry land yields crops (Table 5); its yield and
-- price come from the local agricultural department and are not published
('jinsha_2022', 'crop_yield', 'forest',    0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from forest land', true),
('jinsha_2022', 'crop_yield', 'grassland', 0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from grassland', true),
-- water conservation
('jinsha_2022', 'precipitation', NULL, 1126.71, 'mm/a', 'Xu X. et al., in press, section 2: average annual precipitation of the study area', true),
('jinsha_2022', 'runoff_coefficient', 'forest', 0.0465, '1', 'addition, not in the GEP paper: Gong et al. 2017, Acta Ecol. Sin. 37(7):2455, Table 2, evergreen broadleaf forest 4.65% (the zonal forest of subtropical Guizhou); the paper''s coefficient (NDRC/NBS 2022) is not published', true),
('jinsha_2022', 'runoff_coefficient', 'grassland', 0.0387, '1', 'addition, not in the GEP paper: Gong et al. 2017, Table 2, (sub)tropical tussock 3.87%; the paper''s coefficient is not published', true),
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
('jinsha_2022', 'sediment_coefficient', NULL, 0.24, '1', 'addition, not in the GEP paper: lambda of the Garze GEP 2010 (Baima Zhuoga et al. 2017, Acta Ecol. Sin. 37(19):6302) citing Ouyang, Wang, Miao 1999', true),
('jinsha_2022', 'soil_bulk_density', NULL, 1.3, 't/m3', 'addition, not in the GEP paper: rho, generic 1.3 g/cm3 (Lancang River GEP 2017); the Garze 0.93 is alpine grassland', true),
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
('jinsha_2022', 'carbon_price', NULL, 380, 'yuan/t CO2', 'addition, not in the GEP paper: Garze GEP 2010 carbon fixation price applied to fixed CO2 (the paper''s values imply about 386)', true),
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

-- The paper's values alone: jinsha_2022 without its additions.  Soil
-- retention, water conservation and carbon fixation need overrides for
-- the parameters the paper does not give.
INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin) VALUES
('jinsha_2022_paper', 'Jinsha County (Guizhou) coal mine restoration 2022: only the values the GEP paper gives; runoff_coefficient, sediment_coefficient, soil_bulk_density and carbon_price (jinsha_2022 has documented values) and the parameters jinsha_2022 also lacks must be given as overrides',
 'the GEP paper (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3, Table 5 and section 2', true);

INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin)
SELECT 'jinsha_2022_paper', v.parameter, v.land_type, v.value, v.unit, v.source, true
FROM @extschema@.gep_param v
WHERE v.param_set OPERATOR(pg_catalog.=) 'jinsha_2022' AND v.source NOT LIKE 'addition%';
