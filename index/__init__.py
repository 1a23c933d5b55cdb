"""From a folder of documents to a searchable Vietnamese index: loading, cleaning, chunking, storage."""
