// Trajectory files of a micro run (output/trajectories.hpp) read back as PedPy or
// JPSreport would read them, and the N-t flow measured from them (verify/trajectories.cpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "engine/scenes/micro_builders.hpp"
#include "output/trajectories.hpp"
#include "verify/tests.hpp"

using namespace ss;

TEST_CASE("a micro run's trajectories read back frame by frame, inside the walkable area", "[verify]") {
  Model m = verify::imo_4_micro_room(1);
  builders::instant_departure(m);
  m.run.duration = 600.0;
  m.run.trajectory_framerate = 5.0;  // every second step of 0.1 s
  m.finalize();
  Simulation sim(m, 1);
  verify::run(sim);
  const SimState& s = sim.state();
  const std::string text = output::trajectory_txt(s, "IMO 4 room");
  REQUIRE(text.find("#framerate: 5\n") != std::string::npos);
  REQUIRE(text.find("#ID\tFR\tX\tY\tZ\n") != std::string::npos);
  const output::TrajectoryFile t = output::parse_trajectory_txt(text);
  CHECK(t.framerate == 5.0);

  // Frames 0, 1, ... every 0.2 s; the last with anyone in it is the last even step
  // before the last arrival.
  std::int64_t last_frame = 0;
  std::set<std::int64_t> ids;
  std::size_t outside = 0;
  for (const output::TrajectoryRow& r : t.rows) {
    last_frame = std::max(last_frame, r.frame);
    ids.insert(r.id);
    outside += m.micro.walkable_at({r.x, r.y}) ? 0 : 1;
  }
  CHECK(last_frame == static_cast<std::int64_t>((s.step - 1) / 2));
  CHECK(ids.size() == 100);
  CHECK(*ids.begin() == 0);
  CHECK(*ids.rbegin() == 99);
  CHECK(outside == 0);
  // Nobody is in the scene after arriving: each person's last frame is before the
  // arrival time, and within one frame of it.
  std::vector<double> last(100, -1.0);
  for (const output::TrajectoryRow& r : t.rows)
    last[static_cast<std::size_t>(r.id)] = std::max(last[static_cast<std::size_t>(r.id)], r.frame / 5.0);
  for (std::size_t i = 0; i < 100; ++i) {
    CHECK(last[i] < s.arrival_time[i]);
    CHECK(last[i] >= s.arrival_time[i] - 0.2 - 1e-3);
  }

  // The N-t flow at a line across the room 0.3 m before the door, from the file, is
  // the exit count's flow (every start place lies west of it; at 5 frames per s a
  // line nearer the exit would be crossed between a person's last two frames).
  std::vector<double> arrivals(s.arrival_time.begin(), s.arrival_time.end());
  const std::vector<double> crossed = verify::line_crossings(t, {7.7, 0.0}, {7.7, 5.0});
  REQUIRE(crossed.size() == 100);
  const double nt = verify::flow_10_90(crossed, 100), exits = verify::flow_10_90(arrivals, 100);
  CHECK(nt == Approx(exits).epsilon(0.05));
  // A line nobody walks over is crossed by nobody.
  CHECK(verify::line_crossings(t, {1.0, 6.0}, {2.0, 6.0}).empty());
}

TEST_CASE("the walkable area is written as a WKT polygon with its obstacles as holes", "[verify]") {
  Model m = builders::micro_area({builders::rect(0, 0, 10, 5)}, {builders::rect(4, 2, 5, 3)});
  const std::string wkt = output::walkable_wkt(m.micro);
  CHECK(wkt ==
        "POLYGON ((0.0000 0.0000, 10.0000 0.0000, 10.0000 5.0000, 0.0000 5.0000, 0.0000 0.0000), "
        "(4.0000 2.0000, 5.0000 2.0000, 5.0000 3.0000, 4.0000 3.0000, 4.0000 2.0000))\n");
}

TEST_CASE("a malformed trajectory row names its line", "[verify]") {
  CHECK_THROWS_WITH(output::parse_trajectory_txt("#framerate: 10\n1 0 0.5 0.5 0\n2 x 1 1 0\n"),
                    Catch::Contains("line 3"));
  CHECK_THROWS_WITH(output::parse_trajectory_txt("1 0 0.5 0.5 0\n"), Catch::Contains("framerate"));
}

TEST_CASE("a frame rate that does not fall on steps is refused", "[verify]") {
  Model m = verify::imo_4_micro_room(1);
  m.run.trajectory_framerate = 3.0;  // dt 0.1 s: 3.33 steps per frame
  CHECK_THROWS_WITH(m.finalize(), Catch::Contains("micro.trajectories.framerate"));
}
