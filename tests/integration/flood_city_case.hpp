#pragma once
// A city-size flood for the solver's benchmark and tests: a synthetic river valley of
// 10 km x 10 km at 5 m cells (2,000 x 2,000 = 4 M cells, 100 km²) with a town on its
// floodplain and a 12-hour flood wave entering at the west edge (docs/flood.md,
// "City-size benchmark"). Built in code, so it needs no data files.
//
// Terrain (x east, y north, metres from the south-west corner):
//  * valley axis y_c(x) = 5000 + 500 sin(2π x / 8000): a meander belt of 1 km, one
//    and a quarter bends across the map;
//  * along the axis the floor falls 1 m per km (z_0 = 50 − 0.001 x), a lowland
//    river's gradient;
//  * floodplain |y − y_c| ≤ 700 m: z_0 + 0.002 |y − y_c| (rising 1.4 m to its edge)
//    plus microrelief 0.3 sin(x / 97) cos(y / 83) m;
//  * valley sides beyond rise 4 % (40 m per km) to the north and south edges;
//  * channel |y − y_c| ≤ 20 m (40 m wide): bed 3 m below z_0, Manning 0.035 (Chow
//    1959 Table 5-6, clean winding natural stream 0.033–0.040);
//  * town on the north floodplain, 4 km ≤ x ≤ 7 km and 100 m ≤ y − y_c ≤ 650 m:
//    20 m x 20 m buildings on a 60 m grid (blocked cells, as in docs/flood.md), the
//    40 m gaps between them streets (Manning 0.02, the ARR P15 road value);
//    everything else vegetated floodplain and slopes (0.05, Chow 1959 Table 5-6,
//    light brush and trees).
// Water: the channel starts 2 m deep, about the Manning normal depth of the base
// flow (q = h^(5/3) √S / n = 2.5 m²/s for 100 m³/s over 40 m gives h = 1.84 m).
// The inflow is spread over the channel's first 200 m. Free outflow at the east edge
// with the valley slope; the other edges are walls (the valley sides hold the water).
//
// Inflow hydrograph: Q(t) = Q_b + (Q_p − Q_b) (t / T_p)^m exp(m (1 − t / T_p)), the
// gamma-function form of the NRCS dimensionless unit hydrograph with m = 3.7 (USDA
// NRCS National Engineering Handbook Part 630, Chapter 16, 2007: the gamma equation
// that reproduces the standard curve, peak rate factor 484). Base Q_b = 100 m³/s,
// peak Q_p = 1,500 m³/s at T_p = 4 h, sampled every 10 minutes over 12 h (piecewise
// linear in between, as every SafeStreet hydrograph). The peak is about seven times
// the channel's bankfull capacity (≈ 225 m³/s by Manning): the town floods.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "engine/hazards/flood/flood.hpp"

namespace ss::test {

inline double city_valley_axis(double x) {
  return 5000.0 + 500.0 * std::sin(2.0 * std::numbers::pi * x / 8000.0);
}

inline Hydrograph city_flood_wave() {
  constexpr double kBase = 100.0, kPeak = 1500.0, kTp = 4.0 * 3600.0, kM = 3.7;
  Hydrograph h;
  for (int k = 0; k <= 72; ++k) {  // every 10 min for 12 h
    const double t = 600.0 * k, r = t / kTp;
    h.time.push_back(t);
    h.value.push_back(kBase + (kPeak - kBase) * std::pow(r, kM) * std::exp(kM * (1.0 - r)));
  }
  return h;
}

// `n` cells a side at `cell` m (2,000 at 5 m is the benchmark; tests may take a
// coarser or smaller copy of the same valley: the geometry is in metres).
inline FloodDesc city_flood(int n = 2000, double cell = 5.0) {
  FloodDesc f;
  FloodGrid& g = f.grid;
  g.cell = cell;
  g.nx = g.ny = n;
  g.z.resize(g.size());
  g.manning.resize(g.size());
  g.blocked.assign(g.size(), 0);
  f.initial_depth.assign(g.size(), 0.0);
  std::vector<std::uint32_t> inflow;
  for (std::size_t c = 0; c < g.size(); ++c) {
    const Vec2 p = g.centre(c);
    const double d = p.y - city_valley_axis(p.x), ad = std::fabs(d);
    const double z0 = 50.0 - 0.001 * p.x;
    double z = z0 + 0.002 * std::min(ad, 700.0) + 0.3 * std::sin(p.x / 97.0) * std::cos(p.y / 83.0);
    if (ad > 700.0) z += 0.04 * (ad - 700.0);
    float n_manning = 0.05f;
    if (ad <= 20.0) {
      z = z0 - 3.0;
      n_manning = 0.035f;
      f.initial_depth[c] = 2.0;
      if (p.x < 200.0) inflow.push_back(static_cast<std::uint32_t>(c));
    } else if (p.x >= 4000.0 && p.x <= 7000.0 && d >= 100.0 && d <= 650.0) {
      const bool house = std::fmod(p.x, 60.0) < 20.0 && std::fmod(d, 60.0) < 20.0;
      g.blocked[c] = house ? 1 : 0;
      n_manning = 0.02f;
      if (house) f.initial_depth[c] = 0.0;
    }
    g.z[c] = z;
    g.manning[c] = n_manning;
  }
  f.sources.push_back({"river", inflow, city_flood_wave()});
  f.outflows.push_back({GridSide::East, 0.001});
  return f;
}

}  // namespace ss::test
