#pragma once
// Conversion between the sources' CRS / WGS 84 and the local metric CRS (UTM zone
// of the area), wrapping GDAL's OGRCoordinateTransformation.
#include <memory>
#include <string>

#include "engine/world/geometry.hpp"

namespace ss::maps {

struct LonLat {
  double lon = 0.0;  // degrees
  double lat = 0.0;  // degrees
};

class Projector {
 public:
  // Local CRS = the UTM zone (WGS 84) containing (lon, lat).
  static Projector utm_for(LonLat centre);
  // Local CRS from a user definition ("EPSG:25832", WKT, PROJ string).
  static Projector from_definition(const std::string& definition);

  Projector(const Projector&);
  Projector& operator=(const Projector&);
  Projector(Projector&&) noexcept;
  Projector& operator=(Projector&&) noexcept;
  ~Projector();

  [[nodiscard]] Vec2 to_local(LonLat p) const;
  [[nodiscard]] LonLat to_lonlat(Vec2 p) const;
  [[nodiscard]] std::string wkt() const;   // local CRS as WKT
  [[nodiscard]] std::string name() const;  // e.g. "WGS 84 / UTM zone 32N"
  [[nodiscard]] int epsg() const;          // 0 if none

 private:
  struct Impl;
  explicit Projector(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ss::maps
