#pragma once
// The event log: the run's journal (the scenario's scripted injects and the
// interventions made in the GUI or by a script), warnings, the scenario import's
// notes and the session's own messages, in the order they happened, each naming its
// target in words ("close road Karlstraße (way 24571390)", a shelter, zone or team
// by its name). The panel filters it by kind; dump_ui writes it whole.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/model.hpp"

namespace ss::gui {

struct AppContext;

enum class EventKind : std::uint8_t {
  Inject,        // a scripted inject of the scenario (plan.injects), journaled by the engine
  Intervention,  // a change made in the GUI or by a GUI script, journaled by the engine
  Warning,       // a failed action, a load error, numeric trouble the engine counted
  Note,          // the scenario import's notes
  Session,       // loads and their stages, screenshots, exports, the font
};
inline constexpr std::size_t kEventKindCount = 5;
const char* to_string(EventKind k);  // "inject", "intervention", "warning", "note", "session"

struct EventLine {
  EventKind kind = EventKind::Session;
  double sim_time = NAN;  // s, for journal entries; NaN for messages
  double wall = 0.0;      // s since the GUI started, when the GUI first saw it
  bool pending = false;   // applied at the next step
  std::string text;
};

struct EventLog {
  // Which kinds the panel shows: the run's events and warnings by default; import
  // notes and the session's messages on demand.
  std::array<bool, kEventKindCount> show{true, true, true, false, false};
  std::vector<EventLine> lines;  // all kinds, oldest first
  std::array<std::size_t, kEventKindCount> counts{};
  // When each journal entry was first seen (s of wall time), so entries and messages
  // interleave as they happened; reset with the run.
  std::vector<double> journal_wall;
  std::uint64_t generation = 0, seed = 0;
  std::size_t built_journal = ~std::size_t{0}, built_pending = 0, built_messages = 0;
  std::uint64_t built_bad_speeds = 0;
  // Where the panel's list stood after the last frame: scrolled to the newest line?
  bool at_newest = true;
};

// An intervention in words, its target by name: "close road Hauptstraße (way
// 4044000)", "close shelter Bertleinschule", "delay team Fire engine 1 by 10 min",
// "warn zone Altstadt" ("warn room Class 1a" on the micro model).
std::string describe(const Model& m, const Intervention& iv);
// A street by name and map id: "Karlstraße (way 24571390)", "unnamed street (way 1)",
// "street 57" when the map gave no id.
std::string street_words(const Model& m, std::uint32_t edge);

// Brings ctx.log.lines up to date with the journal, pending interventions and
// messages (rebuilt only when one of them changed). Call once a frame.
void update_event_log(AppContext& ctx);

}  // namespace ss::gui
