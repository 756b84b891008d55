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
  // Bytes per resident of this model's own lists at their fullest (everyone waiting
  // at once): the queue order with its merge and join buffers, the step's arrival
  // lists and the waiting flag. For the memory estimate.
  static double bytes_per_resident();

 private:
  struct Arrival {
    std::uint64_t reached;  // step the resident joined the queue (FIFO order)
    ResidentId r;
    float leftover;  // m walked past the node this step (0 when queued)
    double time;     // s, when they reached the node (exact within the step)
  };
  // A resident waiting at an edge's end since step `reached`: the order of service.
  struct Queued {
    std::uint64_t reached;
    ResidentId r;
    friend bool operator<(const Queued& a, const Queued& b) {
      return a.reached != b.reached ? a.reached < b.reached : a.r < b.r;
    }
    friend bool operator==(const Queued&, const Queued&) = default;
  };
  float speed_factor(const Model& model, const SimState& state, EdgeId e);
  [[nodiscard]] float queue_length(const Model& model, EdgeId e) const;
  void join_queue(SimState& state, ResidentId r, EdgeId e);
  // Records (RunRecords::streets): a queue left, the street's count after someone
  // entered it, someone left it (flow).
  static void leave_queue(SimState& state, EdgeId e);
  static void entered(SimState& state, EdgeId e);
  void left(SimState& state, EdgeId e) const;
  void merge_joined();
  void rebuild_queue_order(const SimState& state);
  void collect_arrivals(const SimState& state, double t_end);
  void refill(const Model& model, SimState& state, EdgeId e) const;
  void at_node(const Model& model, SimState& state, const Arrival& a, double t_end);
  void depart(const Model& model, SimState& state, ResidentId r, double t_end);

  // Per-step cache of the Weidmann factor per edge (derived from state, not state).
  std::vector<float> factor_;             // (edges)
  std::vector<std::uint64_t> factor_at_;  // step + 1 the factor was computed at, 0 = never, (edges)
  std::vector<Arrival> arrivals_;         // reached the node this step: walked there, or already waiting
  // Everyone waiting at an edge's end, in service order (first come, first served),
  // kept from step to step so that a long queue is not sorted again every step.
  // Entries of residents who have since left their queue are dropped as they are met.
  // Derived from the state: rebuilt by reset().
  std::vector<Queued> queue_order_;
  std::vector<Queued> joined_;      // joined since queue_order_ was last merged
  std::vector<Queued> merge_buf_;   // scratch for the merge
  std::vector<Arrival> waiting_;    // this step's arrivals already waiting, in order (scratch)
  std::vector<Arrival> walked_in_;  // this step's arrivals on foot (scratch)
  std::vector<std::uint8_t>
      waiting_now_;  // 1 = seen waiting in this step's walk over the active list, (residents)
  std::vector<ResidentId> ready_;
  std::vector<std::uint32_t> queued_start_;  // edge_queued frozen at the start of the step, (edges)
  std::uint64_t flow_window_steps_ = 1;      // steps per flow window (StreetRecords::kFlowWindow)
};

}  // namespace ss
