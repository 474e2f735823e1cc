"""Per-article extraction: dates now; mentions, figures and quotes as their stages land."""
