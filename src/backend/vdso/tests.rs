//! Unit tests: stub shapes the default spec does not reach, and refusals.
