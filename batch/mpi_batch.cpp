#include "batch/mpi_batch.hpp"

#include <cstdlib>
#include <stdexcept>

#ifdef SAFESTREET_HAVE_MPI
#include <mpi.h>
#endif

namespace ss::batch {

#ifdef SAFESTREET_HAVE_MPI

bool mpi_available() { return true; }

MpiSession::MpiSession() {
  // MPI-2 allows null arguments to MPI_Init (MPI 3.1 standard, §8.7).
  MPI_Init(nullptr, nullptr);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

std::vector<std::string> MpiSession::gather_text(const std::string& text) const {
  int length = static_cast<int>(text.size());
  std::vector<int> lengths(static_cast<std::size_t>(size_));
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(static_cast<std::size_t>(size_), 0);
  std::string all;
  if (rank_ == 0) {
    long total = 0;
    for (std::size_t i = 0; i < lengths.size(); ++i) {
      offsets[i] = static_cast<int>(total);
      total += lengths[i];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(text.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR, 0,
              MPI_COMM_WORLD);
  std::vector<std::string> parts;
  if (rank_ != 0) return parts;
  for (std::size_t i = 0; i < lengths.size(); ++i)
    parts.push_back(all.substr(static_cast<std::size_t>(offsets[i]), static_cast<std::size_t>(lengths[i])));
  return parts;
}

std::vector<RunRecord> MpiSession::gather(const std::vector<RunRecord>& mine) const {
  nlohmann::json list = nlohmann::json::array();
  for (const RunRecord& r : mine) list.push_back(to_json(r));
  // JSON text keeps every double exactly (shortest round-trip digits), so rank 0
  // computes the same comparison as a local batch.
  std::vector<RunRecord> records;
  for (const std::string& part : gather_text(list.dump()))
    for (const auto& r : nlohmann::json::parse(part)) records.push_back(record_from_json(r));
  return records;
}

long MpiSession::sum(long value) const {
  long total = 0;
  MPI_Allreduce(&value, &total, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
  return total;
}

void MpiSession::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);  // MPI_Abort does not return; this satisfies [[noreturn]]
}

#else

bool mpi_available() { return false; }

MpiSession::MpiSession() {
  throw std::runtime_error(
      "--mpi: this safestreet was built without MPI; install libopenmpi-dev (scripts/setup.sh) and rebuild");
}

MpiSession::~MpiSession() = default;

std::vector<RunRecord> MpiSession::gather(const std::vector<RunRecord>& mine) const { return mine; }

std::vector<std::string> MpiSession::gather_text(const std::string& mine) const { return {mine}; }

long MpiSession::sum(long value) const { return value; }

void MpiSession::abort(int code) const { std::exit(code); }

#endif

}  // namespace ss::batch
