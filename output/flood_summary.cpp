#include "output/flood_summary.hpp"

#include <cmath>

#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/hazards/flood/flood_metrics.hpp"

namespace ss::output {
namespace {

using ojson = nlohmann::ordered_json;

ojson opt(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

ojson exposure(const FloodExposure& e) {
  ojson classes;
  for (std::size_t c = 0; c < kHazardClassCount; ++c) classes[hazard_class_name(c)] = e.ever_in_class[c];
  return {{"residents", e.residents},
          {"in_water", e.in_water},
          {"in_deep_water", e.in_deep_water},
          {"ever_in_class", classes},
          {"reached_at_home", e.reached_at_home},
          {"stranded", e.stranded},
          {"longest_exposure_s", e.longest_exposure}};
}

}  // namespace

ojson flood_summary_json(const Model& model, const SimState& state) {
  const FloodMetrics m = compute_flood_metrics(model, state);
  const FloodDesc& fd = find_flood(model)->desc();
  const FloodRun& f = *find_flood_run(model, state);
  ojson j;
  j["source"] = fd.external ? "external rasters" : "local inertial solver (Bates, Horritt & Fewtrell 2010)";
  j["grid"] = {{"nx", m.nx}, {"ny", m.ny}, {"cell_m", m.cell}};
  j["mass_balance_m3"] = {
      {"initial", m.volumes.initial},       {"inflow", m.volumes.inflow},    {"rain", m.volumes.rain},
      {"boundary_net", m.volumes.boundary}, {"outflow", m.volumes.outflow},  {"stored", m.volumes.stored},
      {"error", m.volumes.balance_error()}, {"relative_error", m.mass_error}};
  j["solver"] = {{"substeps", m.substeps},
                 {"cell_updates", m.cell_updates},
                 {"negative_depths_fixed", m.negative_depths}};
  j["max_depth_m"] = m.max_depth;
  j["flooded_area_m2"] = m.flooded_area;
  j["hazard_class_limits"] = fd.people.hr_limits;
  // in_deep_water counts who met water at least this deep: the adults' wading limit.
  j["deep_water_m"] = fd.people.max_depth[static_cast<std::size_t>(MoverClass::Adult)];
  j["overall"] = exposure(m.overall);
  ojson groups;
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g) groups[GroupIndex::name(g)] = exposure(m.by_group[g]);
  j["by_group"] = std::move(groups);
  ojson zones = ojson::array();
  for (std::size_t z = 0; z < m.by_zone.size(); ++z) {
    ojson e = {{"id", z}, {"zone", model.world.zone_name(ZoneId{z})}};
    e.update(exposure(m.by_zone[z]));
    zones.push_back(std::move(e));
  }
  j["by_zone"] = std::move(zones);
  if (m.longest_resident) {
    const std::size_t r = m.longest_resident->index();
    ojson where = nullptr;
    if (m.longest_worst_edge && m.longest_worst_edge->valid()) {
      const StreetGraph& g = model.world.streets;
      const std::size_t e = m.longest_worst_edge->index();
      const Vec2 mid = g.node_pos[g.edge_from[e].index()] * 0.5 + g.node_pos[g.edge_to[e].index()] * 0.5;
      where = {{"edge", e},
               {"street", g.edge_name[e]},
               {"x", mid.x},
               {"y", mid.y},
               {"zone", model.world.zone_name(model.world.zone_of(mid))}};
    }
    j["longest_exposure"] = {{"resident", r},
                             {"seconds", f.wet_time[r]},
                             {"worst_hazard_rating", f.worst_hr[r]},
                             {"worst_time_s", f.worst_time[r]},
                             {"where", where}};
  } else {
    j["longest_exposure"] = nullptr;
  }
  ojson stranded = ojson::array();
  for (const StrandedResident& s : m.stranded)
    stranded.push_back({{"resident", s.resident.index()},
                        {"time_s", s.time},
                        {"x", s.pos.x},
                        {"y", s.pos.y},
                        {"at_home", s.at_home},
                        {"zone", model.world.zone_name(s.zone)}});
  j["stranded"] = std::move(stranded);
  ojson shelters = ojson::array();
  for (std::size_t s = 0; s < m.shelters.size(); ++s)
    shelters.push_back({{"id", s},
                        {"name", model.world.shelters[s].name},
                        {"flood_arrival_s", opt(m.shelters[s].arrival)},
                        {"closed_by_flood_s", opt(m.shelters[s].closed)},
                        {"occupants_when_closed", m.shelters[s].occupants}});
  j["shelters"] = std::move(shelters);
  j["homes"] = {{"residents_whose_home_was_reached", m.homes_reached},
                {"first_arrival_s", opt(m.first_home_arrival)}};
  ojson closed;
  for (std::size_t c = 0; c < kMoverClassCount; ++c)
    closed[to_string(static_cast<MoverClass>(c))] = m.closed_at_end[c];
  j["streets"] = {{"closure_changes", m.closure_changes}, {"closed_at_end", closed}};
  return j;
}

}  // namespace ss::output
