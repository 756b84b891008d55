// Inspector: profile, state, route and history of the selected resident, shelter,
// street or responder team, read from the model and this frame's state.
#include <imgui.h>

#include <cmath>
#include <cstdarg>
#include <cstdio>

#include "engine/core/metrics.hpp"
#include "gui/actions.hpp"
#include "gui/panels.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

// A line of the inspector, wrapped at the panel's edge (names and a large UI scale
// make lines longer than the panel), recorded for dump_ui's layout check.
void show(AppContext& ctx, const ImVec4* colour, const char* fmt, va_list args) {
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, args);
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
  ImGui::TextWrapped("%s", buf);
  if (colour) ImGui::PopStyleColor();
  probe(ctx, "inspector.line");
}
__attribute__((format(printf, 2, 3))) void line(AppContext& ctx, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  show(ctx, nullptr, fmt, args);
  va_end(args);
}
__attribute__((format(printf, 3, 4))) void coloured(AppContext& ctx, const ImVec4& c, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  show(ctx, &c, fmt, args);
  va_end(args);
}

std::string when(float t) { return std::isfinite(t) ? format_clock(t) : std::string("-"); }

std::string shelter_name(const Model& m, ShelterId s) {
  if (!s.valid() || s.index() >= m.world.shelters.size()) return "-";
  const std::string& n = m.world.shelters[s.index()].name;
  if (!n.empty()) return n;
  std::string id = "#";  // appended, not `"#" + ...`: g++ 12 warns falsely (-Wrestrict) on that
  return id.append(std::to_string(s.value));
}

void team(AppContext& ctx, TeamId id) {
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const Team& t = m.plan.response.teams[id.index()];
  const TeamState& ts = s.response.teams[id.index()];
  const Rgb c = kTeamColour[static_cast<std::size_t>(t.kind)];
  coloured(ctx, ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1), "Team %s (%s, %d, %s)", t.name.c_str(),
           to_string(t.kind), t.members, to_string(t.mode));
  line(ctx, "Stage: %s since %s", to_string(ts.stage), format_clock(ts.stage_start).c_str());
  if (ts.task.valid() && ts.task.index() < s.response.tasks.size()) {
    const Task& k = s.response.tasks[ts.task.index()];
    line(ctx, "Task %u: %s for household %u", ts.task.value, to_string(k.kind), k.household.value);
    if (k.first.valid() && ImGui::SmallButton(ui("Select resident")))
      ctx.view.selection = {Selection::Kind::Resident, k.first.value};
  }
  if (ts.stage == TeamStage::Escorting)
    line(ctx, "Escorting %zu to %s", ts.carried.size(), shelter_name(m, ts.shelter).c_str());
  line(ctx, "Done %u tasks, escorted %d, %.0f m, busy %s", ts.tasks_done, ts.people_escorted, ts.distance,
       format_clock(ts.busy).c_str());
}

void resident(AppContext& ctx, ResidentId r) {
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const std::size_t i = r.index();
  const Population& p = m.population;
  line(ctx, "Resident %u (household %u)", r.value, p.household[i].value);
  line(ctx, "Age %d (%s), %s", p.age[i], to_string(age_band(p.age[i])), to_string(p.mobility[i]));
  line(ctx, "%s%s", p.lives_alone[i] ? tr("lives alone") : tr("lives with others"),
       p.needs_assistance[i] ? ", needs assistance" : "");
  const Rgb c = kStatusColour[static_cast<std::size_t>(s.status[i])];
  coloured(ctx, ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1), "State: %s", to_string(s.status[i]));
  if (s.status[i] != Status::Sheltered) line(ctx, "Outcome so far: %s", to_string(outcome_of(m, s, r)));
  line(ctx, "Free speed %.2f m/s, walked %.0f m", s.free_speed[i], s.distance[i]);
  line(ctx, "Warned %s, left %s, arrived %s", when(s.warned_time[i]).c_str(), when(s.start_time[i]).c_str(),
       when(s.arrival_time[i]).c_str());
  line(ctx, "Pre-movement delay %.0f s", s.premove[i]);
  if (s.edge[i].valid()) {
    line(ctx, "On street %u, %.0f m to node %u", s.edge[i].value, s.remaining[i], s.toward[i].value);
    // Route: the way-out field's next edges from the node ahead, up to the shelter.
    const RouteField& f =
        m.population.mobility[i] == Mobility::Wheelchair ? s.routes.nearest_step_free : s.routes.nearest;
    if (s.toward[i].index() < f.dist.size() && f.reachable(s.toward[i]))
      line(ctx, "Then %.0f m (as on the level) to %s", f.dist[s.toward[i].index()],
           shelter_name(m, f.target[s.toward[i].index()]).c_str());
  }
  line(ctx, "Shelter: %s (assigned %s), turned away %d times", shelter_name(m, s.shelter[i]).c_str(),
       shelter_name(m, s.assigned[i]).c_str(), s.turned_away[i]);
}

void shelter(AppContext& ctx, ShelterId id) {
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const std::size_t i = id.index();
  const ShelterSite& site = m.world.shelters[i];
  line(ctx, "Shelter %u: %s (%s)", id.value, site.name.c_str(), to_string(site.kind));
  line(ctx, "%d / %d persons, %d arrivals", s.occupancy[i], site.capacity, s.arrivals[i]);
  ImGui::ProgressBar(static_cast<float>(s.occupancy[i]) / static_cast<float>(std::max(site.capacity, 1)));
  line(ctx, tr("%s, %s, opens at %s"), s.shelter_closed[i] ? tr("closed") : tr("open"),
       site.step_free ? "step-free" : "has steps", format_clock(site.open_time).c_str());
  if (std::isfinite(s.shelter_full_time[i]))
    line(ctx, "Full since %s", format_clock(s.shelter_full_time[i]).c_str());
  if (ImGui::Button(s.shelter_closed[i] ? ui("Open shelter") : ui("Close shelter")))
    set_shelter_closed(ctx, id, !s.shelter_closed[i], "inspector");
}

void street(AppContext& ctx, EdgeId e) {
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const StreetGraph& g = m.world.streets;
  const std::size_t i = e.index();
  line(ctx, "Street %u: %s", e.value, g.edge_name[i].empty() ? "(unnamed)" : g.edge_name[i].c_str());
  line(ctx, "%s, %.0f m long, %.1f m wide", to_string(g.edge_kind[i]), g.edge_length[i], g.edge_width[i]);
  line(ctx, "Nodes %u - %u%s", g.edge_from[i].value, g.edge_to[i].value,
       g.edge_source_id[i] >= 0 ? (", OSM way " + std::to_string(g.edge_source_id[i])).c_str() : "");
  const float area = std::max(g.edge_length[i], 5.0f) * g.edge_width[i];
  line(ctx, "%u on it now (%.2f P/m2), %llu walked it", s.edge_count[i], s.edge_count[i] / area,
       static_cast<unsigned long long>(s.records.edge_passages[i]));
  line(ctx, "%s", s.edge_closed[i] ? tr("CLOSED") : tr("open"));
  if (ImGui::Button(s.edge_closed[i] ? ui("Reopen street") : ui("Close street")))
    set_road_closed(ctx, e, !s.edge_closed[i], "inspector");
}

}  // namespace

void inspector_section(AppContext& ctx) {
  const Selection sel = ctx.view.selection;
  if (!ctx.session.ready() || sel.kind == Selection::Kind::None) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("Click a resident, shelter, street or team on the map."));
    ImGui::PopStyleColor();
    probe(ctx, "inspector.line");
    return;
  }
  const Model& m = ctx.session.model();
  switch (sel.kind) {
    case Selection::Kind::Resident:
      if (sel.id < m.population.size()) resident(ctx, ResidentId{sel.id});
      break;
    case Selection::Kind::Shelter:
      if (sel.id < m.world.shelters.size()) shelter(ctx, ShelterId{sel.id});
      break;
    case Selection::Kind::Street:
      if (sel.id < m.world.streets.edge_count()) street(ctx, EdgeId{sel.id});
      break;
    case Selection::Kind::Team:
      if (sel.id < m.plan.response.teams.size() && sel.id < ctx.session.state().response.teams.size())
        team(ctx, TeamId{sel.id});
      break;
    case Selection::Kind::None: break;
  }
  if (ImGui::SmallButton(ui("Clear selection"))) ctx.view.selection = {};
}

}  // namespace ss::gui
