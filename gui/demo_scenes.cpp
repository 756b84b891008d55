// Demo scenes for the GUI, built on ss::builders so the GUI shows the same scenes
// the tests and benchmarks use, dressed with buildings, terrain and a mixed
// population so every layer and colour has something to show.
#include <cmath>
#include <stdexcept>

#include "engine/scenes/builders.hpp"
#include "gui/scene_source.hpp"

namespace ss::gui {
namespace {

// Deterministic jitter in [0,1) from (block, k): the demo must look the same on
// every run so screenshots can be compared.
double hash01(std::uint64_t a, std::uint64_t b) {
  std::uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  return static_cast<double>(x >> 11) * 0x1.0p-53;
}

// A small town on a grid: a wider main cross, a block of houses per cell, three
// shelters whose capacities add up to a little more than the population, and a
// hill rising to the north-east so "low-lying" means something.
Model grid_town() {
  constexpr int kN = 14;           // junctions per side
  constexpr double kSpacing = 70;  // m between junctions
  Model m = builders::street_grid(kN, kN, kSpacing, 5.0);
  StreetGraph& g = m.world.streets;
  const int main_row = kN / 2;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const Vec2 a = g.node_pos[g.edge_from[e].index()], b = g.node_pos[g.edge_to[e].index()];
    const bool on_main =
        (a.y == b.y && a.y == main_row * kSpacing) || (a.x == b.x && a.x == main_row * kSpacing);
    if (on_main) g.edge_kind[e] = StreetKind::Primary, g.edge_width[e] = 12.0f;
  }
  std::uint32_t people = 0;
  for (int by = 0; by + 1 < kN; ++by) {
    for (int bx = 0; bx + 1 < kN; ++bx) {
      const std::uint64_t block = static_cast<std::uint64_t>(by * kN + bx);
      const Vec2 c{(bx + 0.5) * kSpacing, (by + 0.5) * kSpacing};
      Building b;
      const double h = kSpacing * 0.3;
      b.outline = {{c.x - h, c.y - h},
                   {c.x + h, c.y - h},
                   {c.x + h, c.y + h * 0.4},
                   {c.x, c.y + h},
                   {c.x - h, c.y + h * 0.4}};
      b.area = std::abs(signed_area(b.outline));
      b.centroid = centroid(b.outline);
      b.kind = "residential";
      const BuildingId bid{m.world.buildings.size()};
      m.world.buildings.push_back(b);
      const int count = 16 + static_cast<int>(hash01(block, 999) * 16);
      for (int k = 0; k < count; ++k) {
        const double u = hash01(block, static_cast<std::uint64_t>(k));
        // Age shares after the planning setting: about a fifth aged 60 or older.
        const int age = u < 0.17 ? 10 : u < 0.80 ? 38 : u < 0.94 ? 70 : 86;
        const double v = hash01(block + 7, static_cast<std::uint64_t>(k));
        Mobility mob = Mobility::Walks;
        if (age >= 70)
          mob = v < 0.3    ? Mobility::WalkingAid
                : v < 0.4  ? Mobility::Wheelchair
                : v < 0.45 ? Mobility::Bedridden
                           : Mobility::Walks;
        const bool alone = age >= 70 && v > 0.6;
        const bool assist = mob == Mobility::Bedridden;
        const Vec2 home{c.x + (hash01(block, k + 100u) - 0.5) * 1.6 * h,
                        c.y + (hash01(block, k + 200u) - 0.5) * 1.2 * h};
        m.population.add(age, mob, alone, assist, HouseholdId{people / 2}, home, bid);
        ++people;
      }
    }
  }
  const auto corner = [&](int ix, int iy) { return NodeId{iy * kN + ix}; };
  const auto cap = static_cast<std::int32_t>(people);
  builders::add_shelter(m, corner(kN - 1, kN - 1), cap * 45 / 100, "Hill school");
  builders::add_shelter(m, corner(kN - 1, 0), cap * 30 / 100, "East car park");
  builders::add_shelter(m, corner(0, kN - 1), cap * 35 / 100, "North hall", false);
  m.world.shelters[0].kind = ShelterKind::School;
  m.world.shelters[1].kind = ShelterKind::Parking;
  m.world.shelters[2].kind = ShelterKind::Building;

  TerrainGrid& t = m.world.terrain;
  t.cell = 20;
  t.origin = {-100, -100};
  t.nx = t.ny = static_cast<int>((kN * kSpacing + 200) / t.cell);
  t.z.resize(static_cast<std::size_t>(t.nx) * t.ny);
  for (int y = 0; y < t.ny; ++y)
    for (int x = 0; x < t.nx; ++x) {
      const double px = t.origin.x + (x + 0.5) * t.cell, py = t.origin.y + (y + 0.5) * t.cell;
      t.z[static_cast<std::size_t>(y) * t.nx + x] =
          static_cast<float>(310 + 0.02 * (px + py) + 6 * std::sin(px / 180) * std::cos(py / 240));
    }
  for (std::size_t n = 0; n < g.node_count(); ++n) g.node_z[n] = t.sample(g.node_pos[n]);
  m.run.duration = 3600;
  m.plan.warning_time = 60;
  // A volunteer team and two plan targets, so the demo shows a team on the map and
  // the key figures' task, response and target rows. Demo values, not planning
  // figures: a 2-minute mobilisation and round targets.
  Team team;
  team.name = "Volunteers 1";
  team.kind = TeamKind::Volunteers;
  team.members = 4;
  team.depot = corner(0, 0);
  team.mobilisation = 120;
  m.plan.response.teams.push_back(team);
  PlanTarget warned;
  warned.kind = TargetKind::WarnedWithin;
  warned.minutes = 5.0;
  warned.share = 0.9;
  m.plan.targets.push_back(warned);
  PlanTarget safe;
  safe.kind = TargetKind::ShareSafeWithin;
  safe.minutes = 20.0;
  safe.share = 0.9;
  m.plan.targets.push_back(safe);
  m.finalize();
  return m;
}

Model corridor_demo() {
  Model m = builders::corridor(200, 4, 8, 400);
  builders::add_residents(m, {10, 0}, 150);
  builders::add_residents(m, {60, 0}, 150, 75, Mobility::WalkingAid);
  m.params.residents.premove_median = 30;
  m.run.duration = 1200;
  m.finalize();
  return m;
}

}  // namespace

std::vector<std::string> demo_names() { return {"grid", "corridor"}; }

Model make_demo(const std::string& name) {
  if (name == "grid") return grid_town();
  if (name == "corridor") return corridor_demo();
  throw std::invalid_argument("unknown demo scene '" + name + "' (known: grid, corridor)");
}

}  // namespace ss::gui
