// What the fire reports: its line for `safestreet check`, its timeline columns, its
// key figures and its output layers (buildings that ignited, visibility, first smoke).
#include "engine/hazards/fire/fire_hazard.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/smoke.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

}  // namespace

std::string FireHazard::describe(const Model&) const {
  std::size_t zone = 0;
  for (const std::uint8_t z : home_in_zone_) zone += z;
  char line[320];
  std::snprintf(line, sizeof line,
                "%zu buildings as fuel, %zu neighbour pairs within %.0f m; %zu ignitions, %zu drawn per "
                "seed; wind %.1f m/s "
                "from %.0f deg%s; smoke grid %d x %d of %.0f m; %zu residents in the fire's zone",
                desc_.buildings.size(), desc_.neighbours.to.size() / 2, desc_.params.max_gap,
                desc_.ignitions.size(), desc_.random_ignitions.size(), desc_.wind.speed_at(0.0),
                desc_.wind.from_deg.empty() ? 0.0 : desc_.wind.from_deg[0],
                desc_.wind.time.size() > 1 ? " (a series)" : "", desc_.grid.nx, desc_.grid.ny,
                desc_.grid.cell, zone);
  return line;
}

std::vector<std::string> FireHazard::timeline_columns() const {
  return {"buildings_burning", "buildings_burnt_out", "buildings_ignited", "burnt_area_m2"};
}

void FireHazard::timeline_values(const Model&, const HazardState& own, double t,
                                 std::vector<double>& out) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  double burning = 0, out_ = 0, ignited = 0, area = 0;
  for (const std::uint32_t b : f.spread.order) {
    const BuildingFireState st = f.state_of(b, t, course_);
    if (st == BuildingFireState::NotBurning) continue;
    ++ignited;
    area += desc_.buildings[b].side * desc_.buildings[b].side;  // footprint, m²
    if (st == BuildingFireState::BurntOut)
      ++out_;
    else
      ++burning;
  }
  out.insert(out.end(), {burning, out_, ignited, area});
}

void FireHazard::kpis(const Model& model, const SimState& s, const HazardState& own,
                      std::vector<HazardKpi>& out) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  const double t = s.time(model.run.dt);
  std::vector<double> row;
  timeline_values(model, own, t, row);
  std::size_t exposed = 0, incapacitated = 0, ignited_home = 0, trapped = 0;
  for (std::size_t i = 0; i < f.fed.size(); ++i) {
    exposed += std::isnan(f.exposed_time[i]) ? 0 : 1;
    incapacitated += std::isnan(f.incapacitated_time[i]) ? 0 : 1;
    ignited_home += std::isnan(f.home_ignited[i]) ? 0 : 1;
    trapped += std::isnan(f.trapped_time[i]) ? 0 : 1;
  }
  std::size_t shelters = 0, moved_on = 0;
  for (std::size_t k = 0; k < f.shelter_closed.size(); ++k) {
    shelters += std::isnan(f.shelter_closed[k]) ? 0 : 1;
    moved_on += static_cast<std::size_t>(std::max(0, f.shelter_evacuated[k]));
  }
  float min_vis = kInf;
  for (std::size_t c = 0; c < f.min_visibility.size(); ++c) min_vis = std::min(min_vis, f.min_visibility[c]);
  out.push_back({"buildings_ignited", row[2]});
  out.push_back({"buildings_burnt_out", row[1]});
  out.push_back({"burnt_area_m2", row[3]});
  out.push_back({"residents_exposed", static_cast<double>(exposed)});
  out.push_back({"residents_incapacitated", static_cast<double>(incapacitated)});
  out.push_back({"residents_home_caught_fire", static_cast<double>(ignited_home)});
  out.push_back({"residents_trapped_waiting_for_help", static_cast<double>(trapped)});
  out.push_back({"shelters_closed", static_cast<double>(shelters)});
  out.push_back({"sheltered_residents_moved_on", static_cast<double>(moved_on)});
  out.push_back({"street_closure_changes", static_cast<double>(f.closure_changes)});
  out.push_back(
      {"min_visibility_m", std::isfinite(min_vis) ? static_cast<double>(min_vis) : std::nan(""), false});
  service_kpis(model, f, out);
}

void FireHazard::layers(const Model& model, const SimState& s, const HazardState& own,
                        std::vector<HazardLayer>& out) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  // Every building that ignited, with its times (s after the start; NaN = not reached).
  HazardLayer b;
  b.kind = HazardLayer::Kind::Polygons;
  b.file = "buildings.gpkg";
  b.name = "burning_buildings";
  for (const std::uint32_t k : f.spread.order) {
    const double at = f.spread.ignited[k];
    const Building& w = model.world.buildings[k];
    const FireBuilding& fb = desc_.buildings[k];
    HazardLayer::Polygon poly;
    poly.outline = w.outline;
    poly.numbers = {{"osm_id", static_cast<double>(w.source_id)},
                    {"ignited_s", at},
                    {"fully_involved_s", at + course_[k].full},
                    {"burnt_out_s", at + course_[k].out},
                    {"peak_hrr_mw", course_[k].peak_hrr / 1e6},
                    {"floor_area_m2", fb.floor_area},
                    {"controlled_s", k < f.service.controlled.size() ? f.service.controlled[k] : kNaN}};
    poly.texts = {{"how", f.spread.source[k] == 1 ? "ignition" : "spread"},
                  {"construction", desc_.constructions[fb.construction].name},
                  {"use", desc_.uses[fb.use].name}};
    b.polygons.push_back(std::move(poly));
  }
  out.push_back(std::move(b));
  auto raster = [&](std::string file, const std::vector<float>& v) {
    HazardLayer l;
    l.kind = HazardLayer::Kind::Raster;
    l.file = std::move(file);
    l.grid = desc_.grid;
    l.values = v;
    for (float& x : l.values)
      if (!std::isfinite(x)) x = kNaN;  // clear air / never: NoData
    out.push_back(std::move(l));
  };
  raster("min_visibility.tif", f.min_visibility);
  raster("first_smoke.tif", f.first_smoke);
  service_layers(model, s, f, out);
}

}  // namespace ss
