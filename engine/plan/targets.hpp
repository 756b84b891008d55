#pragma once
// Responder key figures and the plan's targets, from a model and a (final or live)
// state. Households appear by anonymous household id and zone only.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

// Response time of a task: its first arrival on site minus its creation (s).
struct ResponseStats {
  std::uint32_t tasks = 0;                    // tasks counted
  std::uint32_t arrived = 0;                  // of those, reached by a team
  std::optional<double> mean, p50, p90, max;  // s, over the arrived ones
};

struct ResponseMetrics {
  ResponseStats overall;
  std::array<ResponseStats, kTeamKindCount> by_team_kind;  // by the kind of the team that arrived
  std::array<ResponseStats, 2> by_task_kind;               // indexed by TaskKind
  std::vector<ResponseStats> by_zone;                      // (zones)
};
ResponseMetrics response_metrics(const Model& model, const SimState& state);

// Nearest-rank quantile (share in (0, 1]) of ascending `sorted`; nullopt when empty
// or when the rank falls beyond the values given (the rest never happened).
std::optional<double> rank_quantile(const std::vector<double>& sorted, std::size_t total, double share);

struct MissedHousehold {
  std::uint32_t household = 0;  // HouseholdId value (or resident index for residents without one)
  ZoneId zone;
};

// Where a target stands. Open until it can be judged: its deadline has not passed
// (or, for targets over the whole run — shelter capacity, response times, hazard
// figures — the run has not ended), so nothing is "met" at 0:00. Missed as soon as
// it can no longer be met (a shelter was overfilled, a deadline passed unmet).
enum class TargetStatus : std::uint8_t { Open, Met, Missed };
const char* to_string(TargetStatus s);

struct TargetResult {
  PlanTarget target;
  TargetStatus status = TargetStatus::Open;
  bool met = false;                // status == Met
  std::optional<double> measured;  // in `unit`; nullopt when it never happened (e.g. someone never reached)
  std::string unit;                // "min", "share", "ratio" or "count"
  // Targets over people or tasks: how many count towards it so far, out of how many.
  std::uint64_t reached = 0;
  std::uint64_t of = 0;
  // What was measured, in words for people: "24,997 of 25,000 (>99.9 %) safe by
  // 0:30:00", "fullest shelter Bertleinschule: 1.12 of its capacity (448 of 400)".
  std::string detail{};
  std::size_t missed_count = 0;         // households that missed the target
  std::vector<MissedHousehold> missed;  // the first kListedMissed of them, by household id
};
inline constexpr std::size_t kListedMissed = 200;

// The targets as they stand in `state`; `finished` says the run has ended, which
// settles every target that was still open.
std::vector<TargetResult> evaluate_targets(const Model& model, const SimState& state, bool finished);

// The target as the scenario sets it: "share_safe_within 95 % within 0:30:00 after
// warning" (`safestreet run`'s printout and the drill's after-action report).
std::string target_text(const PlanTarget& t);

}  // namespace ss
