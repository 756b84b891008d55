// Scenario, time and layer controls (left panel).
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "gui/actions.hpp"
#include "gui/fire_service_layers.hpp"
#include "gui/panels.hpp"
#include "gui/ui_fonts.hpp"

namespace ss::gui {
namespace {

// The next item in a column starting `x` px into the panel, or on the next line when
// the panel is too narrow for it there (a large UI scale in a small window): 100 px
// at scale 1 is the widest checkbox or legend entry that follows.
void same_line_at(float x) {
  if (x + ui_px(100) <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(x);
}

// A labelled field's width: 180 px at scale 1, less when the panel is narrower so
// the label beside it stays in view.
float field_width(const char* label) {
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label).x - ImGui::GetStyle().ItemInnerSpacing.x;
  return std::max(ui_px(60), std::min(ui_px(180), room));
}

// Text and widget size for a projector: presets and a step either way. A change is
// applied between frames (the font atlas is rebuilt at the new size).
void ui_scale_row(AppContext& ctx) {
  ImGui::TextUnformatted("UI scale");
  // Presets: the usual desktop, a laptop on a projector, a room-size projection.
  for (const float f : {1.0f, 1.5f, 2.0f}) {
    char label[16];
    std::snprintf(label, sizeof label, "%g\u00D7", static_cast<double>(f));
    flow(label);
    const bool current = std::abs(ctx.ui.wanted_scale - f) < 1e-3f;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(label)) ctx.ui.wanted_scale = f;
    if (current) ImGui::PopStyleColor();
  }
  // Steps of 1/8: fine enough to fit a given screen, coarse enough that each click
  // visibly changes the text.
  constexpr float kStep = 0.125f;
  flow("\u2212");
  if (ImGui::SmallButton("\u2212")) ctx.ui.wanted_scale = std::max(kMinUiScale, ctx.ui.wanted_scale - kStep);
  flow("+");
  if (ImGui::SmallButton("+")) ctx.ui.wanted_scale = std::min(kMaxUiScale, ctx.ui.wanted_scale + kStep);
  const std::string now = format_percent(static_cast<double>(ctx.ui_scale()));
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(now.c_str()).x) ImGui::NewLine();
  ImGui::TextDisabled("%s", now.c_str());
}

}  // namespace

void flow(const char* label, float extra) {
  ImGui::SameLine();
  const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x + extra;
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

void scenario_section(AppContext& ctx) {
  Session& s = ctx.session;
  Buffers& b = ctx.buffers;
  if (s.ready()) {
    ImGui::TextWrapped("%s", s.name().c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s residents, %s streets, %s shelters", format_count(s.model().population.size()).c_str(),
                       format_count(s.model().world.streets.edge_count()).c_str(),
                       format_count(s.model().world.shelters.size()).c_str());
    ImGui::PopStyleColor();
  } else if (!s.loading()) {
    ImGui::TextDisabled("No scene loaded.");
  }
  ImGui::SetNextItemWidth(-ui_px(60));
  const bool enter = ImGui::InputTextWithHint("##path", "scenarios/lauf.yaml", b.scenario_path, sizeof b.scenario_path,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool can_open = scenario_files_supported() && !s.loading();
  ImGui::BeginDisabled(!can_open);
  if ((ImGui::Button("Open") || enter) && can_open) {
    if (b.scenario_path[0] == '\0') ctx.messages.error("type the path of a scenario file first");
    else open_scene(ctx, SceneSource{b.scenario_path, "", ""}, static_cast<std::uint64_t>(b.seed));
    b.variant = 0;
  }
  ImGui::EndDisabled();
  if (!scenario_files_supported()) ImGui::TextDisabled("(scenario files not supported in this build)");
  ImGui::BeginDisabled(s.loading());
  bool first = true;
  for (const std::string& d : demo_names()) {
    const std::string label = "Demo: " + d;
    if (!first) flow(label.c_str());
    first = false;
    if (ImGui::SmallButton(label.c_str())) open_scene(ctx, SceneSource{"", "", d});
  }
  ImGui::EndDisabled();

  if (!s.variants().empty()) {
    std::vector<const char*> names{"(base plan)"};
    for (const std::string& v : s.variants()) names.push_back(v.c_str());
    b.variant = std::clamp(b.variant, 0, static_cast<int>(names.size()) - 1);
    ImGui::SetNextItemWidth(field_width("Variant"));
    ImGui::Combo("Variant", &b.variant, names.data(), static_cast<int>(names.size()));
  }
  ImGui::SetNextItemWidth(field_width("Seed"));
  ImGui::InputInt("Seed", &b.seed);
  b.seed = std::max(b.seed, 0);
  ImGui::BeginDisabled(!s.ready() || s.loading());
  if (ImGui::Button("Restart")) restart_as_chosen(ctx);
  ImGui::EndDisabled();
  ui_scale_row(ctx);
}

void restart_as_chosen(AppContext& ctx) {
  Session& s = ctx.session;
  Buffers& b = ctx.buffers;
  if (!s.ready()) return ctx.messages.error("nothing to restart: no scene is loaded");
  const std::size_t k = static_cast<std::size_t>(std::max(b.variant, 0));
  const std::string want = k == 0 || k > s.variants().size() ? "" : s.variants()[k - 1];
  if (!s.source().scenario.empty() && want != s.source().variant) {
    // Another variant is another model: reload rather than patch a const model.
    open_scene(ctx, SceneSource{s.source().scenario, want, ""}, static_cast<std::uint64_t>(b.seed));
  } else {
    restart(ctx, static_cast<std::uint64_t>(b.seed));
  }
}

void time_section(AppContext& ctx) {
  Session& s = ctx.session;
  TimeControl& t = ctx.time;
  if (!s.ready()) return ImGui::TextDisabled("Load a scene to run it.");
  const double now = s.sim().time();
  ImGui::Text("Clock %s   step %llu", format_clock(now).c_str(), static_cast<unsigned long long>(s.state().step));
  ImGui::ProgressBar(static_cast<float>(now / s.model().run.duration), ImVec2(-1, 0),
                     (format_clock(now) + " / " + format_clock(s.model().run.duration)).c_str());
  const bool finished = s.sim().finished();
  ImGui::BeginDisabled(finished);
  if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(ui_px(70), 0))) t.playing = !t.playing;
  ImGui::SameLine();
  if (ImGui::Button("Step")) {
    t.playing = false;
    s.step();
  }
  ImGui::EndDisabled();
  // A short row of common speeds; the slider below has everything in between.
  static constexpr double kSpeeds[] = {1, 10, 60, 300};
  for (const double sp : kSpeeds) {
    const std::string label = std::to_string(static_cast<int>(sp)) + "x";
    flow(label.c_str());
    if (ImGui::SmallButton(label.c_str())) t.speed = sp;
  }
  flow("max");
  if (ImGui::SmallButton("max")) t.speed = INFINITY;
  float log_speed = std::isfinite(t.speed) ? static_cast<float>(std::log10(t.speed)) : 3.0f;
  ImGui::SetNextItemWidth(-1);
  const std::string fmt = std::isfinite(t.speed) ? std::to_string(static_cast<int>(std::round(t.speed))) + "x real time"
                                                  : std::string("as fast as possible");
  if (ImGui::SliderFloat("##speed", &log_speed, 0.0f, 3.0f, fmt.c_str()))
    t.speed = log_speed >= 2.999f ? INFINITY : std::pow(10.0, static_cast<double>(log_speed));
  // What the clock does now: a paused run says so rather than "running at 0x".
  if (finished) ImGui::TextDisabled("run finished");
  else if (!t.playing) ImGui::TextDisabled("paused");
  else ImGui::TextDisabled("running at %.0fx real time", t.achieved);
}

void layers_section(AppContext& ctx) {
  Layers& l = ctx.view.layers;
  ImGui::Checkbox("Terrain", &l.terrain);
  same_line_at(ui_px(110));
  ImGui::Checkbox("Buildings", &l.buildings);
  same_line_at(ui_px(220));
  ImGui::Checkbox("Streets", &l.streets);
  ImGui::Checkbox("Closed", &l.closed_roads);
  same_line_at(ui_px(110));
  ImGui::Checkbox("Crowding", &l.congestion);
  same_line_at(ui_px(220));
  ImGui::Checkbox("Shelters", &l.shelters);
  ImGui::Checkbox("Residents", &l.residents);
  same_line_at(ui_px(110));
  ImGui::Checkbox("incl. sheltered", &l.sheltered_residents);
  ImGui::Checkbox("Late", &l.late_residents);
  ImGui::SameLine(110);
  ImGui::Checkbox("Zones", &l.zones);
  ImGui::SameLine(220);
  ImGui::Checkbox("Shading", &l.zone_shading);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zones coloured by the share of their residents safe, or by T90");
  ImGui::Checkbox("Shelter names", &l.shelter_names);
  int measure = static_cast<int>(ctx.view.zone_measure);
  ImGui::TextUnformatted("Shade zones by");
  ImGui::SameLine();
  ImGui::RadioButton("share safe", &measure, 0);
  ImGui::SameLine();
  ImGui::RadioButton("T90", &measure, 1);
  ctx.view.zone_measure = static_cast<ZoneMeasure>(measure);
  ImGui::Checkbox("Water", &l.water);
  same_line_at(ui_px(110));
  ImGui::Checkbox("Responders", &l.responders);
  if (ctx.session.ready() && find_flood(ctx.session.model())) {
    ImGui::Checkbox("Flooded", &l.flooded_roads);
    ImGui::SameLine(110);
    ImGui::Checkbox("Low-lying", &l.low_lying);
  }
  ImGui::Checkbox("Fire", &l.fire);
  same_line_at(ui_px(110));
  ImGui::Checkbox("Smoke", &l.smoke);
  same_line_at(ui_px(220));
  ImGui::Checkbox("Wind", &l.wind);
  const bool service = ctx.session.ready() && find_fire_service(ctx.session.model());
  if (service) {
    ImGui::Checkbox("Fire lanes", &l.lanes);
    same_line_at(ui_px(110));
    ImGui::Checkbox("Hydrants", &l.hydrants);
    same_line_at(ui_px(220));
    ImGui::Checkbox("Stations", &l.stations);
    ImGui::Checkbox("Engines", &l.engines);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fire appliances on their way and on scene, with their hose lines");
  }
  int by = static_cast<int>(ctx.view.colour_by);
  ImGui::TextUnformatted("Colour residents by");
  ImGui::RadioButton("state", &by, 0);
  ImGui::SameLine();
  ImGui::RadioButton("age", &by, 1);
  ImGui::SameLine();
  ImGui::RadioButton("mobility", &by, 2);
  ctx.view.colour_by = static_cast<ColourBy>(by);
  ImGui::SliderFloat("dot px", &ctx.view.dot_px, 1.0f, 8.0f, "%.0f");
  ctx.view.dot_px = std::round(ctx.view.dot_px);
  if (ImGui::Button("Fit map")) ctx.map.fit();

  ImGui::Separator();
  map_legend(ctx);
}

}  // namespace ss::gui
