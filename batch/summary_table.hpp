#pragma once
// The short table a batch or `compare` prints at the end: per variant the runs, the
// mean overall T50/T90/T95, the sheltered share and T90's paired difference from base
// with its verdict (better, worse, no difference, below threshold).
#include <ostream>

#include "batch/comparison.hpp"

namespace ss::batch {

void print_summary_table(std::ostream& out, const Comparison& c);

}  // namespace ss::batch
