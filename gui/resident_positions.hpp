#pragma once
// Where each resident is on the map right now, derived from the engine state on
// demand.
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::gui {

// Point at `offset` m from the start of polyline `pts` (clamped to its ends).
Vec2 point_along(std::span<const Vec2> pts, double offset);

// Position of resident r: at its shelter when sheltered; with the micro model at its
// body (SimState::position); else on its edge when on the network (interpolated
// along the street polyline), else at home.
Vec2 resident_position(const Model& model, const SimState& state, ResidentId r);

// All residents' positions into `out` (resized to the population).
void resident_positions(const Model& model, const SimState& state, std::vector<Vec2>& out);

// The positions kept from frame to frame: a resident whose status, edge, direction,
// distance left and shelter are what they were at the last update is where it was
// (at home, sheltered, standing in a queue), so only the others are interpolated
// again. Gives the same positions as resident_positions(). A new model (another
// scene, or the same one reloaded) starts afresh.
class ResidentPositions {
 public:
  // Brings positions() up to date with `state`; returns how many residents were
  // placed anew (all of them after a new model, and every frame with the micro
  // model, whose bodies move in the plane).
  std::size_t update(const Model& model, const SimState& state);
  [[nodiscard]] const std::vector<Vec2>& positions() const { return positions_; }
  // 1 where the position or the status may have changed at the last update(),
  // (residents): the status colours the dot.
  [[nodiscard]] const std::vector<std::uint8_t>& changed() const { return changed_; }
  void clear();

 private:
  // What a network position is computed from, per resident.
  struct Key {
    Status status = Status::Unaware;
    EdgeId edge;
    NodeId toward;
    float remaining = 0;  // m
    ShelterId shelter;
    bool operator==(const Key&) const = default;
  };
  const Model* model_ = nullptr;
  std::size_t edges_ = 0;
  std::vector<double> poly_len_;       // m, each street polyline's own length, (edges)
  std::vector<Key> keys_;              // (residents)
  std::vector<Vec2> positions_;        // m, local CRS, (residents)
  std::vector<std::uint8_t> changed_;  // (residents)
};

}  // namespace ss::gui
