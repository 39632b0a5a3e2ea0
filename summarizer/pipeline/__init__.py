"""From an article to a result: long articles briefed in parts, merged, and assembled."""
