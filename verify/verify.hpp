#pragma once
// The verification suite: the published standard tests for evacuation models
// (RiMEA 3.0, IMO MSC.1/Circ.1533) and the FZJ bottleneck validation, each run on
// the network and/or the micro movement model, and the fire spread model against
// Hamada's formulas (ModelChoice::Fire). One definition per test serves
// `safestreet verify` and the Catch2 tests alike. Set-ups and criteria:
// ../shared/VERIFICATION.md and docs/verification.md.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/params.hpp"

namespace ss::verify {

enum class ModelChoice : std::uint8_t { Network, Micro, Fire };
const char* to_string(ModelChoice m);

struct Options {
  std::string data_dir = SAFESTREET_DATA_DIR;  // holds pedestrian/hermes-2009-AO_300/
  std::uint64_t seed = 1;
  // The micro model's calibration every micro test runs with (MicroCalibration).
  MicroCalibration calibration = MicroCalibration::Imo;
};

struct Result {
  std::string id;      // e.g. "RiMEA 1"
  std::string checks;  // what the test checks, in words
  ModelChoice model = ModelChoice::Micro;
  std::string measured;   // the measured value(s), in words with units
  std::string criterion;  // the pass criterion
  bool pass = false;
  std::vector<std::pair<std::string, double>> values;  // named numbers for JSON
  std::string calibration;  // micro results: the calibration they ran with ("imo", "measured")
};

struct TestDef {
  std::string id;
  std::string checks;
  bool network = false;  // applies to the network model
  bool micro = false;    // applies to the micro model
  Result (*run)(ModelChoice model, const Options& opt) = nullptr;
  bool fire = false;  // a fire spread test (last, so the movement tests' lists stay as they are)
};

// Every test, in the order of the published lists.
const std::vector<TestDef>& all_tests();
// Runs every test that applies to each model in `models` (network first).
// `only`, when not empty, keeps the tests whose id contains it.
std::vector<Result> run_all(std::span<const ModelChoice> models, const Options& opt,
                            std::string_view only = {});

// One point of RiMEA 4 on the micro model: a 25 m × 2 m periodic corridor at
// density rho (P/m²), everyone at Weidmann's v0 1.34 m/s; mean speed (m/s) and
// density in the 2 m × 2 m measuring area over 60 s after 10 s.
struct FdPoint {
  double rho = 0, speed = 0, measured_rho = 0;
};
FdPoint micro_fd_point(double rho, const Options& opt);

// Published bottleneck flows against width (verify/bottleneck_widths.cpp) and the
// micro model's flow in the same set-up, for the test and for `verify --figures`.
struct BottleneckReference {
  double width = 0.0;       // m
  double flow = 0.0;        // P/s, measured
  const char* source = "";  // short citation
};
const std::vector<BottleneckReference>& bottleneck_references();
struct BottleneckFlow {
  double width = 0.0;  // m
  double flow = 0.0;   // P/s, 10-90 % flow, mean over the seeds
  int persons = 0;     // in the waiting area
  int arrived = 0;     // through the bottleneck (mean over the seeds)
};
// The flow of `persons` young adults at 3 P/m² in a waiting area 5 m wide through a
// channel `width` wide and `length` long centred in its east side (mean of 3 seeds),
// with the micro model's parameters `params` (the defaults unless a test asks;
// bottleneck_flow and narrow_gap_flow pass those of opt.calibration).
BottleneckFlow waiting_area_flow(double width, int persons, double length, const Options& opt,
                                 const MicroParams& params = MicroParams{});
BottleneckFlow bottleneck_flow(double width, const Options& opt);
// The flow through a gap of `width` (0.4 or 0.5 m, Kretz et al. 2006) in a wall 0.4 m
// deep, 60 young adults at 3 P/m² in front of it (verify/narrow_gaps.cpp).
BottleneckFlow narrow_gap_flow(double width, const Options& opt);
// The flows as CSV (one row per width, with the measured value) and as an SVG figure.
std::string bottleneck_csv(std::span<const BottleneckFlow> flows);
std::string bottleneck_svg(std::span<const BottleneckFlow> flows);

// A table with one row per result: test, model, checks, measured, criterion, pass/fail.
std::string format_table(std::span<const Result> results);
// The same as JSON text: {"results": [{id, model, calibration (micro), checks, measured, criterion, pass,
// values}], "passed", "failed"}.
std::string to_json(std::span<const Result> results);

}  // namespace ss::verify
