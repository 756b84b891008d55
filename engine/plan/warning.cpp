#include "engine/plan/warning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/core/rng.hpp"

namespace ss {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// Households and individuals draw from disjoint key ranges (as in resident_draws.cpp).
std::uint64_t household_key(const Population& pop, std::size_t i) {
  const HouseholdId hh = pop.household[i];
  return hh.valid() ? (std::uint64_t{1} << 40) + hh.value : i;
}

Households build_households(const Population& pop) {
  Households h;
  const std::size_t n = pop.size();
  h.of_resident.resize(n);
  std::unordered_map<std::uint32_t, std::uint32_t> dense;
  std::uint32_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const HouseholdId hh = pop.household[i];
    if (!hh.valid()) {
      h.of_resident[i] = next++;
      continue;
    }
    auto [it, fresh] = dense.try_emplace(hh.value, next);
    if (fresh) ++next;
    h.of_resident[i] = it->second;
  }
  h.offset.assign(next + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++h.offset[h.of_resident[i] + 1];
  for (std::size_t k = 0; k < next; ++k) h.offset[k + 1] += h.offset[k];
  h.members.resize(n);
  std::vector<std::uint32_t> fill(h.offset.begin(), h.offset.end() - 1);
  for (std::size_t i = 0; i < n; ++i) h.members[fill[h.of_resident[i]]++] = ResidentId{i};
  return h;
}

double channel_reach(const WarningChannel& c, const Population& pop, std::size_t i) {
  const std::size_t groups[3] = {GroupIndex::of_age(age_band(pop.age[i])),
                                 GroupIndex::of_mobility(pop.mobility[i]),
                                 GroupIndex::of_alone(pop.lives_alone[i] != 0)};
  double p = c.reach;
  for (const std::size_t g : groups) p *= c.group_factor[g];
  return p;
}

// Time the loudspeaker car passes closest to p, +inf when it never comes within radius.
double route_pass_time(const WarningChannel& c, Vec2 p) {
  double along = 0.0, best_d = c.route_radius, best_t = kInf;
  for (std::size_t k = 0; k + 1 < c.route.size(); ++k) {
    const SegmentProjection pr = project_on_segment(p, c.route[k], c.route[k + 1]);
    const double len = distance(c.route[k], c.route[k + 1]);
    if (pr.distance <= best_d) {
      best_d = pr.distance;
      best_t = c.start + (along + pr.t * len) / c.route_speed;
    }
    along += len;
  }
  return best_t;
}

bool targeted(const WarningChannel& c, const Model& m, std::size_t i) {
  if (c.zones.empty() && c.area.empty() && !c.low_lying) return true;
  if (std::find(c.zones.begin(), c.zones.end(), m.home_zone[i]) != c.zones.end()) return true;
  if (c.low_lying && home_in_hazard_zone(m, ResidentId{i})) return true;
  return !c.area.empty() && contains(c.area, m.population.home[i]);
}

void schedule_channels(const Model& model, SimState& s) {
  const Population& pop = model.population;
  WarningState& w = s.warn;
  const std::size_t n = pop.size();
  const auto& channels = model.plan.warning.channels;
  if (channels.empty()) {
    if (!model.plan.warning.everyone_at_warning_time) return;
    // The plan's single warning: everyone at warning_time.
    w.scheduled.assign(n, static_cast<float>(model.plan.warning_time));
    w.scheduled_source.assign(n, WarnSource::Channel);
    return;
  }
  const RngStream reach_rng{s.seed, RngPurpose::WarningReach};
  const RngStream delay_rng{s.seed, RngPurpose::WarningDelay};
  std::vector<float> hh_time(w.households.count());
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const WarningChannel& ch = channels[c];
    std::fill(hh_time.begin(), hh_time.end(), kInf);
    for (std::size_t i = 0; i < n; ++i) {
      if (!targeted(ch, model, i)) continue;
      const std::uint64_t key = household_key(pop, i);
      // The draw is shared by the household; its most reachable member hears first.
      if (reach_rng.uniform(key, c) >= channel_reach(ch, pop, i)) continue;
      const double base = ch.route.size() >= 2 ? route_pass_time(ch, pop.home[i]) : ch.start;
      if (!std::isfinite(base)) continue;
      const double delay = ch.delay_median * std::exp(ch.delay_sigma_ln * delay_rng.normal(key, c));
      float& hh = hh_time[w.households.of_resident[i]];
      hh = std::min(hh, static_cast<float>(base + delay));
    }
    for (std::size_t i = 0; i < n; ++i) {
      const float tc = hh_time[w.households.of_resident[i]];
      if (tc < w.scheduled[i]) {
        w.scheduled[i] = tc;
        w.scheduled_source[i] = WarnSource::Channel;
        w.scheduled_channel[i] = static_cast<std::uint16_t>(c);
      }
    }
  }
}

void init_word_of_mouth(const Model& model, SimState& s) {
  const Population& pop = model.population;
  WarningState& w = s.warn;
  const std::size_t n = pop.size();
  const double cell = model.plan.warning.word_of_mouth.cell;
  const Box b = bounds(pop.home);
  const auto nx = static_cast<std::uint32_t>(std::max(1.0, std::floor(b.width() / cell) + 1));
  const auto ny = static_cast<std::uint32_t>(std::max(1.0, std::floor(b.height() / cell) + 1));
  w.cell.resize(n);
  w.cell_residents.assign(static_cast<std::size_t>(nx) * ny, 0);
  w.cell_warned.assign(w.cell_residents.size(), 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto cx = std::min(nx - 1, static_cast<std::uint32_t>((pop.home[i].x - b.min.x) / cell));
    const auto cy = std::min(ny - 1, static_cast<std::uint32_t>((pop.home[i].y - b.min.y) / cell));
    w.cell[i] = cy * nx + cx;
    ++w.cell_residents[w.cell[i]];
  }
  // Exponential thresholds keyed by household: neighbours in one home hear together.
  const RngStream rng{s.seed, RngPurpose::WordOfMouth};
  w.exposure.assign(n, 0.0f);
  w.threshold.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    w.threshold[i] = static_cast<float>(-std::log(1.0 - rng.uniform(household_key(pop, i))));
}

}  // namespace

void init_warning(const Model& model, SimState& s) {
  const Population& pop = model.population;
  const std::size_t n = pop.size();
  WarningState& w = s.warn;
  w.households = build_households(pop);
  w.source.assign(n, WarnSource::None);
  w.channel.assign(n, 0);
  w.scheduled.assign(n, kInf);
  w.scheduled_source.assign(n, WarnSource::None);
  w.scheduled_channel.assign(n, 0);
  w.premove_base = s.premove;
  schedule_channels(model, s);
  init_word_of_mouth(model, s);

  const Compliance& c = model.plan.warning.compliance;
  const RngStream rng{s.seed, RngPurpose::Compliance};
  w.refuses.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    double share = c.refuse_share;
    for (const std::size_t g :
         {GroupIndex::of_age(age_band(pop.age[i])), GroupIndex::of_mobility(pop.mobility[i]),
          GroupIndex::of_alone(pop.lives_alone[i] != 0)})
      share = std::max(share, c.refuse_by_group[g]);
    if (share > 0.0 && rng.uniform(household_key(pop, i)) < share) w.refuses[i] = 1;
  }
  w.unaware.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (s.status[i] == Status::Unaware) w.unaware.push_back(ResidentId{i});
}

void warn_resident(const Model& model, SimState& s, ResidentId r, double t, WarnSource source,
                   std::uint16_t channel) {
  const std::size_t i = r.index();
  if (s.status[i] != Status::Unaware) return;
  WarningState& w = s.warn;
  s.warned_time[i] = static_cast<float>(t);
  w.source[i] = source;
  w.channel[i] = channel;
  ++w.cell_warned[w.cell[i]];
  if (needs_help(model.population, i)) {
    s.leave_active(i, Status::WaitingForHelp);
    return;
  }
  s.status[i] = Status::Preparing;
  const bool prompted = source == WarnSource::DoorKnock || source == WarnSource::Hazard;
  s.premove[i] = w.refuses[i] && !prompted ? kInf : w.premove_base[i];
  if (prompted) w.refuses[i] = 0;
  s.readied.push_back(r);
}

namespace {
// Resident i, getting ready at home, will leave `premove` after their warning and no
// longer refuses; the movement model is told of the new time (SimState::readied).
void persuade(SimState& s, std::size_t i, float premove) {
  s.premove[i] = premove;
  s.warn.refuses[i] = 0;
  s.readied.push_back(ResidentId{i});
}
}  // namespace

void door_knocked(const Model& model, SimState& s, ResidentId r, double t) {
  const Households& h = s.warn.households;
  const std::uint32_t hh = h.of_resident[r.index()];
  for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k) {
    const std::size_t i = h.members[k].index();
    if (s.status[i] == Status::Unaware) {
      warn_resident(model, s, h.members[k], t, WarnSource::DoorKnock);
    } else if (s.warn.refuses[i] && s.status[i] == Status::Preparing) {
      // Persuaded: they get ready now, taking their usual time.
      persuade(s, i, static_cast<float>(t - s.warned_time[i]) + s.warn.premove_base[i]);
    }
  }
}

void hazard_at_home(const Model& model, SimState& s, ResidentId r, double t) {
  const std::size_t i = r.index();
  if (s.status[i] == Status::Unaware) warn_resident(model, s, r, t, WarnSource::Hazard);
  if (s.warn.refuses[i] && s.status[i] == Status::Preparing) {
    persuade(s, i, static_cast<float>(t - s.warned_time[i]));  // water at the door: they go at once
  }
}

void hazard_in_home(const Model& model, SimState& s, ResidentId r, double t) {
  hazard_at_home(model, s, r, t);
  const std::size_t i = r.index();
  if (s.status[i] == Status::Preparing) {  // their own home burns: nobody finishes packing
    persuade(s, i, static_cast<float>(std::max(0.0, t - static_cast<double>(s.warned_time[i]))));
  }
}

void broadcast_to_zone(const Model& model, SimState& s, ZoneId z, double t) {
  for (const ResidentId r : s.warn.unaware) {
    const std::size_t i = r.index();
    if (model.home_zone[i] != z || !(s.warn.scheduled[i] > t)) continue;
    s.warn.scheduled[i] = static_cast<float>(t);
    s.warn.scheduled_source[i] = WarnSource::Inject;
  }
}

void warning_phase(const Model& model, SimState& s, double t) {
  WarningState& w = s.warn;
  if (w.unaware.empty()) return;
  const double dt = model.run.dt;
  const double rate = model.plan.warning.word_of_mouth.rate;
  // Shares warned per cell frozen at the start of the phase, so the result does not
  // depend on the order residents are visited.
  std::vector<float> share;
  if (rate > 0.0) {
    share.resize(w.cell_residents.size());
    for (std::size_t c = 0; c < share.size(); ++c)
      share[c] = w.cell_residents[c]
                     ? static_cast<float>(w.cell_warned[c]) / static_cast<float>(w.cell_residents[c])
                     : 0.0f;
  }
  for (const ResidentId r : w.unaware) {
    const std::size_t i = r.index();
    if (s.status[i] != Status::Unaware) continue;  // reached by a team since
    if (w.scheduled[i] <= t) {
      warn_resident(model, s, r, w.scheduled[i], w.scheduled_source[i], w.scheduled_channel[i]);
      continue;
    }
    if (rate <= 0.0) continue;
    w.exposure[i] += static_cast<float>(rate * share[w.cell[i]] * dt);
    if (w.exposure[i] >= w.threshold[i]) warn_resident(model, s, r, t, WarnSource::Neighbours);
  }
  std::erase_if(w.unaware, [&](ResidentId r) { return s.status[r.index()] != Status::Unaware; });
}

std::vector<ZoneId> zones_by_elevation(const World& world, const Population& pop) {
  const std::size_t zn = world.zones.size();
  std::vector<double> sum(zn, 0.0);
  std::vector<std::uint32_t> count(zn, 0);
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const ZoneId z = world.zone_of(pop.home[i]);
    const float h =
        world.terrain.empty() ? std::numeric_limits<float>::quiet_NaN() : world.terrain.sample(pop.home[i]);
    if (z.index() >= zn || std::isnan(h)) continue;
    sum[z.index()] += h;
    ++count[z.index()];
  }
  std::vector<ZoneId> order;
  for (std::size_t z = 0; z < zn; ++z) order.push_back(ZoneId{z});
  auto mean = [&](ZoneId z) { return count[z.index()] ? sum[z.index()] / count[z.index()] : HUGE_VAL; };
  std::stable_sort(order.begin(), order.end(), [&](ZoneId a, ZoneId b) { return mean(a) < mean(b); });
  return order;
}

}  // namespace ss
