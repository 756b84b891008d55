// The whole-state hash (engine/core/state_hash.hpp): every part of a run's state —
// residents, streets, shelters, routes, the warning, the teams, the records, the
// flood's water, the fire's spread, smoke and fire service, the micro model's bodies —
// changes it when changed alone, and it reads the same bytes the same way.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/core/simulation.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;

namespace {

// Changes a value so that it surely differs (NaN and infinities included), or makes a
// list one longer when it is empty.
void bump(bool& x) { x = !x; }
template <class T>
requires std::is_integral_v<T>
void bump(T& x) { x = static_cast<T>(x ^ T{1}); }
template <class T>
requires std::is_floating_point_v<T>
void bump(T& x) { x = x == T{1} ? T{2} : T{1}; }
template <class E>
requires std::is_enum_v<E>
void bump(E& e) { e = static_cast<E>(static_cast<std::underlying_type_t<E>>(e) ^ 1); }
template <class Tag>
void bump(Id<Tag>& id) {
  id.value ^= 1;
}
void bump(Vec2& p) { bump(p.x); }
void bump(std::string& s) { s += "!"; }
template <class T>
void bump(std::vector<T>& v) {
  if (v.empty())
    v.emplace_back();
  else if constexpr (requires(T & x) { bump(x); })
    bump(v[0]);
  else
    v.emplace_back();  // a struct: one more of it
}

// Streets 3 × 2, 100 m apart, with a shelter; residents who walk and two bedridden a
// team must carry; a flood filling from the east and a house burning by the west end.
Model hazard_town() {
  Model m = builders::street_grid(3, 2, 100.0, 4.0);
  builders::add_shelter(m, NodeId{3}, 100, "school");
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, {100.0, 5.0});
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{1}, {200.0, 95.0});
  for (int k = 0; k < 6; ++k)
    m.population.add(40, Mobility::Walks, false, false, HouseholdId{2 + k}, {30.0 * k, 5.0});
  Team t;
  t.name = "crew";
  t.kind = TeamKind::Fire;
  t.members = 4;
  t.depot = NodeId{0};
  t.mode = TravelMode::Foot;
  t.speed = 1.5;
  t.roles = kRoleAssist | kRoleDoorKnock;
  t.escort_capacity = 1;
  t.escort_speed = 1.0;
  m.plan.response.teams.push_back(t);
  m.plan.warning_time = 0.0;
  m.run.duration = 3600.0;

  FloodDesc f = builders::flat_flood({-50.0, -50.0}, 10.0, 35, 20);
  FlowSource s;
  s.name = "breach";
  s.cells = {static_cast<std::uint32_t>(f.grid.cell_of({250.0, 50.0}))};
  s.discharge.time = {0.0};
  s.discharge.value = {2.0};
  f.sources.push_back(s);
  f.snapshot_times = {60.0};
  m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));

  Building b;
  b.outline = {{-20.0, 20.0}, {-10.0, 20.0}, {-10.0, 30.0}, {-20.0, 30.0}};
  b.area = 100.0;
  b.centroid = {-15.0, 25.0};
  b.levels = 2;
  b.kind = "house";
  m.world.buildings.push_back(b);
  FireDesc fire;
  fire.constructions = {{"masonry", 0.5, false}};
  fire.uses = {{"dwelling", 780e6, 30.0, 250e3}};
  fire.buildings = {{b.centroid, 10.0, 200.0, 9.0, 0, 0}};
  fire.ignitions = {{0.0, 0}};
  fire.wind = {{0.0}, {5.0}, {270.0}};
  fire.grid = {{-100.0, -100.0}, 10.0, 50, 30};
  m.hazards.push_back(std::make_shared<FireHazard>(std::move(fire)));
  m.finalize();
  return m;
}

struct Change {
  std::string part;
  std::function<void(SimState&)> apply;
};

// Every change must move the hash away from the original state's.
void check_each_changes_the_hash(const SimState& original, const std::vector<Change>& changes) {
  const std::uint64_t h0 = state_hash(original);
  for (const Change& c : changes) {
    SimState copy = original;
    REQUIRE(state_hash(copy) == h0);  // a copy (a snapshot) hashes the same
    c.apply(copy);
    INFO(c.part);
    CHECK(state_hash(copy) != h0);
  }
}

FloodRun& flood(SimState& s) { return static_cast<FloodRun&>(s.hazards.at(0).get()); }
const FloodRun& flood(const SimState& s) { return static_cast<const FloodRun&>(s.hazards.at(0).get()); }
FireRun& fire(SimState& s) { return static_cast<FireRun&>(s.hazards.at(1).get()); }

}  // namespace

TEST_CASE("the state hash changes with any one part of the state, hazards and teams included") {
  const Model m = hazard_town();
  Simulation sim(m, 3);
  sim.run_until(300.0);
  const SimState& s = sim.state();
  // The run reached the parts the changes below touch.
  REQUIRE(flood(s).field.substeps > 0);
  REQUIRE_FALSE(flood(s).snapshots.empty());
  REQUIRE_FALSE(s.response.tasks.empty());
  REQUIRE_FALSE(s.records.timeline.empty());

  std::vector<Change> changes;
  auto add = [&](std::string part, std::function<void(SimState&)> f) { changes.push_back({part, f}); };
  // Clock and residents.
  add("step", [](SimState& x) { bump(x.step); });
  add("seed", [](SimState& x) { bump(x.seed); });
  add("status", [](SimState& x) { bump(x.status); });
  add("edge", [](SimState& x) { bump(x.edge); });
  add("toward", [](SimState& x) { bump(x.toward); });
  add("remaining", [](SimState& x) { bump(x.remaining); });
  add("free_speed", [](SimState& x) { bump(x.free_speed); });
  add("premove", [](SimState& x) { bump(x.premove); });
  add("warned_time", [](SimState& x) { bump(x.warned_time); });
  add("start_time", [](SimState& x) { bump(x.start_time); });
  add("arrival_time", [](SimState& x) { bump(x.arrival_time); });
  add("distance", [](SimState& x) { bump(x.distance); });
  add("shelter", [](SimState& x) { bump(x.shelter); });
  add("turned_away", [](SimState& x) { bump(x.turned_away); });
  add("reached_end_step", [](SimState& x) { bump(x.reached_end_step); });
  add("assigned", [](SimState& x) { bump(x.assigned); });
  add("blocked", [](SimState& x) { bump(x.blocked); });
  add("position", [](SimState& x) { bump(x.position); });
  add("velocity", [](SimState& x) { bump(x.velocity); });
  add("active", [](SimState& x) { bump(x.active); });
  // Streets and shelters.
  add("edge_count", [](SimState& x) { bump(x.edge_count); });
  add("edge_queued", [](SimState& x) { bump(x.edge_queued); });
  add("exit_credit", [](SimState& x) { bump(x.exit_credit); });
  add("entry_credit", [](SimState& x) { bump(x.entry_credit); });
  add("credit_step", [](SimState& x) { bump(x.credit_step); });
  add("edge_closed", [](SimState& x) { bump(x.edge_closed); });
  add("occupancy", [](SimState& x) { bump(x.occupancy); });
  add("arrivals", [](SimState& x) { bump(x.arrivals); });
  add("shelter_closed", [](SimState& x) { bump(x.shelter_closed); });
  add("shelter_full", [](SimState& x) { bump(x.shelter_full); });
  add("shelter_full_time", [](SimState& x) { bump(x.shelter_full_time); });
  // Routing and interventions waiting.
  add("routes.nearest.dist", [](SimState& x) { bump(x.routes.nearest.dist); });
  add("routes.nearest.next_edge", [](SimState& x) { bump(x.routes.nearest.next_edge); });
  add("routes.nearest.target", [](SimState& x) { bump(x.routes.nearest.target); });
  add("routes.nearest_step_free", [](SimState& x) { bump(x.routes.nearest_step_free.dist); });
  add("routes.nearest_elderly_child", [](SimState& x) { bump(x.routes.nearest_elderly_child.dist); });
  add("routes.to_shelter", [](SimState& x) { bump(x.routes.to_shelter); });
  add("routes_dirty", [](SimState& x) { bump(x.routes_dirty); });
  add("evacuating", [](SimState& x) { bump(x.evacuating); });
  add("pending", [](SimState& x) { bump(x.pending); });
  add("next_inject", [](SimState& x) { bump(x.next_inject); });
  add("hazard_effects.closed", [](SimState& x) { bump(x.hazard_effects.closed[4]); });
  add("hazard_effects.cost", [](SimState& x) { bump(x.hazard_effects.cost[0]); });
  add("hazard_effects.closure_changes", [](SimState& x) { bump(x.hazard_effects.closure_changes); });
  // Warning.
  add("warn.households", [](SimState& x) { bump(x.warn.households.of_resident); });
  add("warn.households.offset", [](SimState& x) { bump(x.warn.households.offset); });
  add("warn.households.members", [](SimState& x) { bump(x.warn.households.members); });
  add("warn.source", [](SimState& x) { bump(x.warn.source); });
  add("warn.channel", [](SimState& x) { bump(x.warn.channel); });
  add("warn.scheduled", [](SimState& x) { bump(x.warn.scheduled); });
  add("warn.scheduled_source", [](SimState& x) { bump(x.warn.scheduled_source); });
  add("warn.scheduled_channel", [](SimState& x) { bump(x.warn.scheduled_channel); });
  add("warn.refuses", [](SimState& x) { bump(x.warn.refuses); });
  add("warn.premove_base", [](SimState& x) { bump(x.warn.premove_base); });
  add("warn.cell", [](SimState& x) { bump(x.warn.cell); });
  add("warn.cell_residents", [](SimState& x) { bump(x.warn.cell_residents); });
  add("warn.cell_warned", [](SimState& x) { bump(x.warn.cell_warned); });
  add("warn.exposure", [](SimState& x) { bump(x.warn.exposure); });
  add("warn.threshold", [](SimState& x) { bump(x.warn.threshold); });
  add("warn.unaware", [](SimState& x) { bump(x.warn.unaware); });
  // Teams and tasks.
  add("response.activated", [](SimState& x) { bump(x.response.activated); });
  add("team stage", [](SimState& x) { bump(x.response.teams[0].stage); });
  add("team stage_end", [](SimState& x) { bump(x.response.teams[0].stage_end); });
  add("team stage_start", [](SimState& x) { bump(x.response.teams[0].stage_start); });
  add("team node", [](SimState& x) { bump(x.response.teams[0].node); });
  add("team task", [](SimState& x) { bump(x.response.teams[0].task); });
  add("team carried", [](SimState& x) { bump(x.response.teams[0].carried); });
  add("team shelter", [](SimState& x) { bump(x.response.teams[0].shelter); });
  add("team extra_delay", [](SimState& x) { bump(x.response.teams[0].extra_delay); });
  add("team seen_tasks", [](SimState& x) { bump(x.response.teams[0].seen_tasks); });
  add("team path", [](SimState& x) { bump(x.response.teams[0].path); });
  add("team path_dist", [](SimState& x) { bump(x.response.teams[0].path_dist); });
  add("team path_edges", [](SimState& x) { bump(x.response.teams[0].path_edges); });
  add("team busy", [](SimState& x) { bump(x.response.teams[0].busy); });
  add("team distance", [](SimState& x) { bump(x.response.teams[0].distance); });
  add("team tasks_done", [](SimState& x) { bump(x.response.teams[0].tasks_done); });
  add("team people_escorted", [](SimState& x) { bump(x.response.teams[0].people_escorted); });
  add("team unreachable_since", [](SimState& x) { bump(x.response.teams[0].unreachable_since); });
  add("task kind", [](SimState& x) { bump(x.response.tasks[0].kind); });
  add("task household", [](SimState& x) { bump(x.response.tasks[0].household); });
  add("task first", [](SimState& x) { bump(x.response.tasks[0].first); });
  add("task node", [](SimState& x) { bump(x.response.tasks[0].node); });
  add("task zone", [](SimState& x) { bump(x.response.tasks[0].zone); });
  add("task vulnerability", [](SimState& x) { bump(x.response.tasks[0].vulnerability); });
  add("task hazard_at", [](SimState& x) { bump(x.response.tasks[0].hazard_at); });
  add("task from_inject", [](SimState& x) { bump(x.response.tasks[0].from_inject); });
  add("task created", [](SimState& x) { bump(x.response.tasks[0].created); });
  add("task dispatched", [](SimState& x) { bump(x.response.tasks[0].dispatched); });
  add("task arrived", [](SimState& x) { bump(x.response.tasks[0].arrived); });
  add("task completed", [](SimState& x) { bump(x.response.tasks[0].completed); });
  add("task team", [](SimState& x) { bump(x.response.tasks[0].team); });
  add("task carried", [](SimState& x) { bump(x.response.tasks[0].carried); });
  add("task shelter", [](SimState& x) { bump(x.response.tasks[0].shelter); });
  add("task open", [](SimState& x) { bump(x.response.tasks[0].open); });
  add("task taken", [](SimState& x) { bump(x.response.tasks[0].taken); });
  add("task failed", [](SimState& x) { bump(x.response.tasks[0].failed); });
  add("response.tasks_version", [](SimState& x) { bump(x.response.tasks_version); });
  add("response.reached", [](SimState& x) { bump(x.response.reached); });
  add("response.assist_task", [](SimState& x) { bump(x.response.assist_task); });
  // Records.
  add("journal", [](SimState& x) { bump(x.records.journal); });
  add("timeline time", [](SimState& x) { bump(x.records.timeline[0].time); });
  add("timeline by_status", [](SimState& x) { bump(x.records.timeline[0].by_status[2]); });
  add("timeline safe_by_group", [](SimState& x) { bump(x.records.timeline[0].safe_by_group[9]); });
  add("timeline safe_by_zone", [](SimState& x) { bump(x.records.timeline[0].safe_by_zone); });
  add("timeline hazard", [](SimState& x) { bump(x.records.timeline[0].hazard); });
  add("occupancy_series", [](SimState& x) { bump(x.records.occupancy_series[0]); });
  add("edge_passages", [](SimState& x) { bump(x.records.edge_passages); });
  add("route_rebuilds", [](SimState& x) { bump(x.records.route_rebuilds); });
  add("warnings.non_finite_speed", [](SimState& x) { bump(x.records.warnings.non_finite_speed); });
  add("warnings.rerouted_full", [](SimState& x) { bump(x.records.warnings.rerouted_full); });
  add("warnings.turned_around", [](SimState& x) { bump(x.records.warnings.turned_around); });
  add("warnings.squeezed", [](SimState& x) { bump(x.records.warnings.squeezed); });
  add("warnings.stuck", [](SimState& x) { bump(x.records.warnings.stuck); });
  add("streets.peak_count", [](SimState& x) { bump(x.records.streets.peak_count); });
  add("streets.flow_window", [](SimState& x) { bump(x.records.streets.flow_window); });
  add("streets.flow_count", [](SimState& x) { bump(x.records.streets.flow_count); });
  add("streets.peak_flow", [](SimState& x) { bump(x.records.streets.peak_flow); });
  add("streets.queue_steps", [](SimState& x) { bump(x.records.streets.queue_steps); });
  add("streets.queue_since", [](SimState& x) { bump(x.records.streets.queue_since); });
  add("hazard_closures", [](SimState& x) { bump(x.records.hazard_closures); });
  add("hazard_closure_open", [](SimState& x) { bump(x.records.hazard_closure_open); });
  add("team_legs", [](SimState& x) { bump(x.records.team_legs); });
  add("team_leg_edges", [](SimState& x) { bump(x.records.team_leg_edges); });
  // The flood.
  add("flood time", [](SimState& x) { bump(flood(x).field.time); });
  add("flood depth of one cell", [](SimState& x) { bump(flood(x).field.h[123]); });
  add("flood qx", [](SimState& x) { bump(flood(x).field.qx[77]); });
  add("flood qy", [](SimState& x) { bump(flood(x).field.qy[77]); });
  add("flood speed", [](SimState& x) { bump(flood(x).field.speed[5]); });
  add("flood max_depth", [](SimState& x) { bump(flood(x).field.max_depth[5]); });
  add("flood arrival", [](SimState& x) { bump(flood(x).field.arrival[5]); });
  add("flood volumes.initial", [](SimState& x) { bump(flood(x).field.volumes.initial); });
  add("flood volumes.inflow", [](SimState& x) { bump(flood(x).field.volumes.inflow); });
  add("flood volumes.rain", [](SimState& x) { bump(flood(x).field.volumes.rain); });
  add("flood volumes.boundary", [](SimState& x) { bump(flood(x).field.volumes.boundary); });
  add("flood volumes.outflow", [](SimState& x) { bump(flood(x).field.volumes.outflow); });
  add("flood volumes.stored", [](SimState& x) { bump(flood(x).field.volumes.stored); });
  add("flood wet_x0", [](SimState& x) { bump(flood(x).field.wet_x0); });
  add("flood wet_x1", [](SimState& x) { bump(flood(x).field.wet_x1); });
  add("flood deepest", [](SimState& x) { bump(flood(x).field.deepest); });
  add("flood wall_z", [](SimState& x) { bump(flood(x).field.wall_z); });
  add("flood speed_x0", [](SimState& x) { bump(flood(x).field.speed_x0); });
  add("flood speed_x1", [](SimState& x) { bump(flood(x).field.speed_x1); });
  add("flood substeps", [](SimState& x) { bump(flood(x).field.substeps); });
  add("flood last_substep", [](SimState& x) { bump(flood(x).field.last_substep); });
  add("flood cell_updates", [](SimState& x) { bump(flood(x).field.cell_updates); });
  add("flood negative_depths", [](SimState& x) { bump(flood(x).field.negative_depths); });
  add("flood clipped_volume", [](SimState& x) { bump(flood(x).field.clipped_volume); });
  add("flood edge_depth", [](SimState& x) { bump(flood(x).edge_depth); });
  add("flood edge_speed", [](SimState& x) { bump(flood(x).edge_speed); });
  add("flood edge_dv", [](SimState& x) { bump(flood(x).edge_dv); });
  add("flood closed", [](SimState& x) { bump(flood(x).closed[2]); });
  add("flood closure_changes", [](SimState& x) { bump(flood(x).closure_changes); });
  add("flood worst_class", [](SimState& x) { bump(flood(x).worst_class); });
  add("flood home_exposure", [](SimState& x) { bump(flood(x).home_exposure); });
  add("flood worst_hr", [](SimState& x) { bump(flood(x).worst_hr); });
  add("flood worst_edge", [](SimState& x) { bump(flood(x).worst_edge); });
  add("flood worst_time", [](SimState& x) { bump(flood(x).worst_time); });
  add("flood wet_time", [](SimState& x) { bump(flood(x).wet_time); });
  add("flood reached_at_home", [](SimState& x) { bump(flood(x).reached_at_home); });
  add("flood stranded_time", [](SimState& x) { bump(flood(x).stranded_time); });
  add("flood shelter_flooded", [](SimState& x) { bump(flood(x).shelter_flooded); });
  add("flood occupants_flooded", [](SimState& x) { bump(flood(x).occupants_flooded); });
  add("flood snapshots", [](SimState& x) { bump(flood(x).snapshots); });
  add("flood snapshot cell", [](SimState& x) { bump(flood(x).snapshots.at(0).at(123)); });
  // The fire, its smoke and its fire service.
  add("fire ignited", [](SimState& x) { bump(fire(x).spread.ignited); });
  add("fire source", [](SimState& x) { bump(fire(x).spread.source); });
  add("fire caught_from", [](SimState& x) { bump(fire(x).spread.caught_from); });
  add("fire heap", [](SimState& x) { fire(x).spread.heap.push_back({1.0, 0, 1}); });
  add("fire order", [](SimState& x) { bump(fire(x).spread.order); });
  add("fire burning", [](SimState& x) { bump(fire(x).burning); });
  add("fire next_update", [](SimState& x) { bump(fire(x).next_update); });
  add("fire updates", [](SimState& x) { bump(fire(x).updates); });
  add("fire soot", [](SimState& x) { bump(fire(x).soot); });
  add("fire min_visibility", [](SimState& x) { bump(fire(x).min_visibility); });
  add("fire first_smoke", [](SimState& x) { bump(fire(x).first_smoke); });
  add("fire edge_extinction", [](SimState& x) { bump(fire(x).edge_extinction); });
  add("fire edge_flux", [](SimState& x) { bump(fire(x).edge_flux); });
  add("fire edge_cost", [](SimState& x) { bump(fire(x).edge_cost); });
  add("fire closed", [](SimState& x) { bump(fire(x).closed[0]); });
  add("fire closure_changes", [](SimState& x) { bump(fire(x).closure_changes); });
  add("fire fed", [](SimState& x) { bump(fire(x).fed); });
  add("fire exposed_time", [](SimState& x) { bump(fire(x).exposed_time); });
  add("fire incapacitated_time", [](SimState& x) { bump(fire(x).incapacitated_time); });
  add("fire home_ignited", [](SimState& x) { bump(fire(x).home_ignited); });
  add("fire noticed", [](SimState& x) { bump(fire(x).noticed); });
  add("fire trapped_time", [](SimState& x) { bump(fire(x).trapped_time); });
  add("fire shelter_closed", [](SimState& x) { bump(fire(x).shelter_closed); });
  add("fire shelter_evacuated", [](SimState& x) { bump(fire(x).shelter_evacuated); });
  add("service seed", [](SimState& x) { bump(fire(x).service.seed); });
  add("service retry_dispatch", [](SimState& x) { bump(fire(x).service.retry_dispatch); });
  add("service appliances", [](SimState& x) { bump(fire(x).service.appliances); });
  add("service incidents", [](SimState& x) { bump(fire(x).service.incidents); });
  add("service tasks", [](SimState& x) { bump(fire(x).service.tasks); });
  add("service hydrant_working", [](SimState& x) { bump(fire(x).service.hydrant_working); });
  add("service extinguisher", [](SimState& x) { bump(fire(x).service.extinguisher); });
  add("service incident_of", [](SimState& x) { bump(fire(x).service.incident_of); });
  add("service obstructions", [](SimState& x) { bump(fire(x).service.obstructions); });
  add("service true_width", [](SimState& x) { bump(fire(x).service.true_width); });
  add("service true_closed", [](SimState& x) { bump(fire(x).service.true_closed); });
  add("service known_since", [](SimState& x) { bump(fire(x).service.known_since); });
  add("service controlled", [](SimState& x) { bump(fire(x).service.controlled); });
  add("service extinguished", [](SimState& x) { bump(fire(x).service.extinguished); });
  add("service protected_from", [](SimState& x) { bump(fire(x).service.protected_from); });
  add("service water_flow", [](SimState& x) { bump(fire(x).service.water_flow); });
  add("service rescued_time", [](SimState& x) { bump(fire(x).service.rescued_time); });
  add("service no_ladder", [](SimState& x) { bump(fire(x).service.no_ladder); });
  add("service response_time", [](SimState& x) { bump(fire(x).service.response_time); });
  add("service known_width", [](SimState& x) { bump(fire(x).service.known_width); });
  add("service known_closed", [](SimState& x) { bump(fire(x).service.known_closed); });
  check_each_changes_the_hash(s, changes);
}

TEST_CASE("the state hash changes with one member of an appliance, an incident or an obstruction") {
  const Model m = hazard_town();
  Simulation sim(m, 3);
  sim.step();
  SimState s = sim.state();
  // The scene has no fire service: give its state one of each to change.
  FireServiceRun& service = fire(s).service;
  service.appliances.emplace_back();
  service.incidents.emplace_back();
  service.tasks.emplace_back();
  service.obstructions.emplace_back();
  // ... and an intervention waiting and one journaled, to change one member of each.
  s.pending.push_back({Intervention::Kind::CloseRoad, 1, "tree", 0.0});
  s.records.journal.push_back({4, 4.0, {Intervention::Kind::DelayTeam, 0, "traffic", 60.0}, false});
  std::vector<Change> changes;
  auto add = [&](std::string part, std::function<void(SimState&)> f) { changes.push_back({part, f}); };
  auto a = [](SimState& x) -> ApplianceRun& { return fire(x).service.appliances[0]; };
  auto i = [](SimState& x) -> FireIncident& { return fire(x).service.incidents[0]; };
  auto t = [](SimState& x) -> ApplianceTask& { return fire(x).service.tasks[0]; };
  auto o = [](SimState& x) -> Obstruction& { return fire(x).service.obstructions[0]; };
  add("appliance type", [&](SimState& x) { bump(a(x).type); });
  add("appliance station", [&](SimState& x) { bump(a(x).station); });
  add("appliance node", [&](SimState& x) { bump(a(x).node); });
  add("appliance free_at", [&](SimState& x) { bump(a(x).free_at); });
  add("appliance task", [&](SimState& x) { bump(a(x).task); });
  add("appliance manned", [&](SimState& x) { bump(a(x).manned); });
  add("appliance path", [&](SimState& x) { bump(a(x).path); });
  add("appliance path_time", [&](SimState& x) { bump(a(x).path_time); });
  add("appliance stop", [&](SimState& x) { bump(a(x).stop); });
  add("incident origin", [&](SimState& x) { bump(i(x).origin); });
  add("incident ignited", [&](SimState& x) { bump(i(x).ignited); });
  add("incident alarm", [&](SimState& x) { bump(i(x).alarm); });
  add("incident put_out_by_residents", [&](SimState& x) { bump(i(x).put_out_by_residents); });
  add("incident first_engine", [&](SimState& x) { bump(i(x).first_engine); });
  add("incident first_alarm_complete", [&](SimState& x) { bump(i(x).first_alarm_complete); });
  add("incident controlled", [&](SimState& x) { bump(i(x).controlled); });
  add("incident buildings", [&](SimState& x) { bump(i(x).buildings); });
  add("incident requested", [&](SimState& x) { bump(i(x).requested); });
  add("incident tanker_requested", [&](SimState& x) { bump(i(x).tanker_requested); });
  add("incident closed", [&](SimState& x) { bump(i(x).closed); });
  add("incident water", [&](SimState& x) { bump(i(x).water); });
  add("incident members", [&](SimState& x) { bump(i(x).members); });
  add("task incident", [&](SimState& x) { bump(t(x).incident); });
  add("task appliance", [&](SimState& x) { bump(t(x).appliance); });
  add("task building", [&](SimState& x) { bump(t(x).building); });
  add("task dispatched", [&](SimState& x) { bump(t(x).dispatched); });
  add("task turnout", [&](SimState& x) { bump(t(x).turnout); });
  add("task planned_drive", [&](SimState& x) { bump(t(x).planned_drive); });
  add("task drive", [&](SimState& x) { bump(t(x).drive); });
  add("task arrived", [&](SimState& x) { bump(t(x).arrived); });
  add("task hose", [&](SimState& x) { bump(t(x).hose); });
  add("task hose_lay_delay", [&](SimState& x) { bump(t(x).hose_lay_delay); });
  add("task water_on", [&](SimState& x) { bump(t(x).water_on); });
  add("task waiting_for_water", [&](SimState& x) { bump(t(x).waiting_for_water); });
  add("task hydrant", [&](SimState& x) { bump(t(x).hydrant); });
  add("task rescued", [&](SimState& x) { bump(t(x).rescued); });
  add("task no_ladder_position", [&](SimState& x) { bump(t(x).no_ladder_position); });
  add("task reroutes", [&](SimState& x) { bump(t(x).reroutes); });
  add("task note", [&](SimState& x) { bump(t(x).note); });
  add("task first_alarm", [&](SimState& x) { bump(t(x).first_alarm); });
  add("task on_scene", [&](SimState& x) { bump(t(x).on_scene); });
  add("task stop", [&](SimState& x) { bump(t(x).stop); });
  add("task stop_node", [&](SimState& x) { bump(t(x).stop_node); });
  add("task hydrant_on", [&](SimState& x) { bump(t(x).hydrant_on); });
  add("task shuttle", [&](SimState& x) { bump(t(x).shuttle); });
  add("task next_delivery", [&](SimState& x) { bump(t(x).next_delivery); });
  add("task rescue_free", [&](SimState& x) { bump(t(x).rescue_free); });
  add("task ladder_position", [&](SimState& x) { bump(t(x).ladder_position); });
  add("task ladder_set_up", [&](SimState& x) { bump(t(x).ladder_set_up); });
  add("obstruction edge", [&](SimState& x) { bump(o(x).edge); });
  add("obstruction pos", [&](SimState& x) { bump(o(x).pos); });
  add("obstruction kind", [&](SimState& x) { bump(o(x).kind); });
  add("obstruction width", [&](SimState& x) { bump(o(x).width); });
  add("obstruction closed", [&](SimState& x) { bump(o(x).closed); });
  add("obstruction known", [&](SimState& x) { bump(o(x).known); });
  add("pending kind", [](SimState& x) { bump(x.pending.back().kind); });
  add("pending target", [](SimState& x) { bump(x.pending.back().target); });
  add("pending note", [](SimState& x) { bump(x.pending.back().note); });
  add("pending value", [](SimState& x) { bump(x.pending.back().value); });
  add("journal step", [](SimState& x) { bump(x.records.journal.back().step); });
  add("journal time", [](SimState& x) { bump(x.records.journal.back().time); });
  add("journal intervention", [](SimState& x) { bump(x.records.journal.back().intervention.value); });
  add("journal scripted", [](SimState& x) { bump(x.records.journal.back().scripted); });
  check_each_changes_the_hash(s, changes);
}

TEST_CASE("the state hash changes with one body's position or velocity in the micro model") {
  Model m = builders::micro_room_with_door(8.0, 1.2);
  builders::place_lattice(m, {{1.0, 1.0}, {7.0, 7.0}}, 20, 0.8);
  m.plan.warning_time = 0.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(5.0);
  const SimState& s = sim.state();
  REQUIRE(s.position.size() == 20);
  check_each_changes_the_hash(s, {{"one body's x", [](SimState& x) { x.position[7].x += 1e-9; }},
                                  {"one body's y", [](SimState& x) { x.position[19].y -= 1e-9; }},
                                  {"one body's velocity", [](SimState& x) { x.velocity[3].x += 1e-6; }}});
}

TEST_CASE("the state hash is FNV-1a over a canonical byte stream") {
  // FNV-1a 64 of the empty input is the offset basis; of "a" it is af63dc4c8601ec8c
  // (the published test vector, IETF draft-eastlake-fnv).
  StateHasher empty;
  CHECK(empty.value() == 14695981039346656037ULL);
  StateHasher a;
  a.add('a');
  CHECK(a.value() == 0xaf63dc4c8601ec8cULL);
  // Integers little-endian in their own width, whatever the host's byte order.
  StateHasher word, bytes;
  word.add(std::uint32_t{0x04030201u});
  for (const std::uint8_t b : {1, 2, 3, 4}) bytes.add(b);
  CHECK(word.value() == bytes.value());
  // A vector is its length then its elements, so [1][] and [][1] differ.
  StateHasher x, y;
  x.all(std::vector<int>{1}, std::vector<int>{});
  y.all(std::vector<int>{}, std::vector<int>{1});
  CHECK(x.value() != y.value());
  // Every NaN is the one quiet NaN; -0 and +0 differ (a bit pattern, not a value).
  StateHasher n1, n2, z1, z2;
  n1.add(std::numeric_limits<double>::quiet_NaN());
  n2.add(-std::numeric_limits<double>::quiet_NaN());
  CHECK(n1.value() == n2.value());
  z1.add(0.0f);
  z2.add(-0.0f);
  CHECK(z1.value() != z2.value());
  CHECK(state_hash_hex(0xaf63dc4c8601ec8cULL) == "af63dc4c8601ec8c");
  CHECK(state_hash_hex(1) == "0000000000000001");
}
