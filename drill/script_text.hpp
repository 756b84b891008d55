#pragma once
// The small text grammars of a drill's script (docs/drills.md): inject targets
// ("osm_way 123", "11.28, 49.51", "Team by 15 min", "household 42"), conditions
// ("shelter_full: NAME") and the players' actions. Each parser returns an empty string
// when the text is good, else "<column>: <what is wrong>".
#include <string>

#include "drill/drill_script.hpp"

namespace ss::drill {

std::string trim(const std::string& s);
// "close_road, open_road, ..., message": the kinds an MSEL row may have.
std::string inject_kind_names();
// Fills action.desc (or message) from action.kind and action.target.
std::string parse_action(InjectAction& action);
std::string parse_condition(const std::string& text, Condition& out);
// Fills the row's kind, inject, inject_id or speed from its action and target; MSEL
// ids are checked against `drill`.
std::string parse_player_action(PlayerRow& row, const DrillDesc& drill);

}  // namespace ss::drill
