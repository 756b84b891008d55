#include "drill/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/core/input_error.hpp"

namespace ss::drill {
namespace {

constexpr const char* kTypes[] = {"drill_start", "inject", "decision", "trainer",
                                  "clock",       "note",   "resumed",  "drill_end"};

std::optional<Intervention::Kind> kind_named(const std::string& name) {
  for (int k = 0; k <= static_cast<int>(Intervention::kLastKind); ++k)
    if (name == to_string(static_cast<Intervention::Kind>(k))) return static_cast<Intervention::Kind>(k);
  return std::nullopt;
}

// What is wrong with one parsed line, or empty.
std::string check_event(const nlohmann::json& j, JournalEvent& ev, bool first) {
  if (!j.is_object()) return "not a JSON object";
  if (!j.contains("event") || !j["event"].is_string()) return "no \"event\" name";
  ev.type = j["event"].get<std::string>();
  bool known = false;
  for (const char* t : kTypes) known = known || ev.type == t;
  if (!known) return "unknown event \"" + ev.type + "\"";
  if (first != (ev.type == "drill_start"))
    return first ? "a journal starts with its drill_start event" : "a second drill_start event";
  if (first) {
    for (const char* key : {"scenario", "variant", "version", "drill"})
      if (!j.contains(key) || !j[key].is_string()) return std::string("drill_start: no \"") + key + "\" text";
    if (!j.contains("seed") || !j["seed"].is_number_unsigned()) return "drill_start: no \"seed\" number";
    if (!j.contains("inputs") || !j["inputs"].is_array()) return "drill_start: no \"inputs\" list";
    return "";
  }
  if (!j.contains("step") || !j["step"].is_number_unsigned()) return ev.type + ": no \"step\" number";
  ev.step = j["step"].get<std::uint64_t>();
  if (!j.contains("interventions")) return "";
  if (!j["interventions"].is_array()) return ev.type + ": \"interventions\" is not a list";
  for (const auto& i : j["interventions"]) {
    if (!i.is_object() || !i.contains("kind") || !i["kind"].is_string() || !i.contains("target") ||
        !i["target"].is_number_unsigned() || i["target"].get<std::uint64_t>() > 0xffffffffULL ||
        !i.contains("value") || !i["value"].is_number() || !i.contains("note") || !i["note"].is_string())
      return ev.type + ": an intervention needs kind, target (a whole number), value and note";
    const auto k = kind_named(i["kind"].get<std::string>());
    if (!k) return ev.type + ": unknown intervention kind \"" + i["kind"].get<std::string>() + "\"";
    Intervention iv;
    iv.kind = *k;
    iv.target = static_cast<std::uint32_t>(i["target"].get<std::uint64_t>());
    iv.value = i["value"].get<double>();
    iv.note = i["note"].get<std::string>();
    ev.interventions.push_back(std::move(iv));
  }
  return "";
}

}  // namespace

JournalRead parse_journal(const std::string& text, const std::string& path) {
  JournalRead out;
  std::size_t pos = 0;
  int line = 0;
  std::uint64_t last_step = 0;
  while (pos < text.size()) {
    ++line;
    const std::size_t nl = text.find('\n', pos);
    const bool complete = nl != std::string::npos;
    const std::string body = text.substr(pos, complete ? nl - pos : std::string::npos);
    const std::size_t next = complete ? nl + 1 : text.size();
    const bool last = next >= text.size();
    std::string problem;
    JournalEvent ev;
    ev.line = line;
    if (!complete) {
      problem = "the line is cut short (no line end): the drill stopped while writing it";
    } else {
      ev.data = nlohmann::json::parse(body, nullptr, false);
      if (ev.data.is_discarded())
        problem = "not valid JSON";
      else
        problem = check_event(ev.data, ev, out.events.empty());
      if (problem.empty() && ev.type != "drill_start" && ev.step < last_step)
        problem = "step " + std::to_string(ev.step) + " comes after step " + std::to_string(last_step);
    }
    if (!problem.empty()) {
      if (last && !out.events.empty()) {
        out.dropped = path + ":" + std::to_string(line) + ": " + problem + "; the line was dropped";
        return out;
      }
      throw InputError(path, line, "", problem);
    }
    if (ev.type != "drill_start") last_step = ev.step;
    out.events.push_back(std::move(ev));
    out.good_bytes = next;
    pos = next;
  }
  if (out.events.empty()) throw InputError(path, 0, "", "the journal is empty");
  return out;
}

JournalRead read_journal(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path, 0, "", "journal not found");
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  if (!in) throw InputError(path, 0, "", "cannot read the journal");
  return parse_journal(s.str(), path);
}

JournalWriter::~JournalWriter() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
// One drill writes a journal at a time: a second `drill resume` of a journal whose drill
// still runs would interleave two futures. The lock goes with the process, so a killed
// drill leaves none behind.
void lock_or_refuse(int& fd, const std::string& path) {
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return;
  const int err = errno;
  ::close(fd);
  fd = -1;
  if (err == EWOULDBLOCK)
    throw InputError(path, 0, "", "the journal is in use by a drill that is still running");
  throw std::runtime_error("cannot lock the journal '" + path + "': " + std::strerror(err));
}
}  // namespace

void JournalWriter::create(const std::string& path) {
  path_ = path;
  // Its folder is made as `run --out` makes the run folder's.
  std::error_code ec;
  if (const auto dir = std::filesystem::path(path).parent_path(); !dir.empty())
    std::filesystem::create_directories(dir, ec);
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0 && errno == EEXIST)
    throw InputError(path, 0, "",
                     "a journal is already there: resume it (safestreet drill resume) or choose "
                     "another file");
  if (fd_ < 0) throw std::runtime_error("cannot create the journal '" + path + "': " + std::strerror(errno));
  lock_or_refuse(fd_, path);
}

void JournalWriter::reopen(const std::string& path, std::uint64_t keep_bytes) {
  path_ = path;
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error("cannot open the journal '" + path + "': " + std::strerror(errno));
  lock_or_refuse(fd_, path);
  if (::ftruncate(fd_, static_cast<off_t>(keep_bytes)) != 0 || ::fsync(fd_) != 0)
    throw std::runtime_error("cannot cut the journal '" + path +
                             "' back to its last whole line: " + std::strerror(errno));
}

void JournalWriter::write(nlohmann::json event) {
  event["wall"] = wall_clock_now();
  // Text that is not UTF-8 (a name from a map) is replaced rather than failing a drill.
  const std::string line = event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("cannot write the journal '" + path_ + "': " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd_) != 0)
    throw std::runtime_error("cannot flush the journal '" + path_ + "' to disk: " + std::strerror(errno));
}

nlohmann::json to_json(const Intervention& iv) {
  return {{"kind", to_string(iv.kind)}, {"target", iv.target}, {"value", iv.value}, {"note", iv.note}};
}

std::string wall_clock_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

}  // namespace ss::drill
