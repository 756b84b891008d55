// "Start a fire here": the building under a click and the StartFire intervention.
#include <cmath>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "gui/actions.hpp"

namespace ss::gui {

std::int64_t building_at(const World& world, Vec2 p, double max_m) {
  std::int64_t nearest = -1;
  double best = max_m;
  for (std::size_t b = 0; b < world.buildings.size(); ++b) {
    const Building& bd = world.buildings[b];
    const double d = distance(bd.centroid, p);
    if (d < best) best = d, nearest = static_cast<std::int64_t>(b);
    // Every outline is tested: a click is rare, and a town's ~10⁵ outline vertices
    // take well under a millisecond.
    if (bd.outline.size() >= 3 && contains(bd.outline, p)) return static_cast<std::int64_t>(b);
  }
  return nearest;
}

bool start_fire(AppContext& ctx, std::uint32_t b, const std::string& note) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded"), false;
  const Model& m = ctx.session.model();
  const FireHazard* fire = find_fire(m);
  if (!fire)
    return ctx.messages.error(
               "this scenario has no fire: fires can be started in scenarios with a fire: "
               "section (e.g. scenarios/lauf_fire.yaml)"),
           false;
  const FireDesc& d = fire->desc();
  if (b >= m.world.buildings.size() || b >= d.buildings.size())
    return ctx.messages.error("there is no building " + std::to_string(b)), false;
  const FireConstruction& c = d.constructions[d.buildings[b].construction];
  if (c.non_combustible)
    return ctx.messages.error("building " + std::to_string(b) + " cannot burn (" + c.name +
                              ", non-combustible)"),
           false;
  const FireRun* run = find_fire_run(m, ctx.session.state());
  // Burning already, or about to be lit at the next step by an earlier click.
  bool lit = run && b < run->spread.ignited.size() && !std::isnan(run->spread.ignited[b]);
  for (const Intervention& p : ctx.session.state().pending)
    lit = lit || (p.kind == Intervention::Kind::StartFire && p.target == b);
  if (lit) return ctx.messages.info("building " + std::to_string(b) + " is already on fire"), false;
  Intervention iv;
  iv.kind = Intervention::Kind::StartFire;
  iv.target = b;
  iv.note = note;
  if (!ctx.session.apply(iv))
    return ctx.messages.error("the engine refused to start a fire in building " + std::to_string(b)), false;
  const std::int64_t osm = m.world.buildings[b].source_id;
  ctx.messages.info("fire started in building " + std::to_string(b) +
                    (osm >= 0 ? " (map id " + std::to_string(osm) + ")" : std::string()) + " at " +
                    format_clock(ctx.session.sim().time()));
  return true;
}

bool start_fire_at(AppContext& ctx, Vec2 world, const std::string& note) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded"), false;
  // Without a fire, say so rather than look for a building.
  if (!find_fire(ctx.session.model())) return start_fire(ctx, 0, note);
  const std::int64_t b = building_at(ctx.session.model().world, world);
  if (b < 0) return ctx.messages.error("no building under the click: click inside a building"), false;
  return start_fire(ctx, static_cast<std::uint32_t>(b), note);
}

}  // namespace ss::gui
