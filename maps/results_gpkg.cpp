#include "maps/results_gpkg.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "maps/gdal_support.hpp"
#include "maps/gpkg_writer.hpp"

namespace ss::maps {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Minutes from seconds (NaN stays NaN: written as null).
double minutes(double s) { return s / 60.0; }

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

using detail::categorized;
using detail::graduated;
using detail::LayerWriter;
using detail::time_bands;

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

void write_homes(GDALDataset& ds, OGRSpatialReference* srs, const Model& m, const SimState& s) {
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
  LayerWriter w(ds, "homes", srs, wkbPolygon, fields);
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
    OGRPolygon g = polygon(m.world.buildings[b].outline);
    w.add(std::move(f), &g);
  }
  w.finish();
}

// --- streets: walkers and closures per street ------------------------------------------

void write_streets(GDALDataset& ds, OGRSpatialReference* srs, const Model& m, const SimState& s) {
  const StreetGraph& g = m.world.streets;
  LayerWriter w(ds, "streets", srs, wkbLineString,
                {{"name", OFTString},
                 {"kind", OFTString},
                 {"width_m", OFTReal},
                 {"length_m", OFTReal},
                 {"walkers", OFTInteger},
                 {"closed_at_end", OFTInteger},
                 {"closed_by_plan", OFTInteger}});
  std::vector<std::uint8_t> by_plan(g.edge_count(), 0);
  for (const EdgeId e : m.plan.closed_edges) by_plan[e.index()] = 1;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    detail::FeaturePtr f = w.feature();
    f->SetField("name", g.edge_name[e].c_str());
    f->SetField("kind", to_string(g.edge_kind[e]));
    f->SetField("width_m", static_cast<double>(g.edge_width[e]));
    f->SetField("length_m", static_cast<double>(g.edge_length[e]));
    f->SetField("walkers",
                static_cast<int>(e < s.records.edge_passages.size() ? s.records.edge_passages[e] : 0));
    f->SetField("closed_at_end", e < s.edge_closed.size() ? s.edge_closed[e] : 0);
    f->SetField("closed_by_plan", by_plan[e]);
    OGRLineString line;
    for (const Vec2 v : g.shape(EdgeId{e})) line.addPoint(v.x, v.y);
    w.add(std::move(f), &line);
  }
  w.finish();
}

// --- shelters ----------------------------------------------------------------------------

void write_shelters(GDALDataset& ds, OGRSpatialReference* srs, const Model& m, const RunMetrics& r) {
  LayerWriter w(ds, "shelters", srs, wkbPoint,
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

void write_zones(GDALDataset& ds, OGRSpatialReference* srs, const Model& m, const RunMetrics& r) {
  std::vector<std::pair<std::string, OGRFieldType>> fields = {
      {"name", OFTString},  {"residents", OFTInteger}, {"safe", OFTInteger}, {"safe_share", OFTReal},
      {"t50_min", OFTReal}, {"t90_min", OFTReal},      {"t95_min", OFTReal}};
  for (std::size_t o = 0; o < kOutcomeCount; ++o) fields.emplace_back(outcome_field(o), OFTInteger);
  LayerWriter w(ds, "zones", srs, wkbPolygon, fields);
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

void write_tasks(GDALDataset& ds, OGRSpatialReference* srs, const Model& m, const SimState& s) {
  LayerWriter w(ds, "tasks", srs, wkbPoint,
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

// --- default styles: the layer_styles table QGIS reads from a GeoPackage -------------------

void write_styles(GDALDataset& ds) {
  std::vector<std::pair<std::string, std::string>> outcome_colours = {{"all_safe", "26,150,65"}};
  // Not safe, by outcome: a qualitative scheme (ColorBrewer Set1).
  const char* set1[] = {"228,26,28",   "55,126,184",  "152,78,163", "255,127,0", "166,86,40",
                        "247,129,191", "153,153,153", "77,175,74",  "255,255,51"};
  for (std::size_t o = 0, k = 0; o < kOutcomeCount; ++o)
    if (!is_safe(static_cast<Outcome>(o)))
      outcome_colours.emplace_back(to_string(static_cast<Outcome>(o)), set1[k++]);
  using Style = detail::LayerStyle;
  const std::vector<Style> styles = {
      {"homes", "time to safety", graduated("safe_median_min", "fill", time_bands()), true,
       "median time to safety of the residents, minutes after the start"},
      {"homes", "outcome", categorized("outcome", "fill", outcome_colours), false,
       "everyone safe, or the commonest reason some are not"},
      {"streets", "walkers",
       graduated("walkers", "line",
                 {{0, 0.5, "nobody", "200,200,200"},
                  {0.5, 100, "1-100", "254,224,139"},
                  {100, 500, "100-500", "253,174,97"},
                  {500, 1000000000, "over 500", "215,48,39"}}),
       true, "residents who walked each street"},
      {"shelters", "peak use",
       graduated("peak_share", "marker",
                 {{0, 0.5, "under half full", "26,150,65"},
                  {0.5, 0.999, "half to nearly full", "254,224,139"},
                  {0.999, 1000, "full", "215,25,28"}}),
       true, "highest occupancy over capacity"},
      {"zones", "T90", graduated("t90_min", "fill", time_bands()), true,
       "time by which 90 % of the zone's residents were safe, minutes after the start"},
      {"tasks", "reached",
       categorized("kind", "marker", {{"door_knock", "55,126,184"}, {"assist", "228,26,28"}}), true,
       "door-knocks and assistance tasks at the home"},
  };
  detail::write_layer_styles(ds, styles);
}

}  // namespace

void write_results_gpkg(const std::string& path, const Model& model, const SimState& state,
                        const RunMetrics& metrics) {
  detail::ensure_gdal_registered();
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!gpkg) throw std::runtime_error("GDAL lacks the GPKG driver");
  const std::string tmp = detail::temp_name(path);
  std::filesystem::remove(tmp);
  {
    detail::DatasetPtr out{gpkg->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!out) throw std::runtime_error("cannot create " + tmp);
    OGRSpatialReference srs = detail::srs_from_wkt(model.world.crs_wkt);
    OGRSpatialReference* s = model.world.crs_wkt.empty() ? nullptr : &srs;
    write_homes(*out, s, model, state);
    write_streets(*out, s, model, state);
    write_shelters(*out, s, model, metrics);
    write_zones(*out, s, model, metrics);
    write_tasks(*out, s, model, state);
    write_styles(*out);
  }
  detail::commit(tmp, path);
}

}  // namespace ss::maps
