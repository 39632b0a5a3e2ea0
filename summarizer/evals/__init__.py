"""The eval harness: score briefings against hand-written gold, replayed in CI."""
