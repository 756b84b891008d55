#pragma once
// A tabletop drill's script (docs/drills.md): the drill file (DRILL.yaml) naming the
// scenario, its exercise script (MSEL, master scenario events list: one inject per
// row, from a CSV file or inline) and the players' scripted side (a CSV of decisions
// and trainer actions). Read as plain text first, every row checked, then resolved
// against the assembled model through the scenario's own inject resolution
// (scenarios/loader/injects.hpp), so names and places mean the same as in `injects:`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/intervention.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "scenarios/loader/injects.hpp"

namespace ss::drill {

// Problems found in one file: every one is collected, then refused together (the first
// kMaxListed and the total) before anything runs.
struct Problems {
  static constexpr std::size_t kMaxListed = 20;
  std::string file;
  struct Item {
    int line = 0;
    std::string field;  // "row 3, column 4 (target)" or "msel[2].target"
    std::string message;
  };
  std::vector<Item> items;
  std::size_t total = 0;
  std::size_t rows = 0;  // rows read, for the message

  void add(int line, std::string field, std::string message);
  // Throws one InputError at the first problem's line listing them all; nothing if none.
  void throw_if_any() const;
};

// A condition on the simulated state, evaluated at the inject's time (docs/drills.md
// "Conditions"):
//   shelter_full: NAME              the shelter has no room left
//   shelter_occupancy: NAME >= N    at least N people inside
//   zone_t50_not_reached: ZONE      fewer than half of the zone's residents are safe yet
struct Condition {
  enum class Kind : std::uint8_t { None, ShelterFull, ShelterOccupancy, ZoneT50NotReached };
  Kind kind = Kind::None;
  std::string name;           // shelter or zone, as written
  std::int64_t at_least = 0;  // persons, shelter_occupancy
  std::string text;           // as written, for the journal
  std::uint32_t target = 0;   // ShelterId or ZoneId once resolved
};
// True when the condition holds (or there is none); `measured` says what was seen.
bool holds(const Condition& c, const Model& model, const SimState& state, std::string& measured);

// What a scripted inject or unscripted trainer inject does: one of the scenario's inject
// kinds, or a message that changes nothing in the simulation.
struct InjectAction {
  std::string kind;            // "close_road", ..., "start_fire", or "message"
  std::string target;          // as written (docs/drills.md "Targets")
  scenarios::InjectDesc desc;  // parsed target (not for messages)
  bool message = false;
  std::vector<Intervention> interventions;  // resolved against the model
};

struct MselInject {
  std::string id;
  double at = 0.0;  // s of simulated time
  InjectAction action;
  std::string text;      // what the players receive
  std::string role;      // who receives it
  std::string expected;  // the expected player action
  Condition condition;
  enum class Status : std::uint8_t { Scripted, Hold, Skip };
  Status status = Status::Scripted;    // hold: waits for the trainer; skip: never fired
  int line = 0;                        // where it was written (CSV line or YAML line)
  std::string where;                   // "row 3" or "msel[2]"
  std::string target_where, if_where;  // how its target and condition cells are named
};

// One row of the players file: a decision of a role, or a trainer action.
struct PlayerRow {
  enum class Kind : std::uint8_t { Decision, Fire, Hold, Skip, AddInject, Note, Pause, Resume, Speed };
  Kind kind = Kind::Decision;
  int row = 0;  // 1-based data row, the journal's key for it
  int line = 0;
  double at = 0.0;  // s of simulated time
  std::string role;
  std::string action;        // as written
  std::string target;        // as written
  std::string reason;        // free text (decision's reason, note, inject text)
  InjectAction inject;       // Decision and AddInject
  std::string inject_id;     // Fire, Hold, Skip
  double speed = 0.0;        // Speed: simulated s per wall s
  std::string target_where;  // how its target cell is named
};

struct DrillDesc {
  std::string file;  // the drill file as given
  std::string name;
  std::string scenario;  // resolved against the drill file's folder
  std::string variant;
  std::optional<std::uint64_t> seed;
  std::string msel_file;  // empty: inline
  std::vector<MselInject> msel;
};

// Reads DRILL.yaml and its MSEL (CSV or inline). Every MSEL row is checked; all
// problems are refused together (InputError naming file, line and column).
DrillDesc load_drill(const std::string& path);
// Reads a players CSV (columns time, role, action, target, reason); all rows checked.
std::vector<PlayerRow> load_players(const std::string& path, const DrillDesc& drill);

// Resolves every target and condition of the MSEL and the players against the model
// (shelter, team and zone names with closest-name hints, points, OSM ways), collecting
// every problem per file before refusing. `max_snap_distance`: shelters.max_snap_distance.
void resolve_drill(DrillDesc& drill, std::vector<PlayerRow>& players, const std::string& players_file,
                   const Model& model, double max_snap_distance, std::vector<std::string>& problems);

// One action typed in at the table (the GUI's drill panel: a player's decision or the
// trainer's unscripted inject): its kind and target parsed as an MSEL row's and resolved
// against the model the same way. Empty when good, else "<kind|target>: <what is wrong>".
std::string prepare_action(InjectAction& action, const Model& model, double max_snap_distance,
                           const std::string& note);

// "h:mm:ss", "mm:ss"-free clock text or a duration ("90 s", "30 min"); nullopt if neither.
std::optional<double> parse_time(const std::string& text);

}  // namespace ss::drill
