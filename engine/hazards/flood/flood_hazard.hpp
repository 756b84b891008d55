#pragma once
// The flood as a Hazard (engine/hazards/hazard.hpp): each step it advances the water,
// reads depth and velocity per street, closes streets per mover class (the step
// rebuilds routes only when a closure changes), closes shelters that flood, reports
// residents whom the water reaches at home, and keeps each resident's exposure
// (hazard rating class, where, when, time in water).
#include <array>
#include <cstdint>
#include <vector>

#include "engine/hazards/flood/flood.hpp"
#include "engine/hazards/flood/flood_people.hpp"
#include "engine/hazards/flood/flood_solver.hpp"
#include "engine/hazards/hazard.hpp"

namespace ss {

// The flood's state during a run.
struct FloodRun final : HazardState {
  FloodState field;  // depth, discharges, max depth, arrival times, volumes

  // Streets: the worst point along each edge decides closures (see flood_hazard.cpp);
  // speed and exposure use the water at the resident's own position on the edge.
  std::vector<float> edge_depth;                                   // m, (edges)
  std::vector<float> edge_speed;                                   // m/s, (edges)
  std::vector<float> edge_dv;                                      // m²/s, depth × velocity, (edges)
  std::array<std::vector<std::uint8_t>, kMoverClassCount> closed;  // 0/1 closed by water, (classes, edges)
  std::uint32_t closure_changes =
      0;  // steps in which a street closed or reopened for some class, or a shelter flooded

  // Residents.
  std::vector<std::uint8_t> worst_class;  // highest hazard class met, kNever if never in water, (residents)
  std::vector<float> worst_hr;            // highest HR met, (residents)
  std::vector<EdgeId> worst_edge;         // street where it was met, (residents)
  std::vector<float> worst_time;          // s, when, (residents)
  std::vector<float> wet_time;            // s spent in water ≥ exposed_depth, (residents)
  std::vector<float>
      worst_depth;  // m, deepest water met on the streets (0 if none ≥ exposed_depth), (residents)
  std::vector<float> reached_at_home;  // s, water reached them while at home, NaN if not, (residents)
  // Depth × duration of the water at the home's door cell, whether or not anyone is in:
  // the sum over steps of depth × dt where the depth is at least exposed_depth (see
  // flood_hazard.cpp), m·s, (residents).
  std::vector<double> home_exposure;
  std::vector<float> stranded_time;  // s, first found stranded, NaN if never, (residents)
  static constexpr std::uint8_t kNever = 0xFF;

  // Shelters.
  std::vector<float> shelter_flooded;           // s, NaN if never, (shelters)
  std::vector<std::int32_t> occupants_flooded;  // persons inside when it flooded, (shelters)

  // Depth snapshots at FloodDesc::snapshot_times (those reached so far).
  std::vector<std::vector<float>> snapshots;  // m, (snapshots, cells)

  [[nodiscard]] std::unique_ptr<HazardState> clone() const override {
    return std::make_unique<FloodRun>(*this);
  }
  void hash_state(StateHasher& h) const override;
};

class FloodHazard final : public Hazard {
 public:
  explicit FloodHazard(FloodDesc desc) : desc_(std::move(desc)) {}
  [[nodiscard]] const FloodDesc& desc() const { return desc_; }

  [[nodiscard]] std::string_view name() const override { return "flood"; }
  [[nodiscard]] std::string describe(const Model& model) const override;
  // Links streets, homes and shelters to grid cells; with response teams, runs the
  // flood alone over the whole duration for the forecast of when water reaches each home.
  void prepare(const Model& model) override;
  [[nodiscard]] std::span<const float> home_forecast() const override { return desc_.links.home_forecast; }
  [[nodiscard]] std::span<const float> home_depth_forecast() const override {
    return desc_.links.home_depth_forecast;
  }
  [[nodiscard]] float home_max_depth(const Model& model, const HazardState& own, ResidentId r) const override;
  [[nodiscard]] double home_water_exposure(const Model& model, const HazardState& own,
                                           ResidentId r) const override;
  [[nodiscard]] std::span<const std::uint8_t> home_in_zone() const override { return home_low_lying_; }
  [[nodiscard]] std::unique_ptr<HazardState> start(const Model& model, std::uint64_t seed) const override;
  void advance(const Model& model, const SimState& state, HazardState& own, double t,
               HazardReport& report) const override;
  // Water keeps flowing (or the external series keeps changing) for the whole run.
  [[nodiscard]] bool active(const HazardState&, double) const override { return true; }
  void memory_parts(const Model& model, std::size_t residents, std::vector<MemoryPart>& out) const override;
  void add_closures(const HazardState& own, MoverClass c, std::span<std::uint8_t> closed) const override;
  // Capped by the walking speed in water where the resident is; at the floor when the
  // water is beyond their limits.
  [[nodiscard]] float walking_speed(const Model& model, const SimState& state, const HazardState& own,
                                    ResidentId r, const WalkerPlace& at, float v) const override;
  void kpis(const Model& model, const SimState& state, const HazardState& own,
            std::vector<HazardKpi>& out) const override;
  void layers(const Model& model, const SimState& state, const HazardState& own,
              std::vector<HazardLayer>& out) const override;

 private:
  FloodDesc desc_;
  std::vector<std::uint8_t>
      home_low_lying_;  // 1 = the home's door cell lies in the low-lying zone, (residents)
};

// The model's flood and its state in a run; nullptr without a flood.
const FloodHazard* find_flood(const Model& model);
const FloodRun* find_flood_run(const Model& model, const SimState& state);

}  // namespace ss
