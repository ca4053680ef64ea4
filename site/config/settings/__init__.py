"""Settings split: base (secure defaults, read from the environment), dev, test, production."""
