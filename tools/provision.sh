#!/usr/bin/env bash
# Install the Debian packages ecocomp needs to build, test and run its demo,
# but only those that are missing (apt-get update first when anything is).
# Sourced or run; uses no network when everything is already there.
set -euo pipefail

ECOCOMP_PACKAGES=(
  make gcc libc6-dev               # build
  postgresql-15 postgresql-client-15 postgresql-server-dev-15
  postgresql-15-postgis-3          # postgis, postgis_raster
  postgis                          # raster2pgsql, shp2pgsql (loading examples, demo)
  gdal-bin                         # ogrinfo: the GIS-client check; gdal_rasterize for maps
  postgresql-15-cron               # the scheduled-refresh test
  libgdal-dev                      # out-db raster bands are read through GDAL
  python3-qgis xvfb xauth          # the PyQGIS client test and the demo map
  fonts-dejavu-core                # text on the demo map
)

missing=()
for p in "${ECOCOMP_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "provision: installing missing packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "provision: missing packages (${missing[*]}) and not root: install them, then run again" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "provision: done"
