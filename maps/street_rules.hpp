#pragma once
// Which mapped ways people can walk during an evacuation, how wide they are, what
// they offer heavy vehicles (carriageway, parked cars, limits), and the parser for
// the OSM driver's `other_tags` hstore column.
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/world/world.hpp"

namespace ss::maps {

// Tags of one feature as (key, value) pairs in source order.
using Tags = std::vector<std::pair<std::string, std::string>>;

// Parses GDAL's OSM `other_tags` string, e.g. `"foot"=>"no","width"=>"5 m"`.
// Handles backslash-escaped quotes and backslashes inside keys/values, spaces
// around `=>` and `,`, and `NULL` values (skipped). Stops at the first malformed
// pair and keeps what was read before it (never throws).
Tags parse_hstore(std::string_view s);
// Value of `key` or nullopt.
std::optional<std::string> tag(const Tags& tags, std::string_view key);

// Parses an OSM width: "5", "5.5", "5 m", "5m", "5,5" (decimal comma), "16'" or
// "16 ft" (feet), "3'6\"". Returns metres or nullopt for garbage, zero, negative
// or implausible (> 100 m) values.
std::optional<double> parse_width(std::string_view s);

// Parses an OSM weight limit (`maxweight`): "7.5", "7.5 t", "7.5t", "7500 kg",
// "10 st" (short tons), "5000 lbs". Returns tonnes, or nullopt for "none",
// "default", garbage, zero, negative or implausible (> 1000 t) values.
std::optional<double> parse_weight(std::string_view s);
// Parses an OSM height limit (`maxheight`) as parse_width does: "3.5", "3.5 m",
// "11'6\"". Returns metres, or nullopt for "default", "none", "below_default"
// (lower than the legal default but not signed: the height is unknown) and garbage.
std::optional<double> parse_height(std::string_view s);

// What an OSM `incline` tag says (https://wiki.openstreetmap.org/wiki/Key:incline):
// the grade along the way's drawing direction (rise over horizontal run, + up) and its
// sign. "up"/"down" give a sign without a number (grade NaN): the DEM then gives the
// size. Unreadable values give nullopt: the terrain alone decides.
struct Incline {
  double grade = std::numeric_limits<double>::quiet_NaN();  // m/m, NaN when only the direction is tagged
  int sign = 0;                                             // +1 up, −1 down, 0 level
};
// Parses "10%", "-8 %", "10,5%" (decimal comma), "5°", "-5 °", "5deg", a bare number
// (percent, the unit the wiki names first), "up" and "down". Garbage, empty values and
// grades above 1000 % (85°) — no street or stair is that steep — give nullopt.
std::optional<Incline> parse_incline(std::string_view s);
// Parses OSM `step_count` (https://wiki.openstreetmap.org/wiki/Key:step_count): a whole
// number of steps in 1 … 10000; anything else gives nullopt.
std::optional<int> parse_step_count(std::string_view s);

// What a way's tags say about heavy vehicles (VehicleWay, engine/world/world.hpp):
//  - carriageway from `width:carriageway` or `width` (parse_width), else `lanes` ×
//    kLaneWidth + kCarriagewayEdges;
//  - parking: the width parked cars take out of the carriageway, summed over the
//    left and right side, from the 2022 scheme `parking:{both,left,right}` =
//    lane | half_on_kerb | on_kerb | street_side | shoulder | no | separate, with
//    `parking:<side>:orientation` (parallel by default) and
//    `parking:<side>:restriction` = no_parking | no_stopping | no_standing (no cars);
//    or, on a side without a key of that scheme, the older `parking:lane:{both,left,right}`
//    = parallel | diagonal | perpendicular | marked (anything else: no cars), with its
//    position `parking:lane:<side>:<orientation>` = on_street | half_on_kerb |
//    on_kerb | street_side | lay_by | painted_area_only and
//    `parking:condition:<side>` = no_parking | no_stopping (no cars). A side's own
//    key wins over `both`;
//  - maxweight (t), maxheight (m; `maxheight:physical` when there is no `maxheight`),
//    maxwidth (m; likewise `maxwidth:physical`).
// Unknown or unreadable values leave the field NaN (parking: 0).
VehicleWay vehicle_way(const Tags& tags);
// Whether vehicle_way() reads `key`: the import keeps only these tags of a way.
bool is_vehicle_key(std::string_view key);

// Width of one traffic lane for `lanes` (m): RASt 06 (FGSV 2006) gives lanes of
// urban streets 2.75–3.25 m; 3.0 m is the middle of that range. The carriageway adds
// its edge strips on both sides (RASt 06: gutters / Rinnen of 0.25–0.5 m each; 0.25 m
// taken), so a one-lane one-way street is 3.5 m wide, not 3.0 m.
inline constexpr double kLaneWidth = 3.0;
inline constexpr double kCarriagewayEdges = 0.5;
// Width one row of parked passenger cars takes from the carriageway (m), from the
// stall dimensions of EAR 05 (FGSV 2005, Empfehlungen für Anlagen des ruhenden
// Verkehrs), which RASt 06 uses for parking in the street cross-section: parallel
// (Längsaufstellung) 2.0 m, diagonal (Schrägaufstellung, 45–60°) about 4.5 m deep,
// perpendicular (Senkrechtaufstellung) 5.0 m deep. Half on the kerb takes half.
inline constexpr double kParkedParallel = 2.0;
inline constexpr double kParkedDiagonal = 4.5;
inline constexpr double kParkedPerpendicular = 5.0;

// Why a way is not part of the walkable network, or nullopt if it is.
// Dropped (documented in docs and tests):
//  - no highway tag (OSM lines also hold railways, waterways, power lines, ...);
//  - highway=motorway / motorway_link: pedestrians banned by law (German StVO §18(9),
//    Vienna Convention on Road Traffic art. 25);
//  - highway=construction / proposed / abandoned / disused / razed: not (yet) usable;
//  - highway=raceway / bus_guideway / escape / platform / rest_area / services:
//    not public walkways or areas rather than lines;
//  - foot=no / foot=private / foot=use_sidepath(*): walking explicitly prohibited;
//  - access=no / access=private unless foot=yes/designated/permissive.
//  (*) use_sidepath means a separately mapped sidewalk exists, which we keep.
// Trunk roads are kept (walkable in most countries; a Kraftfahrstraße in Germany
// carries motorroad=yes, which is dropped as well).
struct WayTags {
  std::string highway, foot, access, motorroad, area;
};
std::optional<std::string> drop_reason(const WayTags& t);

// Default walkable width (m) per street class when no width tag is present.
// Assumption: during an evacuation the whole cross-section (carriageway plus
// sidewalks) is walkable. Typical cross-sections from the German guideline for
// urban streets, RASt 06 (FGSV 2006), ch. 5–6: main streets 6.5–7.5 m carriageway
// + 2 × 2.5 m sidewalks; residential streets 4.5–5.5 m + 2 × 1.5–2.5 m; paths and
// footways from the EFA 2002 (FGSV) minimum clear width of about 2 m; steps and
// paths 1.5 m (two people passing); tracks 3 m (one lane).
float default_width(StreetKind k);

}  // namespace ss::maps
