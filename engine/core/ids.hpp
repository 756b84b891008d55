#pragma once
// Typed ids: distinct types that index dense arrays and never convert into each other.
#include <cstdint>
#include <functional>
#include <limits>

namespace ss {

template <class Tag>
struct Id {
  static constexpr std::uint32_t kInvalid = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t value = kInvalid;

  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t v) : value(v) {}
  constexpr explicit Id(std::size_t v) : value(static_cast<std::uint32_t>(v)) {}
  constexpr explicit Id(int v) : value(static_cast<std::uint32_t>(v)) {}
  [[nodiscard]] constexpr bool valid() const { return value != kInvalid; }
  [[nodiscard]] constexpr std::size_t index() const { return value; }
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted <=> (its 0 literal)
  constexpr auto operator<=>(const Id&) const = default;
};

struct NodeTag;
struct EdgeTag;
struct BuildingTag;
struct ShelterTag;
struct ZoneTag;
struct ResidentTag;
struct HouseholdTag;

using NodeId = Id<NodeTag>;
using EdgeId = Id<EdgeTag>;
using BuildingId = Id<BuildingTag>;
using ShelterId = Id<ShelterTag>;
using ZoneId = Id<ZoneTag>;
using ResidentId = Id<ResidentTag>;
using HouseholdId = Id<HouseholdTag>;

}  // namespace ss

template <class Tag>
struct std::hash<ss::Id<Tag>> {
  std::size_t operator()(ss::Id<Tag> id) const noexcept { return std::hash<std::uint32_t>{}(id.value); }
};
