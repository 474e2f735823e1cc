"""BLAS threads for rasid's own processes (the CLI and each server worker).

rasid multiplies small matrices (one query, a batch of sentences): a multi-threaded
BLAS only adds threads that spin for work. Set at the process edges (setting
`blas_threads`, default 1), never on import, so a program that imports rasid as a
library keeps its own BLAS settings.
"""
from __future__ import annotations


def limit_blas_threads(threads: int) -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=max(1, threads), user_api="blas")
