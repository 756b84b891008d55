#pragma once
// The table trainers fill by hand at a debrief, filled from the journal: per inject,
// what the exercise script expected the players to do, what they did (the decisions
// that answered it) and how long they took. The rule that ties a decision to an inject
// (docs/drills.md "The after-action report"):
//   1. a decision that acts on what a fired inject acted on (the same street segment,
//      shelter, team, zone or household) answers the latest such inject before it;
//   2. otherwise it answers the latest inject fired to the decision's role before it;
//   3. otherwise it was the players' own initiative.
// An inject fires before a decision journaled at the same step (the MSEL's rows come
// first), so a decision may answer an inject of the same minute.
#include <optional>
#include <string>
#include <vector>

#include "drill/debrief.hpp"

namespace ss::drill {

struct InjectRow {
  std::string id;               // MSEL id, or "trainer-row-N" for the trainer's own inject
  double due = 0.0;             // s, its time in the script (the trainer's: when added)
  std::optional<double> fired;  // s, when the players received it; none: held, skipped, not fired
  std::string status;           // its last status: fired, held, skipped, not_fired
  std::string by;               // script or trainer (of the last status)
  std::string kind, role, text, expected, condition, measured, reason;
  std::vector<std::size_t> decisions;  // indices into Debrief::events, in time order
  std::optional<double> response;      // s from `fired` to the first decision; none without one
};

struct DecisionMatch {
  std::size_t event = 0;              // index into Debrief::events of the decision
  std::optional<std::size_t> inject;  // index into the rows; none: own initiative
  std::string rule;                   // "same target", "same role" or "own initiative"
};

struct InjectTable {
  std::vector<InjectRow> rows;           // in the order the injects first came due
  std::vector<DecisionMatch> decisions;  // every applied decision, in journal order
};

InjectTable inject_table(const Debrief& d);

}  // namespace ss::drill
