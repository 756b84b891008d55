#pragma once
// The flood as part of the immutable model: the computational grid (bed, Manning
// roughness, blocked cells), the forcing (inflow hydrographs, boundary water
// levels, rainfall, free-outflow edges) or an external depth series, and the
// solver and people-in-water parameters. Pure data; the solver is flood_solver.hpp,
// the effect on people flood_people.hpp.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/hazards/hazard.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

// A regular grid in the local CRS. Cell (ix, iy) has index iy * nx + ix; row 0 is
// the southern row (same convention as TerrainGrid).
struct FloodGrid {
  Vec2 origin;         // m, south-west corner of cell (0,0)
  double cell = 10.0;  // m
  int nx = 0, ny = 0;
  std::vector<double> z;              // m, bed elevation, (ny * nx)
  std::vector<float> manning;         // s/m^(1/3), Manning n, (ny * nx)
  std::vector<std::uint8_t> blocked;  // 1 = building: no flow across its faces, (ny * nx)

  [[nodiscard]] std::size_t size() const {
    return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
  }
  [[nodiscard]] bool empty() const { return z.empty(); }
  [[nodiscard]] Vec2 centre(std::size_t c) const {
    const auto n = static_cast<std::size_t>(nx);
    const std::size_t row = c / n;  // whole rows: integer division on purpose
    return {origin.x + (static_cast<double>(c % n) + 0.5) * cell,
            origin.y + (static_cast<double>(row) + 0.5) * cell};
  }
  // Cell containing p, or -1 outside the grid.
  [[nodiscard]] std::int64_t cell_of(Vec2 p) const;
};

// A value over time, piecewise linear between points, held constant before the
// first and after the last point. Times strictly increasing (checked by the loader).
struct Hydrograph {
  std::vector<double> time;   // s after the start of the run
  std::vector<double> value;  // unit depends on use: m³/s, m, m/s
  [[nodiscard]] double at(double t) const;
  // Exact integral of the piecewise-linear curve over [t0, t1].
  [[nodiscard]] double integral(double t0, double t1) const;
};

// Inflow spread evenly over a set of cells (a point: one cell; a breach or river
// reach: the cells along a line).
struct FlowSource {
  std::string name;
  std::vector<std::uint32_t> cells;
  Hydrograph discharge;  // m³/s, >= 0
};

// Cells whose water surface follows a level hydrograph (a river rising at the
// edge of the map). Water enters or leaves there as the level demands.
struct LevelBoundary {
  std::string name;
  std::vector<std::uint32_t> cells;
  Hydrograph level;  // m above datum (same datum as the bed)
};

enum class GridSide : std::uint8_t { West, East, South, North };

// Free outflow through every face on one side of the grid. With slope > 0 the
// discharge is Manning's normal depth q = h^(5/3) √S / n; with slope == 0 the
// water-surface slope of the adjacent interior face is carried over (zero
// gradient), as LISFLOOD-FP's FREE boundary does (Bates et al. 2010, §2.3).
struct OutflowEdge {
  GridSide side = GridSide::West;
  double slope = 0.0;  // m/m, >= 0
};

// Depth (and speed, optionally) rasters from an external model, resampled onto
// the flood grid; linear in time between frames, held after the last one.
struct ExternalFlood {
  std::vector<double> time;               // s, strictly increasing, (frames)
  std::vector<std::vector<float>> depth;  // m, (frames, cells)
  std::vector<std::vector<float>> speed;  // m/s, empty or (frames, cells)
};

struct FloodSolverParams {
  // Time step α Δx / √(g h_max), Bates, Horritt & Fewtrell (2010) eq. 12; α = 0.7
  // is their recommended stability coefficient (VERIFICATION.md).
  double alpha = 0.7;
  double gravity = 9.81;  // m/s²
  // Faces whose flow depth is at or below this carry no discharge (wetting and
  // drying, Bates et al. 2010 §2.2 use 1 mm-scale thresholds).
  double dry_depth = 1e-3;  // m
  double max_step = 10.0;   // s, longest sub-step even when shallow
  // The local inertial scheme loses stability in supercritical flow (de Almeida &
  // Bates 2013, Water Resour. Res. 49:4833); limiting face discharge to Froude
  // `max_froude` (q ≤ Fr h √(g h)) is the usual remedy on steep urban streets.
  double max_froude = 1.0;
  // Depth from which a cell counts as reached by the flood (arrival time).
  double arrival_depth = 0.05;  // m
  // Threads of the solver (row bands, engine/hazards/flood/flood_team.hpp): 0 = the
  // machine's hardware threads, at most kMaxAutoFloodThreads. Results are
  // bit-identical for every count.
  int threads = 0;
  // Sub-steps that process fewer cells than this run on one thread: below it the
  // threads' start and the four barriers of a sub-step cost more than they save
  // (break-even measured on the 2-core machine, docs/flood.md "Threads").
  std::uint64_t parallel_min_cells = 40000;
};

// Walking in water and what closes a road, per mover class (engine/hazards/hazard.hpp):
// residents fall in the first three (mover_class()); response teams on foot and in
// vehicles in the last two.

struct PeopleInWaterParams {
  // Deepest water each class still wades through. Adults 0.5 m: knee-to-thigh depth
  // at which Bernardini et al. (2020) observed walking to stay possible; the elderly
  // and children 0.3 m and wheelchair users 0.2 m (wheels and footplate, Defra
  // FD2321/TR1 "danger for some" vulnerable people). Response teams on foot 0.7 m
  // (thigh depth; planning value for equipped teams, below the 1.2 m adult stability
  // bound of AIDR Handbook 7-3 (2017) class H3). Emergency vehicles 0.5 m: the upper
  // bound of AIDR 7-3 class H2, "unsafe for small vehicles" only; a 2.5 t 4WD tested
  // at full scale became unstable at 0.45 m in flowing water (Smith et al. 2017,
  // UNSW WRL TR 2017/07). Planning values: configurable.
  std::array<double, kMoverClassCount> max_depth{0.5, 0.3, 0.2, 0.7, 0.5};  // m
  // Toppling/sliding limit d·v (VERIFICATION.md: ≈0.6 m²/s adults, lower for
  // children and the elderly; 0.3 and 0.2 after Jonkman & Penning-Rowsell 2008;
  // teams on foot and vehicles 0.6 m²/s, the DV bound of AIDR 7-3 classes H2/H3).
  std::array<double, kMoverClassCount> max_depth_speed{0.6, 0.3, 0.2, 0.6, 0.6};  // m²/s
  // Bernardini et al. (2020) applies from this depth; shallower water does not slow people.
  double slow_from_depth = 0.2;  // m
  // Floor on the water speed factor so a resident in deep water still inches out.
  double min_factor = 0.1;
  // Defra/EA FD2320/FD2321 hazard rating HR = d (v + 0.5) + DF; DF 0 below
  // debris_depth, else debris_factor (0.5 general, 1.0 built-up urban areas).
  double debris_depth = 0.25;  // m
  double debris_factor = 1.0;  // urban setting
  // Upper limits of the classes low / danger for some / for most / for all
  // (FD2321 Table 13.1: 0.75, 1.25, 2.0; configurable, other sources differ).
  std::array<double, 3> hr_limits{0.75, 1.25, 2.0};
  // Water deeper than this at a shelter's node closes it (its occupants are reported).
  double shelter_close_depth = 0.3;  // m
  // Water deeper than this at a home counts as reaching it.
  double home_reached_depth = 0.05;  // m
  // A resident on a street with water at least this deep counts as exposed (HR,
  // exposure time); shallower water is a wet pavement.
  double exposed_depth = 0.1;  // m
};

// Where the people-side of the model meets the grid, derived by FloodHazard::prepare()
// (flood_hazard.hpp) once the world and population are final.
struct FloodLinks {
  static constexpr std::uint32_t kNoCell = 0xFFFFFFFFu;
  std::vector<std::uint32_t>
      edge_offset;  // cells of edge e: edge_cells[edge_offset[e] .. edge_offset[e+1]), (edges + 1)
  std::vector<std::uint32_t> edge_cells;
  std::vector<float> edge_cell_at;  // m from edge_from where the line enters each cell, (edge_cells)
  std::vector<std::uint32_t>
      home_cell;  // open cell at each home's door, kNoCell outside the grid, (residents)
  std::vector<std::uint32_t> shelter_cell;  // (shelters)
  // Forecast: when the water reaches each home's door (depth ≥ arrival_depth), from a
  // run of the flood alone over the whole duration; NaN never. Computed only when the
  // plan has response teams (dispatch ranks tasks by it, engine/plan/dispatch.cpp) or
  // vertical evacuation (Plan::vertical decides who may stay upstairs by the depth).
  std::vector<float> home_forecast;  // s, (residents)
  std::vector<float>
      home_depth_forecast;  // m, deepest water at each home's door, 0 outside the grid, (residents)
};

struct FloodDesc {
  FloodGrid grid;
  std::vector<FlowSource> sources;
  std::vector<LevelBoundary> levels;
  std::optional<Hydrograph> rain;  // m/s of rainfall over every open cell
  std::vector<OutflowEdge> outflows;
  std::optional<ExternalFlood> external;  // replaces the solver when set
  std::vector<double> initial_depth;      // m, empty = dry, (cells)
  FloodSolverParams solver;
  PeopleInWaterParams people;
  std::vector<double> snapshot_times;   // s, depth snapshots to export
  std::vector<std::uint8_t> low_lying;  // 1 = low-lying zone (scenario or derived), empty = none, (cells)
  FloodLinks links;                     // derived, see FloodLinks
};

}  // namespace ss
