"""Forms of the learning area, one module per sub-domain."""
