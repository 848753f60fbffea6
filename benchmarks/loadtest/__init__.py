"""`make loadtest`: the site under gunicorn, PostgreSQL and Redis at 100,000 items, driven by
wrk, with Redis stopped and PostgreSQL restarted under load (docs/reliability.md).

- ``servers``: the processes it starts (its own redis-server, gunicorn) and the PostgreSQL
  cluster it restarts, each stopped again whatever happens;
- ``load``: one wrk run over a list of URLs (``mix.lua``) and its numbers;
- ``faults``: the Redis outage and the PostgreSQL restart, and the time to recover;
- ``report``: docs/reliability.md;
- ``cli``: ``python -m benchmarks.loadtest``, the phases in order.
"""
