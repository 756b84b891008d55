#include "maps/registry_import.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <span>
#include <unordered_map>

#include "engine/core/input_error.hpp"
#include "maps/csv_table.hpp"
#include "maps/gdal_support.hpp"
#include "maps/map_import.hpp"

namespace ss::maps {

namespace {
using detail::iequals;

struct Record {
  int line = 0;           // CSV: 1-based line; OGR: 0
  std::int64_t fid = -1;  // OGR feature id
  std::vector<std::string> cells;
  std::optional<Vec2> geometry;  // OGR point (or centroid), source CRS
};

struct Table {
  bool csv = true;
  std::vector<std::string> columns;
  std::vector<Record> rows;
  std::optional<OGRSpatialReference> srs;
  bool has_geometry = false;
};

// "row 17 (line 18)" for CSV, "feature 17" for other layers.
std::string where(const Table& t, std::size_t row_index) {
  const Record& r = t.rows[row_index];
  if (t.csv) return "row " + std::to_string(row_index + 1) + " (line " + std::to_string(r.line) + ")";
  return "feature " + std::to_string(r.fid);
}

bool is_csv_path(const std::string& p) {
  return detail::ends_with_ci(p, ".csv") || detail::ends_with_ci(p, ".tsv") ||
         detail::ends_with_ci(p, ".txt");
}

Table read_csv(const RegistrySource& src) {
  if (!detail::path_exists(src.path))
    throw InputError(src.origin_file.empty() ? src.path : src.origin_file, src.origin_line,
                     "population.registry", "file not found: " + src.path);
  VSILFILE* f = VSIFOpenL(src.path.c_str(), "rb");
  if (!f) throw InputError(src.path, 0, "population.registry", "cannot read the file");
  std::string text;
  char buf[65536];
  for (std::size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  VSIFCloseL(f);
  CsvTable csv;
  try {
    csv = parse_csv(text);
  } catch (const std::exception& e) {
    throw InputError(src.path, 0, "population.registry", e.what());
  }
  if (csv.header.empty()) throw InputError(src.path, 1, "population.registry", "empty file: no header line");
  Table t;
  t.columns = std::move(csv.header);
  for (auto& r : csv.rows) t.rows.push_back({r.line, -1, std::move(r.cells), std::nullopt});
  return t;
}

Table read_layer(const RegistrySource& src) {
  detail::DatasetPtr ds =
      detail::open_vector(src.path, {src.origin_file, src.origin_line, "population.registry"});
  detail::QuietGdal quiet;
  OGRLayer* l = src.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(src.layer.c_str());
  if (!l) throw InputError(src.path, 0, "population.registry", "no layer '" + src.layer + "'");
  Table t;
  t.csv = false;
  OGRFeatureDefn* defn = l->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) t.columns.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  if (const OGRSpatialReference* s = l->GetSpatialRef(); s && !s->IsEmpty()) t.srs = detail::gis_order(*s);
  l->ResetReading();
  while (detail::FeaturePtr f{l->GetNextFeature()}) {
    Record r;
    r.fid = f->GetFID();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      r.cells.push_back(detail::field_string(*f, i).value_or(""));
    if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
      OGRPoint p;
      if (wkbFlatten(g->getGeometryType()) == wkbPoint)
        p = *g->toPoint();
      else if (g->Centroid(&p) != OGRERR_NONE)
        p = OGRPoint(NAN, NAN);
      r.geometry = Vec2{p.getX(), p.getY()};
      t.has_geometry = true;
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

int find_column(const Table& t, std::span<const std::string_view> names) {
  for (std::string_view n : names)
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      if (iequals(detail::trim(t.columns[i]), n)) return static_cast<int>(i);
  return -1;
}

int named_column(const Table& t, const RegistrySource& src, const std::string& name, const char* what) {
  const std::array<std::string_view, 1> one{name};
  const int i = find_column(t, one);
  if (i < 0)
    throw InputError(src.path, t.csv ? 1 : 0, name, std::string("no ") + what + " column '" + name + "'");
  return i;
}

std::optional<bool> parse_bool(std::string_view s) {
  const std::string v = detail::lower(detail::trim(s));
  if (v == "yes" || v == "true" || v == "1" || v == "y") return true;
  if (v == "no" || v == "false" || v == "0" || v == "n") return false;
  return std::nullopt;
}

// Column names for the profile, case-insensitive. Anything else is ignored.
constexpr std::array<std::string_view, 3> kAge = {"age", "age_years", "alter"};
constexpr std::array<std::string_view, 1> kMobility = {"mobility"};
constexpr std::array<std::string_view, 3> kAlone = {"lives_alone", "alone", "livesalone"};
constexpr std::array<std::string_view, 4> kHousehold = {"household", "household_id", "hh", "hh_id"};
constexpr std::array<std::string_view, 3> kAssist = {"needs_assistance", "assistance", "needs_help"};
// A person's id is never stored (residents are anonymous); it is read only to refuse
// a registry that lists the same person twice.
constexpr std::array<std::string_view, 4> kId = {"id", "person_id", "resident_id", "pid"};
// The oldest age a registry may hold (the oldest verified person lived to 122).
constexpr double kMaxAge = 122.0;
// Problems listed in one error before "and N more" (the total is always given).
constexpr std::size_t kListedBadCells = 20;
constexpr std::array<std::string_view, 8> kX = {"lon", "longitude", "lng",  "long",
                                                "x",   "easting",   "east", "rechtswert"};
constexpr std::array<std::string_view, 7> kY = {"lat",   "latitude", "y",   "northing",
                                                "north", "hochwert", "nord"};
}  // namespace

std::optional<Mobility> mobility_from_registry(std::string_view s) {
  std::string v = detail::lower(detail::trim(s));
  std::replace(v.begin(), v.end(), ' ', '_');
  std::replace(v.begin(), v.end(), '-', '_');
  for (std::string_view w : {"walks", "walking", "walk", "none", "no", "independent"})
    if (v == w) return Mobility::Walks;
  for (std::string_view w : {"walking_aid", "walker", "rollator", "cane", "crutches", "aid"})
    if (v == w) return Mobility::WalkingAid;
  if (v == "wheelchair") return Mobility::Wheelchair;
  if (v == "bedridden" || v == "bed") return Mobility::Bedridden;
  return std::nullopt;
}

RegistryImport load_registry(const RegistrySource& src, const Projector& projector, const Box& bounds,
                             const MapReport* map) {
  detail::ensure_gdal_registered();
  if (src.path.empty())
    throw InputError(src.origin_file, src.origin_line, "population.registry", "no file given");
  Table t = is_csv_path(src.path) ? read_csv(src) : read_layer(src);

  // Coordinates: named columns, else the layer geometry, else auto-detected columns.
  int xi = -1, yi = -1;
  if (!src.x_field.empty() || !src.y_field.empty()) {
    xi = named_column(t, src, src.x_field, "x");
    yi = named_column(t, src, src.y_field, "y");
  } else if (!t.has_geometry) {
    xi = find_column(t, kX);
    yi = find_column(t, kY);
    if (xi < 0 || yi < 0)
      throw InputError(
          src.path, t.csv ? 1 : 0, "x/y",
          "no coordinate columns (looked for lon/longitude/lng/x/easting and lat/latitude/y/northing)");
  }
  const std::string coord_field = xi >= 0 ? t.columns[xi] + "/" + t.columns[yi] : std::string("geometry");

  // Every problem of every row is listed before anything is refused (a planner's
  // registry of 40,000 rows may hold dozens): coordinates that are missing or off the
  // map, and cells that are there but cannot be read (age -5 or 250, mobility
  // "flying", a lives_alone of "maybe", a person listed twice). Empty profile cells
  // take the documented defaults and are counted instead.
  std::vector<std::string> bad;
  std::size_t bad_count = 0;
  std::size_t first_bad_line = 0;
  std::string first_bad_column;
  std::vector<char> bad_row(t.rows.size(), 0);
  auto refuse = [&](std::size_t r, const std::string& column, std::string why) {
    if (bad_count++ == 0) first_bad_line = t.rows[r].line, first_bad_column = column;
    bad_row[r] = 1;
    if (bad.size() < kListedBadCells) bad.push_back(where(t, r) + ", " + column + ": " + std::move(why));
  };

  RegistryImport out;
  RegistryReport& rep = out.report;
  std::vector<std::size_t> rows;  // rows that are not blank
  std::vector<Vec2> pts;          // their coordinates where readable
  std::vector<std::size_t> row_of;
  // What is wrong with a row's coordinates, listed with its other problems in row order.
  std::vector<std::string> coord_problem(t.rows.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const Record& rec = t.rows[r];
    if (t.csv && std::all_of(rec.cells.begin(), rec.cells.end(),
                             [](const std::string& c) { return detail::trim(c).empty(); })) {
      ++rep.skipped_blank_rows;
      continue;
    }
    rows.push_back(r);
    Vec2 p{NAN, NAN};
    if (xi >= 0) {
      p = {detail::parse_double(rec.cells[xi]).value_or(NAN),
           detail::parse_double(rec.cells[yi]).value_or(NAN)};
    } else if (rec.geometry) {
      p = *rec.geometry;
    }
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      coord_problem[r] = "missing or non-numeric coordinates";
      continue;
    }
    pts.push_back(p);
    row_of.push_back(r);
  }

  // CRS of the coordinates.
  OGRSpatialReference from;
  if (!src.crs.empty()) {
    detail::QuietGdal quiet;
    if (from.SetFromUserInput(src.crs.c_str()) != OGRERR_NONE)
      throw InputError(src.origin_file, src.origin_line, "population.crs", "unknown CRS '" + src.crs + "'");
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  } else if (t.srs) {
    from = *t.srs;
  } else {
    const auto not_degrees = [&](std::size_t k) {
      return std::abs(pts[k].x) > 180.0 || std::abs(pts[k].y) > 90.0;
    };
    std::size_t first = pts.size(), count = 0;
    for (std::size_t k = 0; k < pts.size(); ++k)
      if (not_degrees(k)) first = std::min(first, k), ++count;
    // Every row projected: the file's CRS is missing, one error says so.
    if (count > 0 && count == pts.size())
      throw InputError(
          src.path, t.rows[row_of[first]].line, coord_field,
          where(t, row_of[first]) + ": coordinates are not longitude/latitude degrees; name their CRS (crs)");
    for (std::size_t k = 0; k < pts.size(); ++k)
      if (not_degrees(k)) coord_problem[row_of[k]] = "not longitude/latitude degrees";
    from = detail::wgs84();
  }
  OGRSpatialReference local;
  local.importFromWkt(projector.wkt().c_str());
  try {
    detail::Transform(from, local).apply(pts);
  } catch (const std::exception& e) {
    throw InputError(src.path, 0, coord_field, e.what());
  }
  for (std::size_t k = 0; k < pts.size(); ++k)
    if (coord_problem[row_of[k]].empty() && (!std::isfinite(pts[k].x) || !bounds.contains(pts[k]))) {
      std::string& why = coord_problem[row_of[k]];
      why = "x/y outside the map";
      const auto piece = map && std::isfinite(pts[k].x) ? cut_off_piece_near(*map, pts[k]) : std::nullopt;
      if (piece) {
        const LonLat c = projector.to_lonlat((piece->min + piece->max) * 0.5);
        char at[96];
        std::snprintf(at, sizeof at, " (around lon %.5f, lat %.5f)", c.lon, c.lat);
        why.append(": it sits by a street piece cut off from the main network").append(at);
      }
    }

  // Profile columns; everything else is listed and never read.
  const int age_i = find_column(t, kAge), mob_i = find_column(t, kMobility), alone_i = find_column(t, kAlone);
  const int hh_i = find_column(t, kHousehold), assist_i = find_column(t, kAssist);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const int ci = static_cast<int>(c);
    if (ci != xi && ci != yi && ci != age_i && ci != mob_i && ci != alone_i && ci != hh_i && ci != assist_i)
      rep.ignored_fields.push_back(t.columns[c]);
  }
  auto cell = [&](std::size_t r, int c) -> std::string_view {
    return c >= 0 ? std::string_view(t.rows[r].cells[c]) : std::string_view();
  };
  const int id_i = find_column(t, kId);
  auto blank = [](std::string_view v) { return detail::trim(v).empty(); };
  // "'<cell>' <why>", appended piecewise: g++ 12 warns falsely (-Wrestrict) on "'" + string.
  auto quoted = [](std::string_view v, const char* why) {
    std::string q(1, '\'');
    q.append(detail::trim(v)).append("' ").append(why);
    return q;
  };
  std::vector<Vec2> home(t.rows.size());
  for (std::size_t k = 0; k < pts.size(); ++k) home[row_of[k]] = pts[k];
  std::unordered_map<std::string, std::size_t> ids;  // id → row
  std::unordered_map<std::string, HouseholdId> households;
  std::uint32_t next_household = 0;
  for (const std::size_t r : rows) {
    if (!coord_problem[r].empty()) refuse(r, coord_field, coord_problem[r]);
    if (id_i >= 0 && !blank(cell(r, id_i))) {
      const auto [it, fresh] = ids.try_emplace(detail::trim(cell(r, id_i)), r);
      if (!fresh)
        refuse(r, t.columns[id_i], "the same id as " + where(t, it->second) + " (a person listed twice)");
    }
    int age = 40;  // default: an adult of working age, the most common band
    if (blank(cell(r, age_i))) {
      ++rep.defaulted_age;
    } else if (const auto v = detail::parse_double(cell(r, age_i)); v && *v >= 0.0 && *v <= kMaxAge) {
      age = static_cast<int>(*v);
    } else {
      refuse(r, t.columns[age_i], quoted(cell(r, age_i), "is not an age in years from 0 to 122"));
    }
    Mobility mob = Mobility::Walks;
    if (blank(cell(r, mob_i)))
      ++rep.defaulted_mobility;
    else if (const auto m = mobility_from_registry(cell(r, mob_i)))
      mob = *m;
    else
      refuse(r, t.columns[mob_i],
             quoted(cell(r, mob_i),
                    "is not a mobility (walks, walking_aid, wheelchair, bedridden, or their synonyms)"));
    bool alone = false;
    if (blank(cell(r, alone_i)))
      ++rep.defaulted_lives_alone;
    else if (const auto a = parse_bool(cell(r, alone_i)))
      alone = *a;
    else
      refuse(r, t.columns[alone_i], quoted(cell(r, alone_i), "is not yes/no (true/false, 1/0)"));
    bool assist = mob == Mobility::Bedridden;
    if (blank(cell(r, assist_i)))
      ++rep.defaulted_needs_assistance;
    else if (const auto a = parse_bool(cell(r, assist_i)))
      assist = *a;
    else
      refuse(r, t.columns[assist_i], quoted(cell(r, assist_i), "is not yes/no (true/false, 1/0)"));
    HouseholdId hh;
    if (const std::string key = detail::trim(cell(r, hh_i)); !key.empty()) {
      auto [it, fresh] = households.try_emplace(key, HouseholdId{next_household});
      if (fresh) ++next_household;
      hh = it->second;
    } else {
      hh = HouseholdId{next_household++};
      ++rep.defaulted_household;
    }
    if (bad_count == 0) out.population.add(age, mob, alone, assist, hh, home[r]);
  }
  if (bad_count > 0) {
    const auto bad_rows = static_cast<std::size_t>(std::count(bad_row.begin(), bad_row.end(), 1));
    std::string msg = std::to_string(bad_count) + (bad_count == 1 ? " problem" : " problems") + " in " +
                      std::to_string(bad_rows) + (bad_rows == 1 ? " row" : " rows") + " of " +
                      std::to_string(rows.size()) + ": ";
    for (std::size_t i = 0; i < bad.size(); ++i) msg += (i ? "; " : "") + bad[i];
    if (bad_count > bad.size()) msg += "; and " + std::to_string(bad_count - bad.size()) + " more";
    throw InputError(src.path, first_bad_line, first_bad_column, msg);
  }
  rep.rows = out.population.size();
  const auto note_missing = [&](int col, const char* what, const char* dflt) {
    if (col < 0 && rep.rows > 0)
      rep.notes.push_back(std::string("no ") + what + " column: all " + std::to_string(rep.rows) +
                          " residents get " + dflt);
  };
  note_missing(age_i, "age", "age 40");
  note_missing(mob_i, "mobility", "mobility 'walks'");
  note_missing(alone_i, "lives_alone", "'not living alone'");
  note_missing(hh_i, "household", "a household of their own");
  if (!rep.ignored_fields.empty())
    rep.notes.push_back(std::to_string(rep.ignored_fields.size()) +
                        " columns ignored (not part of the resident profile)");
  return out;
}

}  // namespace ss::maps
