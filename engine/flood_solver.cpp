#include "engine/flood_solver.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {
namespace {

// Cells that can change in a sub-step, row by row: the wet cells of the row and of
// the rows above and below, grown by one cell. Faces outside carry no flow (both
// sides dry), so skipping them changes nothing but the cost — a river crossing
// the map diagonally wets a few per cent of a bounding box.
struct Spans {
  std::vector<int> x0, x1;  // inclusive per row; empty row when x1 < x0, (ny)
  int y0 = 0, y1 = -1;      // rows with a non-empty span
  [[nodiscard]] bool empty() const { return y1 < y0; }
};

void add_wet(FloodState& s, int nx, std::size_t c) {
  const int x = static_cast<int>(c % static_cast<std::size_t>(nx)), y = static_cast<int>(c / static_cast<std::size_t>(nx));
  s.wet_x0[y] = std::min(s.wet_x0[y], x);
  s.wet_x1[y] = std::max(s.wet_x1[y], x);
}

Spans processing_spans(const FloodGrid& g, const FloodState& s) {
  Spans sp;
  sp.x0.assign(g.ny, g.nx);
  sp.x1.assign(g.ny, -1);
  for (int iy = 0; iy < g.ny; ++iy) {
    if (s.wet_x1[iy] < s.wet_x0[iy]) continue;
    for (int k = std::max(0, iy - 1); k <= std::min(g.ny - 1, iy + 1); ++k) {
      sp.x0[k] = std::min(sp.x0[k], std::max(0, s.wet_x0[iy] - 1));
      sp.x1[k] = std::max(sp.x1[k], std::min(g.nx - 1, s.wet_x1[iy] + 1));
    }
  }
  for (int iy = 0; iy < g.ny; ++iy) {
    if (sp.x1[iy] < sp.x0[iy]) continue;
    if (sp.empty()) sp.y0 = iy;
    sp.y1 = iy;
  }
  return sp;
}

void full_scan(const FloodGrid& g, FloodState& s) {
  s.wet_x0.assign(g.ny, g.nx);
  s.wet_x1.assign(g.ny, -1);
  for (std::size_t c = 0; c < g.size(); ++c)
    if (s.h[c] > 0.0) add_wet(s, g.nx, c);
}

// Bates et al. (2010) eq. 11: q⁺ = (q − g h_f Δt ∂η/∂x) / (1 + g Δt n² |q| / h_f^(7/3)),
// h_f = max(η_i, η_j) − max(z_i, z_j) the depth water can flow with between them.
inline double face_flux(double q, double eta_i, double eta_j, double z_i, double z_j, double n, double dt,
                        double dx, const FloodSolverParams& p) {
  const double hf = std::max(eta_i, eta_j) - std::max(z_i, z_j);
  if (hf <= p.dry_depth) return 0.0;
  const double slope = (eta_j - eta_i) / dx;
  const double h73 = hf * hf * std::cbrt(hf);
  const double qn = (q - p.gravity * hf * dt * slope) / (1.0 + p.gravity * dt * n * n * std::fabs(q) / h73);
  // Froude limiter (see params): |q| ≤ Fr h √(g h), compared in squares so the
  // square root is only taken for the few faces it clips.
  const double fr2 = p.max_froude * p.max_froude * p.gravity * hf * hf * hf;
  if (qn * qn <= fr2) return qn;
  const double qmax = std::sqrt(fr2);
  return qn > 0.0 ? qmax : -qmax;
}

// Outward discharge (≥ 0) at a free-outflow face of a cell with depth h: Manning's
// normal flow q = h^(5/3) √S / n with S the given slope, or the water-surface slope
// toward the edge from the adjacent interior face (zero-gradient boundary).
inline double outflow_flux(double h, double surface_drop, double n, double dx, const OutflowEdge& o,
                           const FloodSolverParams& p) {
  if (h <= p.dry_depth) return 0.0;
  const double s = o.slope > 0.0 ? o.slope : std::max(0.0, surface_drop / dx);
  if (s <= 0.0) return 0.0;
  const double q = std::pow(h, 5.0 / 3.0) * std::sqrt(s) / n;
  return std::min(q, p.max_froude * h * std::sqrt(p.gravity * h));
}

void update_faces(const FloodDesc& f, FloodState& s, const Spans& w, double dt) {
  const FloodGrid& g = f.grid;
  const FloodSolverParams& p = f.solver;
  const double dx = g.cell;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  // Interior x-faces between cells (ix-1, ix).
  for (int iy = w.y0; iy <= w.y1; ++iy) {
    const std::size_t row = static_cast<std::size_t>(iy) * nx;
    // Every face of a processed cell is updated (here: up to the east face of the
    // last one), so both its cells see the same discharge and mass is conserved.
    for (int ix = std::max(1, w.x0[iy]); ix <= std::min(w.x1[iy] + 1, g.nx - 1); ++ix) {
      const std::size_t i = row + ix - 1, j = row + ix;
      double& q = s.qx[static_cast<std::size_t>(iy) * (nx + 1) + ix];
      if (g.blocked[i] || g.blocked[j]) { q = 0.0; continue; }
      const double n = 0.5 * (static_cast<double>(g.manning[i]) + g.manning[j]);
      q = face_flux(q, g.z[i] + s.h[i], g.z[j] + s.h[j], g.z[i], g.z[j], n, dt, dx, p);
    }
  }
  // Interior y-faces between cells (iy-1, iy).
  for (int iy = std::max(1, w.y0); iy <= std::min(w.y1 + 1, g.ny - 1); ++iy) {
    // Faces between rows iy-1 and iy under a processed cell of either row.
    for (int ix = std::min(w.x0[iy], w.x0[iy - 1]); ix <= std::max(w.x1[iy], w.x1[iy - 1]); ++ix) {
      const std::size_t j = static_cast<std::size_t>(iy) * nx + ix, i = j - nx;
      double& q = s.qy[j];
      if (g.blocked[i] || g.blocked[j]) { q = 0.0; continue; }
      const double n = 0.5 * (static_cast<double>(g.manning[i]) + g.manning[j]);
      q = face_flux(q, g.z[i] + s.h[i], g.z[j] + s.h[j], g.z[i], g.z[j], n, dt, dx, p);
    }
  }
  // Free-outflow edges; other boundary faces are walls (q stays 0).
  for (const OutflowEdge& o : f.outflows) {
    const bool vertical = o.side == GridSide::West || o.side == GridSide::East;
    const int count = vertical ? g.ny : g.nx;
    for (int k = 0; k < count; ++k) {
      std::size_t c, inner;
      double* q;
      double sign;
      switch (o.side) {
        case GridSide::West: c = k * nx; inner = c + 1; q = &s.qx[k * (nx + 1)]; sign = -1.0; break;
        case GridSide::East: c = k * nx + nx - 1; inner = c - 1; q = &s.qx[k * (nx + 1) + nx]; sign = 1.0; break;
        case GridSide::South: c = k; inner = c + nx; q = &s.qy[k]; sign = -1.0; break;
        default: c = (g.ny - 1) * nx + k; inner = c - nx; q = &s.qy[static_cast<std::size_t>(g.ny) * nx + k]; sign = 1.0;
      }
      if (g.blocked[c]) { *q = 0.0; continue; }
      const double inner_eta = (count > 0 && !g.blocked[inner]) ? g.z[inner] + s.h[inner] : g.z[c] + s.h[c];
      *q = sign * outflow_flux(s.h[c], inner_eta - (g.z[c] + s.h[c]), g.manning[c], dx, o, p);
    }
  }
  // Depth never goes negative: a cell whose faces would take out more than it
  // holds has its outgoing discharges scaled down to what it holds. Each face
  // leaves exactly one cell, so the scaling keeps the scheme conservative.
  for (int iy = w.y0; iy <= w.y1; ++iy) {
    for (int ix = w.x0[iy]; ix <= w.x1[iy]; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * nx + ix;
      double& qw = s.qx[static_cast<std::size_t>(iy) * (nx + 1) + ix];
      double& qe = s.qx[static_cast<std::size_t>(iy) * (nx + 1) + ix + 1];
      double& qs = s.qy[c];
      double& qn = s.qy[c + nx];
      const double out = std::max(0.0, -qw) + std::max(0.0, qe) + std::max(0.0, -qs) + std::max(0.0, qn);
      if (out <= 0.0) continue;
      const double avail = s.h[c] * dx / dt;  // m²/s the cell can give over dt through one cell width
      if (out <= avail) continue;
      const double k = avail / out;
      if (qw < 0.0) qw *= k;
      if (qe > 0.0) qe *= k;
      if (qs < 0.0) qs *= k;
      if (qn > 0.0) qn *= k;
    }
  }
}

void update_depths(const FloodDesc& f, FloodState& s, const Spans& w, double dt) {
  const FloodGrid& g = f.grid;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  const double k = dt / g.cell;
  for (int iy = w.y0; iy <= w.y1; ++iy) {
    // Cells outside the processed span are dry and stay dry: the row's wet span is
    // found again within it.
    int first = g.nx, last = -1;
    for (int ix = w.x0[iy]; ix <= w.x1[iy]; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * nx + ix;
      const std::size_t fx = static_cast<std::size_t>(iy) * (nx + 1) + ix;
      const double dh = k * ((s.qx[fx] - s.qx[fx + 1]) + (s.qy[c] - s.qy[c + nx]));
      s.h[c] += dh;
      if (s.h[c] < 0.0) {
        ++s.negative_depths;
        s.clipped_volume += -s.h[c] * g.cell * g.cell;
        s.h[c] = 0.0;
      }
      if (s.h[c] > 0.0) {
        first = std::min(first, ix);
        last = ix;
      }
    }
    s.wet_x0[iy] = first;
    s.wet_x1[iy] = last;
  }
  // Volume that left through the free-outflow edges.
  double out = 0.0;
  for (const OutflowEdge& o : f.outflows) {
    if (o.side == GridSide::West || o.side == GridSide::East) {
      const std::size_t col = o.side == GridSide::West ? 0 : nx;
      for (int iy = 0; iy < g.ny; ++iy) out += std::fabs(s.qx[static_cast<std::size_t>(iy) * (nx + 1) + col]);
    } else {
      const std::size_t row = o.side == GridSide::South ? 0 : static_cast<std::size_t>(g.ny);
      for (std::size_t ix = 0; ix < nx; ++ix) out += std::fabs(s.qy[row * nx + ix]);
    }
  }
  s.volumes.outflow += out * g.cell * dt;
}

void add_sources(const FloodDesc& f, FloodState& s, double t0, double t1) {
  const FloodGrid& g = f.grid;
  const double area = g.cell * g.cell;
  for (const FlowSource& src : f.sources) {
    if (src.cells.empty()) continue;
    const double v = src.discharge.integral(t0, t1);  // m³
    const double dh = v / (static_cast<double>(src.cells.size()) * area);
    for (const std::uint32_t c : src.cells) {
      s.h[c] += dh;
      if (s.h[c] > 0.0) add_wet(s, g.nx, c);
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
      }
    s.volumes.rain += dh * area * static_cast<double>(open);
  }
  for (const LevelBoundary& b : f.levels) {
    const double level = b.level.at(t1);
    for (const std::uint32_t c : b.cells) {
      const double target = std::max(0.0, level - g.z[c]);
      s.volumes.boundary += (target - s.h[c]) * area;
      s.h[c] = target;
      if (target > 0.0) add_wet(s, g.nx, c);
    }
  }
}

void track_extremes(const FloodDesc& f, FloodState& s, const Spans& w) {
  const std::size_t nx = static_cast<std::size_t>(f.grid.nx);
  const float t = static_cast<float>(s.time);
  for (int iy = w.y0; iy <= w.y1; ++iy) {
    for (int ix = w.x0[iy]; ix <= w.x1[iy]; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * nx + ix;
      const float h = static_cast<float>(s.h[c]);
      if (h > s.max_depth[c]) s.max_depth[c] = h;
      if (h >= f.solver.arrival_depth && std::isnan(s.arrival[c])) s.arrival[c] = t;
    }
  }
}

void update_speed(const FloodDesc& f, FloodState& s) {
  const FloodGrid& g = f.grid;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  for (int iy = 0; iy < g.ny; ++iy) {
    for (std::size_t ix = 0; ix < nx; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * nx + ix;
      const double h = s.h[c];
      if (h <= f.solver.dry_depth) { s.speed[c] = 0.0f; continue; }
      const std::size_t fx = static_cast<std::size_t>(iy) * (nx + 1) + ix;
      const double ux = 0.5 * (s.qx[fx] + s.qx[fx + 1]) / h;
      const double uy = 0.5 * (s.qy[c] + s.qy[c + nx]) / h;
      s.speed[c] = static_cast<float>(std::sqrt(ux * ux + uy * uy));
    }
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

double FloodVolumes::balance_error() const { return (stored + outflow) - (initial + inflow + rain + boundary); }

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
  s.speed.assign(n, 0.0f);
  s.max_depth.assign(n, 0.0f);
  s.arrival.assign(n, std::numeric_limits<float>::quiet_NaN());
  s.volumes.initial = stored_volume(g, s.h);
  s.volumes.stored = s.volumes.initial;
  if (flood.external) interpolate_external(flood, s, 0.0);
  full_scan(g, s);
  track_extremes(flood, s, processing_spans(g, s));
}

void advance_flood(const FloodDesc& f, FloodState& s, double t_end) {
  if (f.external) {
    s.time = t_end;
    interpolate_external(f, s, t_end);
    full_scan(f.grid, s);
    track_extremes(f, s, processing_spans(f.grid, s));
    return;
  }
  const FloodSolverParams& p = f.solver;
  // Sub-steps stop exactly at t_end; a remainder shorter than this joins the step before.
  constexpr double kTimeEps = 1e-9;  // s
  while (s.time < t_end - kTimeEps) {
    const Spans w = processing_spans(f.grid, s);
    double h_max = 0.0;
    for (int iy = w.y0; iy <= w.y1; ++iy)
      for (int ix = w.x0[iy]; ix <= w.x1[iy]; ++ix) h_max = std::max(h_max, s.h[static_cast<std::size_t>(iy) * f.grid.nx + ix]);
    // Bates et al. (2010) eq. 12: Δt = α Δx / √(g h_max).
    double dt = p.max_step;
    if (h_max > p.dry_depth) dt = std::min(dt, p.alpha * f.grid.cell / std::sqrt(p.gravity * h_max));
    dt = std::min(dt, t_end - s.time);
    if (!w.empty()) {
      update_faces(f, s, w, dt);
      update_depths(f, s, w, dt);
      for (int iy = w.y0; iy <= w.y1; ++iy) s.cell_updates += static_cast<std::uint64_t>(std::max(0, w.x1[iy] - w.x0[iy] + 1));
    }
    add_sources(f, s, s.time, s.time + dt);
    s.time += dt;
    s.last_substep = dt;
    ++s.substeps;
    // The window already holds every cell that can have changed (wet ones grown by one).
    if (!w.empty()) track_extremes(f, s, w);
  }
  s.time = t_end;
  s.volumes.stored = stored_volume(f.grid, s.h);
  update_speed(f, s);
}

}  // namespace ss
