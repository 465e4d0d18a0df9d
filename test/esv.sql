SELECT * FROM ecocomp.esv_value('{"12": 100}', 1000);
