// Sections about people: population (registry or synthesis) and parameter overrides.
#include "scenarios/loader/scenario_sections.hpp"

namespace ss::scenarios::detail {

namespace {

void read_mobility(const Field& f, double& walking_aid, double& wheelchair, double& bedridden) {
  f.check_keys({"walking_aid", "wheelchair", "bedridden"});
  if (auto v = f.get("walking_aid")) walking_aid = v->share();
  if (auto v = f.get("wheelchair")) wheelchair = v->share();
  if (auto v = f.get("bedridden")) bedridden = v->share();
  if (walking_aid + wheelchair + bedridden > 1.0) f.fail("mobility shares add up to more than 1");
}

}  // namespace

void read_shares(const Field& f, ProfileShares& s) {
  f.check_keys({"aged_60_plus", "aged_80_plus_of_60_plus", "children", "lives_alone_of_60_plus", "of_60_plus",
                "of_others"});
  if (auto v = f.get("aged_60_plus")) s.aged_60_plus = v->share();
  if (auto v = f.get("aged_80_plus_of_60_plus")) s.aged_80_plus_of_60_plus = v->share();
  if (auto v = f.get("children")) s.children = v->share();
  if (auto v = f.get("lives_alone_of_60_plus")) s.lives_alone_of_60_plus = v->share();
  if (s.children + s.aged_60_plus > 1.0)
    f.fail_at("children", "children and aged_60_plus add up to more than 1");
  if (auto v = f.get("of_60_plus"))
    read_mobility(*v, s.walking_aid_of_60_plus, s.wheelchair_of_60_plus, s.bedridden_of_60_plus);
  if (auto v = f.get("of_others"))
    read_mobility(*v, s.walking_aid_of_others, s.wheelchair_of_others, s.bedridden_of_others);
}

void read_assistance(const Field& f, AssistanceRules& r) {
  f.check_keys(
      {"bedridden", "wheelchair_living_alone", "walking_aid_living_alone", "extra_share_of_60_plus_alone"});
  if (auto v = f.get("bedridden")) r.bedridden = v->boolean();
  if (auto v = f.get("wheelchair_living_alone")) r.wheelchair_living_alone = v->boolean();
  if (auto v = f.get("walking_aid_living_alone")) r.walking_aid_living_alone = v->boolean();
  if (auto v = f.get("extra_share_of_60_plus_alone")) r.extra_share_of_60_plus_alone = v->share();
}

namespace {

std::vector<std::string> text_list(const Field& f) {
  std::vector<std::string> out;
  for (const Field& item : f.items()) out.push_back(item.text());
  return out;
}

void read_buildings(const Field& f, BuildingRules& b) {
  f.check_keys({"min_footprint", "default_levels", "outside_residential_weight", "excluded_kinds",
                "excluded_amenities", "residential_kinds", "nonresidential_landuse", "residential_landuse"});
  if (auto v = f.get("min_footprint")) b.min_footprint = v->non_negative();
  if (auto v = f.get("default_levels")) {
    const std::int64_t l = v->integer();
    if (l < 1 || l > 100) v->fail("default_levels must be between 1 and 100");
    b.default_levels = static_cast<int>(l);
  }
  if (auto v = f.get("outside_residential_weight")) b.outside_residential_weight = v->share();
  if (auto v = f.get("excluded_kinds")) b.excluded_kinds = text_list(*v);
  if (auto v = f.get("excluded_amenities")) b.excluded_amenities = text_list(*v);
  if (auto v = f.get("residential_kinds")) b.residential_kinds = text_list(*v);
  if (auto v = f.get("nonresidential_landuse")) b.nonresidential_landuse = text_list(*v);
  if (auto v = f.get("residential_landuse")) b.residential_landuse = v->text();
}

SynthesisParams read_synthesis(const Field& f, std::uint64_t& seed) {
  f.check_keys({"total", "density_per_km2_floor", "shares", "needs_assistance", "household_sizes",
                "buildings", "seed"});
  if (auto v = f.get("seed")) seed = v->seed();
  SynthesisParams p;
  const auto total = f.get("total");
  const auto density = f.get("density_per_km2_floor");
  if (total && density) f.fail("give either total or density_per_km2_floor, not both");
  if (!total && !density) f.fail_at("total", "missing required field 'total' (or density_per_km2_floor)");
  if (total) {
    p.total = total->integer();
    if (p.total <= 0) total->fail("total must be a positive number of persons");
    if (p.total > kMaxSynthesizedResidents) total->fail("total above 5 million is beyond a subdistrict");
  }
  if (density) p.density_per_km2_floor = density->positive();
  if (auto v = f.get("shares")) read_shares(*v, p.shares);
  if (auto v = f.get("needs_assistance")) read_assistance(*v, p.assistance);
  if (auto v = f.get("household_sizes")) {
    const std::vector<Field> items = v->items();
    if (items.size() != p.household_sizes.size())
      v->fail("household_sizes lists the shares of households of 1, 2, 3, 4 and 5+ persons: 5 values");
    double sum = 0.0;
    for (std::size_t i = 0; i < items.size(); ++i) sum += p.household_sizes[i] = items[i].share();
    if (!(sum > 0.0)) v->fail("household size shares add up to zero");
  }
  if (auto v = f.get("buildings")) read_buildings(*v, p.buildings);
  return p;
}

}  // namespace

PopulationDesc Sections::population(const Field& f) const {
  f.check_keys({"registry", "synthesize"});
  return population_source(f);
}

PopulationDesc Sections::population_source(const Field& f) const {
  PopulationDesc p;
  const auto reg = f.get("registry");
  const auto syn = f.get("synthesize");
  if (reg && syn) f.fail("give either a registry or synthesize, not both");
  if (!reg && !syn) f.fail("give a registry file or synthesize settings");
  if (reg) {
    reg->check_keys({"file", "layer", "x_field", "y_field", "crs"});
    RegistryDesc r;
    r.file = existing_file(reg->need("file"));
    if (auto v = reg->get("layer")) r.layer = v->text();
    if (auto v = reg->get("x_field")) r.x_field = v->text();
    if (auto v = reg->get("y_field")) r.y_field = v->text();
    if (auto v = reg->get("crs")) r.crs = v->text();
    p.registry = r;
  } else {
    p.synthesize = read_synthesis(*syn, p.synthesis_seed);
  }
  return p;
}

void Sections::params(const Field& f, Params& out) const {
  f.check_keys({"movement", "residents"});
  if (auto m = f.get("movement")) {
    MovementParams& p = out.movement;
    m->check_keys({"weidmann_gamma", "weidmann_rho_max", "specific_flow", "storage_density",
                   "min_speed_factor", "min_density_length"});
    if (auto v = m->get("weidmann_gamma")) p.weidmann_gamma = v->positive();
    if (auto v = m->get("weidmann_rho_max")) p.weidmann_rho_max = v->positive();
    if (auto v = m->get("specific_flow")) p.specific_flow = v->positive();
    if (auto v = m->get("storage_density")) p.storage_density = v->positive();
    if (auto v = m->get("min_speed_factor")) p.min_speed_factor = v->share();
    if (auto v = m->get("min_density_length")) p.min_density_length = v->length();
    if (p.storage_density > p.weidmann_rho_max)
      m->fail_at("storage_density", "storage density above the jam density weidmann_rho_max");
  }
  if (auto r = f.get("residents")) {
    ResidentParams& p = out.residents;
    r->check_keys({"speed_by_age", "speed_sd", "speed_walking_aid", "speed_wheelchair", "impaired_sd_share",
                   "speed_min", "premove_median", "premove_sigma_ln", "premove_senior_factor"});
    if (auto v = r->get("speed_by_age")) {
      const std::vector<Field> items = v->items();
      if (items.size() != p.speed_by_age.size())
        v->fail("speed_by_age lists mean speeds (m/s) at ages 20, 30, ..., 80: 7 values");
      for (std::size_t i = 0; i < items.size(); ++i) p.speed_by_age[i] = items[i].positive();
    }
    if (auto v = r->get("speed_sd")) p.speed_sd = v->non_negative();
    if (auto v = r->get("speed_walking_aid")) p.speed_walking_aid = v->positive();
    if (auto v = r->get("speed_wheelchair")) p.speed_wheelchair = v->positive();
    if (auto v = r->get("impaired_sd_share")) p.impaired_sd_share = v->share();
    if (auto v = r->get("speed_min")) p.speed_min = v->positive();
    if (auto v = r->get("premove_median")) {
      p.premove_median = v->duration();
      if (p.premove_median < 0.0) v->fail("must not be negative");
    }
    if (auto v = r->get("premove_sigma_ln")) p.premove_sigma_ln = v->non_negative();
    if (auto v = r->get("premove_senior_factor")) p.premove_senior_factor = v->positive();
  }
}

}  // namespace ss::scenarios::detail
