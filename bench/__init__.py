"""`make bench`: throughput, latency and first-visit transfer size of Sala under gunicorn."""
