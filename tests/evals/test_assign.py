from summarizer.evals.assign import best_assignment


def test_assignment_maximises_the_total_not_each_row_greedily() -> None:
    # Greedy would take (0, 0) = 0.9 and leave (1, 1) = 0.1; the best total pairs them crosswise.
    assert best_assignment([[0.9, 0.8], [0.85, 0.1]]) == [(0, 1), (1, 0)]


def test_each_item_is_matched_at_most_once() -> None:
    pairs = best_assignment([[1.0], [1.0], [1.0]])
    assert len(pairs) == 1


def test_rectangular_and_empty_matrices() -> None:
    assert best_assignment([[0.0, 0.7, 0.2]]) == [(0, 1)]
    assert best_assignment([]) == []
    assert best_assignment([[0.0, 0.0]]) == []
