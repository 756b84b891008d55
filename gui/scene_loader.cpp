#include "gui/scene_source.hpp"

#include <stdexcept>

#if defined(SS_GUI_WITH_SCENARIOS) && __has_include("scenarios/loader/assemble.hpp")
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#define SS_GUI_CAN_LOAD_SCENARIOS 1
#endif

namespace ss::gui {

std::string SceneSource::label() const {
  if (scenario.empty()) return "demo " + demo;
  return variant.empty() ? scenario : scenario + " [" + variant + "]";
}

bool scenario_files_supported() {
#ifdef SS_GUI_CAN_LOAD_SCENARIOS
  return true;
#else
  return false;
#endif
}

LoadedScene load_scene(const SceneSource& src, const LoadStageFn& stage) {
  LoadedScene out;
  auto tell = [&](const std::string& what) {
    if (stage) stage(what);
  };
  if (src.scenario.empty()) {
    tell("building the demo scene " + src.demo);
    out.model = std::make_unique<Model>(make_demo(src.demo));
    out.name = "demo " + src.demo;
    return out;
  }
#ifdef SS_GUI_CAN_LOAD_SCENARIOS
  tell(src.variant.empty() ? "reading the scenario file"
                           : "reading the scenario file, variant " + src.variant);
  const scenarios::ScenarioDesc desc = scenarios::load_scenario(src.scenario, src.variant);
  auto built = scenarios::assemble(desc, [&](const char* what) { tell(what); });
  out.model = std::make_unique<Model>(std::move(built.model));
  if (!out.model->finalized()) {
    tell("finalizing the model");
    out.model->finalize();
  }
  out.name = desc.name.empty() ? src.scenario : desc.name;
  for (const auto& v : desc.variants) out.variants.push_back(v.name);
  for (std::size_t i = 0; i < built.input_files.size() && i < built.checksums.size(); ++i)
    out.inputs.emplace_back(built.input_files[i], built.checksums[i]);
  out.problems = std::move(built.problems);
  out.notes = std::move(built.notes);
  return out;
#else
  throw std::runtime_error("cannot open " + src.scenario +
                           ": this build has no scenario assembler yet; use a demo scene (--demo grid)");
#endif
}

}  // namespace ss::gui
