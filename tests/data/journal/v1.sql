BEGIN TRANSACTION;
CREATE TABLE checkin (
    day TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    skin_breakouts INTEGER,
    skin_redness INTEGER,
    skin_dryness INTEGER,
    skin_itch INTEGER,
    skin_oiliness INTEGER,
    gut_bloating INTEGER,
    gut_discomfort INTEGER,
    gut_reflux INTEGER,
    gut_stool INTEGER,
    mood INTEGER,
    energy INTEGER,
    sleep_hours REAL,
    stress INTEGER,
    water_glasses INTEGER,
    movement_minutes INTEGER,
    movement_kind TEXT,
    alcohol_drinks REAL,
    antibiotics INTEGER,
    supplements TEXT,
    ate_as_planned TEXT,
    plan_note TEXT,
    stress_practice TEXT,
    saved_at TEXT NOT NULL
);
INSERT INTO "checkin" VALUES('2026-01-05',2,1,NULL,NULL,NULL,3,NULL,NULL,4,3,NULL,7.5,2,NULL,NULL,NULL,0.0,0,'Saccharomyces boulardii','mostly','skipped the kefir','yoga','2026-01-07T21:00:00');
INSERT INTO "checkin" VALUES('2026-01-06',0,NULL,NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,NULL,NULL,NULL,'none','2026-01-07T21:00:00');
INSERT INTO "checkin" VALUES('2026-01-07',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,4,NULL,NULL,8,30,'walking',NULL,NULL,NULL,NULL,NULL,NULL,'2026-01-07T21:00:00');
PRAGMA user_version = 1;
COMMIT;
