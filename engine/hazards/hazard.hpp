#pragma once
// What a hazard (flood, fire, ...) offers the step, and the one per-step result of
// all hazards that routing, movement, responders and dispatch read.
//
// A hazard is two things:
//   * a Hazard object in Model::hazards: its immutable description (grids, sources,
//     thresholds) plus what it derived once in prepare() (links to streets, homes
//     and shelters; forecasts). Shared, const, by every run of the model.
//   * a HazardState in SimState::hazards: everything about it that changes during a
//     run. Copied with the state for snapshots, through clone().
//
// Each step the hazards phase calls advance() on every hazard in order; a hazard
// writes only its own state and reports what the step must apply to people and
// places (HazardReport). The step then rebuilds HazardEffects when a closure
// changed. Nothing outside a hazard's folder reads its own state, except that
// hazard's own output and GUI adaptors.
//
// Adding a hazard: a folder engine/hazards/<name>/ with a Hazard subclass, and its
// scenario section (scenarios/loader/sections_<name>.cpp) that adds it to the model.
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/core/intervention.hpp"
#include "engine/world/geometry.hpp"
#include "engine/world/population.hpp"

namespace ss {

struct Model;
struct SimState;
class StateHasher;
struct MemoryPart;

// Who moves on a street, for hazard closures and speed limits. Walkers by their own
// limits (children and the elderly wade less deep than adults, wheelchair users less
// still), response teams on foot, and vehicles.
enum class MoverClass : std::uint8_t { Adult, ElderlyOrChild, Wheelchair, TeamOnFoot, Vehicle };
inline constexpr std::size_t kMoverClassCount = 5;
const char* to_string(
    MoverClass c);  // "adults", "elderly_children", "wheelchair", "teams_on_foot", "vehicles"

// The walker class of a resident: wheelchair users; children up to 12 (the youngest
// group of Bernardini et al. 2020) and people from 65, or with a walking aid; everyone
// else as adults.
MoverClass mover_class(int age, Mobility m);

// Where a walker is: on a street edge `along` metres from edge_from (network model),
// or at a point (micro model, edge invalid).
struct WalkerPlace {
  EdgeId edge;
  double along = 0.0;  // m from edge_from
  Vec2 pos;            // m, local CRS (micro model)
};

// A key figure of a hazard for summary.json and batch comparisons.
struct HazardKpi {
  std::string name;             // e.g. "max_depth_m"
  double value = 0.0;           // in the unit its name says; NaN when it does not apply
  bool lower_is_better = true;  // for ranking plan variants
};

// A regular grid of a hazard's output raster, in the local CRS. Row 0 is the southern row.
struct RasterGrid {
  Vec2 origin;        // m, south-west corner of cell (0, 0)
  double cell = 0.0;  // m
  int nx = 0, ny = 0;
};

// An output layer of a hazard, written by maps/ into the run's <hazard name>/ folder.
struct HazardLayer {
  enum class Kind : std::uint8_t { Raster, MaskPolygons, Points, Polygons, Table, Lines };
  Kind kind = Kind::Raster;
  std::string file;                // file name inside the hazard's folder, e.g. "max_depth.tif"
  std::string name;                // layer name (GeoPackage) or empty
  RasterGrid grid;                 // Raster, MaskPolygons
  std::vector<float> values;       // Raster: (ny * nx), NaN = NoData
  std::vector<std::uint8_t> mask;  // MaskPolygons: (ny * nx), 0/1
  struct Point {
    Vec2 pos;
    std::vector<std::pair<std::string, double>> numbers;
    std::vector<std::pair<std::string, std::string>> texts;
  };
  std::vector<Point> points;  // Points
  struct Polygon {
    Ring outline;                                         // m, local CRS
    std::vector<std::pair<std::string, double>> numbers;  // NaN = null
    std::vector<std::pair<std::string, std::string>> texts;
  };
  std::vector<Polygon> polygons;  // Polygons
  struct Line {
    std::vector<Vec2> points;                             // m, local CRS, at least two
    std::vector<std::pair<std::string, double>> numbers;  // NaN = null
    std::vector<std::pair<std::string, std::string>> texts;
  };
  std::vector<Line> lines;                     // Lines
  std::vector<std::string> header;             // Table (CSV): column names
  std::vector<std::vector<std::string>> rows;  // Table: cells, already formatted
};

// Everything about one hazard that changes during a run.
class HazardState {
 public:
  virtual ~HazardState() = default;
  [[nodiscard]] virtual std::unique_ptr<HazardState> clone() const = 0;
  // Feeds every member into the run's state hash (engine/core/state_hash.hpp), so a
  // change anywhere in the hazard's state changes the hash.
  virtual void hash_state(StateHasher& h) const = 0;
};

// What a hazard found while advancing one step, for the step to apply.
struct HazardReport {
  bool closures_changed = false;             // some street closed or reopened for some class
  std::vector<ShelterId> close_shelters;     // shelters it makes unsafe: they close for good
  std::vector<ShelterId> evacuate_shelters;  // ... and whose occupants must leave and walk on
  std::vector<ResidentId> reached_home;      // residents at home whom it reached this step (they see it)
  std::vector<ResidentId> inside_home;       // ... whose home itself it struck: they leave at once
  void clear() {
    closures_changed = false;
    close_shelters.clear();
    evacuate_shelters.clear();
    reached_home.clear();
    inside_home.clear();
  }
};

class Hazard {
 public:
  virtual ~Hazard() = default;
  // Short lower-case name: the key of its summary block and its output folder.
  [[nodiscard]] virtual std::string_view name() const = 0;
  // One line on what it is, for `safestreet check` (after prepare()).
  [[nodiscard]] virtual std::string describe(const Model& model) const = 0;

  // Once per model, after Model::finalize() (prepare_model()): links to streets,
  // homes and shelters, forecasts. Throws InputError on inputs it cannot use.
  virtual void prepare(const Model& model) = 0;
  // Per resident, s after the start when the threat is forecast to reach the home;
  // NaN when it never does. Empty when the hazard makes no forecast.
  [[nodiscard]] virtual std::span<const float> home_forecast() const { return {}; }
  // Per resident, the deepest the hazard is forecast to get at the home's door over
  // the run (m; a flood's water); empty when the hazard makes no such forecast.
  [[nodiscard]] virtual std::span<const float> home_depth_forecast() const { return {}; }
  // The deepest it got at r's door so far in a run (m); NaN when it has no depth.
  [[nodiscard]] virtual float home_max_depth(const Model&, const HazardState&, ResidentId) const {
    return std::numeric_limits<float>::quiet_NaN();
  }
  // The water at r's door integrated over the run so far (m·s: depth × time, the
  // heat maps' exposure, docs/results.md "Heat maps"); NaN when it has no depth.
  [[nodiscard]] virtual double home_water_exposure(const Model&, const HazardState&, ResidentId) const {
    return std::numeric_limits<double>::quiet_NaN();
  }
  // Per resident, 1 when the home lies in the hazard's evacuation zone (a flood's
  // low-lying zone): a target for warning channels and door-knocking. Empty: none.
  [[nodiscard]] virtual std::span<const std::uint8_t> home_in_zone() const { return {}; }

  // The hazard at the run's start; `seed` is the run's seed (for hazards drawn at random).
  [[nodiscard]] virtual std::unique_ptr<HazardState> start(const Model& model, std::uint64_t seed) const = 0;
  // Advances its state from t to t + dt. Reads people from `state` (never writes it).
  virtual void advance(const Model& model, const SimState& state, HazardState& own, double t,
                       HazardReport& report) const = 0;
  // Whether it still changes at t (water still flows, a building still burns or may
  // yet ignite): a run does not end early while a hazard is active, so its outputs
  // cover the whole duration.
  [[nodiscard]] virtual bool active(const HazardState& own, double t) const = 0;
  // Sets closed[e] = 1 for every street it closes to class c (leaves others alone).
  virtual void add_closures(const HazardState& own, MoverClass c, std::span<std::uint8_t> closed) const = 0;
  // Multiplies cost[e] by how much worse street e is for class c to walk or drive
  // (≥ 1; routing then prefers other streets but can still use it). Returns false
  // when it adds nothing, so routing keeps plain lengths.
  virtual bool add_route_costs(const HazardState&, MoverClass, std::span<float>) const { return false; }
  // Speed of resident r at `at`, from v (its speed without this hazard), m/s.
  [[nodiscard]] virtual float walking_speed(const Model& model, const SimState& state, const HazardState& own,
                                            ResidentId r, const WalkerPlace& at, float v) const = 0;

  // Interventions this hazard takes (e.g. StartFire) and how many targets they have;
  // Simulation::apply() refuses a kind no hazard takes or a target out of range.
  [[nodiscard]] virtual std::size_t intervention_targets(const Model&, Intervention::Kind) const { return 0; }
  // Applies one of them at the start of the step at t (injects phase).
  virtual void intervene(const Model&, HazardState&, const Intervention&, double /*t*/) const {}

  // Extra columns of timeline.csv ("<hazard>.<column>") and their values now.
  [[nodiscard]] virtual std::vector<std::string> timeline_columns() const { return {}; }
  virtual void timeline_values(const Model&, const HazardState&, double /*t*/,
                               std::vector<double>& /*out*/) const {}

  // What it adds to a run's memory (engine/core/memory_estimate.hpp): its description,
  // what prepare() derives and its state in a run, for `residents` residents, each part
  // with the scenario field that drives it (e.g. the flood grid: flood.cell). Called
  // before prepare(), so the loader can refuse a run that would not fit.
  virtual void memory_parts(const Model& model, std::size_t residents,
                            std::vector<MemoryPart>& out) const = 0;

  // Key figures at the end of (or during) a run.
  virtual void kpis(const Model& model, const SimState& state, const HazardState& own,
                    std::vector<HazardKpi>& out) const = 0;
  // Output layers (rasters, polygons, points, tables).
  virtual void layers(const Model& model, const SimState& state, const HazardState& own,
                      std::vector<HazardLayer>& out) const = 0;
};

// The combined effect of every hazard at the current step: the only hazard data that
// routing, movement, responders and dispatch read. Written by the hazards phase.
struct HazardEffects {
  // Streets closed by some hazard, per mover class, (classes, edges); empty without hazards.
  std::array<std::vector<std::uint8_t>, kMoverClassCount> closed;
  // Route cost factors per mover class, (classes, edges); empty while no hazard adds one.
  std::array<std::vector<float>, kMoverClassCount> cost;
  std::uint32_t closure_changes = 0;  // steps in which some street closed or reopened for some class
  [[nodiscard]] bool any() const { return !closed[0].empty(); }
  [[nodiscard]] bool closed_for(EdgeId e, MoverClass c) const {
    const auto& m = closed[static_cast<std::size_t>(c)];
    return !m.empty() && m[e.index()] != 0;
  }
};

// A copyable owner of one hazard's state (copies clone it), for SimState snapshots.
class HazardStateSlot {
 public:
  HazardStateSlot() = default;
  explicit HazardStateSlot(std::unique_ptr<HazardState> s) : s_(std::move(s)) {}
  HazardStateSlot(const HazardStateSlot& o) : s_(o.s_ ? o.s_->clone() : nullptr) {}
  HazardStateSlot& operator=(const HazardStateSlot& o) {
    if (this != &o) s_ = o.s_ ? o.s_->clone() : nullptr;
    return *this;
  }
  HazardStateSlot(HazardStateSlot&&) noexcept = default;
  HazardStateSlot& operator=(HazardStateSlot&&) noexcept = default;
  [[nodiscard]] HazardState& get() { return *s_; }
  [[nodiscard]] const HazardState& get() const { return *s_; }

 private:
  std::unique_ptr<HazardState> s_;
};

}  // namespace ss
