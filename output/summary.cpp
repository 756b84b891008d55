#include "output/summary.hpp"

#include <cmath>

#include "engine/core/state_hash.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "output/flood_summary.hpp"
#include "output/format.hpp"
#include "output/hazard_summary.hpp"
#include "output/tables.hpp"
#include "output/tasks_tables.hpp"

namespace ss::output {
namespace {

using ojson = nlohmann::ordered_json;

// Evacuation times come from float arrival times; tidy() keeps their short decimals.
ojson time_or_null(const std::optional<double>& t) {
  return t ? ojson(tidy(static_cast<float>(*t))) : ojson(nullptr);
}

ojson evacuation(const EvacuationTimes& e) {
  ojson j;
  j["residents"] = e.residents;
  j["safe"] = e.safe;
  j["safe_share"] = e.residents == 0 ? 0.0 : static_cast<double>(e.safe) / e.residents;
  j["t50_s"] = time_or_null(e.t50);
  j["t90_s"] = time_or_null(e.t90);
  j["t95_s"] = time_or_null(e.t95);
  j["t100_s"] = time_or_null(e.t100);
  // Why the others are not safe (Outcome), so a zone or group with many refusals
  // that no team knocked on, or many never warned, shows where the plan falls short.
  // Of the safe, those at an assembly area instead of a shelter (every shelter full).
  j["at_assembly_areas"] = e.by_outcome[static_cast<std::size_t>(Outcome::AtAssemblyArea)];
  j["safe_upstairs"] = e.by_outcome[static_cast<std::size_t>(Outcome::SafeUpstairs)];
  ojson not_safe;
  for (std::size_t o = 0; o < kOutcomeCount; ++o)
    if (!is_safe(static_cast<Outcome>(o))) not_safe[to_string(static_cast<Outcome>(o))] = e.by_outcome[o];
  j["not_safe"] = std::move(not_safe);
  return j;
}

ojson shelters(const Model& model, const RunMetrics& metrics) {
  ojson list = ojson::array();
  for (std::size_t s = 0; s < metrics.shelters.size(); ++s) {
    const ShelterSite& site = model.world.shelters[s];
    const ShelterMetrics& m = metrics.shelters[s];
    ojson j;
    j["id"] = s;
    j["name"] = site.name;
    j["kind"] = to_string(site.kind);
    j["capacity"] = m.capacity;
    j["takes_everyone"] = m.takes_everyone;  // an exit to the open: capacity is the population
    j["arrivals"] = m.arrivals;
    j["occupancy"] = m.occupancy;
    j["peak_occupancy"] = m.peak_occupancy;
    j["full_time_s"] = time_or_null(m.full_time);
    j["closed"] = m.closed;
    j["step_free"] = site.step_free;
    j["waiting_outside"] = m.waiting_outside;
    list.push_back(std::move(j));
  }
  return list;
}

ojson journal(const Model& model, const SimState& state) {
  ojson list = ojson::array();
  for (const JournalEntry& e : state.records.journal) {
    ojson j;
    j["step"] = e.step;
    j["time_s"] = e.time;
    j["kind"] = to_string(e.intervention.kind);
    j["target"] = e.intervention.target;
    j["target_name"] = intervention_target_name(model, e.intervention);
    j["note"] = e.intervention.note;
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace

ojson summary_json(const Model& model, const SimState& state, const RunMetrics& metrics,
                   const RunInfo& info) {
  ojson j;
  j["format"] = "safestreet-run-summary/1";
  j["version"] = info.version;
  j["scenario"] = {{"path", info.scenario_path}, {"name", info.scenario_name}};
  j["variant"] = info.variant;
  j["seed"] = state.seed;
  j["run"] = {
      {"dt_s", model.run.dt},
      {"duration_s", model.run.duration},
      {"timeline_interval_s", model.run.timeline_interval},
      {"steps", state.step},
      {"end_time_s", metrics.time},
      {"finished_early", state.active.empty() && state.parked.empty() && metrics.time < model.run.duration}};
  // The whole state's hash at the last step, and halfway through when the run got
  // there: two runs with the same hashes ended (and passed half time) in the same state.
  ojson halfway = nullptr;
  if (info.halfway_hash)
    halfway = {{"step", info.halfway_hash->step}, {"hash", state_hash_hex(info.halfway_hash->hash)}};
  j["state_hash"] = {{"step", state.step}, {"hash", state_hash_hex(state_hash(state))}, {"halfway", halfway}};
  j["residents"] = model.population.size();
  j["overall"] = evacuation(metrics.overall);

  ojson groups;
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g)
    groups[GroupIndex::name(g)] = evacuation(metrics.by_group[g]);
  j["by_group"] = std::move(groups);
  // Zones as a list: names come from the scenario and need not be unique.
  ojson zones = ojson::array();
  for (std::size_t z = 0; z < metrics.by_zone.size(); ++z) {
    ojson e = {{"id", z}, {"zone", model.world.zone_name(ZoneId{z})}};
    e.update(evacuation(metrics.by_zone[z]));
    zones.push_back(std::move(e));
  }
  j["by_zone"] = std::move(zones);

  ojson status, outcome;
  for (std::size_t s = 0; s < kStatusCount; ++s)
    status[to_string(static_cast<Status>(s))] = metrics.by_status[s];
  for (std::size_t o = 0; o < metrics.overall.by_outcome.size(); ++o)
    outcome[to_string(static_cast<Outcome>(o))] = metrics.overall.by_outcome[o];
  j["by_status"] = std::move(status);
  j["by_outcome"] = std::move(outcome);
  // Refused to leave and no team knocked: split by whether a knock was on the plan's
  // list for their home (capacity: too few teams) or not (coverage: not on the list).
  const std::uint32_t refused =
      metrics.overall.by_outcome[static_cast<std::size_t>(Outcome::RefusedNotKnocked)];
  // Where those who found every shelter full wait (engine/core/metrics.hpp).
  const FullShelterWaits& w = metrics.shelters_full_waits;
  j["shelters_full"] = {
      {"residents", metrics.overall.by_outcome[static_cast<std::size_t>(Outcome::SheltersFull)]},
      {"waiting_at_home", w.at_home},
      {"waiting_at_full_shelters", w.at_shelters},
      {"waiting_on_streets", w.on_streets},
      {"at_assembly_areas", metrics.overall.by_outcome[static_cast<std::size_t>(Outcome::AtAssemblyArea)]},
      {"on_the_way_to_assembly_areas", w.heading_to_assembly}};
  if (model.plan.vertical.enabled) {  // Plan::vertical: who stayed upstairs, the water below them
    const UpstairsMetrics& u = metrics.upstairs;
    j["upstairs"] = {{"eligible", u.eligible},
                     {"residents", u.residents},
                     {"max_depth_below_m", u.max_depth_below},
                     {"min_margin_m", std::isnan(u.min_margin) ? ojson(nullptr) : ojson(u.min_margin)},
                     {"water_reached_floor", u.water_reached_floor}};
  }
  j["refused_not_knocked"] = {{"residents", refused},
                              {"knock_ordered_not_reached", metrics.refused_knock_pending},
                              {"no_knock_ordered", refused - metrics.refused_knock_pending}};
  j["mean_distance_m"] = metrics.mean_distance;
  j["mean_travel_time_s"] = metrics.mean_travel_time;

  std::int64_t capacity = 0;  // shelter places; assembly areas are open ground, not places
  for (std::size_t s = 0; s < metrics.shelters.size(); ++s)
    if (!model.world.shelters[s].assembly_area()) capacity += metrics.shelters[s].capacity;
  j["shelter_capacity"] = capacity;
  j["shelters"] = shelters(model, metrics);
  j["route_rebuilds"] = state.records.route_rebuilds;
  j["warnings"] = {{"non_finite_speed", state.records.warnings.non_finite_speed},
                   {"rerouted_full", state.records.warnings.rerouted_full},
                   {"turned_around", state.records.warnings.turned_around},
                   {"squeezed", state.records.warnings.squeezed}};
  if (model.movement == MovementKind::Micro) {
    // Residents that did not get anywhere for MicroParams::stuck_time.
    j["micro"] = {{"stuck", state.records.warnings.stuck},
                  {"stuck_time_s", model.params.micro.stuck_time},
                  {"stuck_distance_m", model.params.micro.stuck_distance},
                  {"calibration", to_string(model.params.micro.calibration)}};
    // Crowds that stopped moving while people remained, each with its place.
    ojson jams = ojson::array();
    for (const MicroJam& jam : state.records.jams)
      jams.push_back({{"since_s", jam.since},
                      {"reported_s", jam.time},
                      {"people", jam.people},
                      {"centre_m", {jam.centre.x, jam.centre.y}},
                      {"extent_m", {{jam.min.x, jam.min.y}, {jam.max.x, jam.max.y}}}});
    j["micro"]["jams"] = std::move(jams);
    j["micro"]["jam_time_s"] = model.params.micro.jam_time;
    j["micro"]["jam_progress_m"] = model.params.micro.jam_progress;
  }
  j["plan"] = plan_summary_json(model, state, info.finished);
  j["journal"] = journal(model, state);
  j["hazards"] = hazards_json(model, state);
  if (find_flood(model)) j["flood"] = flood_summary_json(model, state);  // the flood's detailed block

  ojson inputs = ojson::array();
  for (const auto& [file, checksum] : info.input_checksums)
    inputs.push_back({{"file", file}, {"checksum", checksum}});
  j["inputs"] = std::move(inputs);
  j["problems"] = info.problems;
  j["notes"] = info.notes;
  // Round-trip through text: the reports arrive as unordered json.
  j["reports"] = ojson::parse(info.extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  j["wall_seconds"] = info.wall_seconds;
  return j;
}

}  // namespace ss::output
