#include "batch/failed_runs.hpp"

#include <stdexcept>

#include "batch/comparison_files.hpp"
#include "output/format.hpp"

namespace ss::batch {

std::string failed_runs_csv(const std::vector<FailedRun>& runs) {
  output::CsvWriter w;
  w.text("variant").text("seed").text("reason").text("log");
  w.end_row();
  for (const FailedRun& r : runs) {
    w.text(r.variant).num(r.seed).text(r.reason).text(r.log);
    w.end_row();
  }
  return w.take();
}

void write_failed_runs(const std::filesystem::path& dir, const std::vector<FailedRun>& runs) {
  write_file_atomically(dir / kFailedRunsFile, failed_runs_csv(runs));
}

nlohmann::json failed_runs_json(const std::vector<FailedRun>& runs) {
  nlohmann::json list = nlohmann::json::array();
  for (const FailedRun& r : runs)
    list.push_back({{"variant", r.variant}, {"seed", r.seed}, {"reason", r.reason}, {"log", r.log}});
  return list;
}

std::vector<FailedRun> failed_runs_from_json(const nlohmann::json& j) {
  if (!j.is_array()) throw std::runtime_error("failed runs: expected a list");
  std::vector<FailedRun> runs;
  for (const nlohmann::json& r : j) {
    try {
      runs.push_back({r.at("variant").get<std::string>(), r.at("seed").get<std::uint64_t>(),
                      r.at("reason").get<std::string>(), r.at("log").get<std::string>()});
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(std::string("failed runs: ") + e.what());
    }
  }
  return runs;
}

}  // namespace ss::batch
