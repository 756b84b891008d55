#pragma once
// Run outputs: the files a planner reads after `safestreet run`. Written from the
// const model and the final state; the engine itself never writes files.
#include <filesystem>
#include <functional>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "output/run_info.hpp"

namespace ss::output {

// Writes summary.json, timeline.csv, residents.csv, outcomes.csv, shelters.csv, occupancy.csv,
// journal.csv, tasks.csv and teams.csv (and, when the run recorded them, trajectories.txt and
// walkable.wkt: output/trajectories.hpp) into `dir`, replacing whatever run was there. All or nothing: the
// files are staged in a sibling directory and swapped in only once every one of
// them is on disk; on failure nothing at `dir` changes and std::runtime_error names
// the path. Same model and state ⇒ byte-identical files, apart from
// summary.json's "wall_seconds".
// `extra`, when given, writes more files into the staging folder it is passed (the
// hazards' GIS layers, written through GDAL by the caller) before the swap, so they
// too are there whole or not at all.
void write_run_outputs(const std::filesystem::path& dir, const Model& model, const SimState& state,
                       const RunInfo& info,
                       const std::function<void(const std::filesystem::path& staging)>& extra = {});

}  // namespace ss::output
