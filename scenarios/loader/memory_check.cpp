#include "scenarios/loader/memory_check.hpp"

#include "engine/core/display_text.hpp"
#include "scenarios/loader/physical_memory.hpp"

namespace ss::scenarios {
namespace {

// What to change for each field a part names.
const char* advice(const std::string& field) {
  if (field == "population") return "a smaller population or area";
  if (field == "run.timeline_interval") return "a longer timeline_interval (or fewer zones)";
  if (field == "flood.cell") return "a larger flood cell or a smaller map";
  if (field == "flood.snapshots") return "fewer snapshots";
  if (field == "flood.external") return "fewer or coarser frames";
  if (field == "fire.smoke.cell") return "a coarser smoke cell";
  if (field == "micro.params.grid_cell") return "a coarser grid_cell or a smaller area";
  if (field == "map.streets" || field == "map.buildings") return "a smaller map extract";
  if (field == "plan.teams") return "fewer teams";
  return "a smaller scenario";
}

// The scenario field behind a part's field: the population's own source.
std::string scenario_field(const ScenarioDesc& d, const std::string& field) {
  if (field != "population" || d.movement == MovementKind::Micro) return field;
  if (d.population.synthesize)
    return d.population.synthesize->total > 0 ? "population.synthesize.total"
                                              : "population.synthesize.density_per_km2_floor";
  if (d.population.registry) return "population.registry.file";
  return field;
}

}  // namespace

double memory_limit(const ScenarioDesc& d) {
  return d.memory_limit > 0.0 ? d.memory_limit : 0.5 * physical_memory();
}

MemoryEstimate estimate_memory(const ScenarioDesc& d, const Model& m, std::optional<std::size_t> residents) {
  MemoryEstimate e = estimate_run_memory(m, residents);
  const bool map = !d.map.streets.empty();
  e.parts.insert(e.parts.begin(), MemoryPart{map ? "program and map reading" : "program", "",
                                             kProgramBytes + (map ? kMapReadingBytes : 0.0)});
  return e;
}

void check_memory(const ScenarioDesc& d, const MemoryEstimate& e, double limit) {
  const double total = e.total();
  if (total <= limit) return;
  const MemoryPart* big = e.largest();
  const std::string field = big && !big->field.empty() ? scenario_field(d, big->field) : "run.memory_limit";
  std::string msg = "the run would need about ";
  msg.append(format_bytes(total)).append(" of memory, more than the limit of ").append(format_bytes(limit));
  if (d.memory_limit > 0.0)
    msg.append(" (run.memory_limit)");
  else
    msg.append(" (half of this machine's ")
        .append(format_bytes(physical_memory()))
        .append("; run.memory_limit)");
  if (big) {
    msg.append("; most of it is the ").append(big->what).append(" (").append(format_bytes(big->bytes));
    msg.append("): choose ").append(advice(big->field));
  }
  throw d.origins.error(field, msg);
}

}  // namespace ss::scenarios
