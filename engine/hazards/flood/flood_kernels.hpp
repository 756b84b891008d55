#pragma once
// The flood solver's row kernels (engine/hazards/flood/flood_solver.hpp): the spans
// of cells a sub-step can change, the face update (Bates et al. 2010 eq. 11) and the
// depth limiter with continuity (eq. 7), row by row, in AVX-512, AVX2 and plain
// copies chosen at run time. flood_solver.cpp drives them, on one thread or on a team
// in row bands (flood_team.hpp); its sub-step, sources, outflow and extremes are there.
// Internal to the flood solver.
#include <cstdint>
#include <vector>

#include "engine/hazards/flood/flood_solver.hpp"

namespace ss::flood_kernels {

// Cells that can change in a sub-step, row by row: the wet cells of the row and of
// the rows above and below, grown by one cell. Faces outside carry no flow (both
// sides dry), so skipping them changes nothing but the cost — a river crossing
// the map diagonally wets a few per cent of a bounding box.
struct Spans {
  std::vector<int> x0, x1;  // inclusive per row; empty row when x1 < x0, (ny)
  int y0 = 0, y1 = -1;      // rows with a non-empty span
  [[nodiscard]] bool empty() const { return y1 < y0; }
};

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

// The depth limiter's factor rows of one sweep (1 outside the spans).
struct LimitRows {
  std::vector<double> below, here;  // rows iy − 1 and iy, (nx)
  std::vector<double> last;         // the band's last row, computed before any face is scaled, (nx)
  DepthTrack track;
};

// Whether the edge cell kk of side `side` lies in the processed spans. Cells outside
// are dry (h = 0), so their outflow face carries nothing.
inline bool edge_cell_processed(const FloodGrid& g, const Spans& w, GridSide side, int kk) {
  const bool vertical = side == GridSide::West || side == GridSide::East;
  const int iy = vertical ? kk : (side == GridSide::South ? 0 : g.ny - 1);
  const int ix = vertical ? (side == GridSide::West ? 0 : g.nx - 1) : kk;
  return ix >= w.x0[iy] && ix <= w.x1[iy];
}

// Adds cell c to its row's wet span.
void add_wet(FloodState& s, int nx, std::size_t c);
// The spans of the rows a sub-step can change, from the wet spans.
void processing_spans(const FloodGrid& g, const FloodState& s, Spans& sp);
// The wet spans and the deepest cell from every cell's depth.
void full_scan(const FloodGrid& g, FloodState& s);

// Every face of the spans (rows w.y0 .. w.y1 + 1) and the outflow edges, one thread.
void update_faces(const FloodDesc& f, FloodState& s, const Spans& w, double dt);
// The faces of rows r0..r1 (one band of a team).
void band_faces(const FloodDesc& f, FloodState& s, const Spans& w, double dt, int r0, int r1);
// The free-outflow edges' faces.
void outflow_faces(const FloodDesc& f, FloodState& s, const Spans& w);
// The same for the west and east edges' rows row_lo..row_hi only, and the south and
// north edges when `horizontal`: a team splits the edges by its bands' rows.
void outflow_faces(const FloodDesc& f, FloodState& s, const Spans& w, int row_lo, int row_hi,
                   bool horizontal);

// Factor rows of the band r0..r1 before the sweep: all ones, then the halo rows.
void prepare_band(const FloodGrid& g, const FloodState& s, const Spans& w, double dt, int r0, int r1,
                  LimitRows& lr);
// Limiter and continuity over rows r0..r1 in one sweep (see flood_kernels.cpp).
void band_sweep(const FloodDesc& f, FloodState& s, const Spans& w, double dt, int r0, int r1, LimitRows& lr);
// Continuity for row iy alone: the last row of a band below the top one, once the band
// above has scaled its north faces.
void band_last_row(const FloodGrid& g, FloodState& s, const Spans& w, int iy, double dt_over_dx,
                   DepthTrack& t);

}  // namespace ss::flood_kernels
