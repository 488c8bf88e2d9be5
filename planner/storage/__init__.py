"""Everything that touches the disk: reading files (files.py: bounded regular files, text
decoding, the format-and-version envelope), atomic writes, strict JSON, plan files and
their migrations, CSV, the user's own foods, recovery copies, the crash log, the data
folder."""
