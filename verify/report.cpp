#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "verify/verify.hpp"

namespace ss::verify {

std::string format_table(std::span<const Result> results) {
  std::size_t w_id = 4, w_checks = 6, w_meas = 8, w_crit = 9;
  for (const Result& r : results) {
    w_id = std::max(w_id, r.id.size());
    w_checks = std::max(w_checks, r.checks.size());
    w_meas = std::max(w_meas, r.measured.size());
    w_crit = std::max(w_crit, r.criterion.size());
  }
  std::ostringstream os;
  auto cell = [&](const std::string& s, std::size_t w) { os << s << std::string(w - s.size() + 2, ' '); };
  cell("test", w_id);
  cell("model", 7);
  cell("checks", w_checks);
  cell("measured", w_meas);
  cell("criterion", w_crit);
  os << "result\n";
  int failed = 0;
  for (const Result& r : results) {
    cell(r.id, w_id);
    cell(to_string(r.model), 7);
    cell(r.checks, w_checks);
    cell(r.measured, w_meas);
    cell(r.criterion, w_crit);
    os << (r.pass ? "pass" : "FAIL") << "\n";
    failed += r.pass ? 0 : 1;
  }
  os << results.size() - static_cast<std::size_t>(failed) << " passed, " << failed << " failed\n";
  const auto micro =
      std::find_if(results.begin(), results.end(), [](const Result& r) { return !r.calibration.empty(); });
  if (micro != results.end())
    os << "micro model calibration: " << micro->calibration
       << " (imo or measured: docs/micro.md, \"Door flows: two calibrations\")\n";
  return os.str();
}

std::string to_json(std::span<const Result> results) {
  nlohmann::ordered_json j;
  j["results"] = nlohmann::ordered_json::array();
  int failed = 0;
  for (const Result& r : results) {
    nlohmann::ordered_json o;
    o["id"] = r.id;
    o["model"] = to_string(r.model);
    if (!r.calibration.empty()) o["calibration"] = r.calibration;
    o["checks"] = r.checks;
    o["measured"] = r.measured;
    o["criterion"] = r.criterion;
    o["pass"] = r.pass;
    nlohmann::ordered_json v = nlohmann::ordered_json::object();
    for (const auto& [k, x] : r.values) v[k] = x;
    o["values"] = v;
    j["results"].push_back(o);
    failed += r.pass ? 0 : 1;
  }
  j["passed"] = static_cast<int>(results.size()) - failed;
  j["failed"] = failed;
  return j.dump(2) + "\n";
}

}  // namespace ss::verify
