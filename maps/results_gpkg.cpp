#include "maps/results_gpkg.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/heat_figures.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "maps/gdal_support.hpp"
#include "maps/results_gpkg_layer.hpp"

namespace ss::maps {
namespace results {

OGRLineString street_line(const Model& m, EdgeId e) {
  OGRLineString line;
  for (const Vec2 v : m.world.streets.shape(e)) line.addPoint(v.x, v.y);
  return line;
}

}  // namespace results

namespace {

using results::kNaN;
using results::LayerWriter;
using results::minutes;
using results::Target;

// min / median / max of `v` (NaN when empty); sorts v.
struct Spread {
  double min = kNaN, median = kNaN, max = kNaN;
};
Spread spread(std::vector<double>& v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double med = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  return {v.front(), med, v.back()};
}

OGRPolygon polygon(const Ring& r) {
  OGRLinearRing ring;
  for (const Vec2 v : r) ring.addPoint(v.x, v.y);
  if (!r.empty()) ring.addPoint(r.front().x, r.front().y);
  OGRPolygon p;
  p.addRing(&ring);
  return p;
}

std::string outcome_field(std::size_t o) { return std::string("n_") + to_string(static_cast<Outcome>(o)); }

// --- homes: one polygon per building people live in ----------------------------------

// What the hazards did at each resident's home, NaN where a hazard has no value: the
// deepest water at the door (Hazard::home_max_depth, the flood's per-cell maximum), the
// lowest visibility in the smoke at the home (the fire's per-cell minimum over the
// run, FireRun::min_visibility; +inf: no smoke reached it) and the resident's smoke
// dose at the end (ISO 13571 FED, FireRun::fed).
struct HomeHazards {
  std::vector<double> water, visibility, dose;  // m, m, FED; (residents)
};
HomeHazards home_hazards(const Model& m, const SimState& s) {
  const std::size_t n = m.population.size();
  HomeHazards h{std::vector<double>(n, kNaN), std::vector<double>(n, kNaN), std::vector<double>(n, kNaN)};
  for (std::size_t k = 0; k < m.hazards.size() && k < s.hazards.size(); ++k)
    for (std::size_t i = 0; i < n; ++i) {
      const float d = m.hazards[k]->home_max_depth(m, s.hazards[k].get(), ResidentId{i});
      if (!std::isnan(d)) h.water[i] = std::fmax(h.water[i], d);
    }
  const FireHazard* fire = find_fire(m);
  const FireRun* run = find_fire_run(m, s);
  if (!fire || !run) return h;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t c = fire->cell_of(m.population.home[i]);
    if (c >= 0 && static_cast<std::size_t>(c) < run->min_visibility.size())
      h.visibility[i] = run->min_visibility[static_cast<std::size_t>(c)];
    if (i < run->fed.size()) h.dose[i] = run->fed[i];
  }
  return h;
}

void write_homes(const Target& to, const Model& m, const SimState& s) {
  const Population& pop = m.population;
  std::vector<std::vector<std::size_t>> living(m.world.buildings.size());
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const BuildingId b = pop.home_building[i];
    if (b.valid() && b.index() < living.size()) living[b.index()].push_back(i);
  }
  std::vector<std::pair<std::string, OGRFieldType>> fields = {
      {"address", OFTString},       {"residents", OFTInteger},      {"households", OFTInteger},
      {"aged_80_plus", OFTInteger}, {"living_alone", OFTInteger},   {"needing_help", OFTInteger},
      {"warned_min", OFTReal},      {"warned_median_min", OFTReal}, {"warned_max_min", OFTReal},
      {"left_min", OFTReal},        {"left_median_min", OFTReal},   {"left_max_min", OFTReal},
      {"safe_min", OFTReal},        {"safe_median_min", OFTReal},   {"safe_max_min", OFTReal},
      {"not_safe", OFTInteger},     {"outcome", OFTString},         {"shelter", OFTString}};
  for (std::size_t o = 0; o < kOutcomeCount; ++o) fields.emplace_back(outcome_field(o), OFTInteger);
  // Hazard exposure at the building (null without that hazard).
  for (const char* h : {"max_water_m", "min_visibility_m", "max_smoke_dose"}) fields.emplace_back(h, OFTReal);
  // Depth × time of the water at the door over the run (m·h, engine/core/heat_figures.hpp).
  fields.emplace_back("water_exposure_mh", OFTReal);
  const HomeHazards hz = home_hazards(m, s);
  const HomeHeat heat = home_heat(m, s);
  std::size_t home = 0;  // index into `heat`: the same buildings in the same order
  LayerWriter w(to, "homes", wkbPolygon, fields);
  for (std::size_t b = 0; b < living.size(); ++b) {
    const std::vector<std::size_t>& people = living[b];
    if (people.empty()) continue;
    std::vector<double> warned, left, safe;
    std::vector<std::uint32_t> households;
    std::array<int, kOutcomeCount> outcomes{};
    std::map<std::string, int> shelters;
    int old = 0, alone = 0, help = 0;
    for (const std::size_t i : people) {
      households.push_back(pop.household[i].value);
      old += age_band(pop.age[i]) == AgeBand::Elderly;
      alone += pop.lives_alone[i] != 0;
      help += pop.needs_assistance[i] != 0;
      if (!std::isnan(s.warned_time[i])) warned.push_back(minutes(s.warned_time[i]));
      if (!std::isnan(s.start_time[i])) left.push_back(minutes(s.start_time[i]));
      const Outcome o = outcome_of(m, s, ResidentId{i});
      ++outcomes[static_cast<std::size_t>(o)];
      if (is_safe(o)) safe.push_back(minutes(s.arrival_time[i]));
      if (s.shelter[i].valid()) ++shelters[m.world.shelters[s.shelter[i].index()].name];
    }
    std::sort(households.begin(), households.end());
    const auto hh = std::unique(households.begin(), households.end()) - households.begin();
    // The outcome that sums up the building: everyone safe, or the commonest reason not.
    std::size_t worst = static_cast<std::size_t>(Outcome::Sheltered);
    int worst_n = 0;
    for (std::size_t o = 0; o < kOutcomeCount; ++o)
      if (!is_safe(static_cast<Outcome>(o)) && outcomes[o] > worst_n) {
        worst = o;
        worst_n = outcomes[o];
      }
    std::string shelter;
    int most = 0;
    for (const auto& [name, n] : shelters)  // the first by name breaks ties (std::map order)
      if (n > most) {
        shelter = name;
        most = n;
      }
    const Spread sw = spread(warned), sl = spread(left), ss = spread(safe);
    detail::FeaturePtr f = w.feature();
    f->SetField("address", m.world.buildings[b].address.c_str());
    f->SetField("residents", static_cast<int>(people.size()));
    f->SetField("households", static_cast<int>(hh));
    f->SetField("aged_80_plus", old);
    f->SetField("living_alone", alone);
    f->SetField("needing_help", help);
    LayerWriter::number(*f, "warned_min", sw.min);
    LayerWriter::number(*f, "warned_median_min", sw.median);
    LayerWriter::number(*f, "warned_max_min", sw.max);
    LayerWriter::number(*f, "left_min", sl.min);
    LayerWriter::number(*f, "left_median_min", sl.median);
    LayerWriter::number(*f, "left_max_min", sl.max);
    LayerWriter::number(*f, "safe_min", ss.min);
    LayerWriter::number(*f, "safe_median_min", ss.median);
    LayerWriter::number(*f, "safe_max_min", ss.max);
    f->SetField("not_safe", static_cast<int>(people.size() - safe.size()));
    f->SetField("outcome", worst_n > 0 ? to_string(static_cast<Outcome>(worst)) : "all_safe");
    f->SetField("shelter", shelter.c_str());
    for (std::size_t o = 0; o < kOutcomeCount; ++o) f->SetField(outcome_field(o).c_str(), outcomes[o]);
    double water = kNaN, visibility = kNaN, dose = kNaN;
    for (const std::size_t i : people) {
      water = std::fmax(water, hz.water[i]);  // fmax: NaN (no value) loses to a number
      visibility = std::fmin(visibility, hz.visibility[i]);
      dose = std::fmax(dose, hz.dose[i]);
    }
    LayerWriter::number(*f, "max_water_m", water);
    LayerWriter::number(*f, "min_visibility_m", visibility);
    LayerWriter::number(*f, "max_smoke_dose", dose);
    LayerWriter::number(*f, "water_exposure_mh", heat.water_exposure_mh[home++]);
    OGRPolygon g = polygon(m.world.buildings[b].outline);
    w.add(std::move(f), &g);
  }
  w.finish();
}

// --- shelters ----------------------------------------------------------------------------

void write_shelters(const Target& to, const Model& m, const RunMetrics& r) {
  LayerWriter w(to, "shelters", wkbPoint,
                {{"name", OFTString},
                 {"kind", OFTString},
                 {"capacity", OFTInteger},
                 {"arrivals", OFTInteger},
                 {"occupancy", OFTInteger},
                 {"peak_occupancy", OFTInteger},
                 {"peak_share", OFTReal},
                 {"full_min", OFTReal},
                 {"closed", OFTInteger},
                 {"step_free", OFTInteger},
                 {"waiting_outside", OFTInteger}});
  for (std::size_t k = 0; k < m.world.shelters.size(); ++k) {
    const ShelterSite& site = m.world.shelters[k];
    const ShelterMetrics& sm = r.shelters[k];
    detail::FeaturePtr f = w.feature();
    f->SetField("name", site.name.c_str());
    f->SetField("kind", to_string(site.kind));
    f->SetField("capacity", sm.capacity);
    f->SetField("arrivals", sm.arrivals);
    f->SetField("occupancy", sm.occupancy);
    f->SetField("peak_occupancy", sm.peak_occupancy);
    LayerWriter::number(*f, "peak_share",
                        sm.capacity > 0 ? static_cast<double>(sm.peak_occupancy) / sm.capacity : kNaN);
    LayerWriter::number(*f, "full_min", sm.full_time ? minutes(*sm.full_time) : kNaN);
    f->SetField("closed", sm.closed ? 1 : 0);
    f->SetField("step_free", site.step_free ? 1 : 0);
    f->SetField("waiting_outside", sm.waiting_outside);
    const Vec2 p = site.node.valid() ? m.world.streets.node_pos[site.node.index()] : site.pos;
    OGRPoint pt(p.x, p.y);
    w.add(std::move(f), &pt);
  }
  w.finish();
}

// --- zones -------------------------------------------------------------------------------

void write_zones(const Target& to, const Model& m, const RunMetrics& r) {
  std::vector<std::pair<std::string, OGRFieldType>> fields = {
      {"name", OFTString},  {"residents", OFTInteger}, {"safe", OFTInteger}, {"safe_share", OFTReal},
      {"t50_min", OFTReal}, {"t90_min", OFTReal},      {"t95_min", OFTReal}};
  for (std::size_t o = 0; o < kOutcomeCount; ++o) fields.emplace_back(outcome_field(o), OFTInteger);
  LayerWriter w(to, "zones", wkbPolygon, fields);
  auto t = [](const std::optional<double>& v) { return v ? minutes(*v) : kNaN; };
  for (std::size_t z = 0; z < m.world.zones.size() && z < r.by_zone.size(); ++z) {
    const EvacuationTimes& e = r.by_zone[z];
    detail::FeaturePtr f = w.feature();
    f->SetField("name", m.world.zones[z].name.c_str());
    f->SetField("residents", static_cast<int>(e.residents));
    f->SetField("safe", static_cast<int>(e.safe));
    LayerWriter::number(*f, "safe_share", e.residents ? static_cast<double>(e.safe) / e.residents : kNaN);
    LayerWriter::number(*f, "t50_min", t(e.t50));
    LayerWriter::number(*f, "t90_min", t(e.t90));
    LayerWriter::number(*f, "t95_min", t(e.t95));
    for (std::size_t o = 0; o < kOutcomeCount; ++o)
      f->SetField(outcome_field(o).c_str(), static_cast<int>(e.by_outcome[o]));
    OGRPolygon g = polygon(m.world.zones[z].outline);
    w.add(std::move(f), &g);
  }
  w.finish();
}

// --- tasks: door-knocks and assistance, at the home ---------------------------------------

void write_tasks(const Target& to, const Model& m, const SimState& s) {
  LayerWriter w(to, "tasks", wkbPoint,
                {{"kind", OFTString},
                 {"created_min", OFTReal},
                 {"dispatched_min", OFTReal},
                 {"arrived_min", OFTReal},
                 {"completed_min", OFTReal},
                 {"response_min", OFTReal},
                 {"team", OFTString},
                 {"carried", OFTInteger},
                 {"reached", OFTInteger},
                 {"from_inject", OFTInteger}});
  for (const Task& task : s.response.tasks) {
    detail::FeaturePtr f = w.feature();
    f->SetField("kind", to_string(task.kind));
    LayerWriter::number(*f, "created_min", minutes(task.created));
    LayerWriter::number(*f, "dispatched_min", minutes(task.dispatched));
    LayerWriter::number(*f, "arrived_min", minutes(task.arrived));
    LayerWriter::number(*f, "completed_min", minutes(task.completed));
    LayerWriter::number(*f, "response_min", minutes(task.arrived - task.created));
    f->SetField("team", task.team.valid() ? m.plan.response.teams[task.team.index()].name.c_str() : "");
    f->SetField("carried", task.carried);
    f->SetField("reached", std::isnan(task.arrived) ? 0 : 1);
    f->SetField("from_inject", task.from_inject ? 1 : 0);
    const Vec2 p = m.population.home[task.first.index()];
    OGRPoint pt(p.x, p.y);
    w.add(std::move(f), &pt);
  }
  w.finish();
}

}  // namespace

void write_results_gpkg(const std::string& path, const Model& model, const SimState& state,
                        const RunMetrics& metrics, ResultsCrs crs) {
  detail::ensure_gdal_registered();
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!gpkg) throw std::runtime_error("GDAL lacks the GPKG driver");
  if (crs == ResultsCrs::Wgs84 && model.world.crs_wkt.empty())
    throw std::runtime_error("the map has no CRS to reproject from: no WGS 84 copy of the results");
  const std::string tmp = detail::temp_name(path);
  std::filesystem::remove(tmp);
  {
    detail::DatasetPtr out{gpkg->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!out) throw std::runtime_error("cannot create " + tmp);
    OGRSpatialReference map_srs = detail::srs_from_wkt(model.world.crs_wkt);
    OGRSpatialReference wgs84 = detail::wgs84();
    struct Destroy {
      void operator()(OGRCoordinateTransformation* t) const { OCTDestroyCoordinateTransformation(t); }
    };
    std::unique_ptr<OGRCoordinateTransformation, Destroy> ct;
    Target to{out.get(), model.world.crs_wkt.empty() ? nullptr : &map_srs, nullptr};
    if (crs == ResultsCrs::Wgs84) {
      // Both in traditional GIS axis order (longitude first), as QGIS expects.
      ct.reset(OGRCreateCoordinateTransformation(&map_srs, &wgs84));
      if (!ct) throw std::runtime_error("cannot transform the map's CRS to WGS 84");
      to.srs = &wgs84;
      to.to_srs = ct.get();
    }
    write_homes(to, model, state);
    results::write_streets(to, model, state);
    results::write_closures(to, model, state);
    write_shelters(to, model, metrics);
    write_zones(to, model, metrics);
    write_tasks(to, model, state);
    results::write_team_tracks(to, model, state);
    results::write_styles(to, model);
  }
  detail::commit(tmp, path);
}

std::vector<std::string> write_results_gpkgs(const std::filesystem::path& dir, const Model& model,
                                             const SimState& state, const RunMetrics& metrics) {
  std::vector<std::string> files{"results.gpkg"};
  write_results_gpkg((dir / files.back()).string(), model, state, metrics, ResultsCrs::Map);
  if (model.world.crs_wkt.empty()) return files;  // micro scenarios: no CRS, no WGS 84 copy
  files.emplace_back("results_wgs84.gpkg");
  write_results_gpkg((dir / files.back()).string(), model, state, metrics, ResultsCrs::Wgs84);
  return files;
}

}  // namespace ss::maps
