#include "gui/options.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "gui/ui_fonts.hpp"
#include "i18n/language.hpp"

namespace ss::gui {

const char* const kUsage =
    "usage: safestreet-gui [SCENARIO] [--variant NAME] [--seed N] [--demo grid|corridor]\n"
    "                      [--script FILE] [--frames N] [--screenshot out.png] [--dump-state out.json]\n"
    "                      [--speed X|max] [--play] [--stats] [--frame-stats out.csv] [--size WxH]\n"
    "                      [--ui-scale X] [--font FILE.ttf] [--lang en|zh-CN|de] [--cjk-font FILE.ttc]\n"
    "                      [--drill DRILL.yaml [--journal J] [--players CSV] | --resume J] [--players-view]\n"
    "\n"
    "Script commands (one per line, # comments; each waits for a scene still loading):\n"
    "  load PATH [VARIANT] | demo NAME | seed N | variant NAME|base | restart | ui_scale X |\n"
    "  speed X|max | play | pause | step [N] | run_to SECONDS | jump SECONDS | frames N | click X Y |\n"
    "  click_street X Y | click_pixel PX PY | close_road EDGE | open_road EDGE | close_shelter ID | "
    "open_shelter ID |\n"
    "  start_fire X Y | mode inspect|road|fire | colour_by state|age|mobility | layer NAME on|off |\n"
    "  heat none|peak_density|queue_minutes|water_exposure|smoke_dose|time_to_safety |\n"
    "  fit | zoom F | map_scale PX_PER_M | center X Y | select resident|shelter|street ID | screenshot FILE "
    "|\n"
    "  dump_state FILE | export_results DIR | export_briefing_map FILE.pdf|png |\n"
    "  export_difference_map REFERENCE_DIR FILE.pdf|png |\n"
    "  expect_error [TEXT] | expect_closed EDGE |\n"
    "  expect_open EDGE | expect_closed_at X Y | expect_open_at X Y | expect_burning X Y |\n"
    "  expect_not_burning X Y | run_to_first_engine [INCIDENT [+SECONDS [LATEST]]] |\n"
    "  center_first_engine [INCIDENT] | fire_incident N | stats_reset | expect_glyphs TEXT |\n"
    "  expect_scene_glyphs | dump_ui FILE | echo TEXT | quit\n"
    "X Y are metres in the scenario's local CRS.\n";

namespace {
bool parse_number(std::string_view s, double& out) {
  if (s == "max" || s == "inf") return out = INFINITY, true;
  const std::string str(s);
  char* end = nullptr;
  out = std::strtod(str.c_str(), &end);
  return end && *end == '\0' && !str.empty() && std::isfinite(out);
}
}  // namespace

std::optional<Options> parse_options(int argc, char** argv, std::string& error, bool& help) {
  Options o;
  help = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&](const char* what) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        error = std::string(a) + " needs " + what;
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    double num = 0;
    if (a == "-h" || a == "--help") {
      help = true;
      return std::nullopt;
    } else if (a == "--variant" || a == "--demo" || a == "--script" || a == "--screenshot" ||
               a == "--dump-state" || a == "--frame-stats" || a == "--font" || a == "--drill" ||
               a == "--journal" || a == "--resume" || a == "--players" || a == "--lang" ||
               a == "--cjk-font") {
      const auto v = value("a value");
      if (!v) return std::nullopt;
      (a == "--variant"       ? o.variant
       : a == "--demo"        ? o.demo
       : a == "--script"      ? o.script
       : a == "--screenshot"  ? o.screenshot
       : a == "--frame-stats" ? o.frame_stats
       : a == "--font"        ? o.font
       : a == "--drill"       ? o.drill
       : a == "--journal"     ? o.journal
       : a == "--resume"      ? o.resume
       : a == "--players"     ? o.players
       : a == "--lang"        ? o.lang
       : a == "--cjk-font"    ? o.cjk_font
                              : o.dump_state) = *v;
      if (a == "--frame-stats") o.stats = true;
    } else if (a == "--seed" || a == "--frames") {
      const auto v = value("a whole number");
      if (!v) return std::nullopt;
      if (!parse_number(*v, num) || num < 0 || num != std::floor(num))
        return error = std::string(a) + ": expected a whole number >= 0, got '" + *v + "'", std::nullopt;
      if (a == "--seed")
        o.seed = static_cast<std::uint64_t>(num);
      else
        o.frames = static_cast<long>(num);
    } else if (a == "--speed") {
      const auto v = value("a factor or 'max'");
      if (!v) return std::nullopt;
      if (!parse_number(*v, num) || !(num > 0))
        return error = "--speed: expected a positive factor or 'max', got '" + *v + "'", std::nullopt;
      o.speed = num;
    } else if (a == "--size") {
      const auto v = value("WxH");
      if (!v) return std::nullopt;
      unsigned w = 0, h = 0;
      if (std::sscanf(v->c_str(), "%ux%u", &w, &h) != 2 || w < 640 || h < 480)
        return error = "--size: expected WxH of at least 640x480, got '" + *v + "'", std::nullopt;
      o.width = w, o.height = h;
    } else if (a == "--ui-scale") {
      const auto v = value("a factor");
      if (!v) return std::nullopt;
      if (!parse_number(*v, num) || !(num >= kMinUiScale && num <= kMaxUiScale)) {
        char range[96];
        std::snprintf(range, sizeof range, "--ui-scale: expected a factor from %g to %g, got '",
                      static_cast<double>(kMinUiScale), static_cast<double>(kMaxUiScale));
        return error = range + *v + "'", std::nullopt;
      }
      o.ui_scale = static_cast<float>(num);
    } else if (a == "--play") {
      o.play = true;
    } else if (a == "--players-view") {
      o.players_view = true;
    } else if (a == "--stats") {
      o.stats = true;
    } else if (!a.empty() && a[0] == '-') {
      return error = "unknown option " + std::string(a), std::nullopt;
    } else if (o.scenario.empty()) {
      o.scenario = a;
    } else {
      return error = "more than one scenario given: " + o.scenario + " and " + std::string(a), std::nullopt;
    }
  }
  if (!o.scenario.empty() && !o.demo.empty())
    return error = "give either a scenario or --demo, not both", std::nullopt;
  const bool drill = !o.drill.empty() || !o.resume.empty();
  if (!o.drill.empty() && !o.resume.empty())
    return error = "give either --drill (a new drill) or --resume (a drill's journal), not both",
           std::nullopt;
  if (drill && (!o.scenario.empty() || !o.demo.empty()))
    return error = "a drill names its own scenario: give --drill or --resume without a scenario or --demo",
           std::nullopt;
  if (!o.journal.empty() && o.drill.empty())
    return error = "--journal goes with --drill (--resume appends to the journal it names)", std::nullopt;
  if (!o.lang.empty() && !i18n::parse_language(o.lang))
    return error = i18n::unknown_language_message(o.lang), std::nullopt;
  if (o.players_view && !drill) return error = "--players-view needs --drill or --resume", std::nullopt;
  return o;
}

}  // namespace ss::gui
