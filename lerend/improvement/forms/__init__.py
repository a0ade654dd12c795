"""Forms of the improvement cycle, one module per sub-domain."""
