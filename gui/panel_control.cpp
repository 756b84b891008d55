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
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

// A labelled field's width: 180 px at scale 1, less when the panel is narrower so
// the label beside it stays in view.
float field_width(const char* label) {
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label, nullptr, true).x -
                     ImGui::GetStyle().ItemInnerSpacing.x;
  return std::max(ui_px(60), std::min(ui_px(180), room));
}

// Text and widget size for a projector: presets and a step either way. A change is
// applied between frames (the font atlas is rebuilt at the new size).
void ui_scale_row(AppContext& ctx) {
  ImGui::TextUnformatted(tr("UI scale"));
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
  const float w = ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x + extra;
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

void scenario_section(AppContext& ctx) {
  Session& s = ctx.session;
  Buffers& b = ctx.buffers;
  if (s.ready()) {
    ImGui::TextWrapped("%s", s.name().c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(tr("%s residents, %s streets, %s shelters"),
                       format_count(s.model().population.size()).c_str(),
                       format_count(s.model().world.streets.edge_count()).c_str(),
                       format_count(s.model().world.shelters.size()).c_str());
    ImGui::PopStyleColor();
  } else if (!s.loading()) {
    ImGui::TextDisabled("%s", tr("No scene loaded."));
  }
  ImGui::SetNextItemWidth(-ui_px(60));
  const bool enter = ImGui::InputTextWithHint("##path", "scenarios/lauf.yaml", b.scenario_path,
                                              sizeof b.scenario_path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool can_open = scenario_files_supported() && !s.loading();
  ImGui::BeginDisabled(!can_open);
  if ((ImGui::Button(ui("Open")) || enter) && can_open) {
    if (b.scenario_path[0] == '\0')
      ctx.messages.error("type the path of a scenario file first");
    else
      open_scene(ctx, SceneSource{b.scenario_path, "", ""}, static_cast<std::uint64_t>(b.seed));
    b.variant = 0;
  }
  ImGui::EndDisabled();
  if (!scenario_files_supported())
    ImGui::TextDisabled("%s", tr("(scenario files not supported in this build)"));
  ImGui::BeginDisabled(s.loading());
  bool first = true;
  for (const std::string& d : demo_names()) {
    const std::string label = tr("Demo: ") + d;
    if (!first) flow(label.c_str());
    first = false;
    if (ImGui::SmallButton(label.c_str())) open_scene(ctx, SceneSource{"", "", d});
  }
  ImGui::EndDisabled();

  if (!s.variants().empty()) {
    std::vector<const char*> names{tr("(base plan)")};
    for (const std::string& v : s.variants()) names.push_back(v.c_str());
    b.variant = std::clamp(b.variant, 0, static_cast<int>(names.size()) - 1);
    ImGui::SetNextItemWidth(field_width(ui("Variant")));
    ImGui::Combo(ui("Variant"), &b.variant, names.data(), static_cast<int>(names.size()));
  }
  ImGui::SetNextItemWidth(field_width(ui("Seed")));
  ImGui::InputInt(ui("Seed"), &b.seed);
  b.seed = std::max(b.seed, 0);
  ImGui::BeginDisabled(!s.ready() || s.loading());
  if (ImGui::Button(ui("Restart"))) restart_as_chosen(ctx);
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
  if (!s.ready()) return ImGui::TextDisabled("%s", tr("Load a scene to run it."));
  const double now = s.sim().time();
  ImGui::Text(tr("Clock %s   step %llu"), format_clock(now).c_str(),
              static_cast<unsigned long long>(s.state().step));
  ImGui::ProgressBar(static_cast<float>(now / s.model().run.duration), ImVec2(-1, 0),
                     (format_clock(now) + " / " + format_clock(s.model().run.duration)).c_str());
  const bool finished = s.sim().finished();
  ImGui::BeginDisabled(finished);
  if (ImGui::Button(t.playing ? ui("Pause##play") : ui("Play##play"), ImVec2(ui_px(70), 0)))
    t.playing = !t.playing;
  ImGui::SameLine();
  if (ImGui::Button(ui("Step"))) {
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
  flow(ui("max"));
  if (ImGui::SmallButton(ui("max"))) t.speed = INFINITY;
  float log_speed = std::isfinite(t.speed) ? static_cast<float>(std::log10(t.speed)) : 3.0f;
  ImGui::SetNextItemWidth(-1);
  const std::string fmt = std::isfinite(t.speed)
                              ? std::to_string(static_cast<int>(std::round(t.speed))) + tr("x real time")
                              : std::string(tr("as fast as possible"));
  if (ImGui::SliderFloat("##speed", &log_speed, 0.0f, 3.0f, fmt.c_str()))
    t.speed = log_speed >= 2.999f ? INFINITY : std::pow(10.0, static_cast<double>(log_speed));
  // What the clock does now: a paused run says so rather than "running at 0x".
  if (finished)
    ImGui::TextDisabled("%s", tr("run finished"));
  else if (!t.playing)
    ImGui::TextDisabled("%s", tr("paused"));
  else
    ImGui::TextDisabled(tr("running at %.0fx real time"), t.achieved);
}

namespace {

// A layer's checkbox, recorded as "layers.box.<name>" (`name` as the script's `layer`
// command spells it, for dump_ui's list of the layers offered). A row's boxes stand
// in columns 110 px apart at scale 1 (the widest short label and its box): each at
// the first column clear of the one before, or on the next line when it would not
// fit whole before the panel's edge; `new_row` starts a row.
void layer_box(AppContext& ctx, const char* label, bool* flag, const char* name, bool new_row = false) {
  const float column = ui_px(110);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float width =
      ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
  if (!new_row) {
    const float after = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + st.ItemSpacing.x;
    const float x = std::ceil(after / column - 1e-3f) * column;
    if (x + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(x);
  }
  ImGui::Checkbox(label, flag);
  probe(ctx, (std::string("layers.box.") + name).c_str());
}

// A radio button after the previous item, or on the next line when it would not fit.
bool radio_flow(AppContext& ctx, const char* label, int* v, int value) {
  flow(label, ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);  // the circle
  const bool changed = ImGui::RadioButton(label, v, value);
  probe(ctx, "layers.radio");
  return changed;
}

}  // namespace

void layers_section(AppContext& ctx) {
  Layers& l = ctx.view.layers;
  // Only the layers this scene has: a micro area has a floor with walls and exits,
  // rooms and bodies, and no streets, terrain or street closures.
  const SceneHas has = scene_has(ctx);
  const bool micro = has.micro;
  bool row = true;  // the next box starts a row
  auto box = [&](bool offered, const char* label, bool* flag, const char* name) {
    if (!offered) return;
    layer_box(ctx, label, flag, name, row);
    row = false;
  };
  auto end_row = [&] { row = true; };
  box(has.terrain, ui("Terrain"), &l.terrain, "terrain");
  box(has.buildings || micro, micro ? ui("Floor and walls") : ui("Buildings"), &l.buildings, "buildings");
  box(has.streets, ui("Streets"), &l.streets, "streets");
  end_row();
  box(has.streets, ui("Closed"), &l.closed_roads, "closed");
  box(true, ui("Crowding"), &l.congestion, "crowding");
  box(has.shelters, micro ? ui("Exits") : ui("Shelters"), &l.shelters, "shelters");
  end_row();
  box(true, ui("Residents"), &l.residents, "residents");
  box(has.shelters, micro ? ui("incl. out") : ui("incl. sheltered"), &l.sheltered_residents, "sheltered");
  end_row();
  box(true, ui("Late"), &l.late_residents, "late");
  box(has.zones, micro ? ui("Rooms") : ui("Zones"), &l.zones, "zones");
  box(has.zones, ui("Shading"), &l.zone_shading, "zone_shading");
  if (has.zones && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", micro ? tr("Rooms coloured by the share of their occupants out, or by T90")
                                  : tr("Zones coloured by the share of their residents safe, or by T90"));
  end_row();
  box(has.shelters, micro ? ui("Exit names") : ui("Shelter names"), &l.shelter_names, "shelter_names");
  end_row();
  if (has.zones) {
    int measure = static_cast<int>(ctx.view.zone_measure);
    ImGui::TextUnformatted(micro ? tr("Shade rooms by") : tr("Shade zones by"));
    probe(ctx, "layers.text");
    radio_flow(ctx, micro ? ui("share out") : ui("share safe"), &measure, 0);
    radio_flow(ctx, "T90", &measure, 1);
    ctx.view.zone_measure = static_cast<ZoneMeasure>(measure);
  }
  box(has.flood, ui("Water"), &l.water, "water");
  box(has.teams, ui("Responders"), &l.responders, "responders");
  end_row();
  box(has.flood && has.streets, ui("Flooded"), &l.flooded_roads, "flooded");
  box(has.low_lying, ui("Low-lying"), &l.low_lying, "low_lying");
  end_row();
  box(has.fire, ui("Fire"), &l.fire, "fire");
  box(has.fire, ui("Smoke"), &l.smoke, "smoke");
  box(has.fire, ui("Wind"), &l.wind, "wind");
  end_row();
  box(has.service, ui("Fire lanes"), &l.lanes, "lanes");
  box(has.service, ui("Hydrants"), &l.hydrants, "hydrants");
  box(has.service, ui("Stations"), &l.stations, "stations");
  end_row();
  box(has.service, ui("Engines"), &l.engines, "engines");
  if (has.service && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("Fire appliances on their way and on scene, with their hose lines"));
  end_row();
  int by = static_cast<int>(ctx.view.colour_by);
  ImGui::TextUnformatted(tr("Colour residents by"));
  probe(ctx, "layers.text");
  ImGui::RadioButton(ui("state"), &by, 0);
  probe(ctx, "layers.radio");
  radio_flow(ctx, ui("age"), &by, 1);
  radio_flow(ctx, ui("mobility"), &by, 2);
  ctx.view.colour_by = static_cast<ColourBy>(by);
  // The dot size at UI scale 1; the map draws it times the UI scale.
  // ImGui's default width unless the label would then run past the panel's edge.
  if (ImGui::CalcItemWidth() + ImGui::GetStyle().ItemInnerSpacing.x +
          ImGui::CalcTextSize(ui("dot px"), nullptr, true).x >
      ImGui::GetContentRegionAvail().x)
    ImGui::SetNextItemWidth(field_width(ui("dot px")));
  ImGui::SliderFloat(ui("dot px"), &ctx.view.dot_px, 1.0f, 8.0f, "%.0f");
  probe(ctx, "layers.dot_px");
  ctx.view.dot_px = std::round(ctx.view.dot_px);
  if (ImGui::Button(ui("Fit map"))) ctx.map.fit();

  ImGui::Separator();
  heat_maps_section(ctx);
  ImGui::Separator();
  map_legend(ctx);
}

}  // namespace ss::gui
