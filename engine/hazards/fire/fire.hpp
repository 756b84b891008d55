#pragma once
// The fire as part of the immutable model: buildings as fuel (construction and use), the gaps between
// neighbouring buildings, ignitions, the wind, and the smoke and tenability parameters. Pure data; spread is
// fire_spread.hpp, smoke and what it does to people smoke.hpp, the hazard itself fire_hazard.hpp.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/hazards/fire/fire_service.hpp"
#include "engine/hazards/hazard.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

// How a building's construction lets fire through it (Hamada's fire-resistant share).
struct FireConstruction {
  std::string name;
  // Hamada's fire-resistant fraction fr: 0 wood or timber frame, 1 fire-resistant
  // (concrete, steel); masonry walls with timber floors and roof lie between.
  double fire_resistant = 0.0;
  // Never ignites (open structures without fuel): false by default.
  bool non_combustible = false;
};

// How a building's use fuels a fire (EN 1991-1-2 Annex E).
struct FireUse {
  std::string name;
  // Fire load density (movable contents), J per m² of floor: EN 1991-1-2 Annex E,
  // Table E.4 means (dwelling 780 MJ/m², office 420, shopping centre 600, school
  // classroom 285, hospital room 230, hotel room 310, library 1500, theatre 300,
  // transport (public space) 100).
  double fire_load = 780e6;  // J/m²
  // Fire growth Q = 1 MW (t / t_alpha)²: EN 1991-1-2 Table E.5 (medium, 300 s, for
  // dwellings, offices, schools, hotels, hospitals; fast, 150 s, for shops,
  // libraries, theatres; slow, 600 s, for transport).
  double growth_time = 300.0;  // s
  // Heat release rate per m² of floor once fully involved: EN 1991-1-2 E.4 RHR_f,
  // 250 kW/m² for dwellings, offices, schools, hotels, shops, libraries.
  double hrr_per_area = 250e3;  // W/m²
};

// One building as fuel. Index = index into World::buildings.
struct FireBuilding {
  Vec2 centroid;                  // m
  double side = 10.0;             // m, Hamada's block side a: √(footprint)
  double floor_area = 100.0;      // m², footprint × levels (at least one level)
  double height = 6.0;            // m, 3 m per storey (at least two storeys' worth for the smoke source)
  std::uint8_t construction = 0;  // index into FireDesc::constructions
  std::uint8_t use = 0;           // index into FireDesc::uses
};

// Neighbours within FireParams::max_gap of each building, both ways (CSR).
struct FireNeighbours {
  std::vector<std::uint32_t> offset;  // (buildings + 1)
  std::vector<std::uint32_t> to;      // neighbour building
  std::vector<float> gap;             // m, least distance between the two footprints (0 when they touch)
  std::vector<Vec2> dir;              // unit vector from this building's centroid to the neighbour's
};

// Wind over time: piecewise constant from each time on (the meteorological record
// of an hour holds for that hour). Directions in degrees the wind blows FROM,
// clockwise from north (270 = westerly, driving fire east).
struct WindSeries {
  std::vector<double> time;      // s after the start, strictly increasing, first 0
  std::vector<double> speed;     // m/s at 10 m
  std::vector<double> from_deg;  // 0..360
  [[nodiscard]] std::size_t index_at(double t) const;
  [[nodiscard]] double speed_at(double t) const { return speed.empty() ? 0.0 : speed[index_at(t)]; }
  // Unit vector the wind blows toward (local CRS: x east, y north).
  [[nodiscard]] Vec2 toward_at(double t) const;
};

struct Ignition {
  double time = 0.0;  // s after the start
  std::uint32_t building = 0;
};

// Draw `count` ignitions at `time` among `candidates` with the run's seed (a
// different building for every seed; the same for the same seed).
struct RandomIgnition {
  double time = 0.0;
  std::uint32_t count = 1;
  std::vector<std::uint32_t> candidates;  // building indices
};

// Smoke dispersion and what it does to people and streets.
struct SmokeParams {
  // Ground-level concentrations from a Gaussian plume per burning building with
  // Briggs's urban dispersion coefficients (Briggs 1973, in Hanna, Briggs & Hosker
  // 1982, "Handbook on Atmospheric Diffusion", Table 4.6). Stability 0..5 = A..F;
  // D (3) holds for strong winds by day or night (Pasquill: wind > 6 m/s).
  int stability = 3;
  // Plume formulas break down in calm air: US EPA ISC3 (User's Guide vol. II, 1995)
  // sets wind speeds below 1 m/s to 1 m/s.
  double min_wind = 1.0;  // m/s
  // Soot yield of burning wood 0.015 g/g (Tewarson, SFPE Handbook, as VERIFICATION.md);
  // effective heat of combustion of wood 12.4 MJ/kg (Tewarson, SFPE Handbook, red oak).
  double soot_yield = 0.015;           // kg soot per kg fuel
  double heat_of_combustion = 12.4e6;  // J/kg
  // CO yield of post-flashover (under-ventilated) building fires ≈ 0.2 g/g (Gottuk &
  // Lattimer, SFPE Handbook, "Effect of combustion conditions on species production").
  double carbon_monoxide_yield = 0.2;  // kg CO per kg fuel
  // Mulholland & Croarkin 2000: K = 8.7 m²/g × soot mass concentration.
  double mass_extinction = 8.7;   // m²/g
  double sign_constant = 3.0;     // visibility = C / K, C = 3 reflective signs (Jin)
  double update_interval = 60.0;  // s between smoke, heat and closure updates
  double cell = 20.0;             // m, smoke grid cell
  std::size_t max_cells = 4'000'000;
  // Tenability (VERIFICATION.md): visibility ≥ 10 m; radiant heat ≤ 2.5 kW/m² for
  // people (SFPE, ISO 13571). Vehicles: 12.5 kW/m², the least flux for piloted
  // ignition of wood and melting of plastics (World Bank 1985, "Manual of industrial
  // hazard assessment techniques"; CCPS consequence tables).
  double min_visibility = 10.0;  // m, walkers and teams on foot
  std::array<double, kMoverClassCount> max_radiant{2500.0, 2500.0, 2500.0, 2500.0, 12500.0};  // W/m²
  // Fraction of the heat release radiated (point-source flame model, Modak 1977;
  // SFPE Handbook "Fire radiation": 0.3 for sooty flames).
  double radiative_fraction = 0.3;
  // Smoke that people at home notice (they see and smell it): visibility below
  // this at their door warns them. Planning assumption.
  double notice_visibility = 30.0;  // m
  // Toxic dose (ISO 13571, Purser): FED_CO = Σ C_CO(ppm) Δt(min) / 35000; FED ≥ 0.3
  // counts as exposed, ≥ 1 incapacitated.
  double fed_exposed = 0.3;
  double fed_incapacitated = 1.0;
  // CO inside a fully involved building: 1–4 % in post-flashover compartments
  // (Purser, SFPE Handbook, "Assessment of hazards to occupants"); the low end.
  double co_inside_burning = 10000.0;  // ppm
};

struct FireParams {
  // Buildings farther apart than this never ignite each other directly. Tokyo's
  // fire-spread prevention belts use streets at least 16 m wide as firebreaks (Tokyo
  // Metropolitan Government, "Fire-spread prevention belts", urban development plan
  // for disaster prevention); configurable.
  double max_gap = 16.0;  // m
  // Below this wind speed the air is calm (WMO Beaufort force 0, < 0.3 m/s): no
  // direction, every neighbour spreads with the crosswind formula.
  double calm_wind = 0.3;  // m/s
};

// An evacuation zone around the fire's scheduled ignitions: homes within `radius`
// of one, or within `downwind` metres downwind inside ± half_angle of the wind at
// that ignition's time. Target of warning channels and door-knocking.
struct FireZone {
  double radius = 0.0;       // m, 0 = none
  double downwind = 0.0;     // m, 0 = none
  double half_angle = 30.0;  // degrees
};

struct FireDesc {
  std::vector<FireConstruction> constructions;
  std::vector<FireUse> uses;
  std::vector<FireBuilding> buildings;  // (world buildings)
  FireNeighbours neighbours;            // derived by FireHazard::prepare()
  std::vector<Ignition> ignitions;      // in time order
  std::vector<RandomIgnition> random_ignitions;
  WindSeries wind;
  FireParams params;
  SmokeParams smoke;
  FireZone zone;
  RasterGrid grid;          // the smoke grid (set by the scenario from the map's extent)
  FireServiceDesc service;  // the fire service (service.enabled false: the fire burns unattended)
};

}  // namespace ss
