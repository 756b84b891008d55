#include "gui/event_log.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/plan/responders.hpp"
#include "gui/app_context.hpp"

namespace ss::gui {

const char* to_string(EventKind k) {
  switch (k) {
    case EventKind::Inject: return "inject";
    case EventKind::Intervention: return "intervention";
    case EventKind::Warning: return "warning";
    case EventKind::Note: return "note";
    case EventKind::Session: return "session";
  }
  return "?";
}

std::string street_words(const Model& m, std::uint32_t edge) {
  const StreetGraph& g = m.world.streets;
  if (edge >= g.edge_count()) return "street " + std::to_string(edge);
  const std::string& name = g.edge_name[edge];
  const std::int64_t way = edge < g.edge_source_id.size() ? g.edge_source_id[edge] : -1;
  if (way < 0)
    return name.empty() ? "street " + std::to_string(edge) : name + " (street " + std::to_string(edge) + ")";
  return (name.empty() ? std::string("unnamed street") : name) + " (way " + std::to_string(way) + ")";
}

namespace {

template <class T>
std::string named(const std::vector<T>& items, std::uint32_t i, const char* what) {
  if (i < items.size() && !items[i].name.empty()) return items[i].name;
  return std::string(what) + " " + std::to_string(i);
}

std::string building_words(const Model& m, std::uint32_t b) {
  const auto& bs = m.world.buildings;
  if (b >= bs.size()) return "building " + std::to_string(b);
  const Building& x = bs[b];
  // building=yes says nothing; a tagged kind or amenity names what burns.
  const std::string what = !x.amenity.empty()                  ? x.amenity
                           : x.kind.empty() || x.kind == "yes" ? "building"
                                                               : x.kind;
  char id[48];
  if (x.source_id >= 0)
    std::snprintf(id, sizeof id, " (map id %lld)", static_cast<long long>(x.source_id));
  else
    std::snprintf(id, sizeof id, " %u", b);
  return what + id;
}

// A journal entry made by the scenario's inject list rather than by the GUI.
bool is_scripted_inject(const Model& m, const Intervention& iv) {
  return std::any_of(m.plan.injects.begin(), m.plan.injects.end(), [&](const ScriptedInject& s) {
    return s.intervention.kind == iv.kind && s.intervention.target == iv.target &&
           s.intervention.note == iv.note;
  });
}

}  // namespace

std::string describe(const Model& m, const Intervention& iv) {
  using K = Intervention::Kind;
  const bool micro = m.movement == MovementKind::Micro;
  switch (iv.kind) {
    case K::CloseRoad: return "close road " + street_words(m, iv.target);
    case K::OpenRoad: return "reopen road " + street_words(m, iv.target);
    // On the micro model a shelter is where an exit leads.
    case K::CloseShelter:
      return std::string(micro ? "close exit to " : "close shelter ") +
             named(m.world.shelters, iv.target, "shelter");
    case K::OpenShelter:
      return std::string(micro ? "reopen exit to " : "reopen shelter ") +
             named(m.world.shelters, iv.target, "shelter");
    case K::DelayTeam: {
      char by[48];
      std::snprintf(by, sizeof by, " by %g min", iv.value / 60.0);
      return "delay team " + named(m.plan.response.teams, iv.target, "team") + by;
    }
    case K::BroadcastWarning:
      return std::string(micro ? "warn room " : "warn zone ") +
             named(m.world.zones, iv.target, micro ? "room" : "zone");
    case K::AddAssistTask:
      return "send a team to assist the household of resident " + std::to_string(iv.target);
    case K::AddDoorKnockTask: return "door-knock at the household of resident " + std::to_string(iv.target);
    case K::StartFire: return "start a fire in " + building_words(m, iv.target);
    case K::RequestMutualAid:
      return "request mutual aid: " + named(m.plan.response.mutual_aid, iv.target, "offer");
  }
  return to_string(iv.kind);
}

void update_event_log(AppContext& ctx) {
  EventLog& log = ctx.log;
  const Session& s = ctx.session;
  const bool ready = s.ready();
  const std::size_t journal = ready ? s.state().records.journal.size() : 0;
  const std::size_t pending = ready ? s.state().pending.size() : 0;
  const std::uint64_t bad = ready ? s.state().records.warnings.non_finite_speed : 0;
  const std::size_t messages = ctx.messages.lines().size();
  const bool other_run = log.generation != s.generation() || log.seed != s.seed();
  if (other_run || journal < log.journal_wall.size()) log.journal_wall.clear();
  const double now = Messages::clock();  // the clock messages are stamped with
  while (log.journal_wall.size() < journal) log.journal_wall.push_back(now);
  if (!other_run && journal == log.built_journal && pending == log.built_pending &&
      messages == log.built_messages && bad == log.built_bad_speeds)
    return;
  log.generation = s.generation();
  log.seed = s.seed();
  log.built_journal = journal;
  log.built_pending = pending;
  log.built_messages = messages;
  log.built_bad_speeds = bad;

  log.lines.clear();
  for (const LogLine& l : ctx.messages.lines()) {
    const EventKind k = l.kind == MessageKind::Error || l.kind == MessageKind::Problem ? EventKind::Warning
                        : l.kind == MessageKind::Note                                  ? EventKind::Note
                                                                                       : EventKind::Session;
    log.lines.push_back({k, NAN, l.wall, false, l.text});
  }
  if (ready) {
    const Model& m = s.model();
    const auto& entries = s.state().records.journal;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Intervention& iv = entries[i].intervention;
      const EventKind k = is_scripted_inject(m, iv) ? EventKind::Inject : EventKind::Intervention;
      std::string text = describe(m, iv);
      if (!iv.note.empty()) text += " - " + iv.note;
      log.lines.push_back({k, entries[i].time, log.journal_wall[i], false, std::move(text)});
    }
    for (const Intervention& iv : s.state().pending) {
      const EventKind k = is_scripted_inject(m, iv) ? EventKind::Inject : EventKind::Intervention;
      log.lines.push_back({k, NAN, now, true, describe(m, iv)});
    }
    for (const TeamId t : teams_without_reachable_task(m, s.state())) {
      const TeamState& ts = s.state().response.teams[t.index()];
      log.lines.push_back(
          {EventKind::Warning, ts.unreachable_since, now, false,
           "team " + m.plan.response.teams[t.index()].name +
               " took no task: every open task of its roles lies beyond the streets open to it"});
    }
    if (bad > 0)  // numeric trouble the step counted and went on from (engine/core/sim_state.hpp)
      log.lines.push_back({EventKind::Warning, s.sim().time(), now, false,
                           std::to_string(bad) + " walking speeds came out not finite and were replaced"});
  }
  // As they happened; entries seen in the same frame keep their order.
  std::stable_sort(log.lines.begin(), log.lines.end(),
                   [](const EventLine& a, const EventLine& b) { return a.wall < b.wall; });
  log.counts = {};
  for (const EventLine& l : log.lines) ++log.counts[static_cast<std::size_t>(l.kind)];
}

}  // namespace ss::gui
