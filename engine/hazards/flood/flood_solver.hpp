#pragma once
// 2D flood solver: the local inertial scheme of Bates, Horritt & Fewtrell (2010),
// "A simple inertial formulation of the shallow water equations for efficient
// two-dimensional flood inundation modelling", J. Hydrology 387:33–45 (the
// LISFLOOD-FP scheme). Depths live at cell centres, unit discharges on cell faces;
// each sub-step updates the face discharges from the water-surface slope with
// semi-implicit Manning friction (their eq. 11), then the depths from the flux
// divergence (eq. 7). Mass is conserved to rounding: every volume that enters or
// leaves is counted in FloodVolumes.
//
// Deterministic: the sub-step sequence depends only on the state (Δt from the
// deepest cell, eq. 12) and the target time; loops run in a fixed order. The row
// loops are vectorised (AVX-512 and AVX2 copies are chosen at run time where the
// CPU has them; the build sets no -march, so one binary runs everywhere):
// each lane does the same IEEE operations, without contraction or reassociation,
// so the results are bit-identical with and without it. Large sub-steps run on a
// team of threads in fixed row bands (flood.solver.threads, docs/flood.md
// "Threads"); every face and cell is computed the same way in any band and nothing
// is summed in a band-dependent order, so the results are bit-identical for every
// thread count.
#include <cstdint>
#include <vector>

#include "engine/hazards/flood/flood.hpp"

namespace ss {

// Volumes since the start, m³.
struct FloodVolumes {
  double initial = 0.0;   // on the grid at the start
  double inflow = 0.0;    // from flow sources
  double rain = 0.0;      // from rainfall
  double boundary = 0.0;  // net into level-boundary cells (negative when they drain the grid)
  double outflow = 0.0;   // out through free-outflow edges
  double stored = 0.0;    // on the grid now
  // (stored + outflow) − (initial + inflow + rain + boundary), relative to the
  // water that entered; 0 when nothing entered.
  [[nodiscard]] double balance_error() const;
  [[nodiscard]] double relative_error() const;
};

struct FloodState {
  double time = 0.0;      // s, time the fields refer to
  std::vector<double> h;  // m, water depth, (cells)
  // Unit discharges, m²/s, positive toward +x / +y. Face (ix, iy) of qx is the west
  // face of cell (ix, iy): index iy * (nx + 1) + ix, (ny, nx + 1). Face (ix, iy) of
  // qy is the south face of cell (ix, iy): index iy * nx + ix, (ny + 1, nx).
  std::vector<double> qx, qy;
  std::vector<float> speed;      // m/s, cell-centred speed from the face discharges, (cells)
  std::vector<float> max_depth;  // m, highest depth so far, (cells)
  std::vector<float> arrival;    // s, first time depth ≥ arrival_depth, NaN if never, (cells)
  FloodVolumes volumes;
  // Wet cells of each row span [wet_x0, wet_x1] (empty when x1 < x0): derived from h,
  // kept so a sub-step only visits the rows' wet parts, (ny).
  std::vector<int> wet_x0, wet_x1;
  double deepest = 0.0;  // m, deepest cell now: Δt of the next sub-step (eq. 12)
  // Bed with +∞ on blocked cells: max over a face's two cells is its sill (the
  // face is closed when it is +∞), (cells). Derived from the grid by init_flood.
  std::vector<double> wall_z;
  std::vector<double> limit_below, limit_here;  // scratch of the depth limiter, (nx)
  // Cells whose speed may be non-zero, per row span [speed_x0, speed_x1] (empty when
  // x1 < x0): the speed update visits them and the wet spans only, (ny).
  std::vector<int> speed_x0, speed_x1;
  std::uint64_t substeps = 0;
  double last_substep = 0.0;       // s, Δt of the latest sub-step
  std::uint64_t cell_updates = 0;  // cells processed, for throughput figures
  // Rounding trouble counted, not thrown (STYLE: numeric trouble in a step).
  std::uint64_t negative_depths = 0;  // depths below zero after rounding, set to 0
  double clipped_volume = 0.0;        // m³ added by those fixes (tiny)
};

// Allocates the fields (initial depth from the description, dry otherwise).
void init_flood(const FloodDesc& flood, FloodState& state);

// Advances the flood from state.time to t_end in CFL-limited sub-steps (solver), or
// interpolates the external series at t_end. Updates speed, max depth and arrival.
void advance_flood(const FloodDesc& flood, FloodState& state, double t_end);

// Water on the grid, m³.
double stored_volume(const FloodGrid& grid, const std::vector<double>& h);

}  // namespace ss
