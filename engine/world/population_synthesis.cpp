#include "engine/world/population_synthesis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "engine/core/input_error.hpp"
#include "engine/core/rng.hpp"

namespace ss {

const char* to_string(BuildingExclusion e) {
  switch (e) {
    case BuildingExclusion::ExcludedKind: return "excluded_kind";
    case BuildingExclusion::NonResidentialAmenity: return "non_residential_amenity";
    case BuildingExclusion::TooSmall: return "too_small";
    case BuildingExclusion::NonResidentialLanduse: return "non_residential_landuse";
    case BuildingExclusion::Degenerate: return "degenerate";
  }
  return "?";
}

namespace {

bool in_list(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Land-use polygons of one class with their boxes, so most buildings are rejected
// by a box test before the point-in-polygon test.
struct AreaIndex {
  std::vector<const Ring*> rings;
  std::vector<Box> boxes;
  [[nodiscard]] bool contains_point(Vec2 p) const {
    for (std::size_t i = 0; i < rings.size(); ++i)
      if (boxes[i].contains(p) && ss::contains(*rings[i], p)) return true;
    return false;
  }
};

AreaIndex index_areas(const World& world, const auto& accept) {
  AreaIndex idx;
  for (const Area& a : world.areas) {
    if (a.outline.size() < 3 || !accept(a.kind)) continue;
    idx.rings.push_back(&a.outline);
    idx.boxes.push_back(bounds(a.outline));
  }
  return idx;
}

void check_share(double v, const char* field) {
  if (!(v >= 0.0 && v <= 1.0))
    throw InputError("", 0, std::string("population.synthesize.") + field, "share must be in [0, 1]");
}

void check_params(const SynthesisParams& p) {
  if (p.total <= 0 && !(p.density_per_km2_floor > 0.0 && std::isfinite(p.density_per_km2_floor)))
    throw InputError("", 0, "population.synthesize", "needs a total > 0 or a density_per_km2_floor > 0");
  const ProfileShares& s = p.shares;
  check_share(s.aged_60_plus, "shares.aged_60_plus");
  check_share(s.aged_80_plus_of_60_plus, "shares.aged_80_plus_of_60_plus");
  check_share(s.children, "shares.children");
  check_share(s.lives_alone_of_60_plus, "shares.lives_alone_of_60_plus");
  check_share(s.aged_60_plus + s.children, "shares.children (children + aged_60_plus)");
  check_share(s.walking_aid_of_60_plus + s.wheelchair_of_60_plus + s.bedridden_of_60_plus,
              "shares.of_60_plus (sum of mobility shares)");
  check_share(s.walking_aid_of_others + s.wheelchair_of_others + s.bedridden_of_others,
              "shares.of_others (sum of mobility shares)");
  check_share(p.assistance.extra_share_of_60_plus_alone, "needs_assistance.extra_share_of_60_plus_alone");
  double sum = 0.0;
  for (double h : p.household_sizes) {
    check_share(h, "household_sizes");
    sum += h;
  }
  if (!(sum > 0.0)) throw InputError("", 0, "population.synthesize.household_sizes", "shares sum to zero");
}

struct Household {
  std::uint32_t building;
  std::uint32_t size;
};

enum class AgeGroup : std::uint8_t { Child, Adult, Senior };

}  // namespace

BuildingWeights residential_weights(const World& world, const BuildingRules& rules, SynthesisReport& report) {
  const AreaIndex residential =
      index_areas(world, [&](const std::string& k) { return k == rules.residential_landuse; });
  const AreaIndex other =
      index_areas(world, [&](const std::string& k) { return in_list(rules.nonresidential_landuse, k); });

  BuildingWeights out;
  out.weight.assign(world.buildings.size(), 0.0);
  out.exclusion.assign(world.buildings.size(), -1);
  report.buildings_total = world.buildings.size();
  for (std::size_t i = 0; i < world.buildings.size(); ++i) {
    const Building& b = world.buildings[i];
    auto exclude = [&](BuildingExclusion why) {
      out.exclusion[i] = static_cast<std::int8_t>(why);
      ++report.excluded[static_cast<std::size_t>(why)];
    };
    if (!(b.area > 0.0) || !std::isfinite(b.area)) {
      exclude(BuildingExclusion::Degenerate);
      continue;
    }
    if (in_list(rules.excluded_kinds, b.kind)) {
      exclude(BuildingExclusion::ExcludedKind);
      continue;
    }
    if (!b.amenity.empty() && in_list(rules.excluded_amenities, b.amenity)) {
      exclude(BuildingExclusion::NonResidentialAmenity);
      continue;
    }
    if (b.area < rules.min_footprint) {
      exclude(BuildingExclusion::TooSmall);
      continue;
    }
    const bool typed_home = in_list(rules.residential_kinds, b.kind);
    const bool in_residential = residential.contains_point(b.centroid);
    // An untyped building in an industrial estate is a workshop or a hall, not a home;
    // a building tagged as a home keeps its homes wherever it stands.
    if (!typed_home && !in_residential && other.contains_point(b.centroid)) {
      exclude(BuildingExclusion::NonResidentialLanduse);
      continue;
    }
    const int levels = b.levels > 0 ? b.levels : rules.default_levels;
    const double factor = (typed_home || in_residential) ? 1.0 : rules.outside_residential_weight;
    out.weight[i] = b.area * levels * factor;
    if (out.weight[i] > 0.0) {
      ++report.buildings_used;
      if (in_residential) ++report.in_residential_landuse;
      report.floor_area_m2 += out.weight[i];
    }
  }
  return out;
}

std::vector<std::int64_t> allocate_largest_remainder(const std::vector<double>& weights, std::int64_t total) {
  std::vector<std::int64_t> out(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (!(sum > 0.0) || total <= 0) return out;
  std::vector<double> remainder(weights.size(), 0.0);
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double quota = static_cast<double>(total) * (weights[i] / sum);
    out[i] = static_cast<std::int64_t>(std::floor(quota));
    remainder[i] = weights[i] > 0.0 ? quota - static_cast<double>(out[i]) : -1.0;
    given += out[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  // Rounding can leave the floors a few persons over or under the total; hand out
  // (or take back) one person at a time in remainder order.
  for (std::size_t k = 0; given < total; k = (k + 1) % order.size())
    if (weights[order[k]] > 0.0) {
      ++out[order[k]];
      ++given;
    }
  for (std::size_t k = order.size(); given > total;) {
    k = (k == 0 ? order.size() : k) - 1;
    if (out[order[k]] > 0) {
      --out[order[k]];
      --given;
    }
  }
  return out;
}

Population synthesize_population(const World& world, const SynthesisParams& params, std::uint64_t seed,
                                 SynthesisReport& report) {
  check_params(params);
  report = SynthesisReport{};
  const BuildingWeights w = residential_weights(world, params.buildings, report);
  if (!(report.floor_area_m2 > 0.0))
    throw InputError("", 0, "population.synthesize",
                     "no building of the map can hold homes (" + std::to_string(world.buildings.size()) +
                         " buildings, all excluded)");
  const std::int64_t total =
      params.total > 0
          ? params.total
          : std::llround(std::min(params.density_per_km2_floor * report.floor_area_m2 * 1e-6, 1e18));
  if (total > kMaxSynthesizedResidents) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "%g persons per km² on the map's %.3f km² of residential floor make %lld residents, "
                  "more than %lld",
                  params.density_per_km2_floor, report.floor_area_m2 * 1e-6, static_cast<long long>(total),
                  static_cast<long long>(kMaxSynthesizedResidents));
    throw InputError("", 0, "population.synthesize.density_per_km2_floor", buf);
  }
  const std::vector<std::int64_t> per_building = allocate_largest_remainder(w.weight, total);

  // Households, building by building: sizes drawn from the shares, the last one cut to fit.
  const double size_sum = std::accumulate(params.household_sizes.begin(), params.household_sizes.end(), 0.0);
  const RngStream hh_rng{seed, RngPurpose::SynthHousehold};
  std::vector<Household> households;
  for (std::size_t b = 0; b < per_building.size(); ++b) {
    std::int64_t left = per_building[b];
    if (left > 0) ++report.buildings_inhabited;
    for (std::uint64_t k = 0; left > 0; ++k) {
      const double u = hh_rng.uniform(b, k) * size_sum;
      std::uint32_t size = 1;
      for (double acc = params.household_sizes[0]; size < 5 && u >= acc; ++size)
        acc += params.household_sizes[size];
      size = static_cast<std::uint32_t>(std::min<std::int64_t>(size, left));
      households.push_back({static_cast<std::uint32_t>(b), size});
      left -= size;
    }
  }

  // Age-group probabilities from the realised household mix, so the overall shares
  // hold: seniors living alone fill one-person households first (DESIGN.md: many
  // elderly people live alone), the remaining seniors and all children are spread over
  // the members of larger households, whose first member is always an adult or senior.
  double one_person = 0.0, heads = 0.0, others = 0.0;
  for (const Household& h : households) {
    if (h.size == 1)
      one_person += 1.0;
    else {
      heads += 1.0;
      others += h.size - 1.0;
    }
  }
  const ProfileShares& s = params.shares;
  const double n = static_cast<double>(total);
  const double seniors_alone = std::min(one_person, s.aged_60_plus * s.lives_alone_of_60_plus * n);
  const double p_alone_senior = one_person > 0.0 ? seniors_alone / one_person : 0.0;
  const double multi = heads + others;
  const double p_senior =
      multi > 0.0 ? std::clamp((s.aged_60_plus * n - seniors_alone) / multi, 0.0, 1.0) : 0.0;
  const double p_child = others > 0.0 ? std::clamp(s.children * n / others, 0.0, 1.0 - p_senior) : 0.0;
  if (s.aged_60_plus * s.lives_alone_of_60_plus * n > one_person + 0.5)
    report.notes.push_back(
        "fewer one-person households than seniors living alone; share of seniors alone is lower");

  const RngStream age_rng{seed, RngPurpose::SynthAge};
  const RngStream mob_rng{seed, RngPurpose::SynthMobility};
  const RngStream help_rng{seed, RngPurpose::SynthAssistance};
  Population pop;
  std::uint64_t id = 0;
  for (std::size_t h = 0; h < households.size(); ++h) {
    const Household& hh = households[h];
    const Building& bld = world.buildings[hh.building];
    for (std::uint32_t m = 0; m < hh.size; ++m, ++id) {
      const double u = age_rng.uniform(id, 0);
      AgeGroup g = AgeGroup::Adult;
      if (hh.size == 1)
        g = u < p_alone_senior ? AgeGroup::Senior : AgeGroup::Adult;
      else if (u < p_senior)
        g = AgeGroup::Senior;
      else if (m > 0 && u < p_senior + p_child)
        g = AgeGroup::Child;
      // Ages uniform within bands (assumption; the bands are what reporting and the
      // speed table resolve): 0–17, 18–59, 60–79, 80–95.
      const double ua = age_rng.uniform(id, 1);
      int age = 0;
      if (g == AgeGroup::Child)
        age = static_cast<int>(ua * 18.0);
      else if (g == AgeGroup::Adult)
        age = 18 + static_cast<int>(ua * 42.0);
      else if (age_rng.uniform(id, 2) < s.aged_80_plus_of_60_plus)
        age = 80 + static_cast<int>(ua * 16.0);
      else
        age = 60 + static_cast<int>(ua * 20.0);

      const bool senior = age >= 60;
      const double bed = senior ? s.bedridden_of_60_plus : s.bedridden_of_others;
      const double chair = senior ? s.wheelchair_of_60_plus : s.wheelchair_of_others;
      const double aid = senior ? s.walking_aid_of_60_plus : s.walking_aid_of_others;
      const double um = mob_rng.uniform(id, 0);
      Mobility mob = Mobility::Walks;
      if (um < bed)
        mob = Mobility::Bedridden;
      else if (um < bed + chair)
        mob = Mobility::Wheelchair;
      else if (um < bed + chair + aid)
        mob = Mobility::WalkingAid;

      const bool alone = hh.size == 1;
      const AssistanceRules& r = params.assistance;
      bool help = (mob == Mobility::Bedridden && r.bedridden) ||
                  (alone && mob == Mobility::Wheelchair && r.wheelchair_living_alone) ||
                  (alone && mob == Mobility::WalkingAid && r.walking_aid_living_alone);
      if (!help && alone && senior && r.extra_share_of_60_plus_alone > 0.0)
        help = help_rng.uniform(id, 0) < r.extra_share_of_60_plus_alone;

      pop.add(age, mob, alone, help, HouseholdId(h), bld.centroid,
              BuildingId(static_cast<std::size_t>(hh.building)));
      ++report.people_by_group[GroupIndex::of_age(age_band(age))];
      ++report.people_by_group[GroupIndex::of_mobility(mob)];
      ++report.people_by_group[GroupIndex::of_alone(alone)];
      if (help) ++report.needs_assistance;
    }
  }
  report.people = total;
  report.households = households.size();
  return pop;
}

}  // namespace ss
