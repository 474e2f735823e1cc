"""Sources -> raw documents: files, folders, JSON Lines, HTML, RSS/Atom, any common encoding."""
from rasid.ingest.sources import InputFile, find_files, read_file
from rasid.ingest.decode import decode_bytes

__all__ = ["InputFile", "find_files", "read_file", "decode_bytes"]
