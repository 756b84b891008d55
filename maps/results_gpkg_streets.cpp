// results.gpkg: the layers along the streets — each street's crowd and hazard figures,
// every closure interval with who closed it, and the legs the teams travelled.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/core/heat_figures.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "maps/results_gpkg_layer.hpp"

namespace ss::maps::results {
namespace {

// The deepest water on each street over the run (m): the highest of the flood's
// per-cell maxima (FloodState::max_depth) over the cells the street runs through
// (FloodLinks); NaN without a flood or for a street outside its grid.
std::vector<double> street_max_water(const Model& m, const SimState& s) {
  std::vector<double> out(m.world.streets.edge_count(), kNaN);
  const FloodHazard* flood = find_flood(m);
  const FloodRun* run = find_flood_run(m, s);
  if (!flood || !run) return out;
  const FloodLinks& l = flood->desc().links;
  for (std::size_t e = 0; e < out.size() && e + 1 < l.edge_offset.size(); ++e)
    for (std::uint32_t k = l.edge_offset[e]; k < l.edge_offset[e + 1]; ++k)
      out[e] = std::fmax(out[e], run->field.max_depth[l.edge_cells[k]]);
  return out;
}

// The lowest visibility in the smoke on each street over the run (m): the smoke grid's
// per-cell minima (FireRun::min_visibility) sampled along the street every half cell;
// NaN without a fire, +inf where no smoke reached it.
std::vector<double> street_min_visibility(const Model& m, const SimState& s) {
  const StreetGraph& g = m.world.streets;
  std::vector<double> out(g.edge_count(), kNaN);
  const FireHazard* fire = find_fire(m);
  const FireRun* run = find_fire_run(m, s);
  if (!fire || !run || run->min_visibility.empty()) return out;
  const double step = 0.5 * fire->desc().grid.cell;
  auto sample = [&](Vec2 p, double& v) {
    const std::int64_t c = fire->cell_of(p);
    if (c >= 0 && static_cast<std::size_t>(c) < run->min_visibility.size())
      v = std::fmin(v, run->min_visibility[static_cast<std::size_t>(c)]);
  };
  for (std::size_t e = 0; e < out.size(); ++e) {
    const std::span<const Vec2> shape = g.shape(EdgeId{e});
    double v = HUGE_VAL;
    for (std::size_t k = 0; k + 1 < shape.size(); ++k) {
      const Vec2 a = shape[k], b = shape[k + 1];
      const double len = std::hypot(b.x - a.x, b.y - a.y);
      const int n = step > 0.0 ? static_cast<int>(std::ceil(len / step)) : 1;
      for (int j = 0; j <= n; ++j) {
        const double u = n > 0 ? static_cast<double>(j) / n : 0.0;
        sample(Vec2{a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u}, v);
      }
    }
    if (shape.size() == 1) sample(shape[0], v);
    out[e] = v;
  }
  return out;
}

}  // namespace

// --- streets: walkers, crowding, queues, hazards and closures per street --------------------

void write_streets(const Target& to, const Model& m, const SimState& s) {
  const StreetGraph& g = m.world.streets;
  LayerWriter w(to, "streets", wkbLineString,
                {{"name", OFTString},
                 {"kind", OFTString},
                 {"width_m", OFTReal},
                 {"length_m", OFTReal},
                 {"walkers", OFTInteger},
                 {"closed_at_end", OFTInteger},
                 {"closed_by_plan", OFTInteger},
                 {"peak_density", OFTReal},
                 {"peak_flow", OFTReal},
                 {"queue_min", OFTReal},
                 {"max_water_m", OFTReal},
                 {"min_visibility_m", OFTReal}});
  std::vector<std::uint8_t> by_plan(g.edge_count(), 0);
  for (const EdgeId e : m.plan.closed_edges) by_plan[e.index()] = 1;
  const StreetRecords& rec = s.records.streets;
  const std::vector<double> water = street_max_water(m, s);
  const std::vector<double> visibility = street_min_visibility(m, s);
  const std::vector<double> density = street_peak_density(m, s);
  const std::vector<double> queue = street_queue_minutes(m, s);
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    detail::FeaturePtr f = w.feature();
    f->SetField("name", g.edge_name[e].c_str());
    f->SetField("kind", to_string(g.edge_kind[e]));
    f->SetField("width_m", static_cast<double>(g.edge_width[e]));
    f->SetField("length_m", static_cast<double>(g.edge_length[e]));
    f->SetField("walkers",
                static_cast<int>(e < s.records.edge_passages.size() ? s.records.edge_passages[e] : 0));
    f->SetField("closed_at_end", e < s.edge_closed.size() ? s.edge_closed[e] : 0);
    f->SetField("closed_by_plan", by_plan[e]);
    if (e < rec.peak_count.size()) {
      // Persons per m² of walkable street at the fullest (the network model's density:
      // residents on the edge over length × width); persons per second leaving it in
      // the busiest window of StreetRecords::kFlowWindow; minutes with a queue at an end.
      // (engine/core/heat_figures.hpp, shared with the heat maps.)
      LayerWriter::number(*f, "peak_density", density[e]);
      f->SetField("peak_flow", rec.peak_flow[e] / StreetRecords::kFlowWindow);
      f->SetField("queue_min", queue[e]);
    }
    LayerWriter::number(*f, "max_water_m", water[e]);
    // +inf (no smoke reached it) is written as null, like a run without a fire.
    LayerWriter::number(*f, "min_visibility_m", visibility[e]);
    OGRLineString line = street_line(m, EdgeId{e});
    w.add(std::move(f), &line);
  }
  w.finish();
}

// --- closures: one line per interval a street was closed, with who closed it ---------------

void write_closures(const Target& to, const Model& m, const SimState& s) {
  const StreetGraph& g = m.world.streets;
  LayerWriter w(to, "closures", wkbLineString,
                {{"street", OFTString},
                 {"edge", OFTInteger},
                 {"from_min", OFTReal},
                 {"to_min", OFTReal},
                 {"by", OFTString},
                 {"reason", OFTString}});
  struct Interval {
    std::size_t edge;
    double from, to;
    std::string by, reason;
  };
  std::vector<Interval> out;
  // The plan's closures and the injects' (scripted or live), from the journal: a
  // street is closed from the first close while open to the next open
  // (Simulation::injects_phase sets SimState::edge_closed the same way).
  std::vector<std::int64_t> open(g.edge_count(), -1);  // index into `out` of the open interval
  for (const EdgeId e : m.plan.closed_edges) {
    if (open[e.index()] >= 0) continue;
    open[e.index()] = static_cast<std::int64_t>(out.size());
    out.push_back({e.index(), 0.0, kNaN, "plan", "closed in the plan"});
  }
  for (const JournalEntry& j : s.records.journal) {
    const Intervention& iv = j.intervention;
    if (iv.target >= g.edge_count()) continue;
    if (iv.kind == Intervention::Kind::CloseRoad && open[iv.target] < 0) {
      open[iv.target] = static_cast<std::int64_t>(out.size());
      out.push_back({iv.target, j.time, kNaN, "inject", iv.note});
    } else if (iv.kind == Intervention::Kind::OpenRoad && open[iv.target] >= 0) {
      out[static_cast<std::size_t>(open[iv.target])].to = j.time;
      open[iv.target] = -1;
    }
  }
  // The hazards' closures, recorded as they happened (RunRecords::hazard_closures).
  for (const HazardClosure& c : s.records.hazard_closures) {
    if (c.edge >= g.edge_count() || c.hazard >= m.hazards.size()) continue;
    out.push_back({c.edge, c.from, c.to, "hazard", std::string(m.hazards[c.hazard]->name())});
  }
  for (const Interval& c : out) {
    detail::FeaturePtr f = w.feature();
    f->SetField("street", g.edge_name[c.edge].c_str());
    f->SetField("edge", static_cast<int>(c.edge));
    LayerWriter::number(*f, "from_min", minutes(c.from));
    LayerWriter::number(*f, "to_min", minutes(c.to));
    f->SetField("by", c.by.c_str());
    f->SetField("reason", c.reason.c_str());
    OGRLineString line = street_line(m, EdgeId{c.edge});
    w.add(std::move(f), &line);
  }
  w.finish();
}

// --- team_tracks: one line per leg a team travelled ----------------------------------------

namespace {

// The streets from node `start` along `edges`, each walked from the end it was entered at.
OGRLineString track_line(const Model& m, NodeId start, std::span<const EdgeId> edges) {
  const StreetGraph& g = m.world.streets;
  OGRLineString line;
  NodeId n = start;
  for (const EdgeId e : edges) {
    const std::span<const Vec2> shape = g.shape(e);
    const bool forward = g.edge_from[e.index()] == n;
    for (std::size_t k = 0; k < shape.size(); ++k) {
      const Vec2 v = forward ? shape[k] : shape[shape.size() - 1 - k];
      if (k == 0 && line.getNumPoints() > 0) continue;  // the junction is already there
      line.addPoint(v.x, v.y);
    }
    n = g.other_end(e, n);
  }
  return line;
}

}  // namespace

void write_team_tracks(const Target& to, const Model& m, const SimState& s) {
  LayerWriter w(to, "team_tracks", wkbLineString,
                {{"team", OFTString},
                 {"kind", OFTString},
                 {"mode", OFTString},
                 {"from_min", OFTReal},
                 {"to_min", OFTReal},
                 {"purpose", OFTString},
                 {"task", OFTInteger}});
  const auto& teams = m.plan.response.teams;
  auto write = [&](std::size_t team, LegPurpose purpose, std::uint32_t task, double from, double to_s,
                   NodeId start, std::span<const EdgeId> edges) {
    if (team >= teams.size() || edges.empty()) return;
    detail::FeaturePtr f = w.feature();
    f->SetField("team", teams[team].name.c_str());
    f->SetField("kind", to_string(teams[team].kind));
    f->SetField("mode", to_string(teams[team].mode));
    LayerWriter::number(*f, "from_min", minutes(from));
    LayerWriter::number(*f, "to_min", minutes(to_s));
    f->SetField("purpose", to_string(purpose));
    if (task == 0xFFFFFFFFu)
      f->SetFieldNull(f->GetFieldIndex("task"));
    else
      f->SetField("task", static_cast<int>(task));
    OGRLineString line = track_line(m, start, edges);
    w.add(std::move(f), &line);
  };
  const std::vector<EdgeId>& all = s.records.team_leg_edges;
  for (const TeamLeg& leg : s.records.team_legs) {
    if (static_cast<std::size_t>(leg.first_edge) + leg.edges > all.size()) continue;
    write(leg.team, leg.purpose, leg.task, leg.from, leg.to, NodeId{leg.start},
          std::span<const EdgeId>(all).subspan(leg.first_edge, leg.edges));
  }
  // Legs still under way when the run ended: their whole route, no arrival yet.
  const double now = s.time(m.run.dt);
  for (std::size_t k = 0; k < s.response.teams.size(); ++k) {
    const TeamState& ts = s.response.teams[k];
    if ((ts.stage != TeamStage::ToTask && ts.stage != TeamStage::Escorting) || ts.path.empty() ||
        ts.stage_end <= now)
      continue;
    write(k, ts.stage == TeamStage::ToTask ? LegPurpose::ToTask : LegPurpose::Escorting,
          ts.task.valid() ? static_cast<std::uint32_t>(ts.task.index()) : 0xFFFFFFFFu, ts.stage_start, kNaN,
          ts.path.front(), ts.path_edges);
  }
  w.finish();
}

}  // namespace ss::maps::results
