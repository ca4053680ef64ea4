"""Operations: what running the site in production needs (docs/deployment.md).

Deployment checks (the static manifest, the public address), the media view for image
renditions, and the management commands `run_worker`, `backup` and `restore`.
"""
