"""``python -m bench``: run the benchmark suite and write its markdown table and JSON."""

from bench.suite import main

if __name__ == "__main__":
    main()
