"""Speed and memory benchmarks; each reports its result beside a baseline measured in the same run."""
