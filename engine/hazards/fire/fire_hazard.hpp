#pragma once
// The fire as a Hazard (engine/hazards/hazard.hpp). Each step: buildings whose time
// has come ignite (Hamada spread, fire_spread.hpp) and warn their residents at once;
// every SmokeParams::update_interval the heat release of every burning building,
// the smoke over the smoke grid (Gaussian plumes), visibility and radiant heat along
// every street, the streets closed per mover class, threatened shelters and the toxic
// dose of everyone outdoors or trapped in a burning home are brought up to date.
#include <array>
#include <cstdint>
#include <vector>

#include "engine/hazards/fire/fire.hpp"
#include "engine/hazards/fire/fire_spread.hpp"
#include "engine/hazards/hazard.hpp"

namespace ss {

// Extinguished: put out (by the fire service or residents) before it burnt out.
enum class BuildingFireState : std::uint8_t { NotBurning, Ignited, FullyInvolved, BurntOut, Extinguished };
const char* to_string(BuildingFireState s);

// The fire's state during a run.
struct FireRun final : HazardState {
  SpreadState spread;                  // ignition times, candidates
  std::vector<std::uint32_t> burning;  // ignited and not yet burnt out, in ignition order
  double next_update = 0.0;            // s: time of the next smoke/heat update
  std::uint32_t updates = 0;

  // Smoke grid (FireDesc::grid), at the last update.
  std::vector<float> soot;            // kg/m³ at ground level, (cells)
  std::vector<float> min_visibility;  // m, lowest so far, +inf clear, (cells)
  std::vector<float>
      first_smoke;  // s, first time visibility fell below notice_visibility, NaN never, (cells)

  // Streets, at the last update.
  std::vector<float> edge_extinction;  // 1/m, highest along the edge, (edges)
  std::vector<float> edge_flux;        // W/m², radiant heat at the edge's nearest point, (edges)
  std::vector<float> edge_cost;        // route cost factor for people on foot in smoke, (edges)
  std::array<std::vector<std::uint8_t>, kMoverClassCount> closed;  // 0/1, (classes, edges)
  std::uint32_t closure_changes = 0;

  // Residents.
  std::vector<float> fed;                 // CO dose so far (ISO 13571 FED), (residents)
  std::vector<float> exposed_time;        // s FED reached fed_exposed, NaN never, (residents)
  std::vector<float> incapacitated_time;  // s FED reached fed_incapacitated, NaN never, (residents)
  std::vector<float> home_ignited;        // s their home ignited while they were in it, NaN not, (residents)
  std::vector<std::uint8_t> noticed;      // 1 once smoke or fire at home warned them, (residents)
  // s when they were still at home waiting for a team (they cannot leave alone: the
  // bedridden, wheelchair users upstairs) as their building became fully involved; NaN not.
  std::vector<float> trapped_time;  // (residents)

  // Shelters.
  std::vector<float> shelter_closed;            // s closed by fire or smoke, NaN never, (shelters)
  std::vector<std::int32_t> shelter_evacuated;  // persons inside when it closed (they move on), (shelters)

  FireServiceRun service;  // the fire service (empty without one)

  [[nodiscard]] std::unique_ptr<HazardState> clone() const override {
    return std::make_unique<FireRun>(*this);
  }
  void hash_state(StateHasher& h) const override;
  [[nodiscard]] BuildingFireState state_of(std::uint32_t b, double t,
                                           const std::vector<BuildingFireCourse>& course) const;
  // Heat release of building b at t, W: its course, or once controlled at t_c its
  // heat release then falling linearly to nothing when it is out.
  [[nodiscard]] double hrr(std::uint32_t b, double t, const std::vector<BuildingFireCourse>& course) const;
  // Whether building b has stopped burning by t (burnt out or put out).
  [[nodiscard]] bool out_by(std::uint32_t b, double t, const std::vector<BuildingFireCourse>& course) const;
};

class FireHazard final : public Hazard {
 public:
  explicit FireHazard(FireDesc desc) : desc_(std::move(desc)) {}
  [[nodiscard]] const FireDesc& desc() const { return desc_; }
  [[nodiscard]] const std::vector<BuildingFireCourse>& course() const { return course_; }
  // The building each resident lives in (index), or kNone.
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  [[nodiscard]] const std::vector<std::uint32_t>& home_building() const { return home_building_; }

  [[nodiscard]] std::string_view name() const override { return "fire"; }
  [[nodiscard]] std::string describe(const Model& model) const override;
  void prepare(const Model& model) override;
  [[nodiscard]] std::span<const float> home_forecast() const override { return home_forecast_; }
  [[nodiscard]] std::span<const std::uint8_t> home_in_zone() const override { return home_in_zone_; }
  [[nodiscard]] std::unique_ptr<HazardState> start(const Model& model, std::uint64_t seed) const override;
  void advance(const Model& model, const SimState& state, HazardState& own, double t,
               HazardReport& report) const override;
  // A building burns or a candidate ignition (scheduled, spread) is pending.
  [[nodiscard]] bool active(const HazardState& own, double t) const override;
  void memory_parts(const Model& model, std::size_t residents, std::vector<MemoryPart>& out) const override;
  bool add_route_costs(const HazardState& own, MoverClass c, std::span<float> cost) const override;
  void add_closures(const HazardState& own, MoverClass c, std::span<std::uint8_t> closed) const override;
  [[nodiscard]] float walking_speed(const Model& model, const SimState& state, const HazardState& own,
                                    ResidentId r, const WalkerPlace& at, float v) const override;
  [[nodiscard]] std::size_t intervention_targets(const Model& model, Intervention::Kind k) const override;
  void intervene(const Model& model, HazardState& own, const Intervention& iv, double t) const override;
  [[nodiscard]] std::vector<std::string> timeline_columns() const override;
  void timeline_values(const Model& model, const HazardState& own, double t,
                       std::vector<double>& out) const override;
  void kpis(const Model& model, const SimState& state, const HazardState& own,
            std::vector<HazardKpi>& out) const override;
  void layers(const Model& model, const SimState& state, const HazardState& own,
              std::vector<HazardLayer>& out) const override;

  // Smoke grid cell of p, or -1 outside.
  [[nodiscard]] std::int64_t cell_of(Vec2 p) const;
  // The fire service's prepared lanes, ladder positions and floors (empty without one).
  [[nodiscard]] const FireServicePrep& service() const { return service_; }

 private:
  void update(const Model& model, const SimState& state, FireRun& f, double t, HazardReport& report) const;
  // The fire service (fire_service.cpp).
  void service_prepare(const Model& model);
  void service_start(const Model& model, FireRun& f, std::uint64_t seed) const;
  void service_ignited(const SimState& s, FireRun& f, std::uint32_t b, double at) const;
  [[nodiscard]] bool service_allows(const FireRun& f, const SpreadState::Candidate& c) const;
  void service_step(const Model& model, const SimState& s, FireRun& f, double t_end) const;
  void service_dispatch(const Model& model, const SimState& s, FireRun& f, double t_end) const;
  void service_kpis(const Model& model, const FireRun& f, std::vector<HazardKpi>& out) const;
  void service_layers(const Model& model, const SimState& s, const FireRun& f,
                      std::vector<HazardLayer>& out) const;

  FireDesc desc_;
  // Derived by prepare().
  std::vector<BuildingFireCourse> course_;    // (buildings)
  std::vector<std::uint32_t> home_building_;  // (residents)
  std::vector<std::uint32_t>
      residents_offset_;  // residents of each building: residents_[offset[b] .. offset[b+1]), (buildings + 1)
  std::vector<ResidentId> residents_;
  std::vector<std::uint32_t> home_cell_;    // smoke cell at each home, kNone outside, (residents)
  std::vector<std::uint32_t> edge_offset_;  // smoke cells under each street (CSR), (edges + 1)
  std::vector<std::uint32_t> edge_cells_;
  std::vector<std::uint32_t>
      heat_offset_;  // streets within a building's radiant reach (CSR), (buildings + 1)
  std::vector<std::uint32_t> heat_edge_;
  std::vector<float> heat_dist_;   // m from the building's centroid to the street
  std::vector<float> heat_reach_;  // m within which its flame at peak passes the lowest limit, (buildings)
  std::vector<std::uint32_t> shelter_building_;  // (shelters), kNone when in no building
  std::vector<std::uint32_t> shelter_cell_;      // (shelters)
  std::vector<float> home_forecast_;             // s, (residents)
  std::vector<std::uint8_t> home_in_zone_;       // (residents)
  FireServicePrep service_;
};

const FireHazard* find_fire(const Model& model);
const FireRun* find_fire_run(const Model& model, const SimState& state);

}  // namespace ss
