#include "engine/core/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/movement/micro/micro_movement.hpp"
#include "engine/movement/network/network_movement.hpp"

namespace ss {
namespace {

// Heap bytes of a string: its characters when they do not fit in the string itself
// (libstdc++ keeps up to 15 in place).
double string_bytes(const std::string& s) {
  return s.capacity() > 15 ? static_cast<double>(s.capacity() + 1) : 0.0;
}
double ring_bytes(const Ring& r) { return heap_bytes(r); }

// Every allocation carries a header and is rounded up to 16 bytes (glibc malloc:
// 8-byte size field, 16-byte alignment on x86-64); counted for allocations made one
// per timeline row, team path or zone.
constexpr double kAllocationOverhead = 16.0;

// A vector grown by push_back holds up to twice what it needs; on average 1.5 times
// (libstdc++ doubles the capacity). Planning factor for arrays built that way.
constexpr double kGrowthSlack = 1.5;

// The map as loaded: streets, buildings, areas, terrain, zones, shelters, points.
double world_bytes(const World& w) {
  const StreetGraph& g = w.streets;
  double b = heap_bytes(g.node_pos) + heap_bytes(g.node_z) + heap_bytes(g.edge_from) + heap_bytes(g.edge_to) +
             heap_bytes(g.edge_length) + heap_bytes(g.edge_width) + heap_bytes(g.edge_kind) +
             heap_bytes(g.shape_offset) + heap_bytes(g.shape_points) + heap_bytes(g.edge_name) +
             heap_bytes(g.edge_source_id) + heap_bytes(g.edge_vehicle) + heap_bytes(g.adj_offset) +
             heap_bytes(g.adj_edge) + heap_bytes(g.edge_rise) + heap_bytes(g.edge_steps) +
             2.0 * static_cast<double>(g.edge_count()) * SS_ELEMENT_BYTES(Model::walk_factor);
  for (const std::string& s : g.edge_name) b += string_bytes(s);
  b += heap_bytes(w.buildings);
  for (const Building& x : w.buildings)
    b += ring_bytes(x.outline) + string_bytes(x.kind) + string_bytes(x.amenity) + string_bytes(x.material) +
         string_bytes(x.address);
  b += heap_bytes(w.areas);
  for (const Area& x : w.areas)
    b += ring_bytes(x.outline) + string_bytes(x.kind) + string_bytes(x.name) + string_bytes(x.address);
  b += heap_bytes(w.terrain.z);
  b += heap_bytes(w.zones);
  for (const Zone& z : w.zones) b += ring_bytes(z.outline) + string_bytes(z.name) + kAllocationOverhead;
  b += heap_bytes(w.shelters);
  for (const auto* points : {&w.fire_stations, &w.amenity_points, &w.hydrants, &w.barriers}) {
    b += heap_bytes(*points);
    for (const MapPoint& p : *points) b += string_bytes(p.kind) + string_bytes(p.name);
  }
  return b;
}

}  // namespace

double run_state_bytes_per_resident() {
  return SS_ELEMENT_BYTES(SimState::status) + SS_ELEMENT_BYTES(SimState::edge) +
         SS_ELEMENT_BYTES(SimState::toward) + SS_ELEMENT_BYTES(SimState::remaining) +
         SS_ELEMENT_BYTES(SimState::free_speed) + SS_ELEMENT_BYTES(SimState::premove) +
         SS_ELEMENT_BYTES(SimState::warned_time) + SS_ELEMENT_BYTES(SimState::start_time) +
         SS_ELEMENT_BYTES(SimState::arrival_time) + SS_ELEMENT_BYTES(SimState::distance) +
         SS_ELEMENT_BYTES(SimState::shelter) + SS_ELEMENT_BYTES(SimState::turned_away) +
         SS_ELEMENT_BYTES(SimState::reached_end_step) + SS_ELEMENT_BYTES(SimState::assigned) +
         SS_ELEMENT_BYTES(SimState::blocked) + SS_ELEMENT_BYTES(SimState::to_assembly) +
         SS_ELEMENT_BYTES(SimState::active) + SS_ELEMENT_BYTES(SimState::parked);
}

namespace {

// Per resident: the profile, what finalize() derives, the run's state, the warning
// and the response, the movement's per-step lists and the metrics at the end.
double bytes_per_resident(const Model& m) {
  const double profile = SS_ELEMENT_BYTES(Population::age) + SS_ELEMENT_BYTES(Population::mobility) +
                         SS_ELEMENT_BYTES(Population::lives_alone) +
                         SS_ELEMENT_BYTES(Population::needs_assistance) +
                         SS_ELEMENT_BYTES(Population::household) + SS_ELEMENT_BYTES(Population::home) +
                         SS_ELEMENT_BYTES(Population::home_building);
  const double derived = SS_ELEMENT_BYTES(Model::home_edge) + SS_ELEMENT_BYTES(Model::home_offset) +
                         SS_ELEMENT_BYTES(Model::home_snap_dist) + SS_ELEMENT_BYTES(Model::home_zone) +
                         SS_ELEMENT_BYTES(Model::mover) + SS_ELEMENT_BYTES(Model::home_threat) +
                         SS_ELEMENT_BYTES(Model::home_in_hazard_zone);
  double state = run_state_bytes_per_resident();
  if (m.movement == MovementKind::Micro)
    state += SS_ELEMENT_BYTES(SimState::position) + SS_ELEMENT_BYTES(SimState::velocity);
  else
    state += NetworkMovement::bytes_per_resident();
  const double warning =
      SS_ELEMENT_BYTES(Households::of_resident) + SS_ELEMENT_BYTES(Households::members) +
      SS_ELEMENT_BYTES(Households::offset) + SS_ELEMENT_BYTES(WarningState::source) +
      SS_ELEMENT_BYTES(WarningState::channel) + SS_ELEMENT_BYTES(WarningState::scheduled) +
      SS_ELEMENT_BYTES(WarningState::scheduled_source) + SS_ELEMENT_BYTES(WarningState::scheduled_channel) +
      SS_ELEMENT_BYTES(WarningState::refuses) + SS_ELEMENT_BYTES(WarningState::premove_base) +
      SS_ELEMENT_BYTES(WarningState::cell) + SS_ELEMENT_BYTES(WarningState::exposure) +
      SS_ELEMENT_BYTES(WarningState::threshold) + SS_ELEMENT_BYTES(WarningState::unaware);
  // A task per household at most (door-knocking every home), one household per resident
  // at most; tasks are appended, so they carry the growth slack.
  const double response = SS_ELEMENT_BYTES(ResponseState::reached) +
                          SS_ELEMENT_BYTES(ResponseState::assist_task) +
                          kGrowthSlack * SS_ELEMENT_BYTES(ResponseState::tasks);
  // The movement's list of residents ready to leave (everyone warned at once) and, at
  // the end, the metrics' sorted arrival times: overall and in each of a resident's
  // three groups (age band, mobility, lives alone).
  const double lists = sizeof(ResidentId) + 4 * sizeof(double);
  // The profile is appended resident by resident (Population::add).
  return kGrowthSlack * profile + derived + state + warning + response + lists;
}

// Per street edge: state, passages, the network model's per-edge caches, the hazards'
// combined closures and costs per mover class.
double bytes_per_edge(const Model& m) {
  double b = SS_ELEMENT_BYTES(SimState::edge_count) + SS_ELEMENT_BYTES(SimState::edge_queued) +
             SS_ELEMENT_BYTES(SimState::exit_credit) + SS_ELEMENT_BYTES(SimState::entry_credit) +
             SS_ELEMENT_BYTES(SimState::credit_step) + SS_ELEMENT_BYTES(SimState::edge_closed) +
             SS_ELEMENT_BYTES(RunRecords::edge_passages);
  // The per-street crowd records (peak count, flow window, flows, queue time).
  b += SS_ELEMENT_BYTES(StreetRecords::peak_count) + SS_ELEMENT_BYTES(StreetRecords::flow_window) +
       SS_ELEMENT_BYTES(StreetRecords::flow_count) + SS_ELEMENT_BYTES(StreetRecords::peak_flow) +
       SS_ELEMENT_BYTES(StreetRecords::queue_steps) + SS_ELEMENT_BYTES(StreetRecords::queue_since);
  b += sizeof(float) + sizeof(std::uint64_t) + sizeof(std::uint32_t);  // NetworkMovement: factor, step, queue
  if (!m.hazards.empty())  // which closure of each street by each hazard is open
    b += static_cast<double>(m.hazards.size()) * SS_ELEMENT_BYTES(RunRecords::hazard_closure_open);
  if (!m.hazards.empty())
    b += kMoverClassCount * (sizeof(decltype(HazardEffects::closed)::value_type::value_type) +
                             sizeof(decltype(HazardEffects::cost)::value_type::value_type));
  return b;
}

// Way-out fields over the street nodes: nearest shelter, step-free, the elderly and
// children's with hazards, one per shelter that zones are assigned to; and the
// search's distances and heap (a node at most once per incident edge).
double route_bytes(const Model& m) {
  const double per_field = SS_ELEMENT_BYTES(RouteField::dist) + SS_ELEMENT_BYTES(RouteField::next_edge) +
                           SS_ELEMENT_BYTES(RouteField::target);
  std::set<std::uint32_t> assigned;
  for (const ShelterId s : m.plan.zone_shelter)
    if (s.valid()) assigned.insert(s.value);
  const double fields = 2.0 + (m.hazards.empty() ? 0.0 : 1.0) + static_cast<double>(assigned.size());
  const auto nodes = static_cast<double>(m.world.streets.node_count());
  const auto edges = static_cast<double>(m.world.streets.edge_count());
  return nodes * per_field * fields + nodes * sizeof(float) + 2.0 * edges * (sizeof(float) + sizeof(NodeId));
}

// Timeline rows the run records: one at the start, one every timeline_interval, one at
// the end; each with its status, group and zone counts and hazard columns, and the
// shelters' occupancy beside it.
double timeline_bytes(const Model& m, std::size_t hazard_columns) {
  const double interval = std::max(m.run.timeline_interval, m.run.dt);
  const double rows = std::floor(m.run.duration / interval) + 2.0;
  const double zones = static_cast<double>(m.world.zone_count());
  const double row = kGrowthSlack * (sizeof(TimelineRow) + sizeof(std::vector<std::int32_t>)) +
                     zones * SS_ELEMENT_BYTES(TimelineRow::safe_by_zone) +
                     static_cast<double>(hazard_columns) * SS_ELEMENT_BYTES(TimelineRow::hazard) +
                     static_cast<double>(m.world.shelters.size()) * sizeof(std::int32_t) +
                     3.0 * kAllocationOverhead;
  return rows * row;
}

// Teams: their state and the path of their current leg (at most every node).
double team_bytes(const Model& m) {
  const auto teams = static_cast<double>(m.plan.response.teams.size());
  const auto nodes = static_cast<double>(m.world.streets.node_count());
  return teams * (sizeof(TeamState) +
                  nodes * (SS_ELEMENT_BYTES(TeamState::path) + SS_ELEMENT_BYTES(TeamState::path_dist) +
                           SS_ELEMENT_BYTES(TeamState::path_edges)));
}

// Cells of the micro model's navigation grid: from the grid once finalize() built it,
// else from the walkable area's extent at MicroParams::grid_cell.
double micro_cells(const Model& m) {
  if (!m.micro.grid.walkable.empty()) return static_cast<double>(m.micro.grid.size());
  Box box;
  for (const Ring& r : m.micro.walkable)
    for (const Vec2 p : r) box.extend(p);
  if (box.empty()) return 0.0;
  const double h = m.params.micro.grid_cell;
  return std::ceil(box.width() / h + 2.0) * std::ceil(box.height() / h + 2.0);
}

}  // namespace

double MemoryEstimate::total() const {
  double t = 0.0;
  for (const MemoryPart& p : parts) t += p.bytes;
  return t;
}

const MemoryPart* MemoryEstimate::largest() const {
  const auto it = std::max_element(
      parts.begin(), parts.end(), [](const MemoryPart& a, const MemoryPart& b) { return a.bytes < b.bytes; });
  return it == parts.end() ? nullptr : &*it;
}

MemoryEstimate estimate_run_memory(const Model& m, std::optional<std::size_t> residents) {
  const std::size_t n = residents.value_or(m.population.size());
  MemoryEstimate e;
  const auto add = [&](std::string what, std::string field, double bytes) {
    e.parts.push_back({std::move(what), std::move(field), bytes});
  };
  add("residents", "population", static_cast<double>(n) * bytes_per_resident(m));
  if (m.movement == MovementKind::Micro) {
    add("micro bodies", "population", static_cast<double>(n) * MicroMovement::bytes_per_body());
    add("micro navigation grid", "micro.params.grid_cell", micro_cells(m) * MicroMovement::bytes_per_cell(m));
  } else {
    add("map", "map.streets", world_bytes(m.world));
    add("streets and routes", "map.streets",
        static_cast<double>(m.world.streets.edge_count()) * bytes_per_edge(m) + route_bytes(m));
  }
  add("teams", "plan.teams", team_bytes(m));
  std::size_t columns = 0;
  for (const auto& h : m.hazards) columns += h->timeline_columns().size();
  add("timeline", "run.timeline_interval", timeline_bytes(m, columns));
  for (const auto& h : m.hazards) h->memory_parts(m, n, e.parts);
  return e;
}

}  // namespace ss
