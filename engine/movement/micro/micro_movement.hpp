#pragma once
// Micro movement model: residents as Box2D circle bodies in a walkable area with
// walls and obstacles as static chain shapes. Each body is driven towards the exits
// along −∇T of a fast-marching field by the relaxation force m (v_des e − v) / τ
// (Helbing & Molnár 1995); v_des keeps a time gap to the body ahead (collision-free
// speed model, Tordeux, Chraibi & Seyfried 2016) so crowds queue instead of
// squeezing through doors, and Box2D resolves the contacts that remain; a body
// pressed into the one ahead still creeps at Weidmann's (1993) speed for its
// spacing, so dense crowds below his jam density move. Speed is
// capped at the resident's free speed and, in a flood, at the walking speed in water
// the network model uses (engine/hazards/flood/flood_people.hpp). Parameters: MicroParams.
//
// Residents become bodies when they leave home (after the pre-movement delay) and
// stop being bodies when their centre enters an exit of a shelter that takes them.
// Deterministic: single-threaded Box2D with bodies created in resident-id order and
// forces computed from positions frozen at the start of each sub-step.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/movement/micro/micro_field.hpp"
#include "engine/movement/movement.hpp"

class b2World;
class b2Body;

namespace ss {

class MicroMovement final : public MovementModel {
 public:
  MicroMovement();
  ~MicroMovement() override;
  MicroMovement(const MicroMovement&) = delete;
  MicroMovement& operator=(const MicroMovement&) = delete;

  void reset(const Model& model, const SimState& state) override;
  void step(const Model& model, SimState& state, double t) override;
  void routes_changed(const Model& model, SimState& state, double t) override;
  // No hazard empties a micro area's exits (flood and fire run on the street network
  // only; the scenario loader refuses them with movement: micro).
  void release_from_shelter(const Model& model, SimState& state, ResidentId r, double t) override;

  // Bodies currently in the Box2D world (for tests and the benchmark).
  [[nodiscard]] std::size_t body_count() const;

  // Memory of one walking body: its Box2D body, fixture, circle shape, broad-phase
  // tree nodes and share of the contacts in a dense crowd, and this model's arrays per
  // walker; and of one navigation grid cell: the grid, the walking cost, the fields
  // and fast marching's work arrays. For the memory estimate (engine/core/memory_estimate.hpp).
  [[nodiscard]] static double bytes_per_body();
  [[nodiscard]] static double bytes_per_cell(const Model& model);

 private:
  [[nodiscard]] const MicroField* field_for(const Model& model, const SimState& state, ResidentId r,
                                            double t) const;
  [[nodiscard]] bool way_out(const Model& model, const SimState& state, ResidentId r, double t) const;
  void build_walls(const Model& model);
  void spawn(const Model& model, const SimState& state, ResidentId r);
  void remove_body(ResidentId r);
  void build_fields(const Model& model, const SimState& state, double t);
  void substep(const Model& model, SimState& state, double t0, double h);
  void bucket_walkers(const Model& model);

  std::unique_ptr<b2World> world_;
  std::vector<b2Body*> body_;       // (residents), nullptr while at home or after arrival
  std::vector<float> radius_;       // m, (residents)
  std::vector<float> side_radius_;  // m, passing_radius: turned sideways (wheelchair: radius_), (residents)
  MicroField nearest_, step_free_;
  std::vector<MicroField> to_shelter_;  // fields of assigned shelters, (shelters; empty when unused)

  // Per sub-step scratch, frozen before forces are computed: walkers in `active` order.
  std::vector<ResidentId> walkers_;
  std::vector<Vec2> pos_, vel_;           // m, m/s, (walkers)
  std::vector<const MicroField*> field_;  // each walker's field, nullptr on a periodic corridor, (walkers)
  std::vector<float> t_ahead_;            // field value at each walker, (walkers)
  std::vector<Vec2> dir_;                 // walking direction, (walkers)
  std::vector<std::uint8_t> go_;          // 1: walks (has a direction), (walkers)
  std::vector<float> reff_;               // m, body radius now (smaller when turned sideways), (walkers)
  std::vector<float> turned_;  // 0 … 1: how far the place a body stands in turns it sideways, (walkers)
  std::vector<float> cap_;     // m/s, speed cap where each walker stands (free speed, water), (walkers)
  std::vector<std::uint8_t> free_;     // 1: no body in the way ahead (stuck detection), (walkers)
  std::vector<std::uint8_t> held_;     // 1: the gap rule alone asks for less than kRestSpeed, (walkers)
  std::vector<std::uint8_t> rest_ok_;  // 1: held by a body that was held itself (may rest), (walkers)

  // Resting bodies (micro_substep.cpp): a body held up by the one ahead that has stood
  // still for kRestTime becomes a static Box2D body until the gap ahead opens (or its
  // leader walks on), so a standing queue costs no contact solving. Per resident.
  std::vector<float> still_;                // s, how long the body has been held and slower than kRestSpeed
  std::vector<std::uint8_t> resting_;       // 1: a static body now
  std::vector<std::uint8_t> was_held_;      // held_ of the last sub-step, (residents)
  std::vector<std::uint32_t> cell_start_;   // neighbour buckets, (buckets + 1)
  std::vector<std::uint32_t> cell_items_;   // walker indices sorted by bucket, (walkers)
  std::vector<std::uint32_t> walker_cell_;  // (walkers)
  struct Near {
    Vec2 p;           // m, position
    float t;          // field value
    float r;          // m, body radius
    std::uint32_t k;  // walker index
  };
  std::vector<Near> near_;                // walkers in bucket order (cell_items_), for the gap search
  std::vector<std::uint32_t> cell_fill_;  // counting-sort cursor per bucket, (buckets)
  // Bounding box of the grid cells inside exits (ix, iy, inclusive): a body's cell
  // is looked up in the exit raster only inside it. Empty (lo > hi) without exits.
  long exit_lo_[2] = {0, 0}, exit_hi_[2] = {-1, -1};
  double bucket_ = 1.0;  // m, bucket size >= reach of the gap search
  double r_max_ = 0.0;   // m, largest body radius
  int bx_ = 1, by_ = 1;  // buckets in x and y
  Vec2 bucket_origin_;
  double period_ = 0.0, x_min_ = 0.0;  // periodic corridor length and start, m

  // Stuck detection (a cache: restarts after restore).
  std::vector<Vec2> anchor_;         // position when last seen making progress, (residents)
  std::vector<float> anchor_time_;   // s, (residents)
  std::vector<std::uint8_t> stuck_;  // counted already, (residents)

  // Jam watch (micro_jam.cpp; a cache like the stuck detection): each walker's field
  // value at the start of the current window, NaN for who was not walking then.
  void watch_jams(const Model& model, SimState& state, double t);
  std::vector<float> jam_t_;       // m of cost-weighted distance to the way out, (residents)
  double jam_window_start_ = 0.0;  // s
  std::int64_t jam_arrivals_ = 0;  // arrivals at every exit at the window's start
  bool jam_reported_ = false;      // the current stop is reported already

  // Quickest-exit choice (micro_exit_choice.cpp; MicroParams::quickest_exit). The
  // choice is a cache as well: a restore runs again from the start.
  void choose_exits(const Model& model, const SimState& state, double t);
  std::vector<MicroField> to_exit_;      // one field per exit, (exits; empty when not choosing)
  std::vector<std::uint8_t> exit_open_;  // 1: open and not full, (exits)
  std::vector<float> exit_width_;        // m, (exits)
  std::vector<std::int16_t> choice_;     // chosen exit, -1: the nearest, (residents)
  double next_choice_ = 0.0;             // s
};

}  // namespace ss
