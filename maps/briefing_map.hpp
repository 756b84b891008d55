#pragma once
// Printable briefing maps of a finished run (`safestreet map`, docs/maps.md): one
// sheet, A4 or A3 landscape, as vector PDF or PNG, drawn with Cairo from the run
// folder's results.gpkg (through GDAL) and its CSVs at a chosen simulated time; and
// the difference map of two runs of the same map. The sheet's bytes are returned
// whole: the caller writes them (whole or not at all).
#include <cstdint>
#include <optional>
#include <string>

#include "engine/world/geometry.hpp"

namespace ss::maps {

enum class Paper : std::uint8_t { A4, A3 };
enum class SheetFormat : std::uint8_t { Pdf, Png };

struct SheetOptions {
  Paper paper = Paper::A4;  // always landscape
  SheetFormat format = SheetFormat::Pdf;
  double dpi = 150.0;   // PNG only: pixels per inch of paper
  std::string title;    // empty: "Briefing map: <scenario>" (or "Difference map: ...")
  std::string version;  // the program's version, printed in the footer
};

// Which layers a briefing map draws.
struct BriefingLayers {
  bool homes = true;
  bool shelters = true;
  bool closures = true;
  bool streets = true;
  bool zones = true;
};
// "homes,streets,..." (names separated by commas). Throws InputError naming --layers
// and the unknown name.
BriefingLayers parse_layers(const std::string& text);

// Where the map's metres land on the sheet: sheet units (PDF points or PNG pixels)
// from the top-left corner, y downward.
struct SheetTransform {
  double scale = 0.0;   // sheet units per metre
  Vec2 centre{};        // map point (m) at the map frame's centre
  Vec2 frame_centre{};  // that point on the sheet
  [[nodiscard]] Vec2 to_sheet(Vec2 p) const {
    return {frame_centre.x + (p.x - centre.x) * scale, frame_centre.y - (p.y - centre.y) * scale};
  }
};

// Homes by their residents' state at the map's time (briefing map), in legend order.
enum class HomeState : std::uint8_t { AllSafe, OnTheWay, NoneLeft, NotWarned };
inline constexpr std::size_t kHomeStateCount = 4;
const char* to_string(HomeState s);

// Homes by the change in median time to safety (difference map), in legend order.
enum class HomeChange : std::uint8_t { MuchBetter, Better, Unchanged, Worse, MuchWorse, NoTime };
inline constexpr std::size_t kHomeChangeCount = 6;
const char* to_string(HomeChange c);

struct SheetResult {
  std::string bytes;           // the PDF or PNG file
  SheetTransform transform{};  // map → sheet, for checking what was drawn where
  // The key figures printed on the sheet, for the command line's summary.
  std::string figures_text;
};

struct BriefingRequest {
  std::string run_dir;
  std::optional<double> at{};  // simulated s; none: the run's end
  BriefingLayers layers{};
  SheetOptions sheet{};
  // The area the map frame shows (map CRS, m), e.g. the GUI's view; the frame keeps
  // the paper's proportions, so one side shows more. None: the whole run, with a margin.
  std::optional<Box> extent{};
};
// Throws InputError naming the folder, file or option at fault.
SheetResult render_briefing_map(const BriefingRequest& request);

// "XMIN,YMIN,XMAX,YMAX" in metres of the map's CRS (`--extent`). Throws InputError
// naming --extent when it is not four finite numbers with XMIN < XMAX and YMIN < YMAX.
Box parse_extent(const std::string& text);
// The same four numbers written back, to 0.1 m: what parse_extent reads.
std::string format_extent(const Box& box);

struct DifferenceRequest {
  std::string run_dir;         // the reference run
  std::string other_dir;       // the run compared with it: changes are other − reference
  double unchanged_min = 1.0;  // |change| up to this many minutes counts as unchanged
  // What the sheet's footer calls each run (e.g. "base plan, exported at 1:00:00");
  // empty: its folder.
  std::string run_label{};
  std::string other_label{};
  SheetOptions sheet{};
};
// Throws InputError naming the folder at fault; also when the two runs are not of
// the same map.
SheetResult render_difference_map(const DifferenceRequest& request);

}  // namespace ss::maps
