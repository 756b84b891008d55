#include "engine/hazards/flood/flood_people.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {
namespace {

// Bernardini et al. (2020) Table 4, walking: (α, β) by age group, lower age bound.
struct AgeFit {
  int from_age;
  double alpha, beta;
};
constexpr AgeFit kFits[] = {
    {0, 0.54, -0.07},   // 5–12 (also used below 5)
    {13, 0.36, -0.13},  // 13–20 use the 21–28 fit (no group of their own)
    {29, 0.35, -0.19},  // 29–36
    {37, 0.43, -0.13},  // 37–44
    {45, 0.57, -0.03},  // 45–52
    {53, 0.32, -0.17},  // 53–60
    {61, 0.16, -0.43},  // 61–68, and above with the elderly divisor
};
constexpr double kGravity = 9.81;  // m/s²

}  // namespace

float speed_in_water(double d, double u, MoverClass c, int age, Mobility m, float v0, float v,
                     const PeopleInWaterParams& p) {
  const float floor = static_cast<float>(p.min_factor) * v0;
  if (closes_for(d, d * u, c, false, p)) return std::min(v, floor);  // beyond their limits: inching
  const double w = water_walking_speed(d, u, age, m, p);
  return std::max(std::min(v, static_cast<float>(w)), std::min(v, floor));
}

double water_walking_speed(double d, double u, int age, Mobility m, const PeopleInWaterParams& p) {
  if (!(d >= p.slow_from_depth)) return std::numeric_limits<double>::infinity();
  const double M = u * u * d / kGravity + 0.5 * d * d;  // m², Bernardini et al. 2020 eq. 1
  const int a = (m == Mobility::WalkingAid || m == Mobility::Wheelchair) ? std::max(age, 61) : age;
  AgeFit fit = kFits[0];
  for (const AgeFit& f : kFits)
    if (a >= f.from_age) fit = f;
  double v = fit.alpha * std::pow(M, fit.beta);
  if (a > 68) v /= 1.0 + 0.016 * (a - 68);  // Bernardini et al. 2020, elderly correction
  return v;
}

bool closes_for(double d, double dv, MoverClass c, bool was_closed, const PeopleInWaterParams& p) {
  const std::size_t k = static_cast<std::size_t>(c);
  const double slack = was_closed ? 0.9 : 1.0;  // hysteresis, see header
  return d > slack * p.max_depth[k] || dv > slack * p.max_depth_speed[k];
}

double hazard_rating(double d, double v, const PeopleInWaterParams& p) {
  if (!(d > 0.0)) return 0.0;
  return d * (v + 0.5) + (d < p.debris_depth ? 0.0 : p.debris_factor);
}

std::uint8_t hazard_class(double hr, const PeopleInWaterParams& p) {
  std::uint8_t c = 0;
  for (const double limit : p.hr_limits)
    if (hr >= limit) ++c;
  return c;
}

const char* hazard_class_name(std::size_t c) {
  static const char* kNames[] = {"low", "danger_for_some", "danger_for_most", "danger_for_all"};
  return c < kHazardClassCount ? kNames[c] : "?";
}

}  // namespace ss
