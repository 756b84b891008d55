#include "engine/hazards/flood/flood_solver.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>

#include "engine/hazards/flood/flood_team.hpp"

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
  const int x = static_cast<int>(c % static_cast<std::size_t>(nx)),
            y = static_cast<int>(c / static_cast<std::size_t>(nx));
  s.wet_x0[y] = std::min(s.wet_x0[y], x);
  s.wet_x1[y] = std::max(s.wet_x1[y], x);
}

void processing_spans(const FloodGrid& g, const FloodState& s, Spans& sp) {
  sp.x0.assign(g.ny, g.nx);
  sp.x1.assign(g.ny, -1);
  sp.y0 = 0;
  sp.y1 = -1;
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
}

void full_scan(const FloodGrid& g, FloodState& s) {
  s.wet_x0.assign(g.ny, g.nx);
  s.wet_x1.assign(g.ny, -1);
  s.deepest = 0.0;
  for (std::size_t c = 0; c < g.size(); ++c)
    if (s.h[c] > 0.0) {
      add_wet(s, g.nx, c);
      s.deepest = std::max(s.deepest, s.h[c]);
    }
}

// x^(-1/6) for x > 0 with multiplications only: the face update needs h_f^(-7/3)
// = (x^(-1/6))^14 and the Froude limit h_f^(3/2) = h_f² (x^(-1/6))³, and cbrt, pow,
// sqrt and a division per face were most of its cost (they also keep a loop from
// being vectorised). Initial guess from the bit pattern as in the fast inverse
// square root (Lomont 2003, "Fast inverse square root", Purdue tech. report) with
// the exponent −1/6: for a float x = 2^e (1 + m) the bits read as an integer are
// ≈ 2^23 (log2 x + 127 − σ), so (7/6) 2^23 (127 − σ) − bits/6 approximates the bits
// of x^(-1/6); σ = 0.0450466 gives a guess within 3.3 %. Then Newton's method on
// f(y) = y⁻⁶ − x, y ← y (7 − x y⁶) / 6, converging quadratically: 3.3e-2 → 4e-3 →
// 5e-5 → 1e-8 → 7e-16 relative after four steps (checked over 1e-3 … 1e3 m).
// Plain IEEE operations without contraction (-ffp-contract=off): the same result
// on every machine, vectorised or not.
inline double inv_root6(double x) {
  constexpr std::int32_t kGuess = 0x4a0e9b3b;  // (7/6) 2^23 (127 − 0.0450466)
  const float bits = static_cast<float>(std::bit_cast<std::int32_t>(static_cast<float>(x)));
  double y = std::bit_cast<float>(kGuess - static_cast<std::int32_t>(bits * (1.0f / 6.0f)));
  for (int k = 0; k < 4; ++k) {
    const double y2 = y * y;
    y = y * (7.0 - x * (y2 * y2 * y2)) * (1.0 / 6.0);
  }
  return y;
}

// What every face update of a sub-step shares.
struct FaceCoefs {
  double g_dt;       // g Δt
  double inv_dx;     // 1 / Δx
  double dry;        // dry_depth
  double fr_sqrt_g;  // Fr √g (Froude limiter)
};

// Bates et al. (2010) eq. 11: q⁺ = (q − g h_f Δt ∂η/∂x) / (1 + g Δt n² |q| / h_f^(7/3)),
// h_f = max(η_i, η_j) − max(z_i, z_j) the depth water can flow with between them,
// n the mean of the two cells' Manning n. `sill` is max(z_i, z_j), or +∞ when a
// side is blocked: then h_f = −∞ and, like every face with h_f ≤ dry_depth, the
// face carries nothing. Branch-free (the result is selected), so rows vectorise.
inline double face_flux(double q, double h_i, double h_j, double z_i, double z_j, double sill, float n_i,
                        float n_j, const FaceCoefs& k) {
  const double eta_i = z_i + h_i, eta_j = z_j + h_j;
  const double hf = std::max(eta_i, eta_j) - sill;
  const double hc = std::max(hf, k.dry);  // keeps the unused lanes finite
  const double r = inv_root6(hc), r2 = r * r, r4 = r2 * r2;
  const double h73_inv = r4 * r4 * r4 * r2;  // h_f^(-7/3) = r^14
  const double n = 0.5 * (static_cast<double>(n_i) + n_j);
  const double qn =
      (q - k.g_dt * hc * ((eta_j - eta_i) * k.inv_dx)) / (1.0 + k.g_dt * n * n * std::fabs(q) * h73_inv);
  // Froude limiter (see params): |q| ≤ Fr h √(g h) = Fr √g h² r³.
  const double qmax = k.fr_sqrt_g * (hc * hc) * (r2 * r);
  const double ql = std::min(std::max(qn, -qmax), qmax);
  return hf > k.dry ? ql : 0.0;
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

// Face discharges of the processed spans, row by row: the x-faces of row iy and the
// y-faces between rows iy − 1 and iy together, so both rows' depths and beds are in
// cache. Every face of a processed cell is updated (up to the east face of the
// last one, the south face of the row above), so both its cells see the same
// discharge and mass is conserved. Then the free-outflow edges.
// Rows r0..r1 of the face loop: row iy's x-faces and the y-faces below it. A face
// depends only on the depths, beds and its own old discharge, so rows can be split
// between threads in any way with the same results.
__attribute__((target_clones("avx512f", "avx2", "default"))) void faces_rows(const FloodDesc& f,
                                                                             FloodState& s, const Spans& w,
                                                                             double dt, int r0, int r1) {
  const FloodGrid& g = f.grid;
  const FloodSolverParams& p = f.solver;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  const FaceCoefs k{p.gravity * dt, 1.0 / g.cell, p.dry_depth, p.max_froude * std::sqrt(p.gravity)};
  const double* h = s.h.data();
  const double* z = g.z.data();
  const double* wz = s.wall_z.data();
  const float* n = g.manning.data();
  for (int iy = r0; iy <= r1; ++iy) {
    const std::size_t row = static_cast<std::size_t>(iy) * nx;
    if (iy <= w.y1) {  // x-faces between cells (ix − 1, ix) of this row
      double* qx = s.qx.data() + static_cast<std::size_t>(iy) * (nx + 1);
      const int x_end = std::min(w.x1[iy] + 1, g.nx - 1);
      for (int ix = std::max(1, w.x0[iy]); ix <= x_end; ++ix) {
        const std::size_t i = row + ix - 1, j = row + ix;
        qx[ix] = face_flux(qx[ix], h[i], h[j], z[i], z[j], std::max(wz[i], wz[j]), n[i], n[j], k);
      }
    }
    if (iy >= 1) {  // y-faces between rows iy − 1 and iy under a processed cell of either
      double* qy = s.qy.data() + row;
      const int x_end = std::max(w.x1[iy], w.x1[iy - 1]);
      for (int ix = std::min(w.x0[iy], w.x0[iy - 1]); ix <= x_end; ++ix) {
        const std::size_t j = row + ix, i = j - nx;
        qy[ix] = face_flux(qy[ix], h[i], h[j], z[i], z[j], std::max(wz[i], wz[j]), n[i], n[j], k);
      }
    }
  }
}

// Whether the edge cell kk of side `side` lies in the processed spans. Cells outside
// are dry (h = 0), so their outflow face carries nothing.
inline bool edge_cell_processed(const FloodGrid& g, const Spans& w, GridSide side, int kk) {
  const bool vertical = side == GridSide::West || side == GridSide::East;
  const int iy = vertical ? kk : (side == GridSide::South ? 0 : g.ny - 1);
  const int ix = vertical ? (side == GridSide::West ? 0 : g.nx - 1) : kk;
  return ix >= w.x0[iy] && ix <= w.x1[iy];
}

// Free-outflow edges; other boundary faces are walls (q stays 0). The face of an
// edge cell outside the processed spans is set to 0 without reading its depth, bed
// and roughness: it is dry, and this is what outflow_flux gives (on a 2,000-row grid reading every edge
// cell's depth, bed and roughness, one cache line each, took 3–6 % of a sub-step).
void outflow_faces(const FloodDesc& f, FloodState& s, const Spans& w) {
  const FloodGrid& g = f.grid;
  const FloodSolverParams& p = f.solver;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  for (const OutflowEdge& o : f.outflows) {
    const bool vertical = o.side == GridSide::West || o.side == GridSide::East;
    const int count = vertical ? g.ny : g.nx;
    for (int kk = 0; kk < count; ++kk) {
      std::size_t c, inner;
      double* q;
      double sign;
      switch (o.side) {
        case GridSide::West:
          c = kk * nx;
          inner = c + 1;
          q = &s.qx[kk * (nx + 1)];
          sign = -1.0;
          break;
        case GridSide::East:
          c = kk * nx + nx - 1;
          inner = c - 1;
          q = &s.qx[kk * (nx + 1) + nx];
          sign = 1.0;
          break;
        case GridSide::South:
          c = kk;
          inner = c + nx;
          q = &s.qy[kk];
          sign = -1.0;
          break;
        default:
          c = (g.ny - 1) * nx + kk;
          inner = c - nx;
          q = &s.qy[static_cast<std::size_t>(g.ny) * nx + kk];
          sign = 1.0;
      }
      if (g.blocked[c]) {
        *q = 0.0;
        continue;
      }
      if (!edge_cell_processed(g, w, o.side, kk)) {
        *q = sign * 0.0;  // what outflow_flux gives a dry cell, the sign of zero included
        continue;
      }
      const double inner_eta = (count > 0 && !g.blocked[inner]) ? g.z[inner] + s.h[inner] : g.z[c] + s.h[c];
      *q = sign * outflow_flux(s.h[c], inner_eta - (g.z[c] + s.h[c]), g.manning[c], g.cell, o, p);
    }
  }
}

void update_faces(const FloodDesc& f, FloodState& s, const Spans& w, double dt) {
  faces_rows(f, s, w, dt, w.y0, std::min(w.y1 + 1, f.grid.ny - 1));
  outflow_faces(f, s, w);
}

// Depth never goes negative: a cell whose faces would take out more than it holds
// has its outgoing discharges scaled down to what it holds. Each face leaves
// exactly one cell (the upstream one), so the scaling keeps the scheme
// conservative and each factor depends only on the unscaled discharges. Factor of
// each processed cell of row iy into kf (1 where nothing needs scaling; cells
// outside the span keep 1).
inline void limit_factors(const FloodGrid& g, const FloodState& s, const Spans& w, int iy, double dx_over_dt,
                          double* kf) {
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  const std::size_t row = static_cast<std::size_t>(iy) * nx;
  const double* qx = s.qx.data() + static_cast<std::size_t>(iy) * (nx + 1);
  const double* qs = s.qy.data() + row;
  const double* qn = qs + nx;
  const double* h = s.h.data() + row;
  const int x0 = w.x0[iy], x1 = w.x1[iy];
  for (int ix = x0; ix <= x1; ++ix) {
    const double out =
        std::max(-qx[ix], 0.0) + std::max(qx[ix + 1], 0.0) + std::max(-qs[ix], 0.0) + std::max(qn[ix], 0.0);
    const double avail = h[ix] * dx_over_dt;  // m²/s the cell can give over dt through one cell width
    // avail / out where out > avail, else exactly 1 (avail / avail; 0 / DBL_MIN = 0
    // for a dry cell giving nothing): no branch, so the loop vectorises.
    kf[ix] = std::min(avail / std::max(std::max(out, avail), std::numeric_limits<double>::min()), 1.0);
  }
}

// Scales the x-faces of row iy by the factor of their upstream cell.
inline void limit_x_faces(const FloodGrid& g, FloodState& s, const Spans& w, int iy, const double* kf) {
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  double* qx = s.qx.data() + static_cast<std::size_t>(iy) * (nx + 1);
  const int x0 = w.x0[iy], x1 = w.x1[iy];
  const int x_end = std::min(x1 + 1, g.nx - 1);
  for (int ix = std::max(1, x0); ix <= x_end; ++ix) {
    const double west = kf[ix - 1], east = kf[ix];
    qx[ix] *= qx[ix] > 0.0 ? west : east;
  }
  if (x0 == 0 && qx[0] < 0.0) qx[0] *= kf[0];                // out through the west edge
  if (x1 == g.nx - 1 && qx[nx] > 0.0) qx[nx] *= kf[nx - 1];  // out through the east edge
}

// Scales the y-faces between rows iy − 1 (factors below) and iy (factors above),
// over the processed cells of either; the south edge for iy = 0, the north edge
// for iy = ny (only `below` is used then).
inline void limit_y_faces(const FloodGrid& g, FloodState& s, const Spans& w, int iy, const double* below,
                          const double* above) {
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  double* qy = s.qy.data() + static_cast<std::size_t>(iy) * nx;
  if (iy == 0) {
    for (int ix = w.x0[0]; ix <= w.x1[0]; ++ix)
      if (qy[ix] < 0.0) qy[ix] *= above[ix];
    return;
  }
  if (iy == g.ny) {
    for (int ix = w.x0[iy - 1]; ix <= w.x1[iy - 1]; ++ix)
      if (qy[ix] > 0.0) qy[ix] *= below[ix];
    return;
  }
  const int x_end = std::max(w.x1[iy], w.x1[iy - 1]);
  for (int ix = std::min(w.x0[iy], w.x0[iy - 1]); ix <= x_end; ++ix) {
    const double from_below = below[ix], from_above = above[ix];
    qy[ix] *= qy[ix] > 0.0 ? from_below : from_above;
  }
}

// What the depth update records besides the depths: the deepest cell, and (when
// `track`) each cell's maximum depth and arrival time at the sub-step's end time.
struct DepthTrack {
  double deepest = 0.0;
  bool track = false;
  float time = 0.0f;           // s, end of the sub-step
  double arrival_depth = 0.0;  // m
  // Depths below zero set to 0: how many, and the volume each fix added (m³), in
  // cell order, so that they are summed into the state in the same order whatever
  // the number of threads.
  std::uint64_t negatives = 0;
  std::vector<double> clipped;
};

// Continuity (Bates et al. 2010 eq. 7) for one row: h⁺ = h + Δt/Δx (q_in − q_out).
// Finds the row's new wet span and its deepest cell on the way.
inline void depth_row(const FloodGrid& g, FloodState& s, const Spans& w, int iy, double dt_over_dx,
                      DepthTrack& t) {
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  const std::size_t row = static_cast<std::size_t>(iy) * nx;
  const double* qx = s.qx.data() + static_cast<std::size_t>(iy) * (nx + 1);
  const double* qs = s.qy.data() + row;
  const double* qn = qs + nx;
  double* h = s.h.data() + row;
  float* max_depth = s.max_depth.data() + row;
  float* arrival = s.arrival.data() + row;
  // Cells outside the processed span are dry and stay dry: the row's wet span is
  // found again within it.
  int first = g.nx, last = -1;
  const int x0 = w.x0[iy], x1 = w.x1[iy];
  double deepest = t.deepest;
  for (int ix = x0; ix <= x1; ++ix) {
    double v = h[ix] + dt_over_dx * ((qx[ix] - qx[ix + 1]) + (qs[ix] - qn[ix]));
    if (v < 0.0) {
      ++t.negatives;
      t.clipped.push_back(-v * g.cell * g.cell);
      v = 0.0;
    }
    h[ix] = v;
    if (v > 0.0) {
      first = std::min(first, ix);
      last = ix;
      deepest = std::max(deepest, v);
      if (t.track) {
        max_depth[ix] = std::max(max_depth[ix], static_cast<float>(v));
        if (v >= t.arrival_depth && std::isnan(arrival[ix])) arrival[ix] = t.time;
      }
    }
  }
  t.deepest = deepest;
  s.wet_x0[iy] = first;
  s.wet_x1[iy] = last;
}

// The depth limiter's factor rows of one sweep (1 outside the spans).
struct LimitRows {
  std::vector<double> below, here;  // rows iy − 1 and iy, (nx)
  std::vector<double> last;         // the band's last row, computed before any face is scaled, (nx)
  DepthTrack track;
};

// Limiter and continuity over rows r0..r1 of the processed spans in one sweep. The
// depth of row iy needs the final discharges of all its faces, scaled by the factors
// of rows iy − 1, iy and iy + 1; so the factors run one row ahead of the depths.
// A band that starts above w.y0 finds the factors of the row below it in lr.below
// and scales the y-faces between the two rows; one that ends below w.y1 finds the
// factors of its last row in lr.last and leaves that row's depths to the caller
// (its north faces are scaled by the band above). Both halo rows are computed from
// the unscaled discharges before any band scales one (prepare_band), so a band's
// work does not depend on when its neighbours do theirs.
__attribute__((target_clones("avx512f", "avx2", "default"))) void sweep_rows(const FloodDesc& f,
                                                                             FloodState& s, const Spans& w,
                                                                             double dt, int r0, int r1,
                                                                             LimitRows& lr) {
  const FloodGrid& g = f.grid;
  const double dx_over_dt = g.cell / dt, dt_over_dx = dt / g.cell;
  const bool last_band = r1 == w.y1;
  DepthTrack& t = lr.track;
  std::vector<double>* below = &lr.below;
  std::vector<double>* here = &lr.here;
  auto reset = [&](std::vector<double>& kf, int iy) {
    for (int ix = w.x0[iy]; ix <= w.x1[iy]; ++ix) kf[ix] = 1.0;
  };
  for (int iy = r0; iy <= r1; ++iy) {
    double* kf = here->data();
    if (!last_band && iy == r1)
      kf = lr.last.data();
    else
      limit_factors(g, s, w, iy, dx_over_dt, kf);
    limit_x_faces(g, s, w, iy, kf);
    limit_y_faces(g, s, w, iy, below->data(), kf);
    if (iy > r0) {
      depth_row(g, s, w, iy - 1, dt_over_dx, t);
      reset(*below, iy - 1);
    } else if (r0 > w.y0) {
      reset(*below, r0 - 1);  // the halo row's factors
    }
    std::swap(below, here);
  }
  if (last_band) {  // the faces above the last row, then its depths
    limit_y_faces(g, s, w, w.y1 + 1, below->data(), here->data());
    depth_row(g, s, w, w.y1, dt_over_dx, t);
  }
}

// Factor rows of the band r0..r1 before the sweep: all ones, then the halo rows.
void prepare_band(const FloodGrid& g, const FloodState& s, const Spans& w, double dt, int r0, int r1,
                  LimitRows& lr) {
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  lr.below.assign(nx, 1.0);
  lr.here.assign(nx, 1.0);
  if (r0 > w.y0) limit_factors(g, s, w, r0 - 1, g.cell / dt, lr.below.data());
  if (r1 < w.y1) {
    lr.last.assign(nx, 1.0);
    limit_factors(g, s, w, r1, g.cell / dt, lr.last.data());
  }
}

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
  sweep_rows(f, s, w, dt, w.y0, w.y1, lr);
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
// faces (and, on member 0, the outflow edges); every band's halo factor rows from
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
    if (m < bands) faces_rows(f, s, w, dt, r0, m == bands - 1 ? last_face_row : r1);
    if (m == 0) outflow_faces(f, s, w);
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
    if (m < bands) sweep_rows(f, s, w, dt, r0, r1, rows[static_cast<std::size_t>(m)]);
  });
  t.deepest = 0.0;
  for (int k = 0; k < bands; ++k) {
    LimitRows& lr = rows[static_cast<std::size_t>(k)];
    if (k + 1 < bands)
      depth_row(f.grid, s, w, start[static_cast<std::size_t>(k) + 1] - 1, dt / f.grid.cell, lr.track);
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
