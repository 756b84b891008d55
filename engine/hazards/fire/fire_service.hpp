#pragma once
// The fire service on top of the fire hazard: stations and their appliances, the
// streets an appliance can use (clear width, weight and height limits, barriers,
// obstructions known or found on the way), hydrants working or not, extinguishers
// in buildings, dispatch by life risk then spread risk, hose lays, water supply,
// suppression by fire flow and rescue of residents who cannot leave alone.
//
// Pure data here (FireServiceDesc, part of FireDesc, and FireServiceRun, part of
// FireRun); the logic is fire_service.cpp, called from FireHazard::advance().
// Sources of every default are named next to it; planning assumptions say so.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/world/geometry.hpp"
#include "engine/world/world.hpp"

namespace ss {

enum class ApplianceKind : std::uint8_t { Pumper, Ladder, Tanker };
inline constexpr std::size_t kApplianceKindCount = 3;
const char* to_string(ApplianceKind k);  // "pumper", "ladder", "tanker"

// A type of fire appliance. Defaults: default_appliance_types().
struct ApplianceType {
  std::string name;  // e.g. "HLF 20"
  ApplianceKind kind = ApplianceKind::Pumper;
  int crew = 9;           // persons
  double water = 2000.0;  // L carried in its tank
  double flow = 800.0;    // L/min its crew applies to a fire (0: it fights none)
  double weight = 16.0;   // t, gross
  double height = 3.3;    // m
  double hose = 300.0;    // m of hose it can lay on foot from where it stops
  // Width over mirrors: 2.55 m, the most EU rules allow a vehicle (Directive 96/53/EC
  // Annex I 1.2); a street signed `maxwidth` below it is closed to the appliance.
  double width = 2.55;  // m
};
// The three German standard appliances (DIN 14530 / DIN EN 14043 classes):
//  * "HLF 20" pumper (DIN 14530-26): crew 1/8 = 9, 2000 L tank, pump FPN 10-2000;
//  * "DLK 23/12" turntable ladder (DIN EN 14043): crew 1/2 = 3, rescue height 23 m at
//    12 m outreach, no water;
//  * "TLF 4000" water tender (DIN 14530-22): crew 1/2 = 3, 4000 L.
// Gross weights 16 t (HLF, DLK) and 18 t (TLF): the mass class S limits of DIN EN 1846-1
// for such chassis; height 3.3 m, under the 3.5 m clear height DIN 14090 asks of fire
// lanes. Applied flow 800 L/min for a pumper or tender: the 48 m³/h basic fire-water
// need of residential areas in DVGW W 405 (2008) Table 1, which a first pumper's attack
// lines deliver. Hose laid on foot: 300 m (planning assumption: 15 lengths of 20 m B/C
// hose, about what a pumper's standard loading list holds).
std::vector<ApplianceType> default_appliance_types();

enum class CrewKind : std::uint8_t { Professional, Volunteer };

struct FireStation {
  std::string name;
  Vec2 pos;     // m, local CRS
  NodeId node;  // street node appliances leave from (assembly snaps it)
  CrewKind crew = CrewKind::Volunteer;
  // Turnout: alarm to wheels rolling, s, by day and by night. Defaults
  // (default_turnout()): professional crews 80 s by day and night (NFPA 1710 (2020)
  // §4.1.2.1.2.3, turnout for fire suppression); volunteer crews 300 s by day and
  // 240 s by night (planning values of German volunteer-brigade requirement plans:
  // by day members come from their workplaces, at night from home nearby).
  double turnout_day = 300.0;
  double turnout_night = 240.0;
  std::vector<std::uint8_t> appliances;  // index into FireServiceDesc::types, one per appliance
};
struct Turnout {
  double day, night;
};
Turnout default_turnout(CrewKind c);

struct Hydrant {
  Vec2 pos;
  std::string name;
  // Inspection data: 1 working, 0 out of service, -1 unknown (then drawn per seed
  // with FireServiceDesc::hydrant_out_of_service).
  std::int8_t working = -1;
};

// Something in the way of appliances on a street (survey layer, OSM barrier, or a
// live inject): takes `width` of its clear width, or closes it.
struct Obstruction {
  EdgeId edge;
  Vec2 pos;
  std::string kind;     // "parked_car", "goods", "bollard", "gate", ...
  double width = 0.0;   // m taken
  bool closed = false;  // nothing passes
  // Known to dispatch from the start (surveyed, mapped); otherwise crews find it when
  // they reach the street, or the sensor network reports it after its delay.
  bool known = true;
};

// Street classes by OSM highway (StreetKind), for class defaults and blocked shares.
using PerStreetKind = std::array<double, 14>;

struct FireServiceParams {
  // Clear width a fire appliance needs: 3.5 m by default, between DIN 14090 (2003) /
  // the German Muster-Richtlinie über Flächen für die Feuerwehr (3.0 m straight
  // lanes) and GB 50016-2014 §7.1.8 (4.0 m); configurable.
  double min_clear_width = 3.5;  // m
  // Carriageway width by street class where the map has no width or lanes: RASt 06
  // (FGSV 2006) typical carriageways — main streets 6.5 m, collector and residential
  // streets 5.5 m / 4.5 m, living streets and service roads 3.5 m (one lane),
  // tracks 3.0 m; footways and paths are no lanes (0).
  PerStreetKind class_width{6.5, 6.5, 6.0, 5.0, 5.0, 4.0, 3.5, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 3.5};
  // Driving speed of appliances by class, m/s: the urban speed limits they drive near
  // with blue lights in a town (StVO §3: 50 km/h; 30 km/h zones in residential
  // streets; living streets and service roads at about 15 km/h); planning values.
  PerStreetKind speed{13.9, 13.9, 13.9, 8.3, 8.3, 4.2, 4.2, 0.0, 4.2, 0.0, 0.0, 0.0, 0.0, 8.3};
  // Alarm: the fire is noticed and called in `detection_delay` after ignition
  // (planning assumption), the control room alarms the crews `call_handling` later
  // (AGBF-Bund 2015 "Qualitätskriterien für die Bedarfsplanung": 1.5 min call and
  // dispatch time).
  double detection_delay = 120.0;  // s
  double call_handling = 90.0;     // s
  bool night = false;              // which turnout and blocked shares apply
  // Appliances sent to each fire (the first alarm): AGBF-Bund's standard fire
  // (10 functions within 8 min, 16 within 13 min) as one pumper, a second pumper and
  // a turntable ladder.
  std::vector<ApplianceKind> first_alarm{ApplianceKind::Pumper, ApplianceKind::Pumper, ApplianceKind::Ladder};
  // Hose: an appliance within `attack_reach` of the building attacks at once (a
  // building farther than 50 m from a street usable by the fire service needs its
  // own fire lane, German Musterbauordnung §5(1)); beyond, the crew lays hose on foot
  // at `lay_speed` (planning assumption: crews carrying hose baskets at a walk) up to
  // its appliance's hose length.
  double attack_reach = 50.0;  // m
  double lay_speed = 1.0;      // m/s
  double setup_time = 60.0;    // s from stopping to water on the fire (planning assumption)
  // Water: a pumper connects to the nearest working hydrant within `hydrant_reach`
  // of where it stands (DVGW W 331: hydrants at most about 150 m apart in built-up
  // areas), laying the supply line at lay_speed. Hydrant yield 1600 L/min (96 m³/h,
  // DVGW W 405 Table 1, the higher basic supply). Without one, it uses its tank
  // until a water tender arrives; tenders shuttle to the nearest working hydrant.
  double hydrant_reach = 150.0;         // m
  double hydrant_flow = 1600.0;         // L/min
  double hydrant_out_of_service = 0.0;  // share of hydrants without inspection data drawn broken per seed
  // Fire flow (US National Fire Academy formula): needed flow = involved floor area /
  // 3 gpm per ft² = 13.58 L/min per m², plus 25 % per exposed neighbour (at most 4).
  double flow_per_area = 13.58;  // L/min per m²
  double exposure_charge = 0.25;
  // A controlled fire dies down over `knockdown` (planning assumption).
  double knockdown = 600.0;  // s
  // Rescue (planning assumptions; Musterbauordnung §33(2): the fire service's
  // portable ladders reach windows up to 8 m above ground (floors 1–2); higher
  // floors need a turntable ladder on a set-up area at least 5.5 m wide (Muster-
  // Richtlinie über Flächen für die Feuerwehr 2.4), within its 12 m outreach).
  double rescue_stairs = 120.0;           // s per person carried down the stairs
  double rescue_portable_ladder = 300.0;  // s per person by portable ladder
  double ladder_setup = 180.0;            // s to set up a turntable ladder
  double rescue_aerial_ladder = 240.0;    // s per person by turntable ladder
  double ladder_area_width = 5.5;         // m
  double ladder_outreach = 12.0;          // m from the set-up area to the facade
  int portable_ladder_floors = 2;         // highest floor (0 = ground) a portable ladder reaches
  // Extinguishers: share of buildings with a working one (inspection), and the
  // chance that residents at home put out a fire with it before it grows past 1 MW
  // (its growth time t_α): planning assumption 0.5 (the industry's "80 % of fires are
  // fought successfully with extinguishers", bvfa, counts only fires where one was
  // used, so half is taken here).
  double extinguisher_share = 0.0;
  double extinguisher_success = 0.5;
  double extinguisher_time = 60.0;  // s after ignition when residents try
  // Blocked lanes drawn per seed: share of streets of each class where a parked car
  // (or goods) stands in the lane, taking `blocked_width` (a passenger car 1.8–2.0 m
  // wide). Unknown to dispatch unless a sensor network reports them after
  // `sensor_delay` s (NaN: no sensors).
  PerStreetKind blocked_share_day{};
  PerStreetKind blocked_share_night{};
  double blocked_width = 2.0;  // m
  // Streets with an end within this of a station are its kept-clear exits: no car is
  // drawn there (planning assumption; the exits are signed no-parking).
  double station_clear = 150.0;  // m
  double sensor_delay = std::numeric_limits<double>::quiet_NaN();
  // OSM barrier values that close a street to appliances; others (lift_gate,
  // kerb, cattle_grid, ...) are opened or crossed.
  std::vector<std::string> closing_barriers{
      "bollard", "block",      "jersey_barrier", "planter", "chain",     "log",
      "gate",    "swing_gate", "kissing_gate",   "stile",   "turnstile", "full-height_turnstile",
      "fence",   "wall",       "cycle_barrier"};
  double barrier_snap = 3.0;  // m: a barrier point this close to a street stands on it
  bool barriers_from_map =
      true;  // prepare() adds World::barriers as obstructions (scenario: lanes.barriers_from_map)
};

struct FireServiceDesc {
  bool enabled = false;
  std::vector<ApplianceType> types;
  std::vector<FireStation> stations;
  std::vector<Hydrant> hydrants;
  std::vector<Obstruction> obstructions;  // surveyed and mapped (barriers added by prepare)
  FireServiceParams params;
};

// Why a street is not usable by an appliance type.
enum class LaneProblem : std::uint8_t { None, NotForVehicles, Narrow, Weight, Height, Closed };
const char* to_string(LaneProblem p);  // "", "not_for_vehicles", "narrow", "weight", "height", "closed"

// Derived once by prepare(): the fire lanes as the map and survey describe them.
struct FireLanes {
  std::vector<float> clear_width;    // m, carriageway less parking and known obstructions, (edges)
  std::vector<float> map_width;      // m, before obstructions, (edges)
  std::vector<float> travel_time;    // s at the class speed, +inf not for vehicles, (edges)
  std::vector<std::uint8_t> closed;  // 1: closed by a known obstruction or barrier, (edges)
  std::vector<std::string> why;  // what narrows or closes it ("", "parking", "barrier=bollard", ...), (edges)
};

// Why appliance type `a` cannot use street e with clear width `width` (`closed`:
// something closes it), or None. Without a type, only what every appliance needs (a
// lane wide enough, not closed). The one rule of dispatch, fire/lanes.gpkg and the GUI.
LaneProblem lane_problem(const FireServiceDesc& d, const FireLanes& lanes, const StreetGraph& g,
                         std::size_t e, const ApplianceType* a, float width, bool closed);
// The first pumper type, or nullptr: the type lanes.gpkg and the GUI classify lanes for.
const ApplianceType* first_pumper(const FireServiceDesc& d);

// One fire incident: a fire started (scheduled, random or live ignition); buildings
// it spreads to join it.
struct FireIncident {
  std::uint32_t origin = 0;  // building
  double ignited = 0.0;      // s
  double alarm = 0.0;        // s: crews alarmed
  bool put_out_by_residents = false;
  double first_engine =
      std::numeric_limits<double>::quiet_NaN();  // s: first pumper on scene within hose reach of the fire
  double first_alarm_complete =
      std::numeric_limits<double>::quiet_NaN();  // s: all of the first alarm on scene
  double controlled = std::numeric_limits<double>::quiet_NaN();
  std::uint32_t buildings = 1;          // buildings of this incident that ignited
  std::vector<std::uint8_t> requested;  // appliance kinds still to be sent (| 0x80: beyond the first alarm)
  bool tanker_requested = false;
  bool closed = false;                 // every building of it is out or under control; appliances released
  double water = 0.0;                  // L in the tanks of appliances on scene
  std::vector<std::uint32_t> members;  // its buildings, in ignition order
};

// One appliance's job at an incident: a row of fire/tasks.csv.
struct ApplianceTask {
  std::uint32_t incident = 0;
  std::uint32_t appliance = 0;
  std::uint32_t building = 0;                                  // building attacked or rescued from
  double dispatched = 0.0;                                     // s
  double turnout = 0.0;                                        // s
  double planned_drive = 0.0;                                  // s: drive time on the route known at dispatch
  double drive = 0.0;                                          // s: what it took (re-routes included)
  double arrived = std::numeric_limits<double>::quiet_NaN();   // s
  double hose = 0.0;                                           // m laid from where it stopped to the building
  double hose_lay_delay = 0.0;                                 // s of laying beyond attack_reach
  double water_on = std::numeric_limits<double>::quiet_NaN();  // s: first water on the fire
  double waiting_for_water = 0.0;                              // s without water while on scene
  std::int32_t hydrant = -1;                                   // hydrant it connected to, -1 none
  std::uint32_t rescued = 0;                                   // residents it brought out
  std::uint32_t no_ladder_position = 0;  // residents it could not reach for want of a set-up area
  std::uint32_t reroutes = 0;            // obstructions met on the way
  std::string note;                      // e.g. "no_access", "no_route"
  bool first_alarm = false;              // sent with the incident's first alarm
  bool on_scene = false;                 // its arrival has been taken into account
  // Internal bookkeeping while it works.
  Vec2 stop;         // m: where it stopped
  NodeId stop_node;  // the street node nearest its stop (where it leaves from)
  double hydrant_on = std::numeric_limits<double>::infinity();  // s: supply line connected
  double shuttle = std::numeric_limits<double>::infinity();     // s: a water tender's round trip to refill
  double next_delivery = std::numeric_limits<double>::infinity();
  double rescue_free = 0.0;      // s: its rescue crew free again
  bool ladder_position = false;  // a ladder that stands on a set-up area
  bool ladder_set_up = false;
};

// An appliance during a run.
struct ApplianceRun {
  std::uint8_t type = 0;
  std::uint32_t station = 0;
  NodeId node;             // where it is or was last
  double free_at = 0.0;    // s: available for the next job from then
  std::int32_t task = -1;  // current task, -1 none
  bool manned = false;     // crew already aboard (back from a job): no turnout
  // The drive of its current task, for drawing: nodes passed and when.
  std::vector<NodeId> path;
  std::vector<float> path_time;  // s, (path)
  Vec2 stop;                     // m: where it stopped (on the street)
};

struct FireServiceRun {
  std::uint64_t seed = 0;
  bool retry_dispatch = false;  // try dispatch again next step (a request was added)
  std::vector<ApplianceRun> appliances;
  std::vector<FireIncident> incidents;
  std::vector<ApplianceTask> tasks;
  std::vector<std::uint8_t> hydrant_working;  // (hydrants)
  std::vector<std::uint8_t> extinguisher;     // building has a working extinguisher, (buildings)
  std::vector<std::int32_t> incident_of;      // building → incident, -1 none, (buildings)
  // Obstructions this run: the desc's plus blocked lanes drawn for the seed.
  std::vector<Obstruction> obstructions;
  std::vector<float> true_width;          // m, clear width with every obstruction, (edges)
  std::vector<std::uint8_t> true_closed;  // (edges)
  std::vector<double>
      known_since;  // s when dispatch knew of this edge's obstruction; +inf never, 0 at start, (edges)
  // Suppression per building.
  std::vector<float> controlled;      // s, NaN not, (buildings)
  std::vector<float> extinguished;    // s: controlled + knock-down, NaN not, (buildings)
  std::vector<float> protected_from;  // s, exposure protection from then, NaN not, (buildings)
  std::vector<float> water_flow;      // L/min on it now, (buildings)
  // Rescue per resident.
  std::vector<float> rescued_time;      // s, NaN not, (residents)
  std::vector<std::uint8_t> no_ladder;  // 1: upper floor, no ladder position, (residents)
  std::vector<float>
      response_time;  // s: first engine at each building from a standing start, (buildings); filled at start
  std::vector<float> known_width;          // m, clear width with the obstructions known at the start, (edges)
  std::vector<std::uint8_t> known_closed;  // (edges)
};

// Derived once from the model (FireHazard::prepare()).
struct FireServicePrep {
  FireLanes lanes;
  std::vector<Obstruction> mapped;  // the scenario's obstructions plus OSM barriers on streets
  std::vector<std::uint8_t>
      ladder_position;               // building has a set-up area for a turntable ladder, (buildings)
  std::vector<std::uint8_t> levels;  // storeys, (buildings)
  std::vector<std::uint8_t> floor;   // floor of each resident's home (0 ground), (residents)
  // Street segments in a uniform grid, for "streets near this building".
  double cell = 50.0;
  Box box;
  int nx = 0, ny = 0;
  std::vector<std::uint32_t> cell_start;  // (nx*ny + 1)
  std::vector<std::uint32_t> seg_edge;    // edge of each listed segment
  std::vector<std::uint32_t> seg_point;   // index of its first point in shape_points
  std::vector<float> seg_offset;          // m from the edge start to that point
};

}  // namespace ss
