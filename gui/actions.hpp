#pragma once
// What a user can do, as functions shared by the panels and the script, so a
// scripted test exercises exactly the code a click in the window runs. Every change
// to the run goes through Simulation::apply via Session::apply.
#include <optional>
#include <string>

#include "engine/core/display_text.hpp"

#include "gui/app_context.hpp"

namespace ss::gui {

void open_scene(AppContext& ctx, SceneSource src, std::optional<std::uint64_t> seed = std::nullopt);
void restart(AppContext& ctx, std::uint64_t seed);

// Close (true) or reopen (false) a street. Returns false, with an error shown,
// when there is no such street or no scene.
bool set_road_closed(AppContext& ctx, EdgeId e, bool closed, const std::string& note = "gui");
bool set_shelter_closed(AppContext& ctx, ShelterId s, bool closed, const std::string& note = "gui");
// Asks for the plan's mutual-aid offer `offer` (ResponsePlan::mutual_aid); an error
// message when there is no such offer or it was already asked for.
bool request_mutual_aid(AppContext& ctx, std::size_t offer, const std::string& note = "gui");

// Starts a fire in building b (index into World::buildings) now: a StartFire
// intervention through the engine's one entry point, journaled like every other.
// Returns false, with an error shown, without a scene, when the scenario has no
// fire, or for no such building or one that cannot burn; with a note when it is
// burning already.
bool start_fire(AppContext& ctx, std::uint32_t b, const std::string& note = "gui");
// The same for the building under a world point (building_at); an error when
// there is none.
bool start_fire_at(AppContext& ctx, Vec2 world, const std::string& note = "gui");
// The building under a world point: the one whose outline holds it, else the one
// whose centroid lies nearest within max_m; -1 when there is none.
std::int64_t building_at(const World& world, Vec2 p, double max_m = 20.0);

// A click on the map at a window pixel, interpreted by the current click mode:
// inspect selects what is under it; road mode closes or reopens the street under it;
// fire mode starts a fire in the building under it. Clicks outside the map area,
// off any street (road mode) or building (fire mode) show an error.
void click_map(AppContext& ctx, sf::Vector2f pixel);
// The same click at a world point (local CRS metres), as a script gives it.
void click_world(AppContext& ctx, Vec2 world);

// Current metrics, recomputed at most 4 times per wall second (`fresh`: now, for
// exports and checks that must see this very step).
const RunMetrics& current_metrics(AppContext& ctx, bool fresh = false);

// "response within 15 min (90 %)", and what was measured in words (the target's
// detail, engine/plan/targets.hpp), or "-". The status is the target's own.
std::string target_label(const PlanTarget& t);
std::string target_measured(const TargetResult& r);

// A small JSON summary of the run as it stands (time, counts, closed roads and
// shelters, journal), for scripted tests.
bool write_state_summary(AppContext& ctx, const std::string& path);
// JSON string contents: quotes and backslashes escaped, control characters as spaces.
std::string json_escape(const std::string& s);
// `text` to `path` through a temporary file and a rename, so a reader never sees half
// of it; an error is reported in the GUI's messages.
bool write_whole_file(AppContext& ctx, const std::string& path, const std::string& text);
// The run's result files, the same as `safestreet run --out DIR`, when the output
// library is built in.
bool export_results(AppContext& ctx, const std::string& dir);
bool results_export_supported();
// A printable briefing map (PDF or PNG by the file's ending) of the current view at
// the current time: the sheet `safestreet map` draws from the results exported now,
// with --extent the view's area (docs/maps.md).
bool export_briefing_map(AppContext& ctx, const std::string& path);
// The difference map of `safestreet map REFERENCE --compare RUN` (docs/maps.md) with
// RUN this run's results as they stand: homes by the change in time to safety against
// the run folder `reference_dir` (better, worse, unchanged), PDF or PNG by the ending.
bool export_difference_map(AppContext& ctx, const std::string& reference_dir, const std::string& path);
bool briefing_export_supported();

using ss::format_clock;  // h:mm:ss, engine/core/display_text.hpp

}  // namespace ss::gui
