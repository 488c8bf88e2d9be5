"""The daily check-in journal: skin, gut, mood and habits, kept in SQLite and set against
the day scores (fields, store, csvio, analysis). A layer above storage and scoring, below
export; it never imports Qt."""
