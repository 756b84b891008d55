#pragma once
// Each plan variant's description (the scenario file's `variants: <name>:
// description:`), for reports. A run's summary.json does not record it, so a batch
// keeps them in its manifest (DIR/batch.json) and `compare` reads them from there, or
// from the scenario file a manifest or run summary names when it still exists.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace ss::batch {

using Descriptions = std::map<std::string, std::string>;  // variant name → description

// What the report says of the base plan, which has no description of its own.
inline constexpr const char* kBaseDescription = "The scenario's plan as written, without a variant patch.";

// Every variant the scenario file offers, and "base". Throws ss::InputError for a
// file the loader cannot read.
Descriptions scenario_descriptions(const std::string& scenario_path);

// The manifest's "variants" object, {"name": "description", ...} (names sorted).
nlohmann::json descriptions_json(const Descriptions& d);

// Descriptions for the runs in `dir`, a batch folder or a run folder: DIR/batch.json's
// "variants"; else the scenario file named by DIR/batch.json or DIR/summary.json
// ("scenario.path", as the run was given it), when it can still be read. Empty when
// nothing is found; never throws: a missing description is no reason to fail.
Descriptions find_descriptions(const std::filesystem::path& dir);

}  // namespace ss::batch
