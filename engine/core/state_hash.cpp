#include "engine/core/state_hash.hpp"

#include <cstdio>

#include "engine/core/sim_state.hpp"

namespace ss {

// Each part of the state, member by member in declaration order. A member added to
// one of these structs must be added here too; the size checks at the end catch
// most additions on the reference build.

void hash_part(StateHasher& h, const Intervention& iv) { h.all(iv.kind, iv.target, iv.note, iv.value); }

void hash_part(StateHasher& h, const JournalEntry& e) { h.all(e.step, e.time, e.intervention, e.scripted); }

void hash_part(StateHasher& h, const TimelineRow& r) {
  h.all(r.time, r.by_status, r.safe_by_group, r.safe_by_zone, r.hazard);
}

void hash_part(StateHasher& h, const SimWarnings& w) {
  h.all(w.non_finite_speed, w.rerouted_full, w.turned_around, w.squeezed, w.stuck);
}

void hash_part(StateHasher& h, const MicroJam& j) {
  h.all(j.since, j.time, j.people, j.centre, j.min, j.max);
}

void hash_part(StateHasher& h, const TrajectoryPoint& p) { h.all(p.resident, p.x, p.y); }

void hash_part(StateHasher& h, const StreetRecords& r) {
  h.all(r.peak_count, r.flow_window, r.flow_count, r.peak_flow, r.queue_steps, r.queue_since);
}

void hash_part(StateHasher& h, const HazardClosure& c) { h.all(c.edge, c.hazard, c.from, c.to); }

void hash_part(StateHasher& h, const TeamLeg& l) {
  h.all(l.team, l.purpose, l.task, l.start, l.first_edge, l.edges, l.from, l.to);
}

void hash_part(StateHasher& h, const RunRecords& r) {
  h.all(r.journal, r.timeline, r.occupancy_series, r.edge_passages, r.route_rebuilds, r.warnings);
  h.all(r.streets, r.hazard_closures, r.hazard_closure_open, r.team_legs, r.team_leg_edges);
  // Micro records, hashed only when there are any: runs without them (every network
  // run) keep the hashes they had before these records existed.
  if (!r.jams.empty()) h.add(r.jams);
  if (r.trajectory.frames() > 0) h.all(r.trajectory.framerate, r.trajectory.frame_begin, r.trajectory.points);
}

void hash_part(StateHasher& h, const RouteField& f) { h.all(f.dist, f.next_edge, f.target); }

void hash_part(StateHasher& h, const RouteFields& f) {
  h.all(f.nearest, f.nearest_step_free, f.nearest_elderly_child, f.to_shelter, f.to_assembly,
        f.to_assembly_step_free);
}

void hash_part(StateHasher& h, const HazardEffects& e) { h.all(e.closed, e.cost, e.closure_changes); }

void hash_part(StateHasher& h, const Households& x) { h.all(x.of_resident, x.offset, x.members); }

void hash_part(StateHasher& h, const WarningState& w) {
  h.all(w.households, w.source, w.channel, w.scheduled, w.scheduled_source, w.scheduled_channel, w.refuses,
        w.premove_base, w.cell, w.cell_residents, w.cell_warned, w.exposure, w.threshold, w.unaware);
}

void hash_part(StateHasher& h, const Task& t) {
  h.all(t.kind, t.household, t.first, t.node, t.zone, t.vulnerability, t.hazard_at, t.from_inject, t.created,
        t.dispatched, t.arrived, t.completed, t.team, t.carried, t.shelter, t.open, t.taken, t.failed);
}

void hash_part(StateHasher& h, const TeamState& t) {
  h.all(t.stage, t.stage_end, t.stage_start, t.node, t.task, t.carried, t.shelter, t.extra_delay,
        t.seen_tasks, t.path, t.path_dist, t.path_edges, t.busy, t.distance, t.tasks_done, t.people_escorted,
        t.unreachable_since);
}

void hash_part(StateHasher& h, const ResponseState& r) {
  h.all(r.activated, r.teams, r.tasks, r.tasks_version, r.reached, r.assist_task);
  // Plans without mutual aid hash as before it existed, so their pinned hashes still
  // show that nothing else changed.
  if (!r.aid_requested.empty()) h.all(r.aid_requested);
}

namespace {

void hash_whole(StateHasher& h, const SimState& s) {
  h.all(s.step, s.seed);
  // Residents.
  h.all(s.status, s.edge, s.toward, s.remaining, s.free_speed, s.premove, s.warned_time, s.start_time,
        s.arrival_time, s.distance, s.shelter, s.turned_away, s.reached_end_step, s.assigned, s.blocked,
        s.to_assembly, s.position, s.velocity, s.active, s.parked);
  // Streets and shelters.
  h.all(s.edge_count, s.edge_queued, s.exit_credit, s.entry_credit, s.credit_step, s.edge_closed);
  h.all(s.occupancy, s.arrivals, s.shelter_closed, s.shelter_full, s.shelter_full_time);
  // Routing, interventions waiting.
  h.all(s.routes, s.routes_dirty, s.evacuating, s.pending, s.next_inject);
  // Hazards: each one's own state, then their combined effect.
  h.add(static_cast<std::uint64_t>(s.hazards.size()));
  for (const HazardStateSlot& slot : s.hazards) slot.get().hash_state(h);
  h.add(s.hazard_effects);
  // The plan at work, and what the run recorded.
  h.all(s.warn, s.response, s.records);
}

}  // namespace

std::uint64_t state_hash(const SimState& s) {
  StateHasher h;
  hash_whole(h, s);
  return h.value();
}

std::uint64_t state_bytes(const SimState& s) {
  StateHasher h = StateHasher::counter();
  hash_whole(h, s);
  return h.bytes();
}

std::string state_hash_hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// A member added to a hashed struct changes its size on the reference build (g++ 12,
// libstdc++, x86-64): these fail until it is hashed above and the size updated.
#if defined(__x86_64__) && defined(__GLIBCXX__)
// SimState::leaving is not hashed: it is false between steps, where hashes are taken.
// SimState::readied is not hashed: a restored run rebuilds what it tells (see there).
static_assert(sizeof(SimState) == 2600, "a member of SimState is not in the state hash");
static_assert(sizeof(Intervention) == 48, "a member of Intervention is not in the state hash");
static_assert(sizeof(JournalEntry) == 72, "a member of JournalEntry is not in the state hash");
static_assert(sizeof(TimelineRow) == 120, "a member of TimelineRow is not in the state hash");
static_assert(sizeof(SimWarnings) == 40, "a member of SimWarnings is not in the state hash");
static_assert(sizeof(MicroJam) == 72, "a member of MicroJam is not in the state hash");
static_assert(sizeof(TrajectoryPoint) == 12, "a member of TrajectoryPoint is not in the state hash");
static_assert(sizeof(TrajectoryRecord) == 56, "a member of TrajectoryRecord is not in the state hash");
static_assert(sizeof(RunRecords) == 464, "a member of RunRecords is not in the state hash");
static_assert(sizeof(StreetRecords) == 144, "a member of StreetRecords is not in the state hash");
static_assert(sizeof(HazardClosure) == 24, "a member of HazardClosure is not in the state hash");
static_assert(sizeof(TeamLeg) == 40, "a member of TeamLeg is not in the state hash");
static_assert(sizeof(RouteField) == 72, "a member of RouteField is not in the state hash");
static_assert(sizeof(RouteFields) == 384, "a member of RouteFields is not in the state hash");
static_assert(sizeof(HazardEffects) == 248, "a member of HazardEffects is not in the state hash");
static_assert(sizeof(Households) == 72, "a member of Households is not in the state hash");
static_assert(sizeof(WarningState) == 384, "a member of WarningState is not in the state hash");
static_assert(sizeof(Task) == 64, "a member of Task is not in the state hash");
static_assert(sizeof(TeamState) == 184, "a member of TeamState is not in the state hash");
static_assert(sizeof(ResponseState) == 136, "a member of ResponseState is not in the state hash");
#endif

}  // namespace ss
