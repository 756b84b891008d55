#include "drill/debrief_injects.hpp"

#include <algorithm>
#include <map>

namespace ss::drill {
namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return {};
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

bool shares_subject(const DebriefEvent& a, const DebriefEvent& b) {
  for (const std::string& s : a.subjects)
    if (std::find(b.subjects.begin(), b.subjects.end(), s) != b.subjects.end()) return true;
  return false;
}

}  // namespace

InjectTable inject_table(const Debrief& d) {
  InjectTable out;
  std::map<std::string, std::size_t> row_of;
  std::vector<std::pair<std::size_t, std::size_t>> fired;  // (event, row) in journal order
  for (std::size_t k = 0; k < d.events.size(); ++k) {
    const DebriefEvent& ev = d.events[k];
    const nlohmann::json& j = ev.journal.data;
    if (ev.journal.type == "inject") {
      const std::string id = text_of(j, "id");
      auto [it, added] = row_of.try_emplace(id, out.rows.size());
      if (added) {
        InjectRow r;
        r.id = id;
        r.due = j.value("at", ev.t);
        out.rows.push_back(r);
      }
      InjectRow& r = out.rows[it->second];
      r.status = text_of(j, "status");
      r.by = text_of(j, "by");
      r.kind = text_of(j, "kind");
      r.role = text_of(j, "role");
      r.text = text_of(j, "text");
      r.expected = text_of(j, "expected");
      if (j.contains("condition")) r.condition = text_of(j, "condition");
      if (j.contains("measured")) r.measured = text_of(j, "measured");
      if (j.contains("reason")) r.reason = text_of(j, "reason");
      if (r.status == "fired") {
        r.fired = ev.t;
        fired.emplace_back(k, it->second);
      }
    } else if (ev.journal.type == "decision" && !j.contains("reason_not_applied")) {
      DecisionMatch m;
      m.event = k;
      m.rule = "own initiative";
      const std::string role = text_of(j, "role");
      for (auto f = fired.rbegin(); f != fired.rend(); ++f)
        if (shares_subject(ev, d.events[f->first])) {
          m.inject = f->second;
          m.rule = "same target";
          break;
        }
      if (!m.inject)
        for (auto f = fired.rbegin(); f != fired.rend(); ++f)
          if (out.rows[f->second].role == role) {
            m.inject = f->second;
            m.rule = "same role";
            break;
          }
      if (m.inject) {
        InjectRow& r = out.rows[*m.inject];
        r.decisions.push_back(k);
        if (!r.response && r.fired) r.response = ev.t - *r.fired;
      }
      out.decisions.push_back(m);
    }
  }
  return out;
}

}  // namespace ss::drill
