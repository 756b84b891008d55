#include "engine/hazards/flood/flood_kernels.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>

namespace ss::flood_kernels {
namespace {

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

}  // namespace

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

// Free-outflow edges; other boundary faces are walls (q stays 0). The face of an
// edge cell outside the processed spans is set to 0 without reading its depth, bed
// and roughness: it is dry, and this is what outflow_flux gives (on a 2,000-row grid reading every edge
// cell's depth, bed and roughness, one cache line each, took 3–6 % of a sub-step).
void outflow_faces(const FloodDesc& f, FloodState& s, const Spans& w) {
  outflow_faces(f, s, w, 0, f.grid.ny - 1, true);
}

void outflow_faces(const FloodDesc& f, FloodState& s, const Spans& w, int row_lo, int row_hi,
                   bool horizontal) {
  const FloodGrid& g = f.grid;
  const FloodSolverParams& p = f.solver;
  const std::size_t nx = static_cast<std::size_t>(g.nx);
  for (const OutflowEdge& o : f.outflows) {
    const bool vertical = o.side == GridSide::West || o.side == GridSide::East;
    if (!vertical && !horizontal) continue;
    const int count = vertical ? g.ny : g.nx;
    // Every face depends only on its own cell and the one inside: any split of the
    // rows gives the same bits.
    const int k0 = vertical ? std::max(0, row_lo) : 0;
    const int k1 = vertical ? std::min(count - 1, row_hi) : count - 1;
    for (int kk = k0; kk <= k1; ++kk) {
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

void band_faces(const FloodDesc& f, FloodState& s, const Spans& w, double dt, int r0, int r1) {
  faces_rows(f, s, w, dt, r0, r1);
}

void band_sweep(const FloodDesc& f, FloodState& s, const Spans& w, double dt, int r0, int r1, LimitRows& lr) {
  sweep_rows(f, s, w, dt, r0, r1, lr);
}

void band_last_row(const FloodGrid& g, FloodState& s, const Spans& w, int iy, double dt_over_dx,
                   DepthTrack& t) {
  depth_row(g, s, w, iy, dt_over_dx, t);
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

}  // namespace ss::flood_kernels
