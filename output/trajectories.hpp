#pragma once
// Trajectory files of a micro run in the text format the pedestrian dynamics tools
// read: PedPy's load_trajectory_from_txt and JPSreport (header comments with the
// framerate, then one row "ID FR X Y Z" per person and frame, metres), the format
// of the FZJ experiment archive (e.g. HERMES 2009 AO-300, traj.txt). The walkable
// area goes beside it as WKT, which PedPy's WalkableArea takes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::output {

// trajectories.txt: the recorded frames (RunRecords::trajectory), IDs as in
// residents.csv, FR the frame number from 0, Z = 0 (level floors), 4 decimals (0.1 mm).
// `description` goes into the "#description:" line. Empty when nothing was recorded.
std::string trajectory_txt(const SimState& state, std::string_view description);

// walkable.wkt: the walkable area as one WKT POLYGON (MULTIPOLYGON when it has
// several parts), obstacles as holes of the part that holds them; local metres.
std::string walkable_wkt(const MicroGeometry& g);

// A trajectory file read back (the columns the tools read).
struct TrajectoryRow {
  std::int64_t id = 0;
  std::int64_t frame = 0;
  double x = 0.0, y = 0.0;  // m
};
struct TrajectoryFile {
  double framerate = 0.0;  // frames per s, from the "#framerate:" line
  std::vector<TrajectoryRow> rows;
};
// Parses the text format above (comment lines start with '#'; columns separated by
// blanks or tabs; a Z column is optional). Throws std::runtime_error naming the line
// for a malformed row or a missing framerate.
TrajectoryFile parse_trajectory_txt(std::string_view text);

}  // namespace ss::output
