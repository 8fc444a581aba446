print("quiz-bench: no benchmarks yet")
