"""launchfeed: official statements on North Korean missile launches as one sourced feed."""
