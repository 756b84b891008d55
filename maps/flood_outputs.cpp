#include "maps/flood_outputs.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "engine/flood_metrics.hpp"
#include "maps/flood_rasters.hpp"

namespace ss::maps {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::string number(double v) {
  if (std::isnan(v)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void write_homes_csv(const std::string& path, const Model& model, const SimState& s) {
  const std::vector<float> arrival = home_arrival_times(model, s);
  const FloodRun& f = s.flood;
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << "resident,zone,flood_arrival_s,reached_at_home_s,worst_hazard_class,time_in_water_s\n";
    for (std::size_t r = 0; r < arrival.size(); ++r) {
      const std::string zone = model.world.zone_name(model.home_zone[r]);
      out << r << ',' << zone << ',' << number(arrival[r]) << ',' << number(f.reached_at_home[r]) << ','
          << (f.worst_class[r] == FloodRun::kNever ? "" : hazard_class_name(f.worst_class[r])) << ','
          << number(f.wet_time[r]) << '\n';
    }
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace

std::vector<std::string> write_flood_outputs(const std::string& dir, const Model& model, const SimState& s) {
  const FloodDesc& fd = *model.flood;
  const FloodGrid& g = fd.grid;
  const std::string& crs = model.world.crs_wkt;
  std::filesystem::create_directories(dir);
  std::vector<std::string> files;
  auto masked = [&](std::vector<float> v) {  // buildings hold no water: NoData there
    for (std::size_t c = 0; c < v.size(); ++c)
      if (g.blocked[c]) v[c] = kNaN;
    return v;
  };
  auto tif = [&](const std::string& name, const std::vector<float>& v) {
    write_flood_geotiff(dir + "/" + name, g, masked(v), crs);
    files.push_back(dir + "/" + name);
  };
  tif("max_depth.tif", s.flood.field.max_depth);
  tif("arrival_time.tif", s.flood.field.arrival);
  for (std::size_t k = 0; k < s.flood.snapshots.size(); ++k)
    tif("depth_" + std::to_string(std::lround(fd.snapshot_times[k])) + "s.tif", s.flood.snapshots[k]);
  if (!fd.low_lying.empty()) {
    write_mask_polygons(dir + "/low_lying.gpkg", "low_lying", g, fd.low_lying, crs);
    files.push_back(dir + "/low_lying.gpkg");
  }
  const FloodMetrics m = compute_flood_metrics(model, s);
  std::vector<PointFeature> pts;
  for (const StrandedResident& r : m.stranded)
    pts.push_back({r.pos,
                   {{"resident", static_cast<double>(r.resident.index())}, {"time_s", r.time}, {"at_home", r.at_home ? 1.0 : 0.0}},
                   {{"zone", model.world.zone_name(r.zone)}}});
  write_points(dir + "/stranded.gpkg", "stranded", pts, crs);
  files.push_back(dir + "/stranded.gpkg");
  write_homes_csv(dir + "/flood_homes.csv", model, s);
  files.push_back(dir + "/flood_homes.csv");
  return files;
}

}  // namespace ss::maps
