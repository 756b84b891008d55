#pragma once
// Map layers of the fire service (engine/hazards/fire/fire_service.hpp): the fire
// lanes as the map and survey describe them (static, in the map's offscreen cache),
// this run's blocked lanes, hydrants and stations, and the appliances on their way
// or on scene with their hose and supply lines.
#include <SFML/Graphics/VertexArray.hpp>

#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "gui/camera.hpp"
#include "gui/view_state.hpp"

namespace ss::gui {

// The fire's service when the model has an enabled one, else nullptr.
const FireHazard* find_fire_service(const Model& model);

// Why appliances cannot use street e with this clear width and closure, for the first
// pumper type: the classification fire_service_outputs.cpp writes to fire/lanes.gpkg
// (`problem`, `problem_run`), so the map and the run's files agree.
LaneProblem lane_problem(const FireHazard& fire, const StreetGraph& g, std::size_t e, float clear_width,
                         bool closed);

enum class ApplianceStage : std::uint8_t {
  AtStation,   // in its station, no job
  TurningOut,  // alarmed, crew not yet rolling
  Driving,     // on its way (or stuck where no route went on)
  OnScene,     // stopped at its incident, working
  Standing,    // job done, standing where it stopped until the next one
};
const char* to_string(ApplianceStage s);

struct ApplianceMark {
  Vec2 pos;  // m, local CRS
  ApplianceKind kind = ApplianceKind::Pumper;
  ApplianceStage stage = ApplianceStage::AtStation;
};
// Where each appliance is at t (s), one mark per FireServiceRun::appliances entry.
// A drive (ApplianceRun::path, path_time) is followed street by street along the
// streets' shapes at a constant speed per street; its last stretch, from the last
// junction to where it stops on the street, is straight.
void appliance_positions(const Model& model, const FireHazard& fire, const FireRun& run, double t,
                         std::vector<ApplianceMark>& out);

// The task of the pumper that arrives first at incident k (-1: the latest): the
// first engine, known from the moment it is dispatched (the engine plans a drive
// whole); -1 while none with an arrival has been sent.
std::int64_t first_pumper_task(const FireHazard& fire, const FireRun& run, std::int64_t k);

class FireServiceLayer {
 public:
  // Forget everything built (a new model).
  void reset();

  // The static fire lanes (FireHazard::service().lanes): a lane line inside each
  // street by class (usable, narrow or limited, closed, not for vehicles), in local
  // metres, at least a pixel or two wide at `scale` px/m. Built once per model and
  // rebuilt only when the zoom changes by 15 % (as the streets); drawn into the
  // map's static cache, so it costs nothing per frame. The pixel minimums are
  // gui/map_style.hpp's times `ui_scale`; a new UI scale rebuilds them.
  void update_lanes(const Model& model, Vec2 origin, double scale, float ui_scale = 1.0f);
  [[nodiscard]] const sf::VertexArray& lanes() const { return lanes_; }

  // This frame's dynamic parts, for the layers switched on:
  //  * blocked lanes of this run (local metres): rebuilt only when the run, what
  //    dispatch knows of its obstructions, or the zoom changes;
  //  * hydrants and stations (pixels): rebuilt when the camera or the run changes;
  //  * appliances with their hose and supply lines (pixels): every frame, they are few.
  // Their pixel sizes are gui/map_style.hpp's times `ui_scale`.
  void update(const Model& model, const SimState& state, const Camera& cam, const Layers& layers,
              float ui_scale = 1.0f);
  [[nodiscard]] const sf::VertexArray& blocked() const { return blocked_; }  // local metres, sf::Quads
  [[nodiscard]] const sf::VertexArray& points() const { return points_; }    // pixels, sf::Quads
  [[nodiscard]] const sf::VertexArray& engines() const { return engines_; }  // pixels, sf::Quads
  [[nodiscard]] const std::vector<ApplianceMark>& marks() const { return marks_; }

 private:
  void update_blocked(const Model& model, const FireHazard& fire, const FireRun& run, double t, double scale);
  void update_points(const FireHazard& fire, const FireRun& run, const Camera& cam, bool hydrants,
                     bool stations);
  void update_engines(const Model& model, const FireHazard& fire, const FireRun& run, double t,
                      const Camera& cam);

  sf::VertexArray lanes_{sf::Quads};
  const Model* lanes_model_ = nullptr;
  double lanes_scale_ = -1.0;  // px/m the lanes were built for
  float lanes_ui_ = 1.0f;      // ... and the UI scale
  float ui_ = 1.0f;            // the UI scale of the last update()
  Vec2 origin_;

  // Edges this run blocks that the map leaves usable (FireServiceRun::true_width,
  // true_closed), and how many of them dispatch knew of when last drawn.
  std::vector<std::uint32_t> blocked_edges_;
  std::uint64_t blocked_seed_ = ~0ull;
  std::size_t blocked_obstructions_ = ~std::size_t{0};
  std::uint64_t blocked_step_ = 0;
  std::size_t blocked_known_ = ~std::size_t{0};
  double blocked_scale_ = -1.0;
  sf::VertexArray blocked_{sf::Quads};

  struct PointsKey {
    double cx = 0, cy = 0, scale = 0;
    float left = 0, top = 0, width = 0, height = 0;
    std::uint64_t seed = ~0ull;
    bool hydrants = false, stations = false;
    float ui = 1.0f;
    bool operator==(const PointsKey&) const = default;
  };
  PointsKey points_key_;
  bool points_built_ = false;
  sf::VertexArray points_{sf::Quads};

  std::vector<ApplianceMark> marks_;
  std::vector<sf::Vector2f> placed_;  // scratch: appliance squares drawn this frame, px
  sf::VertexArray engines_{sf::Quads};
};

}  // namespace ss::gui
