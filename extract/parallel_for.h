#pragma once
// parallel_for: the one worker pool of kg (`kg build --threads N`, `kg extract --threads N`).
// Work items are claimed from a shared atomic counter, so uneven documents balance themselves;
// each item writes only its own slot of the caller's output, so results never depend on
// scheduling and need no locks.

#include <cstddef>
#include <functional>

namespace kg::extract {

// Calls work(i) for every i in [0, n) on up to `threads` threads (the calling thread is one of
// them; threads <= 1 runs everything in order on the caller). `work` must be safe to call
// concurrently for different i. If any call throws, the remaining items are skipped and the
// first exception is rethrown on the calling thread once every worker has stopped.
void parallel_for(size_t n, int threads, const std::function<void(size_t)>& work);

// The number of hardware threads, at least 1.
int hardware_threads();

}  // namespace kg::extract
