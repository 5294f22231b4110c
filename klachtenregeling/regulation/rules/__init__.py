"""The published regulation as pure functions (R-4.1, R-4.2, R-6.3): no database, no clock."""
