#pragma once
// Network movement model: residents walk along street edges. Speed is the
// resident's free speed times the Weidmann factor of the edge's density; each
// edge end passes at most specific flow × width persons per second and each edge
// holds at most storage_density × length × width persons, so queues form at
// junctions and spill back upstream. Nobody is created or lost: a resident is
// always on exactly one edge, at home, or in one shelter.
#include <cstdint>
#include <unordered_map>
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
  // at once): the waiting lines with their free space, the step's arrivals on foot,
  // the order of the lines' heads, and the departures of those at home. For the
  // memory estimate.
  static double bytes_per_resident();

 private:
  // A resident waiting at an edge's end since step `reached` (FIFO order), with what
  // they bring to this step when they walked in during it: the metres past the node
  // and the exact time they reached it (time < 0: they were already waiting, t_end).
  struct Entry {
    std::uint64_t reached;
    ResidentId r;
    float leftover;
    double time;
  };
  // The residents waiting at one end of one street who go the same way on from the
  // node: to the same next street, or to the node's shelter, or nowhere reachable, or
  // back along the street. Kept in service order (first come, first served); entries
  // before `head` and entries whose r is invalid have left.
  struct Line {
    std::uint32_t way = 0;  // next edge index, or one of the kWay* below
    std::vector<Entry> items;
    std::size_t head = 0;
    std::size_t gaps = 0;  // entries after head that left (r invalid)
    bool listed = false;   // in nonempty_
  };
  static constexpr std::uint32_t kWayShelter = 0xFFFFFFFFu;
  static constexpr std::uint32_t kWayNowhere = 0xFFFFFFFEu;
  static constexpr std::uint32_t kWayBack = 0xFFFFFFFDu;
  // A line's turn in this step: its next entry to serve, ordered by (reached, r).
  struct Turn {
    std::uint64_t reached;
    ResidentId r;
    std::uint32_t line;
    std::size_t at;  // index in the line's items
  };

  float speed_factor(const Model& model, const SimState& state, EdgeId e);
  [[nodiscard]] float queue_length(const Model& model, EdgeId e) const;
  void join_queue(SimState& state, ResidentId r, EdgeId e);
  // Records (RunRecords::streets): a queue left, the street's count after someone
  // entered it, someone left it (flow).
  static void leave_queue(SimState& state, EdgeId e);
  static void entered(SimState& state, EdgeId e);
  void left(SimState& state, EdgeId e) const;
  void refill(const Model& model, SimState& state, EdgeId e) const;
  // In a queue at an edge's end since step `reached` (the walk in step() takes
  // everyone on an edge without distance left as waiting).
  static bool waits_since(const SimState& state, std::size_t i, std::uint64_t reached);
  // Service order in a line: joined earlier, then the lower resident id.
  static bool before(std::uint64_t reached_a, ResidentId a, std::uint64_t reached_b, ResidentId b);
  // Which way r goes on from the node they wait at, on the routes as they stand.
  static std::uint32_t way_on(const Model& model, const SimState& state, ResidentId r, double t);
  // Files r's entry in the line of their street end and way on, in service order.
  void file(const Model& model, const SimState& state, const Entry& x, double t);
  // Every waiting resident on the active list filed again from the state (the routes
  // changed, or the state was restored).
  void refile_all(const Model& model, const SimState& state, double t);
  void serve_lines(const Model& model, SimState& state, double t_end);
  // Serves one entry; true when the line goes on to its next entry this step.
  bool serve(const Model& model, SimState& state, Line& line, std::size_t at, double t_end);
  void drop(Line& line, std::size_t at);
  // Residents whose time to leave has come step out of their homes (depart), in the
  // active list's order.
  void step_out(const Model& model, SimState& state, double t_end);
  void depart(const Model& model, SimState& state, ResidentId r, double t_end);

  // Per-step cache of the Weidmann factor per edge (derived from state, not state).
  std::vector<float> factor_;             // (edges)
  std::vector<std::uint64_t> factor_at_;  // step + 1 the factor was computed at, 0 = never, (edges)
  // The waiting lines, derived from the state: rebuilt by reset() and when the routes
  // change. A resident who waits costs nothing in a step where their line's head does
  // not move: only heads are served, in the order of their arrival at the node.
  std::vector<Line> lines_;
  std::unordered_map<std::uint64_t, std::uint32_t> line_of_;  // (end, way) → index in lines_
  std::vector<std::uint32_t> nonempty_;                       // lines with entries
  std::size_t filed_ = 0;                                     // entries in all lines
  std::vector<Turn> turns_;                                   // heap of the step's turns (scratch)
  // The walkers on the active list (not waiting at a node), derived like the lines;
  // their order changes no result (the walk reads only densities frozen at the start
  // of the step, and arrivals are filed in resident order).
  std::vector<ResidentId> moving_;
  // Residents at home on the active list, derived like the lines. They step out in
  // the active list's order at the last rebuild (home_rank_). Those getting ready
  // wait in a heap by their time to leave (warned_time + premove, as SimState keeps
  // it), so a step looks only at those whose time has come; a street with no room
  // keeps them in due_ (rank order) until it has. Heap entries whose time changed
  // since are stale and skipped.
  struct Departure {
    float time;
    std::uint32_t rank;
    ResidentId r;
    // Min-heap order: the earliest time to leave first.
    static bool later(const Departure& a, const Departure& b) { return a.time > b.time; }
  };
  void schedule(const SimState& state, ResidentId r);
  static constexpr std::uint32_t kNoRank = 0xFFFFFFFFu;
  std::vector<std::uint32_t> home_rank_;     // (residents), kNoRank: not at home on the active list
  std::vector<Departure> departures_;        // min-heap by time
  std::vector<Departure> due_;               // time reached, still at home; by rank
  std::vector<Departure> fresh_;             // scratch
  std::vector<Entry> joined_;                // joined a queue outside the step's walk, filed at the next step
  std::vector<Entry> walked_in_;             // this step's arrivals on foot (scratch)
  std::vector<std::uint32_t> queued_start_;  // edge_queued frozen at the start of the step, (edges)
  std::uint64_t flow_window_steps_ = 1;      // steps per flow window (StreetRecords::kFlowWindow)
};

}  // namespace ss
