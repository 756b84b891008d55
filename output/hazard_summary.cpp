#include "output/hazard_summary.hpp"

#include <cmath>

namespace ss::output {

using ojson = nlohmann::ordered_json;

ojson hazards_json(const Model& model, const SimState& state) {
  ojson out = ojson::array();
  std::vector<HazardKpi> kpis;
  for (std::size_t k = 0; k < model.hazards.size(); ++k) {
    kpis.clear();
    model.hazards[k]->kpis(model, state, state.hazards[k].get(), kpis);
    ojson list = ojson::array();
    for (const HazardKpi& kpi : kpis)
      list.push_back({{"name", kpi.name},
                      {"value", std::isfinite(kpi.value) ? ojson(kpi.value) : ojson(nullptr)},
                      {"better", kpi.lower_is_better ? "lower" : "higher"}});
    out.push_back({{"name", std::string(model.hazards[k]->name())}, {"kpis", std::move(list)}});
  }
  return out;
}

}  // namespace ss::output
