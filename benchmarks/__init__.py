"""FactDesk's benchmarks: imported only when a benchmark command runs, never by the service itself."""
