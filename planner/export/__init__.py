"""Printable output: the PDF of a plan (ReportLab, imported only when an export runs)."""
