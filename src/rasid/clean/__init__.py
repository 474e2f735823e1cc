"""Raw -> Article: boilerplate, headline/subheadings, paragraph repair; text fixed from here on."""
from rasid.clean.cleaner import Cleaner, clean

__all__ = ["Cleaner", "clean"]
