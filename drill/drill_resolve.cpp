// Resolving a drill's script against the assembled model, and its conditions on the
// simulated state.
#include <algorithm>

#include "drill/drill_script.hpp"
#include "drill/script_text.hpp"
#include "engine/core/input_error.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::drill {
namespace {

// Resolves one action through the scenario's inject resolution; an InputError becomes a
// problem at the row's target column.
void resolve_action(InjectAction& a, const scenarios::InjectTargets& targets, Problems& p, int line,
                    const std::string& where, std::vector<std::string>& notes, const std::string& note) {
  if (a.message) return;
  scenarios::Origins origins;  // no file lines: the row's line is added by `p`
  a.desc.field = where;
  a.desc.note = note;
  try {
    a.interventions = scenarios::resolve_inject(a.desc, targets, origins, notes);
  } catch (const InputError& e) {
    std::string field = e.field();
    // "row 3, column 4 (target).osm_way" reads better as the column with the detail.
    if (const std::size_t dot = field.rfind(").");
        dot != std::string::npos && field.compare(0, where.size(), where) == 0)
      field = field.substr(0, dot + 1);
    p.add(line, field, e.message());
  }
}

void resolve_condition(Condition& c, const Model& m, Problems& p, int line, const std::string& where) {
  if (c.kind == Condition::Kind::None) return;
  std::vector<std::string> names;
  if (c.kind == Condition::Kind::ZoneT50NotReached)
    for (std::size_t z = 0; z < m.world.zone_count(); ++z) names.push_back(m.world.zone_name(ZoneId{z}));
  else
    for (const ShelterSite& s : m.world.shelters) names.push_back(s.name);
  const auto it = std::find(names.begin(), names.end(), c.name);
  if (it == names.end()) {
    const char* what = c.kind == Condition::Kind::ZoneT50NotReached ? "zone" : "shelter";
    p.add(line, where,
          std::string("no ") + what + " named '" + c.name + "'" +
              scenarios::detail::did_you_mean(c.name, names));
    return;
  }
  c.target = static_cast<std::uint32_t>(it - names.begin());
}

}  // namespace

bool holds(const Condition& c, const Model& model, const SimState& s, std::string& measured) {
  switch (c.kind) {
    case Condition::Kind::None: return true;
    case Condition::Kind::ShelterFull:
    case Condition::Kind::ShelterOccupancy: {
      const std::size_t i = c.target;
      measured = model.world.shelters[i].name + ": " + std::to_string(s.occupancy[i]) + " inside of " +
                 std::to_string(model.world.shelters[i].capacity) + (s.shelter_full[i] ? ", full" : "");
      return c.kind == Condition::Kind::ShelterFull ? s.shelter_full[i] != 0 : s.occupancy[i] >= c.at_least;
    }
    case Condition::Kind::ZoneT50NotReached: {
      // T50 of a zone: the time half of its residents are safe in a shelter (the same
      // share the run's per-zone T50 in summary.json is taken at).
      std::uint64_t residents = 0, safe = 0;
      for (std::size_t r = 0; r < model.home_zone.size(); ++r)
        if (model.home_zone[r].index() == c.target) {
          ++residents;
          safe += s.status[r] == Status::Sheltered ? 1 : 0;
        }
      measured = model.world.zone_name(ZoneId{c.target}) + ": " + std::to_string(safe) + " of " +
                 std::to_string(residents) + " residents safe";
      return residents > 0 && 2 * safe < residents;
    }
  }
  return true;
}

void resolve_drill(DrillDesc& drill, std::vector<PlayerRow>& players, const std::string& players_file,
                   const Model& model, double max_snap_distance, std::vector<std::string>& problems) {
  const maps::Projector projector = maps::Projector::from_definition(model.world.crs_wkt);
  const scenarios::NetworkSnapper snapper(model.world.streets);
  bool fire = false;
  for (const auto& h : model.hazards)
    fire = fire || h->intervention_targets(model, Intervention::Kind::StartFire) > 0;
  const scenarios::InjectTargets targets{model, snapper, projector, max_snap_distance, fire};
  Problems p;
  p.file = drill.msel_file.empty() ? drill.file : drill.msel_file;
  p.rows = drill.msel.size();
  for (MselInject& m : drill.msel) {
    resolve_action(m.action, targets, p, m.line, m.target_where, problems, m.id + ": " + m.text);
    resolve_condition(m.condition, model, p, m.line, m.if_where);
    if (m.at >= model.run.duration)
      problems.push_back(p.file + ":" + std::to_string(m.line) + ": inject " + m.id +
                         " is timed at or after the end of the run, never fired");
  }
  p.throw_if_any();
  Problems q;
  q.file = players_file;
  q.rows = players.size();
  for (PlayerRow& r : players) {
    const std::string& where = r.target_where;
    if (r.kind == PlayerRow::Kind::Decision)
      resolve_action(r.inject, targets, q, r.line, where, problems,
                     r.role + ": " + (r.reason.empty() ? r.action : r.reason));
    else if (r.kind == PlayerRow::Kind::AddInject)
      resolve_action(r.inject, targets, q, r.line, where, problems, "trainer inject: " + r.reason);
  }
  q.throw_if_any();
}

std::string prepare_action(InjectAction& action, const Model& model, double max_snap_distance,
                           const std::string& note) {
  if (std::string err = parse_action(action); !err.empty()) return err;
  if (action.message) return "";
  const maps::Projector projector = maps::Projector::from_definition(model.world.crs_wkt);
  const scenarios::NetworkSnapper snapper(model.world.streets);
  bool fire = false;
  for (const auto& h : model.hazards)
    fire = fire || h->intervention_targets(model, Intervention::Kind::StartFire) > 0;
  const scenarios::InjectTargets targets{model, snapper, projector, max_snap_distance, fire};
  Problems p;
  std::vector<std::string> notes;
  resolve_action(action, targets, p, 0, "target", notes, note);
  if (p.items.empty()) return "";
  return "target: " + p.items.front().message;
}

}  // namespace ss::drill
