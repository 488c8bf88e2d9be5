"""Everything that touches the disk: atomic writes, strict JSON, plan files and their
migrations, CSV, the user's own foods, recovery copies, the crash log, the data folder."""
