// Briefing maps (maps/briefing_map*.cpp) drawn from real run folders of a small town:
// the PDF's pages, the PNG's pixels where homes, closures and shelters are, the
// difference map, and the same bytes for the same run.
#include <catch2/catch.hpp>

#include <cairo/cairo.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/display_text.hpp"
#include "engine/core/input_error.hpp"
#include "i18n/language.hpp"
#include "i18n/number_format.hpp"
#include "maps/briefing_map.hpp"
#include "maps/briefing_map_run.hpp"
#include "tests/cli/cli_util.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::TempDir;
using ss::testing::cli::safestreet;
using ss::testing::cli::town;

namespace {

// The town with a street closed by an inject at 10 min (the western half of Main).
std::string run_town(const TempDir& dir, const std::string& name, const std::string& seed = "4") {
  const std::string scenario =
      town(dir, "run: {dt: 1, duration: 1 h, seed: " + seed + "}\n",
           "injects:\n  - {at: 10 min, close_road: {lon: 11.2815, lat: 49.5100}, note: tree down}\n");
  const std::string out = dir.path() + "/" + name;
  const auto r = safestreet("run " + scenario + " --quiet --out " + out);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return out;
}

struct Rgb {
  int r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};
std::ostream& operator<<(std::ostream& o, const Rgb& c) { return o << c.r << "," << c.g << "," << c.b; }

// A PNG read back with Cairo.
class Png {
 public:
  explicit Png(const std::string& bytes) : bytes_(bytes) {
    surface_ = cairo_image_surface_create_from_png_stream(&Png::read, this);
    REQUIRE(cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS);
  }
  ~Png() { cairo_surface_destroy(surface_); }
  Png(const Png&) = delete;
  Png& operator=(const Png&) = delete;
  [[nodiscard]] int width() const { return cairo_image_surface_get_width(surface_); }
  [[nodiscard]] int height() const { return cairo_image_surface_get_height(surface_); }
  [[nodiscard]] Rgb at(ss::Vec2 p) const {
    const int x = static_cast<int>(p.x), y = static_cast<int>(p.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < width());
    REQUIRE(y < height());
    cairo_surface_flush(surface_);
    const unsigned char* row =
        cairo_image_surface_get_data(surface_) + y * cairo_image_surface_get_stride(surface_);
    std::uint32_t px = 0;
    std::memcpy(&px, row + 4 * x, 4);  // native-endian 0xAARRGGBB (CAIRO_FORMAT_RGB24/ARGB32)
    return {static_cast<int>((px >> 16) & 0xff), static_cast<int>((px >> 8) & 0xff),
            static_cast<int>(px & 0xff)};
  }

 private:
  static cairo_status_t read(void* self, unsigned char* data, unsigned int length) {
    auto* png = static_cast<Png*>(self);
    if (png->pos_ + length > png->bytes_.size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, png->bytes_.data() + png->pos_, length);
    png->pos_ += length;
    return CAIRO_STATUS_SUCCESS;
  }
  std::string bytes_;
  std::size_t pos_ = 0;
  cairo_surface_t* surface_ = nullptr;
};

struct HomeRef {
  ss::Vec2 centre{};  // a point inside the home (its centroid: the homes are rectangles)
  int not_safe = 0;
  double safe_max_min = 0.0;
};

struct Gpkg {
  std::vector<HomeRef> homes;
  std::vector<ss::Vec2> street_middles;  // (streets)
};

Gpkg read_gpkg(const std::string& run) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open((run + "/results.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  Gpkg g;
  OGRLayer* homes = ds->GetLayerByName("homes");
  REQUIRE(homes);
  for (auto& f : *homes) {
    OGRPoint c;
    REQUIRE(f->GetGeometryRef()->Centroid(&c) == OGRERR_NONE);
    g.homes.push_back(
        {{c.getX(), c.getY()}, f->GetFieldAsInteger("not_safe"), f->GetFieldAsDouble("safe_max_min")});
  }
  OGRLayer* streets = ds->GetLayerByName("streets");
  REQUIRE(streets);
  for (auto& f : *streets) {
    const OGRLineString* l = f->GetGeometryRef()->toLineString();
    OGRPoint mid;
    l->Value(l->get_Length() / 2, &mid);
    g.street_middles.push_back({mid.getX(), mid.getY()});
  }
  return g;
}

ss::maps::SheetResult briefing(const std::string& run, std::optional<double> at, ss::maps::SheetFormat format,
                               ss::maps::Paper paper = ss::maps::Paper::A4) {
  ss::maps::BriefingRequest req;
  req.run_dir = run;
  req.at = at;
  req.sheet.format = format;
  req.sheet.paper = paper;
  return ss::maps::render_briefing_map(req);
}

// The page's size in points from the PDF's /MediaBox.
std::pair<double, double> media_box(const std::string& pdf) {
  const auto at = pdf.find("/MediaBox [");
  REQUIRE(at != std::string::npos);
  double x0 = -1, y0 = -1, w = 0, h = 0;
  REQUIRE(std::sscanf(pdf.c_str() + at, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &w, &h) == 4);
  CHECK(x0 == 0);
  CHECK(y0 == 0);
  return {w, h};
}

constexpr Rgb kAllSafe{26, 150, 65};
constexpr Rgb kClosed{231, 41, 138};
constexpr Rgb kUnchanged{210, 210, 210};

}  // namespace

TEST_CASE("a briefing map is an A4 or A3 landscape PDF without a creation date, the same bytes every time") {
  TempDir dir;
  const std::string run = run_town(dir, "run");
  const std::string a4 = briefing(run, 1800.0, ss::maps::SheetFormat::Pdf).bytes;
  REQUIRE(a4.rfind("%PDF-", 0) == 0);
  // ISO 216: A4 is 297 x 210 mm, A3 420 x 297 mm; PDF points are 1/72 inch.
  const auto [w4, h4] = media_box(a4);
  CHECK(w4 == Approx(297 / 25.4 * 72).margin(0.01));
  CHECK(h4 == Approx(210 / 25.4 * 72).margin(0.01));
  const std::string a3 = briefing(run, 1800.0, ss::maps::SheetFormat::Pdf, ss::maps::Paper::A3).bytes;
  const auto [w3, h3] = media_box(a3);
  CHECK(w3 == Approx(420 / 25.4 * 72).margin(0.01));
  CHECK(h3 == Approx(297 / 25.4 * 72).margin(0.01));
  CHECK(a4.find("/CreationDate") == std::string::npos);
  CHECK(briefing(run, 1800.0, ss::maps::SheetFormat::Pdf).bytes == a4);
  // The text is real text in an embedded font: the attribution is in the file.
  CHECK(a4.find("DejaVuSans") != std::string::npos);
}

TEST_CASE("a briefing map's PNG shows a home safe at the end in the all-safe colour, and not at the start") {
  TempDir dir;
  const std::string run = run_town(dir, "run");
  const Gpkg g = read_gpkg(run);
  const ss::maps::SheetResult end = briefing(run, std::nullopt, ss::maps::SheetFormat::Png);
  const ss::maps::SheetResult start = briefing(run, 0.0, ss::maps::SheetFormat::Png);
  const Png end_png(end.bytes), start_png(start.bytes);
  // A4 landscape at 150 dpi.
  CHECK(end_png.width() == 1754);
  CHECK(end_png.height() == 1240);
  int safe_homes = 0;
  for (const HomeRef& h : g.homes) {
    if (h.not_safe != 0) continue;
    ++safe_homes;
    CHECK(end_png.at(end.transform.to_sheet(h.centre)) == kAllSafe);
    // At 0:00:00 nobody has left yet.
    const Rgb at_start = start_png.at(start.transform.to_sheet(h.centre));
    CHECK_FALSE(at_start == kAllSafe);
  }
  CHECK(safe_homes > 0);
  // Halfway between: a home is all safe once its last resident is, not before.
  for (const HomeRef& h : g.homes) {
    if (h.not_safe != 0 || h.safe_max_min < 0.5) continue;
    const double before = (h.safe_max_min - 0.25) * 60.0, after = (h.safe_max_min + 0.25) * 60.0;
    const auto b = briefing(run, before, ss::maps::SheetFormat::Png),
               a = briefing(run, after, ss::maps::SheetFormat::Png);
    CHECK_FALSE(Png(b.bytes).at(b.transform.to_sheet(h.centre)) == kAllSafe);
    CHECK(Png(a.bytes).at(a.transform.to_sheet(h.centre)) == kAllSafe);
  }
  // The same run, the same pixels and bytes.
  CHECK(briefing(run, std::nullopt, ss::maps::SheetFormat::Png).bytes == end.bytes);
}

TEST_CASE("a briefing map of a chosen area centres it and draws it larger than the whole run") {
  TempDir dir;
  const std::string run = run_town(dir, "run");
  const Gpkg g = read_gpkg(run);
  const ss::maps::SheetResult whole = briefing(run, std::nullopt, ss::maps::SheetFormat::Png);
  // A safe home and 60 m around it, as the GUI's view gives it.
  const auto safe =
      std::find_if(g.homes.begin(), g.homes.end(), [](const HomeRef& h) { return h.not_safe == 0; });
  REQUIRE(safe != g.homes.end());
  ss::maps::BriefingRequest req;
  req.run_dir = run;
  req.sheet.format = ss::maps::SheetFormat::Png;
  req.extent = ss::maps::parse_extent(ss::maps::format_extent(
      {{safe->centre.x - 60, safe->centre.y - 60}, {safe->centre.x + 60, safe->centre.y + 60}}));
  const ss::maps::SheetResult zoomed = ss::maps::render_briefing_map(req);
  CHECK(zoomed.transform.scale > 3 * whole.transform.scale);
  CHECK(std::abs(zoomed.transform.centre.x - safe->centre.x) < 0.1);
  CHECK(std::abs(zoomed.transform.centre.y - safe->centre.y) < 0.1);
  // The home sits in the middle of the map frame, in the all-safe colour.
  const ss::Vec2 at = zoomed.transform.to_sheet(safe->centre);
  CHECK(std::abs(at.x - zoomed.transform.frame_centre.x) < 1.0);
  CHECK(std::abs(at.y - zoomed.transform.frame_centre.y) < 1.0);
  CHECK(Png(zoomed.bytes).at(at) == kAllSafe);
  // An area away from the run's map is refused, naming --extent.
  req.extent = ss::maps::parse_extent("0,0,100,100");
  CHECK_THROWS_WITH(ss::maps::render_briefing_map(req),
                    Catch::Contains("--extent") && Catch::Contains("outside"));
}

TEST_CASE("an area is read as four numbers, XMIN below XMAX and YMIN below YMAX") {
  const ss::Box b = ss::maps::parse_extent(" 665000.25, 5486000 ,665500,5486400.5");
  CHECK(b.min.x == 665000.25);
  CHECK(b.max.y == 5486400.5);
  CHECK(ss::maps::format_extent(b) == "665000.2,5486000.0,665500.0,5486400.5");
  for (const char* bad : {"1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,,4", "5,1,1,4", "1,4,5,4", "nan,0,1,1", ""})
    CHECK_THROWS_WITH(ss::maps::parse_extent(bad), Catch::Contains("--extent"));
}

TEST_CASE("a briefing map draws a street closed by an inject from the inject's time on") {
  TempDir dir;
  const std::string run = run_town(dir, "run");
  const Gpkg g = read_gpkg(run);
  // journal.csv names the street the inject closed: its index in the streets layer.
  const std::string journal = ss::testing::cli::slurp(run + "/journal.csv");
  const auto line = journal.find("close_road");
  REQUIRE(line != std::string::npos);
  std::size_t target = 0;
  REQUIRE(std::sscanf(journal.c_str() + line, "close_road,%zu", &target) == 1);
  REQUIRE(target < g.street_middles.size());
  const auto before = briefing(run, 9 * 60.0, ss::maps::SheetFormat::Png);
  const auto after = briefing(run, 11 * 60.0, ss::maps::SheetFormat::Png);
  CHECK_FALSE(Png(before.bytes).at(before.transform.to_sheet(g.street_middles[target])) == kClosed);
  CHECK(Png(after.bytes).at(after.transform.to_sheet(g.street_middles[target])) == kClosed);
  CHECK_THAT(after.figures_text, Catch::Contains(ss::pad_display("streets closed", 22) + "1\n"));
  CHECK_THAT(before.figures_text, Catch::Contains(ss::pad_display("streets closed", 22) + "0\n"));
  // Without the closures layer the street is not drawn closed.
  ss::maps::BriefingRequest req;
  req.run_dir = run;
  req.at = 11 * 60.0;
  req.sheet.format = ss::maps::SheetFormat::Png;
  req.layers = ss::maps::parse_layers("homes,streets");
  const auto bare = ss::maps::render_briefing_map(req);
  CHECK_FALSE(Png(bare.bytes).at(bare.transform.to_sheet(g.street_middles[target])) == kClosed);
}

TEST_CASE("a street is closed on the map while a closure of results.gpkg holds, by command before hazard") {
  using ss::maps::briefing::StreetClosure;
  ss::maps::briefing::RunFolder run;
  run.streets.resize(3);
  run.has_closures_layer = true;
  // Street 0: water from 5 min to the end; street 1: an inject from 10 to 20 min and
  // water from 15 min on; street 2 stays open.
  run.closures = {{0, 300.0, HUGE_VAL, true}, {1, 600.0, 1200.0, false}, {1, 900.0, HUGE_VAL, true}};
  const auto at = [&](double t) { return ss::maps::briefing::closed_streets_at(run, t); };
  CHECK(at(0.0) == std::vector{StreetClosure::Open, StreetClosure::Open, StreetClosure::Open});
  CHECK(at(300.0) == std::vector{StreetClosure::Hazard, StreetClosure::Open, StreetClosure::Open});
  CHECK(at(1000.0) == std::vector{StreetClosure::Hazard, StreetClosure::Command, StreetClosure::Open});
  // Reopened by command at 20 min, still under water.
  CHECK(at(1200.0) == std::vector{StreetClosure::Hazard, StreetClosure::Hazard, StreetClosure::Open});
  // A run folder without the layer: the plan's closures and the journal.
  run.has_closures_layer = false;
  run.streets[2].closed_by_plan = true;
  run.journal = {{600.0, "close_road", 1}, {1200.0, "open_road", 1}};
  CHECK(at(700.0) == std::vector{StreetClosure::Open, StreetClosure::Command, StreetClosure::Command});
  CHECK(at(1300.0) == std::vector{StreetClosure::Open, StreetClosure::Open, StreetClosure::Command});
}

TEST_CASE(
    "a briefing or difference map in Chinese or German: its texts translated, Chinese in Noto Sans CJK SC") {
  TempDir dir;
  const std::string run = run_town(dir, "run");
  struct Guard {
    ~Guard() { ss::i18n::set_language(ss::i18n::Language::En); }
  } restore;
  ss::i18n::set_language(ss::i18n::Language::ZhCn);
  const ss::maps::SheetResult zh = briefing(run, 11 * 60.0, ss::maps::SheetFormat::Pdf);
  CHECK_THAT(zh.figures_text, Catch::Contains(ss::pad_display("封闭街道", 22) + "1\n"));
  CHECK_THAT(zh.figures_text, Catch::Contains(ss::pad_display("居民", 22)));
  // Cairo's text draws with one face: the Chinese sheet embeds the CJK face, not DejaVu.
  CHECK(zh.bytes.find("NotoSansCJK") != std::string::npos);
  CHECK(zh.bytes.find("DejaVuSans") == std::string::npos);
  ss::i18n::set_language(ss::i18n::Language::De);
  const ss::maps::SheetResult de = briefing(run, 11 * 60.0, ss::maps::SheetFormat::Pdf);
  CHECK_THAT(de.figures_text, Catch::Contains(ss::pad_display("Straßen gesperrt", 22) + "1\n"));
  CHECK_THAT(de.figures_text, Catch::Contains(" von "));
  CHECK(de.bytes.find("DejaVuSans") != std::string::npos);
  // The difference map likewise.
  ss::maps::DifferenceRequest req;
  req.run_dir = run;
  req.other_dir = run;
  req.sheet.format = ss::maps::SheetFormat::Pdf;
  const std::size_t homes = read_gpkg(run).homes.size();
  const ss::maps::SheetResult de_diff = ss::maps::render_difference_map(req);
  CHECK_THAT(de_diff.figures_text,
             Catch::Contains(ss::pad_display("unverändert", 34) + ss::i18n::format_count(homes) + "\n"));
  CHECK_THAT(de_diff.figures_text, Catch::Contains(ss::pad_display("früher", 34) + "0\n"));
  ss::i18n::set_language(ss::i18n::Language::ZhCn);
  const ss::maps::SheetResult zh_diff = ss::maps::render_difference_map(req);
  CHECK_THAT(zh_diff.figures_text, Catch::Contains(ss::pad_display("不变", 34)));
  CHECK(zh_diff.bytes.find("NotoSansCJK") != std::string::npos);
}

TEST_CASE("the difference map of a run with itself shows every home unchanged") {
  TempDir dir;
  const std::string run = run_town(dir, "run");
  const Gpkg g = read_gpkg(run);
  ss::maps::DifferenceRequest req;
  req.run_dir = run;
  req.other_dir = run;
  req.sheet.format = ss::maps::SheetFormat::Png;
  const auto diff = ss::maps::render_difference_map(req);
  const Png png(diff.bytes);
  for (const HomeRef& h : g.homes) CHECK(png.at(diff.transform.to_sheet(h.centre)) == kUnchanged);
  CHECK_THAT(diff.figures_text,
             Catch::Contains(ss::pad_display("unchanged", 34) + std::to_string(g.homes.size()) + "\n"));
  CHECK_THAT(diff.figures_text, Catch::Contains(ss::pad_display("earlier", 34) + "0\n"));
  CHECK_THAT(diff.figures_text, Catch::Contains(ss::pad_display("later", 34) + "0\n"));
}

TEST_CASE("the difference map refuses two runs of different maps, naming the other run") {
  TempDir dir, other;
  const std::string run = run_town(dir, "run");
  // Another town: Main street a little longer.
  other.write("streets.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"residential","name":"Main"},
 "geometry":{"type":"LineString","coordinates":[[11.2800,49.5100],[11.2830,49.5100],[11.2870,49.5100]]}},
{"type":"Feature","properties":{"highway":"footway"},
 "geometry":{"type":"LineString","coordinates":[[11.2830,49.5100],[11.2830,49.5120]]}}]})");
  other.write("buildings.geojson", ss::testing::cli::kHouses);
  const std::string scenario =
      other.write("town.yaml",
                  "name: other town\nmap: {streets: streets.geojson, buildings: buildings.geojson}\n"
                  "population: {synthesize: {total: 60, seed: 3}}\n"
                  "shelters: {list: [{name: Hall, lon: 11.2830, lat: 49.5121, capacity: 100}]}\n"
                  "zones: {grid: 200 m}\nrun: {dt: 1, duration: 1 h, seed: 4}\n");
  REQUIRE(safestreet("run " + scenario + " --quiet --out " + other.path() + "/run").exit_code == 0);
  ss::maps::DifferenceRequest req;
  req.run_dir = run;
  req.other_dir = other.path() + "/run";
  REQUIRE_INPUT_ERROR(ss::maps::render_difference_map(req), other.path() + "/run", 0, "--compare",
                      "not a run on the same map");
}
