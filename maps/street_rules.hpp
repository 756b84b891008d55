#pragma once
// Which mapped ways people can walk during an evacuation, how wide they are, and
// the parser for the OSM driver's `other_tags` hstore column.
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
