#pragma once
// Network movement model: residents walk along street edges. Speed is the
// resident's free speed times the Weidmann factor of the edge's density; each
// edge end passes at most specific flow × width persons per second and each edge
// holds at most storage_density × length × width persons, so queues form at
// junctions and spill back upstream. Nobody is created or lost: a resident is
// always on exactly one edge, at home, or in one shelter.
#include <cstdint>
#include <vector>

#include "engine/movement/movement.hpp"

namespace ss {

class NetworkMovement final : public MovementModel {
 public:
  void reset(const Model& model, const SimState& state) override;
  void step(const Model& model, SimState& state, double t) override;
  void routes_changed(const Model& model, SimState& state, double t) override;
  // Back on the street in the queue at the shelter's node, on its first street: the
  // next step's arrivals at that node send them on along the rebuilt fields.
  void release_from_shelter(const Model& model, SimState& state, ResidentId r, double t) override;

 private:
  struct Arrival {
    std::uint64_t reached;  // step the resident joined the queue (FIFO order)
    ResidentId r;
    float leftover;  // m walked past the node this step (0 when queued)
    double time;     // s, when they reached the node (exact within the step)
  };
  float speed_factor(const Model& model, const SimState& state, EdgeId e);
  [[nodiscard]] float queue_length(const Model& model, EdgeId e) const;
  static void join_queue(SimState& state, ResidentId r, EdgeId e);
  void refill(const Model& model, SimState& state, EdgeId e) const;
  void at_node(const Model& model, SimState& state, const Arrival& a, double t_end);
  void depart(const Model& model, SimState& state, ResidentId r, double t_end);

  // Per-step cache of the Weidmann factor per edge (derived from state, not state).
  std::vector<float> factor_;             // (edges)
  std::vector<std::uint64_t> factor_at_;  // step + 1 the factor was computed at, 0 = never, (edges)
  std::vector<Arrival> arrivals_;
  std::vector<ResidentId> ready_;
  std::vector<std::uint32_t> queued_start_;  // edge_queued frozen at the start of the step, (edges)
};

}  // namespace ss
