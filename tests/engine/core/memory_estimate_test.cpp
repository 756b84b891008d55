// The engine's memory estimate (engine/core/memory_estimate.hpp): each part grows with
// what drives it and names the scenario field to change; hazards add their grids.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "engine/core/memory_estimate.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/flood/flood_grid.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;

namespace {

const MemoryPart& part(const MemoryEstimate& e, const std::string& what) {
  for (const MemoryPart& p : e.parts)
    if (p.what == what) return p;
  FAIL("no part " << what);
  return e.parts.front();
}

}  // namespace

TEST_CASE("the residents' part grows with the population and names it") {
  Model m = builders::street_grid(4, 4, 50.0, 3.0);
  builders::add_shelter(m, NodeId{0}, 1000);
  builders::add_residents(m, {60.0, 60.0}, 100);
  const MemoryEstimate e = estimate_run_memory(m);
  const MemoryPart& r = part(e, "residents");
  CHECK(r.field == "population");
  // The state's per-resident arrays alone (SimState: 59 bytes) are a lower bound.
  CHECK(r.bytes > 100 * 59.0);
  CHECK(r.bytes < 100 * 1000.0);
  // A population to assume before it is drawn: ten times as many, ten times the bytes.
  CHECK(part(estimate_run_memory(m, 1000), "residents").bytes == Approx(10.0 * r.bytes));
  CHECK(part(e, "streets and routes").field == "map.streets");
  CHECK(e.total() > r.bytes);
}

TEST_CASE("the timeline's part grows with its rows and its zones") {
  Model m = builders::street_grid(3, 3, 50.0, 3.0);
  builders::add_shelter(m, NodeId{0}, 10);
  builders::add_residents(m, {20.0, 0.0}, 5);
  m.run.duration = 3600.0;
  m.run.timeline_interval = 60.0;
  const double minute = part(estimate_run_memory(m), "timeline").bytes;
  m.run.timeline_interval = 1.0;
  const MemoryEstimate every_second = estimate_run_memory(m);
  CHECK(part(every_second, "timeline").bytes ==
        Approx(minute * 3602.0 / 62.0));  // rows: one per interval + 2
  CHECK(part(every_second, "timeline").field == "run.timeline_interval");
  for (int z = 0; z < 1000; ++z) m.world.zones.push_back({std::string("z").append(std::to_string(z)), {}});
  // 3602 rows of 1001 zone counts of 4 bytes at least.
  CHECK(part(estimate_run_memory(m), "timeline").bytes > 3602.0 * 1001 * 4);
  CHECK(estimate_run_memory(m).largest()->what == "timeline");
}

TEST_CASE("a flood adds its grid by flood.cell and its snapshots by flood.snapshots") {
  Model m = builders::street_grid(3, 3, 50.0, 3.0);
  builders::add_shelter(m, NodeId{0}, 10);
  builders::add_residents(m, {20.0, 0.0}, 5);
  FloodDesc f = builders::flat_flood({-50.0, -50.0}, 5.0, 100, 60);
  f.snapshot_times = {600.0, 1200.0, 1800.0};
  m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));
  const MemoryEstimate e = estimate_run_memory(m);
  const MemoryPart& grid = part(e, "flood grid");
  CHECK(grid.field == "flood.cell");
  CHECK(grid.bytes == Approx(6000.0 * (kFloodBytesPerCell + 2 * sizeof(float))));
  const MemoryPart& snapshots = part(e, "flood depth snapshots");
  CHECK(snapshots.field == "flood.snapshots");
  CHECK(snapshots.bytes == Approx(3 * 6000.0 * 2 * sizeof(float)));
  CHECK(part(e, "flood: people and streets").field == "population");
}

TEST_CASE("the micro model adds its bodies and its navigation grid") {
  Model m = builders::micro_room_with_door(10.0, 1.2);
  builders::place_lattice(m, {{1.0, 1.0}, {9.0, 9.0}}, 50, 0.8);
  const MemoryEstimate before = estimate_run_memory(m);  // the grid from the area's extent
  m.finalize();
  const MemoryEstimate after = estimate_run_memory(m);  // the grid as built
  const MemoryPart& bodies = part(after, "micro bodies");
  CHECK(bodies.field == "population");
  CHECK(bodies.bytes > 50 * 400.0);  // a Box2D body, fixture and shape are some hundreds of bytes
  const MemoryPart& grid = part(after, "micro navigation grid");
  CHECK(grid.field == "micro.params.grid_cell");
  CHECK(part(before, "micro navigation grid").bytes == Approx(grid.bytes).epsilon(0.5));
}
