// The residents' dot layer kept from frame to frame (gui/resident_dots.hpp) and the
// positions kept from frame to frame (gui/resident_positions.hpp): after any run of
// incremental updates they give what a rebuild from scratch gives, so a moved,
// recoloured or hidden resident can leave no stale dot behind.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "engine/core/simulation.hpp"
#include "engine/scenes/builders.hpp"
#include "gui/resident_dots.hpp"
#include "gui/resident_positions.hpp"

using namespace ss;
using namespace ss::gui;

namespace {

constexpr unsigned kW = 300, kH = 200;  // px: several tiles each way, the last ones partial

// A frame's marks: residents in clusters (so tiles hold many overlapping squares),
// some hidden, some late, some off the image's edges.
std::vector<DotMark> random_marks(std::mt19937& rng, std::size_t n) {
  std::uniform_int_distribution<int> x(-6, static_cast<int>(kW) + 2), y(-6, static_cast<int>(kH) + 2);
  std::uniform_int_distribution<int> kind(0, 9), colour(0, 3);
  const Rgb colours[4] = {{250, 200, 40}, {60, 160, 240}, {90, 220, 120}, {230, 60, 60}};
  std::vector<DotMark> marks(n);
  for (DotMark& m : marks) {
    const int k = kind(rng);
    m.kind = k == 0 ? DotKind::None : k == 1 ? DotKind::Late : DotKind::Plain;
    if (m.kind == DotKind::None) continue;
    m.x = x(rng) / 3 * 3;  // on a coarse grid, so squares overlap often
    m.y = y(rng) / 3 * 3;
    m.colour = colours[colour(rng)];
  }
  return marks;
}

// The image a fresh layer paints from these marks alone.
std::vector<std::uint8_t> from_scratch(const std::vector<DotMark>& marks, int dot, int late, int rim) {
  ResidentDots fresh;
  fresh.begin(kW, kH, dot, late, rim, marks.size());
  for (std::size_t i = 0; i < marks.size(); ++i) fresh.set(i, marks[i]);
  fresh.finish();
  CHECK(fresh.repainted_all());
  return fresh.pixels();
}

}  // namespace

TEST_CASE("dots updated frame by frame show the picture of a rebuild from scratch") {
  std::mt19937 rng(17);
  const int dot = GENERATE(2, 3, 8);
  constexpr int late = 5, rim = 1;
  constexpr std::size_t n = 400;
  ResidentDots layer;
  // What the texture holds: the rows the layer reports as painted, copied each frame.
  std::vector<std::uint8_t> texture(std::size_t{4} * kW * kH, 0xAB);
  std::vector<DotMark> marks = random_marks(rng, n);
  bool some_by_tile = false;
  std::uniform_int_distribution<std::size_t> who(0, n - 1);
  std::uniform_int_distribution<int> step(-2, 2), several(1, 8);
  for (int frame = 0; frame < 60; ++frame) {
    layer.begin(kW, kH, dot, late, rim, n);
    for (std::size_t i = 0; i < n; ++i) layer.set(i, marks[i]);
    layer.finish();
    some_by_tile = some_by_tile || !layer.repainted_all();
    for (const auto& [first, count] : layer.painted_rows())
      std::copy_n(layer.pixels().begin() + static_cast<std::ptrdiff_t>(std::size_t{4} * kW * first),
                  std::size_t{4} * kW * count,
                  texture.begin() + static_cast<std::ptrdiff_t>(std::size_t{4} * kW * first));
    const std::vector<std::uint8_t> expected = from_scratch(marks, dot, late, rim);
    REQUIRE(layer.pixels() == expected);
    REQUIRE(texture == expected);
    // The next frame: a few residents walk a pixel or two, turn late, go home or
    // shelter (hidden), reappear.
    const std::vector<DotMark> fresh = random_marks(rng, n);
    for (int k = several(rng); k > 0; --k) {
      const std::size_t i = who(rng);
      if (marks[i].kind != DotKind::None && k % 3 != 0) {
        marks[i].x += step(rng);
        marks[i].y += step(rng);
      } else {
        marks[i] = fresh[i];
      }
    }
  }
  CHECK(some_by_tile);  // the tile-by-tile path was exercised, not only whole repaints
}

TEST_CASE("dots painted tile by tile keep later residents over earlier and late ones over all") {
  ResidentDots layer;
  layer.begin(kW, kH, 3, 5, 1, 3);
  const Rgb red{255, 0, 0}, blue{0, 0, 255}, green{0, 255, 0}, rim{10, 10, 10};
  layer.set(0, {40, 40, red, DotKind::Late});  // rim 40..46, inside 41..45
  layer.set(1, {42, 42, blue, DotKind::Plain});
  layer.set(2, {43, 43, green, DotKind::Plain});
  layer.finish();
  auto at = [&](unsigned x, unsigned y) {
    const std::uint8_t* p = &layer.pixels()[4 * (y * kW + x)];
    return p[3] == 0 ? Rgb{1, 2, 3} : Rgb{p[0], p[1], p[2]};  // {1, 2, 3}: transparent
  };
  CHECK(at(43, 43) == red);  // the late square over both dots
  CHECK(at(40, 40) == rim);
  // The late resident goes home: the dots under it show again, green over blue.
  layer.begin(kW, kH, 3, 5, 1, 3);
  layer.set(0, {});
  layer.finish();
  CHECK_FALSE(layer.repainted_all());
  CHECK(at(42, 42) == blue);
  CHECK(at(43, 43) == green);
  CHECK(at(40, 40) == Rgb{1, 2, 3});
  // Only the tile row that changed needs uploading.
  REQUIRE(layer.painted_rows().size() == 1);
  CHECK(layer.painted_rows()[0].first == 32);
  CHECK(layer.painted_rows()[0].second == 32);
  const auto box = layer.occupied();
  CHECK(box[0] == 32);
  CHECK(box[1] == 32);
}

TEST_CASE("positions kept from frame to frame equal positions computed afresh, also after a jump back") {
  Model m = builders::street_grid(4, 4, 60.0, 3.0);
  builders::add_shelter(m, NodeId{15}, 30, "school", true);
  builders::add_shelter(m, NodeId{3}, 5, "hall", true);
  for (int k = 0; k < 6; ++k) builders::add_residents(m, {10.0 * k, 5.0 * k}, 8);
  builders::instant_departure(m);
  m.finalize();
  Simulation sim(m, 3);
  ResidentPositions kept;
  std::vector<Vec2> afresh;
  std::size_t moving_seen = 0, skipped = 0;
  SimState early;
  for (int step = 0; step < 400; ++step) {
    if (step == 40) early = sim.state();
    if (step == 300) sim.restore(early);  // the timeline's jump back
    const std::size_t placed = kept.update(m, sim.state());
    resident_positions(m, sim.state(), afresh);
    REQUIRE(kept.positions().size() == afresh.size());
    for (std::size_t i = 0; i < afresh.size(); ++i) {
      REQUIRE(kept.positions()[i].x == afresh[i].x);
      REQUIRE(kept.positions()[i].y == afresh[i].y);
    }
    if (step > 0) skipped += afresh.size() - placed;
    for (const Status st : sim.state().status) moving_seen += st == Status::Moving ? 1 : 0;
    sim.step();
  }
  CHECK(moving_seen > 0);
  CHECK(skipped > 0);  // residents that stood still were not placed again
}
