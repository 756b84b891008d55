#pragma once
// What the window shows, as JSON for scripted tests (script: dump_ui FILE): the UI
// scale and font, the sidebars' widths, the scene and the Variant box, the controls
// drawn, the last load's stages, the event log, and whether the key figures' text
// stayed inside its panel without running into its neighbour.
#include <string>

#include "gui/app_context.hpp"

namespace ss::gui {

// Writes the summary to `path` (temporary file + rename). Reads the layout recorded
// by the last frame's panels. False, with an error shown, when it cannot write.
bool write_ui_summary(AppContext& ctx, const std::string& path);

}  // namespace ss::gui
