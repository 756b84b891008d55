#include "maps/briefing_map_run.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/core/input_error.hpp"
#include "engine/core/sim_state.hpp"
#include "maps/csv_table.hpp"
#include "maps/gdal_support.hpp"

namespace ss::maps::briefing {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(p.string(), 0, "", "cannot read the file");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A run folder's file that must be there, named in the error when it is not.
fs::path required(const fs::path& dir, const char* name) {
  const fs::path p = dir / name;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec))
    throw InputError(dir.string(), 0, name, std::string("the run folder has no ") + name);
  return p;
}

CsvTable read_csv(const fs::path& p) {
  try {
    return parse_csv(read_text(p));
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const InputError*>(&e)) throw;
    throw InputError(p.string(), 0, "", e.what());
  }
}

int column(const CsvTable& t, const fs::path& p, const std::string& name) {
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (t.header[c] == name) return static_cast<int>(c);
  throw InputError(p.string(), 1, name, "no column '" + name + "'");
}

double cell_number(const CsvTable::Row& row, int c, const fs::path& p, const std::string& field) {
  const auto v = detail::parse_double(row.cells[static_cast<std::size_t>(c)]);
  if (!v) throw InputError(p.string(), row.line, field, "not a number: '" + row.cells[c] + "'");
  return *v;
}

// --- results.gpkg ----------------------------------------------------------------------

OGRLayer& layer(GDALDataset& ds, const std::string& path, const char* name) {
  OGRLayer* l = ds.GetLayerByName(name);
  if (!l) throw InputError(path, 0, name, std::string("no layer '") + name + "' (docs/results.md)");
  return *l;
}

int field(OGRLayer& l, const std::string& path, const char* name) {
  const int i = detail::field_index(l.GetLayerDefn(), name);
  if (i < 0)
    throw InputError(path, 0, std::string(l.GetName()) + "." + name,
                     std::string("no field '") + name + "' in layer " + l.GetName());
  return i;
}

double number(const OGRFeature& f, int i) { return f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : kNaN; }

std::vector<Polygon> polygons(const OGRGeometry* g) {
  std::vector<Polygon> out;
  for (detail::PolygonRings& pr : detail::polygon_parts(g)) {
    Polygon p;
    p.rings.push_back(std::move(pr.outer));
    for (auto& h : pr.holes) p.rings.push_back(std::move(h));
    out.push_back(std::move(p));
  }
  return out;
}

std::string geometry_key(const OGRGeometry* g) {
  if (!g) return {};
  std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
  g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  return wkb;
}

void read_gpkg(RunFolder& run, const std::string& path) {
  detail::DatasetPtr ds = detail::open_vector(path, {});
  OGRLayer& homes = layer(*ds, path, "homes");
  OGRLayer& streets = layer(*ds, path, "streets");
  OGRLayer& shelters = layer(*ds, path, "shelters");
  OGRLayer& zones = layer(*ds, path, "zones");

  // The scale bar and the fit need metres: the map's CRS must be projected.
  const OGRSpatialReference* srs = streets.GetSpatialRef();
  if (!srs || !srs->IsProjected() || std::abs(srs->GetLinearUnits() - 1.0) > 1e-9)
    throw InputError(path, 0, "streets", "the map's CRS is not a projected CRS in metres");
  char* wkt = nullptr;
  srs->exportToWkt(&wkt);
  run.crs_wkt = wkt ? wkt : "";
  CPLFree(wkt);
  run.crs_name = srs->GetName() ? srs->GetName() : "";

  const int residents = field(homes, path, "residents"), not_safe = field(homes, path, "not_safe"),
            warned = field(homes, path, "warned_min"), left = field(homes, path, "left_min"),
            safe_min = field(homes, path, "safe_min"), safe_med = field(homes, path, "safe_median_min"),
            safe_max = field(homes, path, "safe_max_min");
  homes.ResetReading();
  for (detail::FeaturePtr f{homes.GetNextFeature()}; f; f.reset(homes.GetNextFeature())) {
    RunHome h;
    h.parts = polygons(f->GetGeometryRef());
    h.key = geometry_key(f->GetGeometryRef());
    h.residents = f->GetFieldAsInteger(residents);
    h.not_safe = f->GetFieldAsInteger(not_safe);
    h.warned_min = number(*f, warned);
    h.left_min = number(*f, left);
    h.safe_min = number(*f, safe_min);
    h.safe_median_min = number(*f, safe_med);
    h.safe_max_min = number(*f, safe_max);
    for (const Polygon& p : h.parts)
      for (const Vec2 v : p.rings.front()) run.extent.extend(v);
    run.homes.push_back(std::move(h));
  }

  const int kind = field(streets, path, "kind"), by_plan = field(streets, path, "closed_by_plan");
  streets.ResetReading();
  for (detail::FeaturePtr f{streets.GetNextFeature()}; f; f.reset(streets.GetNextFeature())) {
    RunStreet s;
    s.parts = detail::line_parts(f->GetGeometryRef());
    s.kind = f->GetFieldAsString(kind);
    s.closed_by_plan = f->GetFieldAsInteger(by_plan) != 0;
    for (const auto& part : s.parts)
      for (const Vec2 v : part) run.extent.extend(v);
    run.streets.push_back(std::move(s));
  }

  const int name = field(shelters, path, "name"), skind = field(shelters, path, "kind"),
            capacity = field(shelters, path, "capacity"), occupancy = field(shelters, path, "occupancy"),
            closed = field(shelters, path, "closed");
  shelters.ResetReading();
  for (detail::FeaturePtr f{shelters.GetNextFeature()}; f; f.reset(shelters.GetNextFeature())) {
    // Every shelter keeps its place in the list: the journal and occupancy.csv index them.
    const OGRGeometry* g = f->GetGeometryRef();
    RunShelter s;
    if (g && wkbFlatten(g->getGeometryType()) == wkbPoint)
      s.pos = {g->toPoint()->getX(), g->toPoint()->getY()};
    s.name = f->GetFieldAsString(name);
    s.kind = f->GetFieldAsString(skind);
    s.capacity = f->GetFieldAsInteger(capacity);
    s.occupancy_at_end = f->GetFieldAsInteger(occupancy);
    s.closed_at_end = f->GetFieldAsInteger(closed) != 0;
    if (std::isfinite(s.pos.x)) run.extent.extend(s.pos);
    run.shelters.push_back(std::move(s));
  }

  const int zname = field(zones, path, "name");
  zones.ResetReading();
  for (detail::FeaturePtr f{zones.GetNextFeature()}; f; f.reset(zones.GetNextFeature()))
    run.zones.push_back({polygons(f->GetGeometryRef()), f->GetFieldAsString(zname)});
  if (run.streets.empty()) throw InputError(path, 0, "streets", "the layer has no streets");

  if (OGRLayer* closures = ds->GetLayerByName("closures")) {
    run.has_closures_layer = true;
    const int edge = field(*closures, path, "edge"), from = field(*closures, path, "from_min"),
              to = field(*closures, path, "to_min"), by = field(*closures, path, "by");
    closures->ResetReading();
    for (detail::FeaturePtr f{closures->GetNextFeature()}; f; f.reset(closures->GetNextFeature())) {
      const int e = f->GetFieldAsInteger(edge);
      if (e < 0 || static_cast<std::size_t>(e) >= run.streets.size())
        throw InputError(path, 0, "closures",
                         "edge " + std::to_string(e) + " is not a street of the streets layer");
      ClosureRow c;
      c.edge = static_cast<std::size_t>(e);
      const double a = number(*f, from), b = number(*f, to);
      c.from = std::isfinite(a) ? a * 60.0 : 0.0;
      c.to = std::isfinite(b) ? b * 60.0 : HUGE_VAL;
      c.by_hazard = std::string_view(f->GetFieldAsString(by)) == "hazard";
      run.closures.push_back(c);
    }
  }
}

// --- CSVs and summary.json --------------------------------------------------------------

void read_summary(RunFolder& run, const fs::path& p) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_text(p));
    run.scenario = j.at("scenario").at("name").get<std::string>();
    run.variant = j.at("variant").get<std::string>();
    run.seed = j.at("seed").get<std::uint64_t>();
    run.end_time = j.at("run").at("end_time_s").get<double>();
    run.residents = j.at("residents").get<std::uint64_t>();
    run.micro = j.contains("micro");  // summary.json has a "micro" block for micro runs only
    StatusCounts end;
    end.time = run.end_time;
    for (std::size_t s = 0; s < kStatusCount; ++s)
      end.by_status[s] = j.at("by_status").at(to_string(static_cast<Status>(s))).get<std::uint64_t>();
    run.end_status.push_back(end);
    // The terrain's credit: SRTM tiles go by their .hgt name (data/SOURCES.md); other
    // rasters are credited by file name, as the run does not know their licence.
    for (const auto& in : j.at("inputs")) {
      const std::string file = in.at("file").get<std::string>();
      const std::string name = fs::path(file).filename().string();
      if (detail::ends_with_ci(name, ".hgt") || detail::ends_with_ci(name, ".hgt.zip"))
        run.terrain_credit = "SRTM data courtesy of NASA/USGS";
      else
        for (const char* ext : {".tif", ".tiff", ".asc", ".dem", ".vrt"})
          if (detail::ends_with_ci(name, ext)) run.terrain_credit = "terrain: " + name;
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(p.string(), 0, "", std::string("not a run summary: ") + e.what());
  }
}

void read_timeline(RunFolder& run, const fs::path& p) {
  const CsvTable t = read_csv(p);
  const int time = column(t, p, "time_s");
  std::array<int, kStatusCount> cols{};
  for (std::size_t s = 0; s < kStatusCount; ++s) cols[s] = column(t, p, to_string(static_cast<Status>(s)));
  for (const CsvTable::Row& row : t.rows) {
    StatusCounts c;
    c.time = cell_number(row, time, p, "time_s");
    for (std::size_t s = 0; s < kStatusCount; ++s)
      c.by_status[s] = static_cast<std::uint64_t>(cell_number(row, cols[s], p, t.header[cols[s]]));
    run.timeline.push_back(c);
  }
}

void read_occupancy(RunFolder& run, const fs::path& p) {
  const CsvTable t = read_csv(p);
  const int time = column(t, p, "time_s");
  // One column per shelter after time_s and time_min, in the shelters' order.
  if (t.header.size() != 2 + run.shelters.size())
    throw InputError(p.string(), 1, "",
                     "has " + std::to_string(t.header.size() - 2) + " shelter columns, results.gpkg has " +
                         std::to_string(run.shelters.size()) + " shelters");
  for (const CsvTable::Row& row : t.rows) {
    run.occupancy_times.push_back(cell_number(row, time, p, "time_s"));
    std::vector<int> occ;
    for (std::size_t c = 2; c < t.header.size(); ++c)
      occ.push_back(static_cast<int>(cell_number(row, static_cast<int>(c), p, t.header[c])));
    run.occupancy.push_back(std::move(occ));
  }
}

void read_journal(RunFolder& run, const fs::path& p) {
  const CsvTable t = read_csv(p);
  const int time = column(t, p, "time_s"), kind = column(t, p, "kind"), target = column(t, p, "target");
  for (const CsvTable::Row& row : t.rows)
    run.journal.push_back({cell_number(row, time, p, "time_s"), row.cells[static_cast<std::size_t>(kind)],
                           static_cast<std::size_t>(cell_number(row, target, p, "target"))});
}

// The last row at or before t (the first row when t is before all).
template <class Times>
std::size_t row_at(const Times& times, double t) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < times.size(); ++i)
    if (times[i] <= t) k = i;
  return k;
}

}  // namespace

RunFolder read_run_folder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir, 0, "", "no such run folder");
  RunFolder run;
  run.dir = dir;
  const fs::path d(dir);
  read_summary(run, required(d, "summary.json"));
  if (run.micro)
    throw InputError(dir, 0, "",
                     "a micro run (movement: micro): its rooms and exits are no street map; briefing maps "
                     "are drawn from network runs");
  if (!fs::is_regular_file(d / "results.gpkg", ec))
    throw InputError(dir, 0, "results.gpkg",
                     "the run folder has no results.gpkg, the map's layers (docs/results.md)");
  read_gpkg(run, (d / "results.gpkg").string());
  read_timeline(run, required(d, "timeline.csv"));
  read_occupancy(run, required(d, "occupancy.csv"));
  read_journal(run, required(d, "journal.csv"));
  return run;
}

HomeState home_state_at(const RunHome& h, double t) {
  const double m = t / 60.0;
  auto by = [m](double v) { return !std::isnan(v) && v <= m; };
  if (h.not_safe == 0 && by(h.safe_max_min)) return HomeState::AllSafe;
  if (!by(h.warned_min)) return HomeState::NotWarned;
  if (!by(h.left_min) && !by(h.safe_min)) return HomeState::NoneLeft;
  return HomeState::OnTheWay;
}

StatusCounts status_at(const RunFolder& run, double t) {
  if (t >= run.end_time && !run.end_status.empty()) return run.end_status.front();
  if (run.timeline.empty()) return {};
  std::vector<double> times;
  for (const StatusCounts& c : run.timeline) times.push_back(c.time);
  return run.timeline[row_at(times, t)];
}

std::vector<StreetClosure> closed_streets_at(const RunFolder& run, double t) {
  std::vector<StreetClosure> closed(run.streets.size(), StreetClosure::Open);
  if (run.has_closures_layer) {
    // An interval holds from its start up to its end, exclusive: reopened at `to`.
    for (const ClosureRow& c : run.closures)
      if (c.from <= t && t < c.to && c.edge < closed.size() && closed[c.edge] != StreetClosure::Command)
        closed[c.edge] = c.by_hazard ? StreetClosure::Hazard : StreetClosure::Command;
    return closed;
  }
  for (std::size_t e = 0; e < run.streets.size(); ++e)
    if (run.streets[e].closed_by_plan) closed[e] = StreetClosure::Command;
  for (const JournalRow& j : run.journal)
    if (j.time <= t && j.target < closed.size() && (j.kind == "close_road" || j.kind == "open_road"))
      closed[j.target] = j.kind == "close_road" ? StreetClosure::Command : StreetClosure::Open;
  return closed;
}

std::vector<int> occupancy_at(const RunFolder& run, double t) {
  if (t >= run.end_time || run.occupancy.empty()) {
    std::vector<int> end;
    for (const RunShelter& s : run.shelters) end.push_back(s.occupancy_at_end);
    return end;
  }
  return run.occupancy[row_at(run.occupancy_times, t)];
}

std::vector<std::uint8_t> closed_shelters_at(const RunFolder& run, double t) {
  // Before a shelter's first journal event it is as the plan left it: closed at the
  // end when the journal never touches it, else the opposite of what that event did.
  std::vector<std::uint8_t> closed(run.shelters.size(), 0);
  std::vector<std::uint8_t> seen(run.shelters.size(), 0);
  for (const JournalRow& j : run.journal)
    if (j.target < closed.size() && (j.kind == "close_shelter" || j.kind == "open_shelter") &&
        !seen[j.target]) {
      seen[j.target] = 1;
      closed[j.target] = j.kind == "open_shelter";
    }
  for (std::size_t s = 0; s < closed.size(); ++s)
    if (!seen[s]) closed[s] = run.shelters[s].closed_at_end;
  for (const JournalRow& j : run.journal)
    if (j.time <= t && j.target < closed.size() && (j.kind == "close_shelter" || j.kind == "open_shelter"))
      closed[j.target] = j.kind == "close_shelter";
  return closed;
}

}  // namespace ss::maps::briefing
