/*
 * wkt.c
 *	  Unit tests of the CRS reader of src/core/geodesy.c (EcoCrsFromWkt):
 *	  EPSG's WKT 1 as PostGIS stores it in spatial_ref_sys.srtext, WKT 2,
 *	  compound CRSs, and every fault (syntax, kind, ellipsoid, unit), each
 *	  against the numbers written in the WKT.  Run by tools/test.sh; ends
 *	  with "N passed, N failed".
 *
 *	  cc -Isrc/core test/unit/wkt.c src/core/[a-z]*.c -lm && ./a.out
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "geodesy.h"

static int	passed,
			failed;

static void
check(const char *what, const char *wkt, EcoCrsFault want, bool geographic,
	  double a, double rf, const char *msgpart)
{
	EcoCrs		crs;
	char		msg[256];
	EcoCrsFault got = EcoCrsFromWkt(wkt, &crs, msg, sizeof(msg));
	bool		ok = got == want;

	if (ok && want == ECO_CRS_OK)
		ok = crs.geographic == geographic && crs.a == a &&
			fabs(crs.f - (rf == 0 ? 0 : 1.0 / rf)) <= 1e-15;
	if (ok && msgpart)
		ok = strstr(msg, msgpart) != NULL;
	if (ok)
		passed++;
	else
	{
		failed++;
		printf("FAILED %s: fault %d (want %d), geographic %d, a %.17g, f %.17g, msg \"%s\"\n",
			   what, (int) got, (int) want, (int) crs.geographic, crs.a, crs.f, msg);
	}
}

int
main(void)
{
	/* EPSG:4326 and 32650 as in PostGIS 3's spatial_ref_sys */
	check("4326",
		  "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
		  "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
		  "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
		  "AUTHORITY[\"EPSG\",\"4326\"]]",
		  ECO_CRS_OK, true, 6378137, 298.257223563, NULL);
	check("32650",
		  "PROJCS[\"WGS 84 / UTM zone 50N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
		  "6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
		  "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
		  "AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Transverse_Mercator\"],"
		  "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",117],"
		  "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],"
		  "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
		  "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"32650\"]]",
		  ECO_CRS_OK, false, 6378137, 298.257223563, NULL);
	/* Beijing 1954 (Krassowsky), Clarke 1866 via a sphere-free spheroid */
	check("4214",
		  "GEOGCS[\"Beijing 1954\",DATUM[\"Beijing_1954\",SPHEROID[\"Krassowsky 1940\",6378245,298.3]],"
		  "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]",
		  ECO_CRS_OK, true, 6378245, 298.3, NULL);
	/* a sphere: inverse flattening 0 */
	check("sphere",
		  "GEOGCS[\"sphere\",DATUM[\"s\",SPHEROID[\"Sphere\",6371000,0]],UNIT[\"degree\",0.0174532925199433]]",
		  ECO_CRS_OK, true, 6371000, 0, NULL);
	/* WKT 2: CGCS2000, units in the CS, parentheses, spaces and escaped quotes */
	check("4490 wkt2",
		  "GEOGCRS[\"China Geodetic \"\"Coordinate\"\" System 2000\",\n"
		  "  DATUM[\"China 2000\", ELLIPSOID[\"CGCS2000\", 6378137, 298.257222101, LENGTHUNIT[\"metre\", 1]]],\n"
		  "  PRIMEM[\"Greenwich\", 0, ANGLEUNIT[\"degree\", 0.0174532925199433]],\n"
		  "  CS[ellipsoidal, 2],\n"
		  "  AXIS[\"geodetic latitude (Lat)\", north, ORDER[1], ANGLEUNIT[\"degree\", 0.0174532925199433]],\n"
		  "  AXIS[\"geodetic longitude (Lon)\", east, ORDER[2], ANGLEUNIT[\"degree\", 0.0174532925199433]],\n"
		  "  ID[\"EPSG\", 4490]]",
		  ECO_CRS_OK, true, 6378137, 298.257222101, NULL);
	check("geodcrs ellipsoidal",
		  "GEODCRS(\"x\",DATUM(\"d\",ELLIPSOID(\"GRS 1980\",6378.137,298.257222101,LENGTHUNIT(\"kilometre\",1000))),"
		  "CS(ellipsoidal,2),ANGLEUNIT(\"degree\",0.0174532925199433))",
		  ECO_CRS_OK, true, 6378137, 298.257222101, NULL);
	check("projcrs wkt2 metre in axes",
		  "PROJCRS[\"p\",BASEGEOGCRS[\"g\",DATUM[\"d\",ELLIPSOID[\"WGS 84\",6378137,298.257223563]],"
		  "ANGLEUNIT[\"degree\",0.0174532925199433]],CONVERSION[\"c\",METHOD[\"m\"],"
		  "PARAMETER[\"k\",0.9996,SCALEUNIT[\"unity\",1]]],CS[Cartesian,2],"
		  "AXIS[\"easting\",east,ORDER[1],LENGTHUNIT[\"metre\",1]],"
		  "AXIS[\"northing\",north,ORDER[2],LENGTHUNIT[\"metre\",1]]]",
		  ECO_CRS_OK, false, 6378137, 298.257223563, NULL);
	check("compound",
		  "COMPD_CS[\"c\",PROJCS[\"p\",GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"GRS 1980\",6378137,298.257222101]],"
		  "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"x\"],UNIT[\"metre\",1]],"
		  "VERT_CS[\"v\",VERT_DATUM[\"h\",2005],UNIT[\"foot\",0.3048]]]",
		  ECO_CRS_OK, false, 6378137, 298.257222101, NULL);

	/* units: US survey feet (EPSG:2249), grads, none */
	check("2249 us-ft",
		  "PROJCS[\"NAD83 / Massachusetts Mainland (ftUS)\",GEOGCS[\"NAD83\",DATUM[\"North_American_Datum_1983\","
		  "SPHEROID[\"GRS 1980\",6378137,298.257222101]],UNIT[\"degree\",0.0174532925199433]],"
		  "PROJECTION[\"Lambert_Conformal_Conic_2SP\"],UNIT[\"US survey foot\",0.304800609601219]]",
		  ECO_CRS_UNIT, false, 0, 0, "\"US survey foot\" (0.304800609601219 m), not in metres");
	check("grad",
		  "GEOGCS[\"NTF (Paris)\",DATUM[\"d\",SPHEROID[\"Clarke 1880 (IGN)\",6378249.2,293.466021293627]],"
		  "PRIMEM[\"Paris\",2.5969213],UNIT[\"grad\",0.015707963267949]]",
		  ECO_CRS_UNIT, true, 0, 0, "not in degrees");
	check("projected without unit",
		  "PROJCS[\"p\",GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
		  "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"x\"]]",
		  ECO_CRS_UNIT, false, 0, 0, "no linear unit");
	check("geographic without unit",
		  "GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"WGS 84\",6378137,298.257223563]]]",
		  ECO_CRS_OK, true, 6378137, 298.257223563, NULL);

	/* ellipsoids */
	check("no spheroid", "GEOGCS[\"g\",DATUM[\"d\"],UNIT[\"degree\",0.0174532925199433]]",
		  ECO_CRS_ELLIPSOID, true, 0, 0, "no ellipsoid");
	check("a = 0", "GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"unknown\",0,0]],UNIT[\"degree\",0.0174532925199433]]",
		  ECO_CRS_ELLIPSOID, true, 0, 0, "\"unknown\" has semi-major axis 0 m");
	check("rf = 0.5", "GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"flat\",6378137,0.5]]]",
		  ECO_CRS_ELLIPSOID, true, 0, 0, "inverse flattening 0.5");
	check("spheroid with one number", "GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"x\",6378137]]]",
		  ECO_CRS_ELLIPSOID, true, 0, 0, "no ellipsoid");

	/* kinds */
	check("geocentric",
		  "GEOCCS[\"WGS 84\",DATUM[\"d\",SPHEROID[\"WGS 84\",6378137,298.257223563]],UNIT[\"metre\",1]]",
		  ECO_CRS_KIND, false, 0, 0, "GEOCCS");
	check("geodcrs cartesian",
		  "GEODCRS[\"x\",DATUM[\"d\",ELLIPSOID[\"WGS 84\",6378137,298.257223563]],CS[Cartesian,3]]",
		  ECO_CRS_KIND, false, 0, 0, "GEODCRS");
	check("engineering", "LOCAL_CS[\"local\",UNIT[\"metre\",1]]", ECO_CRS_KIND, false, 0, 0, "LOCAL_CS");

	/* syntax */
	check("empty", "", ECO_CRS_SYNTAX, false, 0, 0, "The WKT is empty.");
	check("blank", " \n ", ECO_CRS_SYNTAX, false, 0, 0, "The WKT is empty.");
	check("proj4 text", "+proj=longlat +ellps=foo +no_defs", ECO_CRS_SYNTAX, false, 0, 0, "character 1");
	check("unclosed", "GEOGCS[\"g\",DATUM[\"d\"", ECO_CRS_SYNTAX, false, 0, 0, "not readable");
	check("unterminated string", "GEOGCS[\"g", ECO_CRS_SYNTAX, false, 0, 0, "not readable");
	check("mismatched bracket", "GEOGCS[\"g\")", ECO_CRS_SYNTAX, false, 0, 0, "not readable");
	check("trailing text", "GEOGCS[\"g\"] x", ECO_CRS_SYNTAX, false, 0, 0, "character 13");
	check("bad element", "GEOGCS[\"g\",;]", ECO_CRS_SYNTAX, false, 0, 0, "character 12");
	{
		/* nesting beyond 32 levels, and more than 400 nodes */
		char		deep[400] = "",
					wide[8000] = "GEOGCS[\"g\"";

		for (int i = 0; i < 40; i++)
			strcat(deep, "A[");
		strcat(deep, "1");
		for (int i = 0; i < 40; i++)
			strcat(deep, "]");
		check("deep", deep, ECO_CRS_SYNTAX, false, 0, 0, "not readable");
		for (int i = 0; i < 450; i++)
			strcat(wide, ",X[1]");
		strcat(wide, "]");
		check("wide", wide, ECO_CRS_SYNTAX, false, 0, 0, "not readable");
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
