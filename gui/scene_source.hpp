#pragma once
// What to load: a scenario file (with a variant) or one of the built-in demo scenes,
// and the loading itself, which runs off the UI thread (see Session).
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/model.hpp"

namespace ss::gui {

struct SceneSource {
  std::string scenario;  // scenario file path; empty for a demo scene
  std::string variant;   // scenario variant, empty for the base plan
  std::string demo;      // demo scene name when `scenario` is empty
  [[nodiscard]] std::string label() const;
};

struct LoadedScene {
  std::unique_ptr<Model> model;  // finalized
  std::string name;
  std::vector<std::string> variants;  // variant names the scenario offers
  // (input file, checksum) of every file read, and non-fatal loading problems,
  // carried into exported results the way `safestreet run` records them.
  std::vector<std::pair<std::string, std::string>> inputs;
  std::vector<std::string> problems;
  std::vector<std::string> notes;  // what the loader did (ways dropped, counts found)
};

// Hears of each loading stage as it starts ("reading the scenario file", "street
// map, buildings and terrain", "flood grid", ...); called on the loading thread.
using LoadStageFn = std::function<void(const std::string& stage)>;

// Loads and assembles the scene. Throws ss::InputError / std::exception with a
// message a user can act on (file, line, field when the loader knows them).
LoadedScene load_scene(const SceneSource& src, const LoadStageFn& stage = {});

// True when this build can read scenario files (the scenario assembler is linked).
bool scenario_files_supported();

// Built-in scenes from ss::builders, for trainers without a map and for tests.
std::vector<std::string> demo_names();
Model make_demo(const std::string& name);  // throws std::invalid_argument for an unknown name

}  // namespace ss::gui
