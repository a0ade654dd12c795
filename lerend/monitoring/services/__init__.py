"""Every write of the monitoring app: keyword-only, one transaction each, audited.
Split by sub-domain: indicators, well-being, experiments."""
