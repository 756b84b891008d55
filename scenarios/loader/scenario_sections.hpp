#pragma once
// Readers of the scenario file's sections, one function per section, each taking the
// section's Field (path and line known) and returning its description struct.
// Internal to the loader.
#include <string>

#include "scenarios/loader/scenario.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios::detail {

struct Sections {
  std::string folder;  // the scenario file's folder, for relative paths

  // A file path, resolved against `folder`; must exist.
  [[nodiscard]] std::string existing_file(const Field& f) const;

  [[nodiscard]] MapDesc map(const Field& f) const;
  [[nodiscard]] PopulationDesc population(const Field& f) const;
  // The registry or synthesize part of a population section, whatever other keys it
  // has (a micro population adds its own).
  [[nodiscard]] PopulationDesc population_source(const Field& f) const;
  [[nodiscard]] SheltersDesc shelters(const Field& f) const;
  [[nodiscard]] ZonesDesc zones(const Field& f) const;
  [[nodiscard]] PlanDesc plan(const Field& f) const;
  void params(const Field& f, Params& out) const;                          // overrides on engine defaults
  void run(const Field& f, RunSettings& out, double& memory_limit) const;  // overrides on engine defaults
  [[nodiscard]] FloodSection flood(const Field& f) const;                  // sections_flood.cpp
  [[nodiscard]] FireSection fire(const Field& f) const;                    // sections_fire.cpp
  [[nodiscard]] FireServiceSection fire_service(
      const Field& f) const;  // fire.service, sections_fire_service.cpp
};

// A WGS 84 position: {lon, lat} or [lon, lat] (scenarios/loader/sections_flood.cpp).
LonLatPoint read_lon_lat(const Field& f);

// The plan's channels, teams, door-knocking, task times and targets
// (scenarios/loader/sections_plan_teams.cpp); called by Sections::plan.
void read_plan_teams(const Field& f, PlanTeamsDesc& out);

// Profile shares and assistance rules as under population.synthesize
// (scenarios/loader/sections_people.cpp); the micro population reads them too.
void read_shares(const Field& f, ProfileShares& s);
void read_assistance(const Field& f, AssistanceRules& r);

}  // namespace ss::scenarios::detail
