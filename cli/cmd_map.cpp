// `safestreet map RUN_DIR --at 30min --out map.pdf`: a printable briefing map of a run
// at a simulated time; `--compare OTHER_RUN` draws the difference map of two runs
// (docs/maps.md, maps/briefing_map.hpp).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "batch/comparison_files.hpp"
#include "cli/commands.hpp"
#include "drill/drill_script.hpp"
#include "engine/core/display_text.hpp"
#include "engine/core/input_error.hpp"
#include "maps/briefing_map.hpp"
#include "maps/gdal_support.hpp"

namespace ss::cli {
namespace {

namespace fs = std::filesystem;

maps::SheetFormat format_of(const std::string& out) {
  if (maps::detail::ends_with_ci(out, ".pdf")) return maps::SheetFormat::Pdf;
  if (maps::detail::ends_with_ci(out, ".png")) return maps::SheetFormat::Png;
  throw InputError("command line", 0, "--out", "'" + out + "' is neither a .pdf nor a .png file");
}

// The folder --out goes into must be there and writable, and --out no folder: said
// before the run is read, rather than after the map is drawn.
void check_writable(const std::string& out) {
  const fs::path p(out);
  const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError("command line", 0, "--out", "cannot write " + out + ": no folder " + dir.string());
  if (fs::is_directory(p, ec))
    throw InputError("command line", 0, "--out", "cannot write " + out + ": it is a folder");
  if (::access(dir.c_str(), W_OK) != 0)
    throw InputError("command line", 0, "--out",
                     "cannot write " + out + ": the folder " + dir.string() + " is not writable");
}

maps::SheetOptions sheet_options(const MapOptions& opt) {
  maps::SheetOptions s;
  const std::string paper = maps::detail::lower(opt.paper);
  if (paper == "a4")
    s.paper = maps::Paper::A4;
  else if (paper == "a3")
    s.paper = maps::Paper::A3;
  else
    throw InputError("command line", 0, "--paper", "'" + opt.paper + "' is not a paper size: a4 or a3");
  s.format = format_of(opt.out);
  s.dpi = opt.dpi;
  s.title = opt.title;
  s.version = SAFESTREET_VERSION;
  return s;
}

std::optional<double> map_time(const std::string& text) {
  if (maps::detail::iequals(maps::detail::trim(text), "end")) return std::nullopt;
  const auto t = drill::parse_time(text);
  if (!t || *t < 0.0)
    throw InputError("command line", 0, "--at",
                     "'" + text + "' is not a simulated time such as 30min, 1:30:00, 5400 (s) or end");
  return t;
}

}  // namespace

int map_command(const MapOptions& opt) {
  maps::SheetOptions sheet = sheet_options(opt);
  const char* paper = sheet.paper == maps::Paper::A3 ? "A3" : "A4";
  check_writable(opt.out);
  maps::SheetResult r;
  if (opt.compare.empty() && !(opt.reference_label.empty() && opt.compare_label.empty()))
    throw InputError("command line", 0, opt.reference_label.empty() ? "--compare-label" : "--reference-label",
                     "names a run of a difference map: use it with --compare");
  if (!opt.compare.empty()) {
    if (!maps::detail::iequals(opt.at, "end"))
      throw InputError("command line", 0, "--at",
                       "a difference map compares the runs' results: leave out --at");
    if (!opt.extent.empty())
      throw InputError("command line", 0, "--extent",
                       "a difference map shows the whole map: leave out --extent");
    maps::DifferenceRequest req;
    req.run_dir = opt.run_dir;
    req.other_dir = opt.compare;
    req.unchanged_min = opt.unchanged_within;
    req.run_label = opt.reference_label;
    req.other_label = opt.compare_label;
    req.sheet = std::move(sheet);
    r = maps::render_difference_map(req);
  } else {
    maps::BriefingRequest req;
    req.run_dir = opt.run_dir;
    req.at = map_time(opt.at);
    req.layers = maps::parse_layers(opt.layers);
    if (!opt.extent.empty()) req.extent = maps::parse_extent(opt.extent);
    req.sheet = std::move(sheet);
    r = maps::render_briefing_map(req);
  }
  try {
    batch::write_file_atomically(opt.out, r.bytes);
  } catch (const std::runtime_error& e) {
    throw InputError("command line", 0, "--out", "cannot write " + opt.out + " (" + e.what() + ")");
  }
  if (!opt.quiet) {
    std::printf("map   %s (%s landscape, %s)\n", opt.out.c_str(), paper,
                format_bytes(static_cast<double>(r.bytes.size())).c_str());
    std::fputs(r.figures_text.c_str(), stdout);
  }
  return kExitOk;
}

}  // namespace ss::cli
