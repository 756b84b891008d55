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

namespace ss::gui {
namespace {

}  // namespace

void scenario_section(AppContext& ctx) {
  Session& s = ctx.session;
  Buffers& b = ctx.buffers;
  if (s.ready()) {
    ImGui::TextWrapped("%s", s.name().c_str());
    ImGui::TextDisabled("%zu residents, %zu streets, %zu shelters", s.model().population.size(),
                        s.model().world.streets.edge_count(), s.model().world.shelters.size());
  } else if (!s.loading()) {
    ImGui::TextDisabled("No scene loaded.");
  }
  ImGui::SetNextItemWidth(-60);
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
  for (const std::string& d : demo_names()) {
    if (ImGui::SmallButton(("Demo: " + d).c_str())) open_scene(ctx, SceneSource{"", "", d});
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::EndDisabled();

  if (!s.variants().empty()) {
    std::vector<const char*> names{"(base plan)"};
    for (const std::string& v : s.variants()) names.push_back(v.c_str());
    b.variant = std::clamp(b.variant, 0, static_cast<int>(names.size()) - 1);
    ImGui::SetNextItemWidth(180);
    ImGui::Combo("Variant", &b.variant, names.data(), static_cast<int>(names.size()));
  }
  ImGui::SetNextItemWidth(180);
  ImGui::InputInt("Seed", &b.seed);
  b.seed = std::max(b.seed, 0);
  ImGui::BeginDisabled(!s.ready() || s.loading());
  if (ImGui::Button("Restart")) {
    const std::string want = b.variant == 0 ? "" : s.variants()[static_cast<std::size_t>(b.variant - 1)];
    if (!s.source().scenario.empty() && want != s.source().variant) {
      // Another variant is another model: reload rather than patch a const model.
      open_scene(ctx, SceneSource{s.source().scenario, want, ""}, static_cast<std::uint64_t>(b.seed));
    } else {
      restart(ctx, static_cast<std::uint64_t>(b.seed));
    }
  }
  ImGui::EndDisabled();
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
  if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(70, 0))) t.playing = !t.playing;
  ImGui::SameLine();
  if (ImGui::Button("Step")) {
    t.playing = false;
    s.step();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  // A short row of common speeds; the slider below has everything in between.
  static constexpr double kSpeeds[] = {1, 10, 60, 300};
  for (const double sp : kSpeeds) {
    ImGui::SameLine();
    const std::string label = std::to_string(static_cast<int>(sp)) + "x";
    if (ImGui::SmallButton(label.c_str())) t.speed = sp;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("max")) t.speed = INFINITY;
  float log_speed = std::isfinite(t.speed) ? static_cast<float>(std::log10(t.speed)) : 3.0f;
  ImGui::SetNextItemWidth(-1);
  const std::string fmt = std::isfinite(t.speed) ? std::to_string(static_cast<int>(std::round(t.speed))) + "x real time"
                                                  : std::string("as fast as possible");
  if (ImGui::SliderFloat("##speed", &log_speed, 0.0f, 3.0f, fmt.c_str()))
    t.speed = log_speed >= 2.999f ? INFINITY : std::pow(10.0, static_cast<double>(log_speed));
  ImGui::TextDisabled("running at %.0fx%s", t.achieved, finished ? " - run finished" : "");
}

void layers_section(AppContext& ctx) {
  Layers& l = ctx.view.layers;
  ImGui::Checkbox("Terrain", &l.terrain);
  ImGui::SameLine(110);
  ImGui::Checkbox("Buildings", &l.buildings);
  ImGui::SameLine(220);
  ImGui::Checkbox("Streets", &l.streets);
  ImGui::Checkbox("Closed", &l.closed_roads);
  ImGui::SameLine(110);
  ImGui::Checkbox("Crowding", &l.congestion);
  ImGui::SameLine(220);
  ImGui::Checkbox("Shelters", &l.shelters);
  ImGui::Checkbox("Residents", &l.residents);
  ImGui::SameLine(110);
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
  ImGui::SameLine(110);
  ImGui::Checkbox("Responders", &l.responders);
  if (ctx.session.ready() && find_flood(ctx.session.model())) {
    ImGui::Checkbox("Flooded", &l.flooded_roads);
    ImGui::SameLine(110);
    ImGui::Checkbox("Low-lying", &l.low_lying);
  }
  ImGui::Checkbox("Fire", &l.fire);
  ImGui::SameLine(110);
  ImGui::Checkbox("Smoke", &l.smoke);
  ImGui::SameLine(220);
  ImGui::Checkbox("Wind", &l.wind);
  const bool service = ctx.session.ready() && find_fire_service(ctx.session.model());
  if (service) {
    ImGui::Checkbox("Fire lanes", &l.lanes);
    ImGui::SameLine(110);
    ImGui::Checkbox("Hydrants", &l.hydrants);
    ImGui::SameLine(220);
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
