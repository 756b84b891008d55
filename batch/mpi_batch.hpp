#pragma once
// A batch across the ranks of an MPI job (`mpirun -np P safestreet batch ... --mpi`):
// every rank runs its shard of the run list on its own node, then sends the records
// of its runs (KPIs and curves, a few kB each) to rank 0, which writes the
// comparison. The run folders need no shared file system.
#include <string>
#include <vector>

#include "batch/run_record.hpp"

namespace ss::batch {

// True when this build has MPI support (CMake found MPI; SAFESTREET_HAVE_MPI).
bool mpi_available();

// MPI_Init on construction, MPI_Finalize on destruction. Throws std::runtime_error
// when the build has no MPI support.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

  // Rank 0 receives every rank's records (its own first, then rank 1's, ...); the
  // other ranks get an empty list. Collective: every rank must call it.
  [[nodiscard]] std::vector<RunRecord> gather(const std::vector<RunRecord>& mine) const;
  // Rank 0 receives every rank's text (its own first, then rank 1's, ...); the other
  // ranks get an empty list. Collective.
  [[nodiscard]] std::vector<std::string> gather_text(const std::string& mine) const;
  // Sum of `value` over all ranks, on every rank. Collective.
  [[nodiscard]] long sum(long value) const;
  // Ends every rank of the job (after an error on one rank, so the others do not
  // wait forever in a collective call).
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace ss::batch
