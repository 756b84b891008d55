// Names written over the map: zones (in a micro area its rooms) with their figure
// when the choropleth is on, and shelters by their name. Labels go on a dark box;
// one that would overlap a label placed before it is left out, so the map stays
// readable at any zoom: zones first (few and large), then shelters by capacity.
#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "gui/map_style.hpp"
#include "gui/panels.hpp"

namespace ss::gui {
namespace {

struct Box2 {
  ImVec2 a, b;
  [[nodiscard]] bool overlaps(const Box2& o) const {
    return a.x < o.b.x && o.a.x < b.x && a.y < o.b.y && o.a.y < b.y;
  }
};

class Placer {
 public:
  Placer(ImDrawList* dl, sf::FloatRect vp, const style::MapSizes& z) : dl_(dl), vp_(vp), z_(z) {}
  // Lines of text centred on `at` (or left-aligned right of it when `beside`);
  // false when it does not fit.
  bool place(ImVec2 at, const std::vector<std::string>& lines, ImU32 ink, bool beside) {
    // The font is already built at the UI scale; the padding and gap follow it.
    const float scale = style::kLabelFontScale, pad = z_.label_pad;
    const float font = ImGui::GetFontSize() * scale;
    float w = 0;
    for (const std::string& l : lines) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x * scale);
    const float h = font * static_cast<float>(lines.size());
    const ImVec2 a =
        beside ? ImVec2(at.x, at.y - h / 2 - pad) : ImVec2(at.x - w / 2 - pad, at.y - h / 2 - pad);
    const Box2 box{a, ImVec2(a.x + w + 2 * pad, a.y + h + 2 * pad)};
    if (box.a.x < vp_.left || box.a.y < vp_.top || box.b.x > vp_.left + vp_.width ||
        box.b.y > vp_.top + vp_.height)
      return false;
    const float gap = z_.label_gap;
    const Box2 grown{ImVec2(box.a.x - gap, box.a.y - gap), ImVec2(box.b.x + gap, box.b.y + gap)};
    for (const Box2& o : placed_)
      if (grown.overlaps(o)) return false;
    placed_.push_back(box);
    dl_->AddRectFilled(box.a, box.b, IM_COL32(0, 0, 0, 185), pad);
    float y = box.a.y + pad;
    for (const std::string& l : lines) {
      const float lw = ImGui::CalcTextSize(l.c_str()).x * scale;
      const float x = beside ? box.a.x + pad : box.a.x + pad + (w - lw) / 2;
      dl_->AddText(ImGui::GetFont(), font, ImVec2(x, y), ink, l.c_str());
      y += font;
    }
    return true;
  }

 private:
  ImDrawList* dl_;
  sf::FloatRect vp_;
  style::MapSizes z_;
  std::vector<Box2> placed_;
};

ImU32 im(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

}  // namespace

void draw_map_labels(AppContext& ctx) {
  auto& placed = ctx.map.placed_labels();
  placed.clear();
  if (!ctx.session.ready()) return;
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const Layers& l = ctx.view.layers;
  const Camera& cam = ctx.map.camera();
  const sf::FloatRect vp = cam.viewport();
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->PushClipRect(ImVec2(vp.left, vp.top), ImVec2(vp.left + vp.width, vp.top + vp.height), true);
  const style::MapSizes z = style::map_sizes(ctx.ui_scale(), ctx.view.dot_px);
  Placer placer(dl, vp, z);
  const ZoneLayer& zones = ctx.map.zones();
  if (l.zones || l.zone_shading) {
    const auto& fig = zones.figures();
    for (std::size_t z = 0; z < zones.zone_count(); ++z) {
      std::vector<std::string> lines{m.world.zones[z].name};
      if (l.zone_shading && z < fig.size()) lines.push_back(zone_value_text(fig[z], ctx.view.zone_measure));
      const sf::Vector2f p = cam.to_screen(zones.label_at(z));
      if (placer.place(ImVec2(p.x, p.y), lines, im(kZoneEdge), false)) placed.push_back({"zone", lines[0]});
    }
  }
  if (l.shelters && l.shelter_names) {
    // Largest first: where names crowd, the shelters that take the most people keep theirs.
    const auto& sh = m.world.shelters;
    std::vector<std::size_t> order(sh.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sh[a].capacity > sh[b].capacity; });
    for (const std::size_t i : order) {
      const sf::Vector2f p = cam.to_screen(sh[i].pos);
      const bool closed = i < s.shelter_closed.size() && s.shelter_closed[i];
      const Rgb ink = closed ? Rgb{170, 170, 170} : Rgb{255, 255, 255};
      // Right of the marker and its fill bar.
      const float x = p.x + z.shelter_half + z.shelter_bar_gap + z.shelter_bar_w + z.shelter_name_gap;
      if (placer.place(ImVec2(x, p.y), {sh[i].name}, im(ink), true))
        placed.push_back({"shelter", sh[i].name});
    }
  }
  dl->PopClipRect();
}

}  // namespace ss::gui
