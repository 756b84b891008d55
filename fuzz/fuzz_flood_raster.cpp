// Fuzz target: external flood rasters (a hydraulic model's depth and speed series
// replayed in place of the solver), whose size, georeference, CRS, NoData and values
// come from outside. The bytes become raster files (GeoTIFF, ASCII grid or anything
// else GDAL recognises) read onto a 10 m flood grid in Lauf's UTM zone by
// load_external_flood. The first byte chooses the series: one file as both frames;
// two files (the rest split in half) as two frames; one file as depth and speed.
// Only ss::InputError may come out, and what is read must be finite depths ≥ 0.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/hazards/flood/flood.hpp"
#include "engine/hazards/flood/flood_grid.hpp"
#include "fuzz/fuzz_support.hpp"
#include "maps/flood_rasters.hpp"
#include "maps/projection.hpp"

namespace {

struct Setting {
  ss::maps::Projector utm = ss::maps::Projector::from_definition("EPSG:32632");
  ss::FloodGrid grid;
  Setting() {
    grid.origin = {650000.0, 5480000.0};
    grid.cell = 10.0;
    grid.nx = 8;
    grid.ny = 6;
    grid.z.assign(grid.size(), 300.0);
    grid.manning.assign(grid.size(), 0.03f);
    grid.blocked.assign(grid.size(), 0);
  }
};

const Setting& setting() {
  static const Setting s;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)setting();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int mode = data[0] % 3;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<ss::maps::ExternalFrame> frames;
  if (mode == 1) {
    const std::string a = ss::fuzz::write_scratch("d0.tif", rest.substr(0, rest.size() / 2));
    const std::string b = ss::fuzz::write_scratch("d1.tif", rest.substr(rest.size() / 2));
    frames = {{0.0, a, ""}, {600.0, b, ""}};
  } else {
    const std::string a = ss::fuzz::write_scratch("d0.tif", rest);
    frames = {{0.0, a, mode == 2 ? a : ""}, {600.0, a, mode == 2 ? a : ""}};
  }
  ss::fuzz::expect_input_errors_only("load_external_flood", [&] {
    const ss::ExternalFlood f =
        ss::maps::load_external_flood(frames, setting().grid, setting().utm, "flood.external");
    for (const auto& frame : f.depth)
      for (float v : frame)
        if (!(std::isfinite(v) && v >= 0.0f)) {
          std::fprintf(stderr, "fuzz: load_external_flood: depth %g read\n", static_cast<double>(v));
          std::abort();
        }
    for (const auto& frame : f.speed)
      for (float v : frame)
        if (!(std::isfinite(v) && v >= 0.0f)) {
          std::fprintf(stderr, "fuzz: load_external_flood: speed %g read\n", static_cast<double>(v));
          std::abort();
        }
  });
  return 0;
}
