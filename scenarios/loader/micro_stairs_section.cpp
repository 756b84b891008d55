#include "scenarios/loader/micro_stairs_section.hpp"

#include <cmath>
#include <string>

#include "engine/core/input_error.hpp"
#include "maps/micro_geometry_import.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

namespace detail {

void read_micro_stairs(const Field& list, std::vector<MicroStairDesc>& out) {
  for (const Field& f : list.items()) {
    if (!f.is_map()) f.fail("a stair is {wkt: POLYGON ((...)), up: [x, y]} with an optional name");
    f.check_keys({"name", "wkt", "up"});
    MicroStairDesc s;
    s.field = f.path();
    s.line = f.line();
    s.wkt = f.need("wkt").text();
    if (auto v = f.get("name")) s.name = v->text();
    const Field up = f.need("up");
    if (!up.is_sequence()) up.fail("up is the way up the stair in plan, [x, y] (m)");
    const std::vector<Field> xy = up.items();
    if (xy.size() != 2) up.fail("up is the way up the stair in plan, [x, y] (m)");
    s.up = Vec2{xy[0].number(), xy[1].number()};
    if (!(std::hypot(s.up.x, s.up.y) > 0.0))
      up.fail("up must not be [0, 0]: it points the way up the stair in plan");
    out.push_back(std::move(s));
  }
}

}  // namespace detail

std::vector<MicroStair> build_micro_stairs(const ScenarioDesc& d) {
  std::vector<MicroStair> out;
  if (!d.micro) return out;
  for (const MicroStairDesc& s : d.micro->stairs) {
    const maps::MicroFeature f = maps::parse_micro_wkt(s.wkt, d.origins.file, s.line, s.field);
    if (f.polygons.size() != 1 || !f.lines.empty() || !f.points.empty() || f.polygons[0].size() != 1)
      throw InputError(d.origins.file, s.line, s.field,
                       "a stair is one POLYGON without holes (its horizontal run in plan, m)");
    MicroStair stair;
    stair.area = f.polygons[0][0];
    if (stair.area.size() >= 2 && stair.area.front() == stair.area.back()) stair.area.pop_back();
    try {
      check_micro_ring(stair.area, s.field);
    } catch (const InputError& e) {
      throw InputError(d.origins.file, s.line, s.field, e.message());
    }
    stair.up = s.up;
    stair.name = s.name.empty() ? s.field : s.field + " '" + s.name + "'";
    out.push_back(std::move(stair));
  }
  return out;
}

}  // namespace ss::scenarios
