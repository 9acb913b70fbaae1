"""The submission package: documents, appendices, manifests, history, page settings, format checks."""

FORMATS = ("docx", "pdf")  # what a package may be written in, in the order they are written
