#pragma once
// The drill journal (docs/drills.md "The journal"): one JSON object per line, one line
// per event — the drill's start with its inputs' checksums and the program's version,
// injects fired, held, skipped or not fired, the players' decisions, trainer actions and
// notes, clock changes, the end — each written, flushed and fsync'd as it happens, so a
// crash loses at most the line being written. The interventions an event made are in
// it with their step, which makes the journal enough to replay the drill.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/core/intervention.hpp"

namespace ss::drill {

struct JournalEvent {
  int line = 0;            // 1-based line in the journal file
  std::string type;        // "event": drill_start, inject, decision, trainer, clock, note, resumed, drill_end
  std::uint64_t step = 0;  // simulation step it happened at (not for drill_start)
  nlohmann::json data;     // the whole line
  std::vector<Intervention> interventions;  // what it applied through Simulation::apply, in order
};

struct JournalRead {
  std::vector<JournalEvent> events;  // drill_start first
  // "<file>:<line>: <what is wrong>" when the last line was cut short or corrupt and was
  // dropped (a crash while it was written); empty otherwise.
  std::string dropped;
  std::uint64_t good_bytes = 0;  // length of the file up to the end of the last good line
};

// Reads and checks a journal. A corrupt or truncated last line is reported in
// `dropped`, never fatal; any other bad line is an InputError naming it.
JournalRead read_journal(const std::string& path);
// The same, from the journal's text (`path` names it in messages).
JournalRead parse_journal(const std::string& text, const std::string& path);

// Appends events to a journal file: each line written whole with one write(), then
// fsync'd. Opening for a new drill refuses an existing file; opening to resume cuts the
// file back to `keep_bytes` first (the last good line). The file stays locked (flock)
// while a writer has it: a second writer, a drill still running, is refused.
class JournalWriter {
 public:
  JournalWriter() = default;
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;
  ~JournalWriter();
  void create(const std::string& path);
  void reopen(const std::string& path, std::uint64_t keep_bytes);
  // Adds "wall" (UTC, ISO 8601 with milliseconds) and appends the line.
  void write(nlohmann::json event);
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

nlohmann::json to_json(const Intervention& iv);
// "2026-12-05T09:30:00.123Z"
std::string wall_clock_now();

}  // namespace ss::drill
