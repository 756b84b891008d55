// A hazard's output layers written through GDAL into the run folder: here the line
// layers (a fire service's lanes and hose lines), read back as GeoPackage.
#include "maps/hazard_layers.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <memory>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "maps/gdal_support.hpp"
#include "maps/maps_test_support.hpp"
#include "maps/projection.hpp"

using namespace ss;

namespace {

struct NoState final : HazardState {
  [[nodiscard]] std::unique_ptr<HazardState> clone() const override { return std::make_unique<NoState>(); }
  void hash_state(StateHasher&) const override {}  // nothing changes
};

// A hazard that does nothing but hand out the layers it was given.
class LayerHazard final : public Hazard {
 public:
  explicit LayerHazard(std::vector<HazardLayer> layers) : layers_(std::move(layers)) {}
  [[nodiscard]] std::string_view name() const override { return "lanes_demo"; }
  [[nodiscard]] std::string describe(const Model&) const override { return "layers only"; }
  void prepare(const Model&) override {}
  [[nodiscard]] std::unique_ptr<HazardState> start(const Model&, std::uint64_t) const override {
    return std::make_unique<NoState>();
  }
  void advance(const Model&, const SimState&, HazardState&, double, HazardReport&) const override {}
  [[nodiscard]] bool active(const HazardState&, double) const override { return false; }
  void memory_parts(const Model&, std::size_t, std::vector<MemoryPart>&) const override {}
  void add_closures(const HazardState&, MoverClass, std::span<std::uint8_t>) const override {}
  [[nodiscard]] float walking_speed(const Model&, const SimState&, const HazardState&, ResidentId,
                                    const WalkerPlace&, float v) const override {
    return v;
  }
  void kpis(const Model&, const SimState&, const HazardState&, std::vector<HazardKpi>&) const override {}
  void layers(const Model&, const SimState&, const HazardState&,
              std::vector<HazardLayer>& out) const override {
    out = layers_;
  }

 private:
  std::vector<HazardLayer> layers_;
};

}  // namespace

TEST_CASE("a hazard's line layer is written as GeoPackage lines with its numbers, texts and CRS") {
  const auto dir = maps::test::fixture_dir("hazard_lines");
  HazardLayer lanes;
  lanes.kind = HazardLayer::Kind::Lines;
  lanes.file = "lanes.gpkg";
  lanes.name = "fire_lanes";
  const Vec2 o{650000.0, 5485000.0};
  lanes.lines.push_back({{o, o + Vec2{100.0, 0.0}, o + Vec2{100.0, 50.0}},
                         {{"clear_width_m", 3.5}, {"passable", 1.0}},
                         {{"highway", "residential"}, {"why", ""}}});
  lanes.lines.push_back({{o + Vec2{0.0, 20.0}, o + Vec2{40.0, 20.0}},
                         {{"clear_width_m", std::numeric_limits<double>::quiet_NaN()}, {"passable", 0.0}},
                         {{"highway", "footway"}, {"why", "parking"}}});
  HazardLayer hoses;  // a run without hose lines still writes its (empty) layer
  hoses.kind = HazardLayer::Kind::Lines;
  hoses.file = "hoses.gpkg";
  hoses.name = "hose_lines";

  Model model;
  model.world.crs_wkt = maps::Projector::from_definition("EPSG:32632").wkt();
  model.hazards.push_back(std::make_shared<LayerHazard>(std::vector<HazardLayer>{lanes, hoses}));
  SimState state;
  state.hazards.emplace_back(std::make_unique<NoState>());
  const auto files = maps::write_hazard_layers(dir, model, state);
  REQUIRE(files.size() == 2);
  CHECK(files[0] == (dir / "lanes_demo" / "lanes.gpkg").string());

  using maps::detail::DatasetPtr;
  using maps::detail::FeaturePtr;
  DatasetPtr ds(GDALDataset::Open(files[0].c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("fire_lanes");
  REQUIRE(l);
  CHECK(wkbFlatten(l->GetGeomType()) == wkbLineString);
  CHECK(l->GetFeatureCount() == 2);
  REQUIRE(l->GetSpatialRef());
  CHECK(std::string(l->GetSpatialRef()->GetAuthorityCode(nullptr)) == "32632");
  l->ResetReading();
  FeaturePtr first(l->GetNextFeature());
  REQUIRE(first);
  CHECK(first->GetFieldAsDouble("clear_width_m") == Approx(3.5));
  CHECK(std::string(first->GetFieldAsString("highway")) == "residential");
  const OGRLineString* line = first->GetGeometryRef()->toLineString();
  REQUIRE(line->getNumPoints() == 3);
  CHECK(line->getX(2) == Approx(650100.0));
  CHECK(line->getY(2) == Approx(5485050.0));
  CHECK(line->get_Length() == Approx(150.0));
  FeaturePtr second(l->GetNextFeature());
  REQUIRE(second);
  CHECK_FALSE(second->IsFieldSetAndNotNull(second->GetFieldIndex("clear_width_m")));  // NaN is null
  CHECK(std::string(second->GetFieldAsString("why")) == "parking");

  DatasetPtr empty(GDALDataset::Open(files[1].c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(empty);
  REQUIRE(empty->GetLayerByName("hose_lines"));
  CHECK(empty->GetLayerByName("hose_lines")->GetFeatureCount() == 0);
}
