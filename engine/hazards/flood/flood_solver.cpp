#include "engine/hazards/flood/flood_solver.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>

#include "engine/hazards/flood/flood_kernels.hpp"
#include "engine/hazards/flood/flood_team.hpp"

namespace ss {
namespace {

using namespace flood_kernels;

// Adds what a depth sweep recorded to the state, in order.
void merge_track(FloodState& s, DepthTrack& into, const DepthTrack& from) {
  into.deepest = std::max(into.deepest, from.deepest);
  s.negative_depths += from.negatives;
  for (const double v : from.clipped) s.clipped_volume += v;
}

// Volume that left through the free-outflow edges in a sub-step of dt. Faces of
// edge cells outside the spans hold 0 (outflow_faces): skipping them adds nothing
// to the sum (x + 0 = x), so it is the same bits as summing every face.
void count_outflow(const FloodDesc& f, FloodState& s, const Spans& w, double dt) {
  const FloodGrid& g = f.grid;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  double out = 0.0;
  for (const OutflowEdge& o : f.outflows) {
    const bool vertical = o.side == GridSide::West || o.side == GridSide::East;
    const int count = vertical ? g.ny : g.nx;
    for (int kk = 0; kk < count; ++kk) {
      if (!edge_cell_processed(g, w, o.side, kk)) continue;
      switch (o.side) {
        case GridSide::West: out += std::fabs(s.qx[kk * (nx + 1)]); break;
        case GridSide::East: out += std::fabs(s.qx[kk * (nx + 1) + nx]); break;
        case GridSide::South: out += std::fabs(s.qy[kk]); break;
        default: out += std::fabs(s.qy[static_cast<std::size_t>(g.ny) * nx + kk]);
      }
    }
  }
  s.volumes.outflow += out * g.cell * dt;
}

// One thread: the limiter and continuity over all processed spans in one sweep.
void update_depths(const FloodDesc& f, FloodState& s, const Spans& w, double dt, DepthTrack& t) {
  const std::size_t nx = static_cast<std::size_t>(f.grid.nx);
  LimitRows lr;
  lr.below.swap(s.limit_below);
  lr.here.swap(s.limit_here);
  lr.below.assign(nx, 1.0);
  lr.here.assign(nx, 1.0);
  lr.track = t;
  lr.track.deepest = 0.0;
  band_sweep(f, s, w, dt, w.y0, w.y1, lr);
  t.deepest = 0.0;
  merge_track(s, t, lr.track);
  s.deepest = t.deepest;  // cells outside the spans are dry
  lr.below.swap(s.limit_below);
  lr.here.swap(s.limit_here);
  count_outflow(f, s, w, dt);
}

// Row bands of the processed spans with about the same number of cells each: band
// k is rows start[k] .. start[k + 1] − 1, at least one row each.
void split_bands(const Spans& w, int bands, std::uint64_t cells, std::vector<int>& start) {
  const int rows = w.y1 - w.y0 + 1;
  bands = std::max(1, std::min(bands, rows));
  start.assign(static_cast<std::size_t>(bands) + 1, w.y1 + 1);
  start[0] = w.y0;
  std::uint64_t sum = 0;
  int k = 1;
  // Band k starts after the row at which k/bands of the cells are reached, or
  // earlier when the bands still to start need the remaining rows one each.
  for (int iy = w.y0; iy < w.y1 && k < bands; ++iy) {
    sum += static_cast<std::uint64_t>(std::max(0, w.x1[iy] - w.x0[iy] + 1));
    const auto kk = static_cast<std::uint64_t>(k), nb = static_cast<std::uint64_t>(bands);
    if (sum * nb >= cells * kk || w.y1 - iy <= bands - k) start[static_cast<std::size_t>(k++)] = iy + 1;
  }
}

// A sub-step's faces, limiter and depths on a team of threads, band k on member k:
// faces and its rows' outflow edges; every band's halo factor rows from
// the unscaled discharges; then each band's sweep. The last row of every band but
// the top one is updated afterwards, in band order, on the calling thread. Every
// face and cell is computed by the same operations as on one thread, and what is
// summed over cells (clipped volumes) is summed in cell order: the results are
// bit-identical to update_faces + update_depths for any number of bands.
void substep_on_team(const FloodDesc& f, FloodState& s, const Spans& w, double dt, DepthTrack& t,
                     FloodTeam& team, std::vector<LimitRows>& rows, std::vector<int>& start,
                     std::uint64_t cells) {
  split_bands(w, team.size(), cells, start);
  const int bands = static_cast<int>(start.size()) - 1;
  rows.resize(static_cast<std::size_t>(bands));
  const int last_face_row = std::min(w.y1 + 1, f.grid.ny - 1);
  team.run([&](int m) {
    const int r0 = m < bands ? start[static_cast<std::size_t>(m)] : 0;
    const int r1 = m < bands ? start[static_cast<std::size_t>(m) + 1] - 1 : -1;
    if (m < bands) {
      band_faces(f, s, w, dt, r0, m == bands - 1 ? last_face_row : r1);
      // The west and east outflow edges by the same rows (the first and last bands
      // also the rows beyond the spans, whose faces are zeroed); south and north on
      // the first member.
      outflow_faces(f, s, w, m == 0 ? 0 : r0, m == bands - 1 ? f.grid.ny - 1 : r1, m == 0);
    }
    team.sync();
    if (m < bands) {
      LimitRows& lr = rows[static_cast<std::size_t>(m)];
      prepare_band(f.grid, s, w, dt, r0, r1, lr);
      lr.track.deepest = 0.0;
      lr.track.track = t.track;
      lr.track.time = t.time;
      lr.track.arrival_depth = t.arrival_depth;
      lr.track.negatives = 0;
      lr.track.clipped.clear();
    }
    team.sync();
    if (m < bands) band_sweep(f, s, w, dt, r0, r1, rows[static_cast<std::size_t>(m)]);
  });
  t.deepest = 0.0;
  for (int k = 0; k < bands; ++k) {
    LimitRows& lr = rows[static_cast<std::size_t>(k)];
    if (k + 1 < bands)
      band_last_row(f.grid, s, w, start[static_cast<std::size_t>(k) + 1] - 1, dt / f.grid.cell, lr.track);
    merge_track(s, t, lr.track);
  }
  s.deepest = t.deepest;
  count_outflow(f, s, w, dt);
}

// Maximum depth and arrival time of cell c at time t.
inline void track_cell(FloodState& s, std::size_t c, const DepthTrack& t) {
  s.max_depth[c] = std::max(s.max_depth[c], static_cast<float>(s.h[c]));
  if (s.h[c] >= t.arrival_depth && std::isnan(s.arrival[c])) s.arrival[c] = t.time;
}

// Inflow, rain and water levels over [t0, t1]. With t.track the cells they raise
// are tracked (the depth update tracked the others).
void add_sources(const FloodDesc& f, FloodState& s, double t0, double t1, const DepthTrack& t) {
  const FloodGrid& g = f.grid;
  const double area = g.cell * g.cell;
  for (const FlowSource& src : f.sources) {
    if (src.cells.empty()) continue;
    const double v = src.discharge.integral(t0, t1);  // m³
    const double dh = v / (static_cast<double>(src.cells.size()) * area);
    for (const std::uint32_t c : src.cells) {
      s.h[c] += dh;
      if (s.h[c] > 0.0) add_wet(s, g.nx, c);
      s.deepest = std::max(s.deepest, s.h[c]);
      if (t.track) track_cell(s, c, t);
    }
    s.volumes.inflow += dh * area * static_cast<double>(src.cells.size());
  }
  if (f.rain) {
    const double dh = f.rain->integral(t0, t1);  // m of rain
    std::size_t open = 0;
    for (std::size_t c = 0; c < g.size(); ++c)
      if (!g.blocked[c]) {
        s.h[c] += dh;
        ++open;
        if (s.h[c] > 0.0) add_wet(s, g.nx, c);
        s.deepest = std::max(s.deepest, s.h[c]);
        if (t.track) track_cell(s, c, t);
      }
    s.volumes.rain += dh * area * static_cast<double>(open);
  }
  bool lowered_deepest = false;
  for (const LevelBoundary& b : f.levels) {
    const double level = b.level.at(t1);
    for (const std::uint32_t c : b.cells) {
      const double target = std::max(0.0, level - g.z[c]);
      s.volumes.boundary += (target - s.h[c]) * area;
      lowered_deepest = lowered_deepest || (s.h[c] == s.deepest && target < s.h[c]);
      s.h[c] = target;
      if (target > 0.0) add_wet(s, g.nx, c);
      s.deepest = std::max(s.deepest, target);
    }
  }
  // A level lowered the deepest cell: look for the deepest again.
  if (lowered_deepest) {
    s.deepest = 0.0;
    for (int iy = 0; iy < g.ny; ++iy)
      for (int ix = s.wet_x0[iy]; ix <= s.wet_x1[iy]; ++ix)
        s.deepest = std::max(s.deepest, s.h[static_cast<std::size_t>(iy) * g.nx + ix]);
  }
}

void track_extremes(const FloodDesc& f, FloodState& s, const Spans& w) {
  const std::size_t nx = static_cast<std::size_t>(f.grid.nx);
  const float t = static_cast<float>(s.time);
  const double arrival_depth = f.solver.arrival_depth;
  for (int iy = w.y0; iy <= w.y1; ++iy) {
    const std::size_t row = static_cast<std::size_t>(iy) * nx;
    const double* h = s.h.data() + row;
    float* max_depth = s.max_depth.data() + row;
    float* arrival = s.arrival.data() + row;
    for (int ix = w.x0[iy]; ix <= w.x1[iy]; ++ix) {
      const float d = static_cast<float>(h[ix]);
      max_depth[ix] = std::max(max_depth[ix], d);
      if (h[ix] >= arrival_depth && std::isnan(arrival[ix])) arrival[ix] = t;
    }
  }
}

// Cell-centred speed from the mean face discharges. Only cells deeper than
// dry_depth have a speed; those lie in the rows' wet spans, and cells that had one
// at the last update (speed_x0/x1) are visited too so that drying cells go back to 0.
void update_speed(const FloodDesc& f, FloodState& s) {
  const FloodGrid& g = f.grid;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  for (int iy = 0; iy < g.ny; ++iy) {
    const int x0 = std::min(s.wet_x0[iy], s.speed_x0[iy]), x1 = std::max(s.wet_x1[iy], s.speed_x1[iy]);
    int first = g.nx, last = -1;
    for (int ix = x0; ix <= x1; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * nx + ix;
      const double h = s.h[c];
      if (h <= f.solver.dry_depth) {
        s.speed[c] = 0.0f;
        continue;
      }
      const std::size_t fx = static_cast<std::size_t>(iy) * (nx + 1) + ix;
      const double ux = 0.5 * (s.qx[fx] + s.qx[fx + 1]) / h;
      const double uy = 0.5 * (s.qy[c] + s.qy[c + nx]) / h;
      s.speed[c] = static_cast<float>(std::sqrt(ux * ux + uy * uy));
      first = std::min(first, ix);
      last = ix;
    }
    s.speed_x0[iy] = first;
    s.speed_x1[iy] = last;
  }
}

void interpolate_external(const FloodDesc& f, FloodState& s, double t) {
  const ExternalFlood& e = *f.external;
  std::size_t k = 0;
  while (k + 1 < e.time.size() && e.time[k + 1] <= t) ++k;
  const std::size_t k1 = std::min(k + 1, e.time.size() - 1);
  double a = 0.0;
  if (k1 != k && t > e.time[k]) a = std::min(1.0, (t - e.time[k]) / (e.time[k1] - e.time[k]));
  if (t < e.time.front()) a = 0.0;
  for (std::size_t c = 0; c < f.grid.size(); ++c) {
    s.h[c] = (1.0 - a) * e.depth[k][c] + a * e.depth[k1][c];
    s.speed[c] = e.speed.empty() ? 0.0f : static_cast<float>((1.0 - a) * e.speed[k][c] + a * e.speed[k1][c]);
  }
  s.volumes.stored = stored_volume(f.grid, s.h);
}

}  // namespace

double FloodVolumes::balance_error() const {
  return (stored + outflow) - (initial + inflow + rain + boundary);
}

double FloodVolumes::relative_error() const {
  const double in = initial + inflow + rain + std::fabs(boundary);
  return in > 0.0 ? std::fabs(balance_error()) / in : 0.0;
}

double stored_volume(const FloodGrid& grid, const std::vector<double>& h) {
  double v = 0.0;
  for (const double d : h) v += d;
  return v * grid.cell * grid.cell;
}

void init_flood(const FloodDesc& flood, FloodState& s) {
  const FloodGrid& g = flood.grid;
  const std::size_t n = g.size();
  s = FloodState{};
  s.h.assign(n, 0.0);
  if (!flood.initial_depth.empty())
    for (std::size_t c = 0; c < n; ++c) s.h[c] = g.blocked[c] ? 0.0 : std::max(0.0, flood.initial_depth[c]);
  s.qx.assign(static_cast<std::size_t>(g.ny) * (g.nx + 1), 0.0);
  s.qy.assign(static_cast<std::size_t>(g.ny + 1) * g.nx, 0.0);
  s.wall_z.resize(n);
  for (std::size_t c = 0; c < n; ++c) s.wall_z[c] = g.blocked[c] ? HUGE_VAL : g.z[c];
  s.speed.assign(n, 0.0f);
  s.speed_x0.assign(g.ny, g.nx);
  s.speed_x1.assign(g.ny, -1);
  s.max_depth.assign(n, 0.0f);
  s.arrival.assign(n, std::numeric_limits<float>::quiet_NaN());
  s.volumes.initial = stored_volume(g, s.h);
  s.volumes.stored = s.volumes.initial;
  if (flood.external) interpolate_external(flood, s, 0.0);
  full_scan(g, s);
  Spans w;
  processing_spans(g, s, w);
  track_extremes(flood, s, w);
}

void advance_flood(const FloodDesc& f, FloodState& s, double t_end) {
  Spans w;
  if (f.external) {
    s.time = t_end;
    interpolate_external(f, s, t_end);
    full_scan(f.grid, s);
    processing_spans(f.grid, s, w);
    track_extremes(f, s, w);
    return;
  }
  const FloodSolverParams& p = f.solver;
  // Sub-steps stop exactly at t_end; a remainder shorter than this joins the step before.
  constexpr double kTimeEps = 1e-9;  // s
  // Threads: started at the first sub-step large enough to pay for them, ended with
  // this call (a state can be copied and advanced anywhere: it owns no threads).
  const int threads = flood_threads(p.threads);
  std::optional<FloodTeam> team;
  std::vector<LimitRows> band_rows;
  std::vector<int> band_start;
  while (s.time < t_end - kTimeEps) {
    processing_spans(f.grid, s, w);
    std::uint64_t cells = 0;
    for (int iy = w.y0; iy <= w.y1; ++iy)
      cells += static_cast<std::uint64_t>(std::max(0, w.x1[iy] - w.x0[iy] + 1));
    // Bates et al. (2010) eq. 12: Δt = α Δx / √(g h_max); s.deepest is the deepest
    // cell now (kept up to date by the depth update and the sources).
    double dt = p.max_step;
    if (s.deepest > p.dry_depth) dt = std::min(dt, p.alpha * f.grid.cell / std::sqrt(p.gravity * s.deepest));
    dt = std::min(dt, t_end - s.time);
    // Maximum depths and arrival times are those at the end of the sub-step, after
    // the sources. Inflow and rain only raise cells, so the depth update tracks its
    // cells and the sources theirs; a water level may lower its cells, so with
    // levels the processed cells are tracked after the sources instead.
    DepthTrack track;
    track.track = f.levels.empty();
    track.time = static_cast<float>(s.time + dt);
    track.arrival_depth = p.arrival_depth;
    if (!w.empty()) {
      if (threads > 1 && cells >= p.parallel_min_cells && w.y1 > w.y0) {
        if (!team) team.emplace(threads);
        substep_on_team(f, s, w, dt, track, *team, band_rows, band_start, cells);
      } else {
        update_faces(f, s, w, dt);
        update_depths(f, s, w, dt, track);
      }
      s.cell_updates += cells;
    }
    add_sources(f, s, s.time, s.time + dt, track);
    s.time += dt;
    s.last_substep = dt;
    ++s.substeps;
    // The window already holds every cell that can have changed (wet ones grown by one).
    if (!track.track && !w.empty()) track_extremes(f, s, w);
  }
  s.time = t_end;
  // Water on the grid: the wet spans only, in index order — the cells outside hold
  // exactly 0, so the sum is bit-identical to stored_volume() over every cell.
  double stored = 0.0;
  for (int iy = 0; iy < f.grid.ny; ++iy)
    for (int ix = s.wet_x0[iy]; ix <= s.wet_x1[iy]; ++ix)
      stored += s.h[static_cast<std::size_t>(iy) * f.grid.nx + ix];
  s.volumes.stored = stored * f.grid.cell * f.grid.cell;
  update_speed(f, s);
}

}  // namespace ss
