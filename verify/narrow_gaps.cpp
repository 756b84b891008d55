// Narrow gaps (micro model): a crowd of young adults leaves through a gap narrower
// than a body, 0.4 and 0.5 m, which people pass by turning sideways; the flows are
// compared with those Kretz, Grünebohm & Schreckenberg measured (2006, J. Stat. Mech.
// P10014, Table 3: 0.4 m 0.88 P/s, 0.5 m 1.02 P/s; ../shared/VERIFICATION.md).
#include <cmath>

#include "verify/tests.hpp"

namespace ss::verify {
namespace {

// The scene. Kretz et al. let a group of students through a bottleneck in a wall
// from a waiting area in front of it; only their flows by width are in the references
// here (VERIFICATION.md), not the outline, the gap's depth or the group's size. So,
// as for the width sweep (bottleneck_widths.cpp, waiting_area_flow): a waiting area 5 m
// wide holding kPersons young adults (age 25, Weidmann free speed) at 3 P/m², the gap a channel
// as deep as a wall (kDepth) centred in its east side. Assumptions: 3 P/m², the
// "high initial density" of Seyfried et al. 2009, and 60 persons (their run size).
constexpr double kDepth = 0.4;  // m, a wall with a door frame (assumption)
constexpr int kPersons = 60;
constexpr double kTolerance = 0.15;  // as the width sweep (issue 15)

struct Reference {
  double width;  // m
  double flow;   // P/s, Kretz et al. 2006 Table 3
};
constexpr Reference kRefs[] = {{0.4, 0.88}, {0.5, 1.02}};

}  // namespace

BottleneckFlow narrow_gap_flow(double width, const Options& o) {
  return waiting_area_flow(width, kPersons, kDepth, o, micro_params(o));
}

Result kretz_narrow_gaps(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("Narrow gaps (Kretz 2006)"), mc);
  bool pass = true;
  std::string pts;
  for (const Reference& ref : kRefs) {
    const BottleneckFlow f = narrow_gap_flow(ref.width, o);
    const double rel = (f.flow - ref.flow) / ref.flow;
    pass = pass && f.arrived == f.persons && std::fabs(rel) <= kTolerance;
    pts += fmt("%s%.1f:%.2f/%.2f(%+.0f%%)", pts.empty() ? "" : " ", ref.width, f.flow, ref.flow, 100.0 * rel);
    r.values.emplace_back(fmt("flow_at_%g", ref.width), f.flow);
    r.values.emplace_back(fmt("measured_at_%g", ref.width), ref.flow);
    r.values.emplace_back(fmt("arrived_at_%g", ref.width), f.arrived);
  }
  r.measured = "width:sim/measured P/s " + pts;
  r.criterion = "everyone through; flow (10-90 %, mean of 3 seeds) within 15 % of Kretz et al. 2006";
  r.pass = pass;
  return r;
}

}  // namespace ss::verify
