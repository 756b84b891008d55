#include "output/tables.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "output/format.hpp"
#include "output/tasks_tables.hpp"

namespace ss::output {
namespace {

// Column labels from names that may repeat or be empty (unnamed OSM car parks are
// common shelters): duplicates and blanks get their index so no two columns clash.
std::vector<std::string> unique_labels(const std::vector<std::string>& names, const std::string& prefix) {
  std::map<std::string, int> seen;
  for (const auto& n : names) ++seen[n];
  std::vector<std::string> out;
  out.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string label = prefix + names[i];
    if (names[i].empty())
      label += std::to_string(i);
    else if (seen[names[i]] > 1)
      label += " (#" + std::to_string(i) + ")";
    out.push_back(std::move(label));
  }
  return out;
}

std::vector<std::string> zone_names(const Model& model) {
  std::vector<std::string> names;
  for (std::size_t z = 0; z < model.world.zone_count(); ++z)
    names.push_back(model.world.zone_name(ZoneId{z}));
  return names;
}

std::vector<std::string> shelter_names(const Model& model) {
  std::vector<std::string> names;
  for (const ShelterSite& s : model.world.shelters) names.push_back(s.name);
  return names;
}

}  // namespace

std::string intervention_target_name(const Model& model, const Intervention& iv) {
  switch (iv.kind) {  // the plan's interventions (engine/plan/responders.hpp)
    case Intervention::Kind::DelayTeam:
      return iv.target < model.plan.response.teams.size() ? model.plan.response.teams[iv.target].name
                                                          : std::string{};
    case Intervention::Kind::BroadcastWarning:
      return iv.target < model.world.zone_count() ? model.world.zone_name(ZoneId{iv.target}) : std::string{};
    case Intervention::Kind::RequestMutualAid:
      return iv.target < model.plan.response.mutual_aid.size()
                 ? model.plan.response.mutual_aid[iv.target].name
                 : std::string{};
    case Intervention::Kind::AddAssistTask:
    case Intervention::Kind::AddDoorKnockTask: return "resident " + std::to_string(iv.target);
    case Intervention::Kind::StartFire: {  // the building by its map id when it has one
      if (iv.target >= model.world.buildings.size()) return {};
      const Building& b = model.world.buildings[iv.target];
      std::string name = "building ";
      if (b.source_id < 0) name += '#';
      name += std::to_string(b.source_id >= 0 ? b.source_id : static_cast<std::int64_t>(iv.target));
      return name;
    }
    default: break;
  }
  const bool road = iv.kind == Intervention::Kind::CloseRoad || iv.kind == Intervention::Kind::OpenRoad;
  if (road) {
    const auto& names = model.world.streets.edge_name;
    return iv.target < names.size() ? names[iv.target] : std::string{};
  }
  const auto& sites = model.world.shelters;
  return iv.target < sites.size() ? sites[iv.target].name : std::string{};
}

std::string timeline_csv(const Model& model, const SimState& state) {
  CsvWriter csv;
  csv.text("time_s").text("time_min");
  for (std::size_t s = 0; s < kStatusCount; ++s) csv.text(to_string(static_cast<Status>(s)));
  // Residents safe so far, by group and by home zone: safe_age_80_plus, safe_zone_<name>.
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g) csv.text("safe_" + GroupIndex::name(g));
  std::vector<std::string> zones = unique_labels(zone_names(model), "safe_zone_");
  for (std::string& z : zones) z = column_key(z);
  for (const auto& z : zones) csv.text(z);
  const WarningCurve warned = warning_curve(model, state);  // output/tasks_tables.cpp
  for (const auto& h : warned.header) csv.text(h);
  std::size_t hazard_columns = 0;  // each hazard's own columns (Hazard::timeline_columns)
  for (const auto& hz : model.hazards)
    for (const std::string& c : hz->timeline_columns()) {
      csv.text(std::string(hz->name()) + "." + c);
      ++hazard_columns;
    }
  csv.end_row();
  for (std::size_t k = 0; k < state.records.timeline.size(); ++k) {
    const TimelineRow& row = state.records.timeline[k];
    csv.num(row.time).num(row.time / 60.0);
    for (const std::uint32_t n : row.by_status) csv.num(n);
    for (const std::uint32_t n : row.safe_by_group) csv.num(n);
    // Keep every row as wide as the header even for a hand-built state with fewer zones.
    for (std::size_t z = 0; z < zones.size(); ++z)
      csv.num(z < row.safe_by_zone.size() ? row.safe_by_zone[z] : 0u);
    for (const double v : warned.rows[k]) csv.num(v);
    for (std::size_t c = 0; c < hazard_columns; ++c) csv.num(c < row.hazard.size() ? row.hazard[c] : 0.0);
    csv.end_row();
  }
  return csv.take();
}

std::string residents_csv(const Model& model, const SimState& state) {
  const Population& pop = model.population;
  CsvWriter csv;
  for (const char* h : {"id", "age_band", "mobility", "lives_alone", "needs_assistance", "zone", "warned_s",
                        "start_s", "arrival_s", "distance_m", "shelter", "outcome"})
    csv.text(h);
  csv.end_row();
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const ShelterId sh = state.shelter[i];
    csv.num(i)
        .text(to_string(age_band(pop.age[i])))
        .text(to_string(pop.mobility[i]))
        .num(pop.lives_alone[i] != 0)
        .num(pop.needs_assistance[i] != 0)
        .text(model.world.zone_name(model.home_zone[i]))
        .num(state.warned_time[i])
        .num(state.start_time[i])
        .num(state.arrival_time[i])
        .num(state.distance[i])
        .text(sh.valid() ? model.world.shelters[sh.index()].name : std::string{})
        .text(to_string(outcome_of(model, state, ResidentId{i})));
    csv.end_row();
  }
  return csv.take();
}

std::string outcomes_csv(const Model& model, const RunMetrics& metrics) {
  CsvWriter csv;
  csv.text("scope").text("name").text("residents");
  for (std::size_t o = 0; o < kOutcomeCount; ++o) csv.text(to_string(static_cast<Outcome>(o)));
  csv.end_row();
  auto row = [&](const char* scope, const std::string& name, const EvacuationTimes& e) {
    csv.text(scope).text(name).num(e.residents);
    for (const std::uint32_t n : e.by_outcome) csv.num(n);
    csv.end_row();
  };
  row("overall", "all", metrics.overall);
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g) row("group", GroupIndex::name(g), metrics.by_group[g]);
  const std::vector<std::string> zones = unique_labels(zone_names(model), "");
  for (std::size_t z = 0; z < metrics.by_zone.size() && z < zones.size(); ++z)
    row("zone", zones[z], metrics.by_zone[z]);
  return csv.take();
}

std::string shelters_csv(const Model& model, const RunMetrics& metrics) {
  CsvWriter csv;
  for (const char* h :
       {"id", "name", "kind", "x_m", "y_m", "capacity", "arrivals", "occupancy", "peak_occupancy",
        "full_time_s", "closed", "step_free", "open_time_s", "elevation_m", "waiting_outside"})
    csv.text(h);
  csv.end_row();
  for (std::size_t s = 0; s < model.world.shelters.size(); ++s) {
    const ShelterSite& site = model.world.shelters[s];
    const ShelterMetrics& m = metrics.shelters[s];
    csv.num(s)
        .text(site.name)
        .text(to_string(site.kind))
        .num(site.pos.x)
        .num(site.pos.y)
        .num(m.capacity)
        .num(m.arrivals)
        .num(m.occupancy)
        .num(m.peak_occupancy);
    // Full times are float state values: print them as floats for the short decimal.
    if (m.full_time)
      csv.num(static_cast<float>(*m.full_time));
    else
      csv.text("");
    csv.num(m.closed).num(site.step_free).num(site.open_time);
    // Ground elevation at the entrance from the terrain (empty without terrain).
    const float z = model.world.terrain.empty() ? std::numeric_limits<float>::quiet_NaN()
                                                : model.world.terrain.sample(site.pos);
    csv.num(z);
    csv.num(m.waiting_outside);
    csv.end_row();
  }
  return csv.take();
}

std::string occupancy_csv(const Model& model, const SimState& state) {
  CsvWriter csv;
  csv.text("time_s").text("time_min");
  const std::vector<std::string> labels = unique_labels(shelter_names(model), "");
  for (const auto& l : labels) csv.text(l);
  csv.end_row();
  // Both series gain a row together (one per timeline row); min() guards a state
  // restored from an older snapshot format.
  const std::size_t rows = std::min(state.records.timeline.size(), state.records.occupancy_series.size());
  for (std::size_t r = 0; r < rows; ++r) {
    const double t = state.records.timeline[r].time;
    csv.num(t).num(t / 60.0);
    const auto& occ = state.records.occupancy_series[r];
    for (std::size_t s = 0; s < labels.size(); ++s) csv.num(s < occ.size() ? occ[s] : 0);
    csv.end_row();
  }
  return csv.take();
}

std::string journal_csv(const Model& model, const SimState& state) {
  CsvWriter csv;
  for (const char* h : {"step", "time_s", "kind", "target", "target_name", "note"}) csv.text(h);
  csv.end_row();
  for (const JournalEntry& e : state.records.journal) {
    csv.num(e.step)
        .num(e.time)
        .text(to_string(e.intervention.kind))
        .num(e.intervention.target)
        .text(intervention_target_name(model, e.intervention))
        .text(e.intervention.note);
    csv.end_row();
  }
  return csv.take();
}

}  // namespace ss::output
