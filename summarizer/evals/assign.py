"""One-to-one matching of predicted items to gold items (the assignment problem).

Each gold item is matched to at most one predicted item and vice versa, so one
long predicted point cannot be credited for three gold points, and two copies of
one point cannot both count.
"""

from __future__ import annotations

from collections.abc import Sequence


def best_assignment(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) that maximise the total score, one per row and column at most.

    Args:
        scores: A rows x columns matrix of scores (any shape; higher is better).

    Returns:
        The chosen pairs, sorted by row. Pairs with a score of 0 are left out.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    top = max(max(r) for r in scores)
    # Square cost matrix for the Hungarian algorithm (minimisation); padding costs `top`.
    cost = [
        [top - (scores[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)
    ]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < rows and j - 1 < cols and scores[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)
