"""Everything that touches the embedding model, Chroma or the lexical index."""

from retrieval.offline import enforce_offline

enforce_offline()
