"""Domain errors of the index package; messages say what happened and what to do next."""


class IndexingError(Exception):
    """Base class for index errors."""


class UnsupportedFile(IndexingError):
    """The file's format is not one the loaders read."""


class UnreadableFile(IndexingError):
    """The file could not be read or decoded; the message gives the reason."""


class IndexNotBuilt(IndexingError):
    """The index directory holds no index yet."""

    def __init__(self, index_dir: str) -> None:
        super().__init__(f"no index in {index_dir}: run `assistant ingest corpus/ --index-dir {index_dir}` first")
        self.index_dir = index_dir
