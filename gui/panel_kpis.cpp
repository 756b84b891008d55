// Live key figures and plots: share safe overall and per group, T50/T90 so far,
// states, shelters; evacuation curves per group and shelter occupancy over time.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "gui/actions.hpp"
#include "gui/panels.hpp"
#include "gui/plot.hpp"
#include "gui/ui_fonts.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

std::string time_or_dash(const std::optional<double>& t) {
  return t ? format_clock(*t) : std::string(tr("not yet"));
}

// A label and a bar of the share safe. The bars start at one column (140 px at scale
// 1, room for "Safe, all" and the group names) so they line up; a label wider than
// that column puts its bar on the next line instead of under the label.
void share_row(AppContext& ctx, const char* label, std::uint32_t safe, std::uint32_t total) {
  const float share = total ? static_cast<float>(safe) / static_cast<float>(total) : 0.0f;
  const std::string overlay = format_percent(safe, total) + " of " + format_count(total);
  ImGui::TextUnformatted(label);
  probe(ctx, "kpi.share.label");
  const float column = ui_px(140);
  if (ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x <= column) ImGui::SameLine(column);
  ImGui::ProgressBar(share, ImVec2(-1, 0), overlay.c_str());
  probe(ctx, "kpi.share.bar");
}

// Response times in the one clock format of the command line and reports (h:mm:ss).
std::string minutes_or_dash(const std::optional<double>& s) {
  if (!s) return "-";
  return format_clock(*s);
}

// Teams' open tasks and response times, and the plan's targets coloured by where
// they stand: met green, missed red, still open grey. Each target is its status word
// in a gutter, then its label wrapped to the panel's width and, below, the measured
// value: a long label ("all needing help reached in 20 min after warning") wraps
// inside the panel instead of being cut off by a table column or overrunning the next.
void response_rows(AppContext& ctx) {
  const Model& m = ctx.session.model();
  const MetricsCache& c = ctx.metrics;
  if (m.plan.response.teams.empty() && m.plan.targets.empty()) return;
  ImGui::Separator();
  if (!m.plan.response.teams.empty()) {
    const ResponseStats& r = c.response.overall;
    ImGui::TextWrapped(tr("Tasks: %s open (%s taken), %s reached of %s"), format_count(c.open_tasks).c_str(),
                       format_count(c.taken_tasks).c_str(), format_count(r.arrived).c_str(),
                       format_count(r.tasks).c_str());
    probe(ctx, "kpi.tasks");
    ImGui::TextWrapped(tr("Response P50 %s  P90 %s  max %s"), minutes_or_dash(r.p50).c_str(),
                       minutes_or_dash(r.p90).c_str(), minutes_or_dash(r.max).c_str());
    probe(ctx, "kpi.response");
  }
  if (c.targets.empty()) return;
  ImGui::TextUnformatted(tr("Plan targets"));
  // The gutter fits the longest status word.
  float gutter = 0;
  for (const TargetStatus st : {TargetStatus::Met, TargetStatus::Missed, TargetStatus::Open})
    gutter = std::max(gutter, ImGui::CalcTextSize(to_string(st)).x);
  gutter += ImGui::GetStyle().ItemSpacing.x * 2;
  for (const TargetResult& t : c.targets) {
    const TargetStatus st = t.status;
    const Rgb col = st == TargetStatus::Met      ? kTargetMet
                    : st == TargetStatus::Missed ? kTargetMissed
                                                 : kTargetOpen;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(col.r / 255.f, col.g / 255.f, col.b / 255.f, 1));
    ImGui::TextUnformatted(to_string(st));
    probe(ctx, "kpi.target.status");
    ImGui::SameLine(ImGui::GetCursorPosX() + gutter);
    ImGui::TextWrapped("%s", target_label(t.target).c_str());
    probe(ctx, "kpi.target.label");
    ImGui::Indent(gutter);
    ImGui::TextWrapped("%s", target_measured(t).c_str());
    probe(ctx, "kpi.target.measured");
    ImGui::Unindent(gutter);
    ImGui::PopStyleColor();
  }
}

}  // namespace

void probe(AppContext& ctx, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float left = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ctx.probes.push_back({name, a.x, a.y, b.x, b.y, left, right});
}

void kpi_section(AppContext& ctx) {
  if (!ctx.session.ready()) return ImGui::TextDisabled("%s", tr("No run."));
  const RunMetrics& m = current_metrics(ctx);
  share_row(ctx, tr("Safe, all"), m.overall.safe, m.overall.residents);
  ImGui::TextWrapped("T50 %s   T90 %s", time_or_dash(m.overall.t50).c_str(),
                     time_or_dash(m.overall.t90).c_str());
  probe(ctx, "kpi.t50");
  ImGui::TextWrapped("T95 %s   T100 %s", time_or_dash(m.overall.t95).c_str(),
                     time_or_dash(m.overall.t100).c_str());
  probe(ctx, "kpi.t95");
  if (ImGui::TreeNode(ui("By group"))) {
    for (std::size_t g = 0; g < GroupIndex::kCount; ++g) {
      if (m.by_group[g].residents == 0) continue;
      share_row(ctx, GroupIndex::name(g).c_str(), m.by_group[g].safe, m.by_group[g].residents);
    }
    ImGui::TreePop();
  }
  if (ImGui::BeginTable("states", 2, ImGuiTableFlags_SizingStretchSame)) {
    for (std::size_t k = 0; k < kStatusCount; ++k) {
      ImGui::TableNextColumn();
      const Rgb c = kStatusColour[k];
      ImGui::TextColored(ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1), "%s %s",
                         to_string(static_cast<Status>(k)), format_count(m.by_status[k]).c_str());
    }
    ImGui::EndTable();
  }
  // Why the others are not safe (as of now), and which zones hold the residents who
  // refuse to leave and have not been knocked on: the door-knock teams' work list.
  const auto& out = m.overall.by_outcome;
  const std::uint32_t refusing = out[static_cast<std::size_t>(Outcome::RefusedNotKnocked)];
  if (refusing > 0) {
    ImGui::TextWrapped(tr("Refusing to leave, not knocked: %s"), format_count(refusing).c_str());
    probe(ctx, "kpi.refused");
  }
  if (ImGui::TreeNode(ui("Not safe, why"))) {
    for (std::size_t o = 0; o < kOutcomeCount; ++o)
      if (!is_safe(static_cast<Outcome>(o)) && out[o] > 0)
        ImGui::TextWrapped("%s %s", to_string(static_cast<Outcome>(o)), format_count(out[o]).c_str());
    for (std::size_t z = 0; z < m.by_zone.size(); ++z) {
      const std::uint32_t n = m.by_zone[z].by_outcome[static_cast<std::size_t>(Outcome::RefusedNotKnocked)];
      if (n > 0)
        ImGui::TextWrapped(tr("  %s: %s refusing"), ctx.session.model().world.zone_name(ZoneId{z}).c_str(),
                           format_count(n).c_str());
    }
    ImGui::TreePop();
  }
  std::int64_t occ = 0, cap = 0;
  int full = 0, closed = 0;
  for (const ShelterMetrics& s : m.shelters) {
    occ += s.occupancy;
    cap += s.capacity;
    full += s.full_time.has_value() && s.occupancy >= s.capacity;
    closed += s.closed;
  }
  ImGui::TextWrapped(tr("Shelters: %s of %s places taken"),
                     format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(occ, 0))).c_str(),
                     format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(cap, 0))).c_str());
  probe(ctx, "kpi.shelters");
  ImGui::TextWrapped(tr("%d full, %d closed of %zu"), full, closed, m.shelters.size());
  probe(ctx, "kpi.shelters_full");
  response_rows(ctx);
  const SimWarnings& w = ctx.session.state().records.warnings;
  if (w.non_finite_speed || w.rerouted_full || w.turned_around) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(tr("turned away %s, turned around %s, bad speeds %s"),
                       format_count(w.rerouted_full).c_str(), format_count(w.turned_around).c_str(),
                       format_count(w.non_finite_speed).c_str());
    ImGui::PopStyleColor();
  }
}

namespace {

void rebuild_plots(AppContext& ctx, PlotCache& c) {
  const SimState& s = ctx.session.state();
  const auto& sizes = ctx.session.group_sizes();
  c.x.clear();
  for (const TimelineRow& r : s.records.timeline) c.x.push_back(static_cast<float>(r.time));
  const int axis = c.axis;
  const std::size_t g0 = axis == 0 ? 0 : axis == 1 ? kAgeBandCount : kAgeBandCount + kMobilityCount;
  const std::size_t g1 = axis == 0   ? kAgeBandCount
                         : axis == 1 ? kAgeBandCount + kMobilityCount
                                     : GroupIndex::kCount;
  // Series objects are reused in place (their labels and buffers kept) once sized.
  std::size_t n = 0;
  auto next = [](std::vector<Series>& v, std::size_t& k) -> Series& {
    if (k == v.size()) v.emplace_back();
    Series& out = v[k++];
    out.y.clear();
    return out;
  };
  {
    Series& all = next(c.curves, n);
    all.label = tr("all");
    all.colour = {255, 255, 255};
    const auto total = static_cast<float>(std::max<std::size_t>(1, ctx.session.model().population.size()));
    for (const TimelineRow& r : s.records.timeline)
      all.y.push_back(100.0f * static_cast<float>(r.by_status[static_cast<std::size_t>(Status::Sheltered)]) /
                      total);
  }
  for (std::size_t g = g0; g < g1; ++g) {
    if (sizes[g] == 0) continue;
    Series& curve = next(c.curves, n);
    curve.label = GroupIndex::name(g);
    curve.colour = series_colour(g - g0);
    for (const TimelineRow& r : s.records.timeline)
      curve.y.push_back(100.0f * static_cast<float>(r.safe_by_group[g]) / sizes[g]);
  }
  c.curves.resize(n);

  const auto& shelters = ctx.session.model().world.shelters;
  n = 0;
  for (std::size_t i = 0; i < shelters.size(); ++i) {
    Series& o = next(c.occupancy, n);
    o.label = shelters[i].name.empty() ? tr("shelter ") + std::to_string(i) : shelters[i].name;
    o.colour = series_colour(i);
    const float cap = static_cast<float>(std::max(shelters[i].capacity, 1));
    for (const auto& row : s.records.occupancy_series)
      o.y.push_back(i < row.size() ? 100.0f * static_cast<float>(row[i]) / cap : 0.0f);
  }
  c.occupancy.resize(n);
  c.rows = s.records.timeline.size();
  c.generation = ctx.session.generation();
  c.seed = ctx.session.seed();
  c.built_axis = axis;
}

}  // namespace

void plots_section(AppContext& ctx) {
  if (!ctx.session.ready()) return ImGui::TextDisabled("%s", tr("No run."));
  PlotCache& c = ctx.plots;
  // A radio button is its circle (a frame's height) and the label beside it.
  const float circle = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::RadioButton(ui("age"), &c.axis, 0);
  flow(ui("mobility"), circle);
  ImGui::RadioButton(ui("mobility"), &c.axis, 1);
  flow(ui("lives alone"), circle);
  ImGui::RadioButton(ui("lives alone"), &c.axis, 2);
  const SimState& s = ctx.session.state();
  // The series only change when the timeline gains (or, after a restart, loses) a row.
  if (c.rows != s.records.timeline.size() || c.generation != ctx.session.generation() ||
      c.seed != ctx.session.seed() || c.built_axis != c.axis)
    rebuild_plots(ctx, c);
  ImGui::TextWrapped("%s", tr("Share safe over time"));
  probe(ctx, "plot.title");
  plot_series("curves", c.x, c.curves, 100.0f, ui_px(110.0f), "%", true, &ctx);
  ImGui::TextWrapped("%s", tr("Shelter occupancy (% of capacity)"));
  probe(ctx, "plot.title");
  // Many shelters make an unreadable legend; hovering still names each line.
  plot_series("occupancy", c.x, c.occupancy, 100.0f, ui_px(90.0f), "%", c.occupancy.size() <= 8, &ctx);
}

}  // namespace ss::gui
