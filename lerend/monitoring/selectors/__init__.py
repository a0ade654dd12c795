"""Every read of the monitoring app that decides who sees what. Split by sub-domain."""
