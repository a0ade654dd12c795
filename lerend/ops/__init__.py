"""Operations: health checks, request ids in the logs, error reporting, backup and restore
(docs/operations.md, deploy/README.md). Nothing here reads or shows personal data."""
