#include "output/run_outputs.hpp"

#include <stdexcept>
#include <string>

#include "engine/core/metrics.hpp"
#include "output/staged_directory.hpp"
#include "output/summary.hpp"
#include "output/tables.hpp"
#include "output/tasks_tables.hpp"
#include "output/trajectories.hpp"

namespace ss::output {

void write_run_outputs(const std::filesystem::path& dir, const Model& model, const SimState& state,
                       const RunInfo& info, const std::function<void(const std::filesystem::path&)>& extra) {
  try {
    const RunMetrics metrics = compute_metrics(model, state);
    StagedDirectory out(dir);
    // Names from maps may carry bytes that are not UTF-8; replace them rather than
    // fail a finished run over a street name.
    out.write("summary.json", summary_json(model, state, metrics, info)
                                      .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                                  "\n");
    out.write("timeline.csv", timeline_csv(model, state));
    out.write("residents.csv", residents_csv(model, state));
    out.write("outcomes.csv", outcomes_csv(model, metrics));
    out.write("shelters.csv", shelters_csv(model, metrics));
    out.write("occupancy.csv", occupancy_csv(model, state));
    out.write("journal.csv", journal_csv(model, state));
    out.write("tasks.csv", tasks_csv(model, state));
    out.write("teams.csv", teams_csv(model, state));
    if (state.records.trajectory.frames() > 0) {  // asked for (micro.trajectories, run --trajectories)
      out.write("trajectories.txt",
                trajectory_txt(state, info.scenario_name + ", seed " + std::to_string(state.seed)));
      out.write("walkable.wkt", walkable_wkt(model.micro));
    }
    if (extra) extra(out.staging());
    out.commit();
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot write run outputs to '" + dir.string() + "': " + e.what());
  }
}

}  // namespace ss::output
