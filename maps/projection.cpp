#include "maps/projection.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

#include "engine/core/input_error.hpp"
#include "maps/gdal_support.hpp"

namespace ss::maps {

using detail::Transform;

struct Projector::Impl {
  OGRSpatialReference local;
  Transform to_local;
  Transform to_lonlat;

  explicit Impl(const OGRSpatialReference& srs)
      : local(detail::gis_order(srs)), to_local(detail::wgs84(), local), to_lonlat(local, detail::wgs84()) {}
};

Projector::Projector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Projector::Projector(const Projector& o) : impl_(std::make_unique<Impl>(o.impl_->local)) {}
Projector& Projector::operator=(const Projector& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(o.impl_->local);
  return *this;
}
Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;
Projector::~Projector() = default;

// UTM zones are 6° wide from 180° W (zone 1); EPSG 326zz north, 327zz south.
// The Norway/Svalbard exceptions are ignored: any zone works for a 20 km² area.
Projector Projector::utm_for(LonLat centre) {
  detail::ensure_gdal_registered();
  if (!std::isfinite(centre.lon) || !std::isfinite(centre.lat) || std::abs(centre.lat) > 90.0)
    throw InputError("", 0, "crs", "no UTM zone for a centre outside the globe");
  const double lon = centre.lon - 360.0 * std::floor((centre.lon + 180.0) / 360.0);  // [-180, 180)
  const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
  OGRSpatialReference srs;
  if (srs.importFromEPSG((centre.lat >= 0.0 ? 32600 : 32700) + zone) != OGRERR_NONE)
    throw InputError("", 0, "crs",
                     "cannot build UTM zone " + std::to_string(zone) + " (is proj.db installed?)");
  return Projector(std::make_unique<Impl>(srs));
}

Projector Projector::from_definition(const std::string& definition) {
  detail::ensure_gdal_registered();
  OGRSpatialReference srs;
  {
    detail::QuietGdal quiet;
    if (srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
      throw InputError("", 0, "crs", "unknown CRS definition '" + definition + "'");
  }
  // The engine works in metres on a plane: geographic CRSs would give degrees.
  if (!srs.IsProjected())
    throw InputError("", 0, "crs", "CRS '" + definition + "' is not a projected (metric) CRS");
  if (std::abs(srs.GetLinearUnits() - 1.0) > 1e-9)
    throw InputError("", 0, "crs", "CRS '" + definition + "' does not use metres");
  return Projector(std::make_unique<Impl>(srs));
}

Vec2 Projector::to_local(LonLat p) const {
  Vec2 v{p.lon, p.lat};
  impl_->to_local.apply(v);
  return v;
}

LonLat Projector::to_lonlat(Vec2 p) const {
  impl_->to_lonlat.apply(p);
  return {p.x, p.y};
}

std::string Projector::wkt() const {
  char* s = nullptr;
  const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
  std::string r;
  if (impl_->local.exportToWkt(&s, opts) == OGRERR_NONE && s) r = s;
  CPLFree(s);
  return r;
}

std::string Projector::name() const {
  const char* n = impl_->local.GetName();
  return n ? n : "";
}

int Projector::epsg() const {
  const char* auth = impl_->local.GetAuthorityName(nullptr);
  const char* code = impl_->local.GetAuthorityCode(nullptr);
  if (!auth || !code || !detail::iequals(auth, "EPSG")) return 0;
  return std::atoi(code);
}

}  // namespace ss::maps
