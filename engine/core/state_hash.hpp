#pragma once
// A 64-bit fingerprint of a run's whole state: two runs whose hashes agree at a step
// hold the same state there, bit for bit (up to hash collisions). It covers every
// part of SimState — the residents' arrays, the movement state (queues and credits on
// the network, body positions and velocities in the micro model), shelters, closures,
// the way-out fields, pending interventions, the warning and the response teams, the
// records (journal, timeline, occupancy, passages, counted warnings) — and each
// hazard's own state through HazardState::hash_state() (the flood's depths and
// discharges, the fire's spread, smoke, doses and fire service). Only
// SimState::scratch (reused buffers) is left out.
//
// The hash is FNV-1a 64 (Fowler, Noll & Vo; offset basis 14695981039346656037, prime
// 1099511628211, as in IETF draft-eastlake-fnv-21) over a canonical byte stream:
// integers and enums little-endian in their own width, floats and doubles by their
// IEEE bit pattern (every NaN as the one quiet NaN: a NaN's sign and payload are not a
// result, IEEE 754 leaves them to the hardware), each vector and string preceded by
// its length. It does not depend on the host's byte order or on padding in structs.
// Deterministic runs give the same hash on the same build; the golden values pinned in
// tests/integration/golden/*.txt hold for the reference build (g++ 12, x86-64).
#include <array>
#include <bit>
#include <concepts>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

struct SimState;

class StateHasher {
 public:
  static constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;  // FNV-1a 64
  static constexpr std::uint64_t kPrime = 1099511628211ULL;               // FNV 64-bit prime

  StateHasher() = default;
  // One that only counts the bytes (state_bytes): the same walk, no hashing.
  static StateHasher counter() {
    StateHasher h;
    h.count_only_ = true;
    return h;
  }

  // The low `bytes` bytes of v, least significant first.
  void word(std::uint64_t v, unsigned bytes) {
    bytes_ += bytes;
    if (count_only_) return;
    for (unsigned i = 0; i < bytes; ++i) h_ = (h_ ^ ((v >> (8 * i)) & 0xFFu)) * kPrime;
  }
  void add(bool b) { word(b ? 1u : 0u, 1); }
  template <std::integral T>
  requires(!std::same_as<T, bool>) void add(T v) {
    word(static_cast<std::uint64_t>(static_cast<std::make_unsigned_t<T>>(v)), sizeof(T));
  }
  template <class E>
  requires std::is_enum_v<E>
  void add(E e) { add(static_cast<std::underlying_type_t<E>>(e)); }
  void add(float v) { word(v != v ? 0x7FC00000u : std::bit_cast<std::uint32_t>(v), 4); }
  void add(double v) { word(v != v ? 0x7FF8000000000000ull : std::bit_cast<std::uint64_t>(v), 8); }
  template <class Tag>
  void add(Id<Tag> id) {
    add(id.value);
  }
  void add(Vec2 p) {
    add(p.x);
    add(p.y);
  }
  void add(const std::string& s) {
    add(static_cast<std::uint64_t>(s.size()));
    for (const char c : s) add(c);
  }
  template <class T>
  void add(const std::vector<T>& v) {
    add(static_cast<std::uint64_t>(v.size()));
    for (const T& x : v) add(x);
  }
  template <class T, std::size_t N>
  void add(const std::array<T, N>& a) {
    for (const T& x : a) add(x);
  }
  // A struct: its hash_part(StateHasher&, const T&), found by argument-dependent lookup.
  template <class T>
  requires requires(StateHasher& h, const T& x) { hash_part(h, x); }
  void add(const T& x) { hash_part(*this, x); }
  template <class... T>
  void all(const T&... x) {
    (add(x), ...);
  }

  [[nodiscard]] std::uint64_t value() const { return h_; }
  // Bytes fed so far: the size of the canonical stream.
  [[nodiscard]] std::uint64_t bytes() const { return bytes_; }

 private:
  std::uint64_t h_ = kOffsetBasis;
  std::uint64_t bytes_ = 0;
  bool count_only_ = false;
};

// The hash of the whole state (see above).
std::uint64_t state_hash(const SimState& s);
// The bytes of the state's canonical stream (everything the hash covers, each value
// in its own width): what a copy of the state (a snapshot) holds, without the
// vectors' unused capacity. Walks the state as the hash does, without hashing.
std::uint64_t state_bytes(const SimState& s);
// 16 lower-case hex digits, as summary.json and the golden files write it.
std::string state_hash_hex(std::uint64_t h);

}  // namespace ss
