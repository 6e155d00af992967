"""Front end: source text in, syntax tree and editable units out."""
