"""Suggestions: foods ranked by how much one serving would raise a day's score.

Every candidate food is scored at once with array arithmetic: the day's sums, minus each
candidate's contribution as it stands, plus its contribution with one serving more. With
swaps, a serving of a food to limit may be swapped for a candidate. A day's suggestions
are cached by its foods, since the window asks again as the selection moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from planner.core.amounts import Resolver
from planner.core.foods import SR28, Catalog
from planner.core.plan import Entry, Plan, format_amount
from planner.i18n import SOURCE_LANGUAGE, _, language
from planner.scoring.formula import Formula, S
from planner.scoring.frames import COLUMN, ORIGIN_RANK, CatalogFrame, tag_mask
from planner.scoring.grouping import Grouped, group_numpy, species_grams
from planner.scoring.model import PART_KEYS, Preferences, ScoringConfig
from planner.scoring.results import Suggestion
from planner.scoring.sentences import number

# Pools larger than this are first narrowed to the foods that could raise the day (see
# Suggester._may_raise); a small pool costs less to score whole than to narrow.
PRUNE_FROM = 256


@dataclass
class _State:
    """One day as suggestions see it: its foods, sums, parts and score, servings by
    catalog row and grams by plant species."""

    rows: np.ndarray
    sums: np.ndarray
    parts: np.ndarray
    score: float
    in_day: np.ndarray
    species: np.ndarray
    live: np.ndarray | None = None  # servings by row whose cultures count, if some were heated


class Suggester(Formula):
    """The formula with suggestions and their cache; the base of
    planner.scoring.evaluator.Evaluator."""

    def __init__(
        self,
        catalog: Catalog,
        config: ScoringConfig | None = None,
        prefs: Preferences | None = None,
        *,
        resolver: Resolver | None = None,
    ) -> None:
        super().__init__(catalog, config, prefs, resolver=resolver)
        self._one_serving_cache: tuple[CatalogFrame, np.ndarray] | None = None
        self._pools_cache: tuple[CatalogFrame, list[np.ndarray]] | None = None
        self._suggestions: dict[tuple, tuple[Suggestion, ...]] = {}
        # The last day scored alone (a re-score after an edit) by its content key: the
        # suggestions the window asks for next start from its sums instead of again.
        self._scored_day: tuple[tuple, tuple[Grouped, np.ndarray, np.ndarray, float]] | None = None

    # -- suggestions ---------------------------------------------------------------------
    def suggest(
        self,
        plan: Plan,
        day: int,
        top: int = 5,
        *,
        familiar_first: bool = False,
        swaps: bool = False,
    ) -> list[Suggestion]:
        """Foods ranked by how much one serving would raise the day's score.

        Only food a person eats as it is, in a portion of at most ``suggest.max_kcal``:
        never an ingredient (flour, raw grains or pulses, leavening...), never a food to
        limit, never a food with a tag the user avoids; and only gains of at least
        ``suggest.min_gain``. Ties go to foods not yet in the day, then to curated foods,
        then by name. With ``familiar_first``, only curated foods and the user's own are
        ranked when any of them would help, SR28's otherwise: what the app, the tips and
        the PDF show a person. With ``swaps``, a serving of a food to limit in the day may
        be swapped for a candidate ("swap the cola for kombucha").
        """
        plan.check_day(day)
        # The window asks again for the same day as the selection moves: a day's
        # suggestions depend only on its foods (and this evaluator's catalog and settings).
        content = self._day_key(plan, day)
        key = (content, top, familiar_first, swaps)
        cached = self._suggestions.get(key)
        if cached is not None:
            return list(cached)
        scored = None
        if self._scored_day is not None and self._scored_day[0] == content:
            scored = self._scored_day[1]
        found = self._suggest(plan, day, top, familiar_first, swaps, scored)
        if len(self._suggestions) >= 32:
            self._suggestions.pop(next(iter(self._suggestions)))
        self._suggestions[key] = tuple(found)
        return found

    def _day_key(self, plan: Plan, day: int) -> tuple:
        """What a day's score and suggestions depend on: its foods and amounts, and the
        catalog frame they are read from."""
        table = self.table()
        entries = [e for _m, _i, e in plan.day_entries(day)]
        return (
            id(table),
            table.revision,
            tuple((e.food_id, e.amount, e.unit) for e in entries),
            # What the entries are made of changes with the resolver (its recipe book)
            self.resolver,
            self.resolver.revision,
        )

    def _keep_scored_day(
        self,
        plan: Plan,
        day: int,
        grouped: Grouped,
        sums: np.ndarray,
        parts: np.ndarray,
        score: float,
    ) -> None:
        """Keep a day scored alone (``grouped`` holds it only) for the suggestions."""
        self._scored_day = (self._day_key(plan, day), (grouped, sums, parts, score))

    def _suggest(
        self,
        plan: Plan,
        day: int,
        top: int,
        familiar_first: bool,
        swaps: bool,
        scored: tuple[Grouped, np.ndarray, np.ndarray, float] | None = None,
    ) -> list[Suggestion]:
        """``scored``: the day as the evaluator just scored it alone, if it did."""
        table = self.table()
        familiar, everyone = self._pools(table)
        pools = [familiar, everyone] if familiar_first else [everyone]
        if scored is not None:
            grouped = scored[0]
            now = self._state_of(table, *scored)
        else:
            grouped = group_numpy(table, plan, [day], self.resolver)
            now = self._state(table, grouped.rows, grouped.servings, grouped.live)
        bases = [(now, None)]
        if swaps:
            for limit_row in grouped.rows[table.is_limit_food[grouped.rows]].tolist():
                fewer = grouped.servings.copy()
                at = grouped.rows == limit_row
                fewer[at] = np.maximum(fewer[at] - 1.0, 0.0)
                live = None
                if grouped.live is not None:
                    live = np.minimum(grouped.live, fewer)
                bases.append((self._state(table, grouped.rows, fewer, live), limit_row))
        found: list[Suggestion] = []
        for candidates in pools:
            for base, replaces in bases:
                found += self._ranked(table, base, candidates, now.score, top, replaces)
            if found:
                break
        found.sort(key=lambda s: -s.gain)  # stable: each list's own order breaks ties
        return found[:top]

    def _pools(self, table: CatalogFrame) -> list[np.ndarray]:
        """The rows of the foods that may be suggested: the familiar ones (curated and the
        user's own) and all of them. They depend only on the catalog frame and this
        evaluator's settings, so they are worked out once per frame, not per edit."""
        if self._pools_cache is None or self._pools_cache[0] is not table:
            allowed = table.suggestable.copy()
            allowed &= table.column("energy_kcal") <= self.config.suggest_max_kcal
            avoid = tag_mask(self.prefs.avoid_tags)
            if avoid:
                allowed &= (table.tag_mask & avoid) == 0
            familiar = np.flatnonzero(allowed & (table.origin_rank < ORIGIN_RANK[SR28]))
            self._pools_cache = (table, [familiar, np.flatnonzero(allowed)])
        return self._pools_cache[1]

    def _state(
        self,
        table: CatalogFrame,
        rows: np.ndarray,
        servings: np.ndarray,
        live: np.ndarray | None = None,
    ) -> _State:
        """A day's foods and everything a candidate's gain is worked out from."""
        day_pos = np.zeros(len(rows), np.int64)
        grouped = Grouped([0], day_pos, rows, servings, [()], np.ones(1), live=live)
        sums = self._sums(grouped)
        parts, _completeness, score = self.points(sums)
        return self._state_of(table, grouped, sums[0], parts[:, 0], float(score[0]))

    def _state_of(
        self,
        table: CatalogFrame,
        grouped: Grouped,
        sums: np.ndarray,
        parts: np.ndarray,
        score: float,
    ) -> _State:
        """The state of a day grouped alone, from its sums, parts and score."""
        rows, servings, live = grouped.rows, grouped.servings, grouped.live
        in_day = np.zeros(len(table))
        np.add.at(in_day, rows, servings)
        _pos, codes, grams = species_grams(table, grouped)
        species = np.zeros(len(table.species_labels) + 1)  # the last: "not a plant"
        species[codes] = grams
        in_day_live = None
        if live is not None:
            in_day_live = np.zeros(len(table))
            np.add.at(in_day_live, rows, live)
        return _State(rows, sums, parts, score, in_day, species, in_day_live)

    def _one_serving(self, table: CatalogFrame) -> np.ndarray:
        """Every food's contribution for one serving, cached per catalog frame."""
        if self._one_serving_cache is None or self._one_serving_cache[0] is not table:
            rows = np.arange(len(table))
            self._one_serving_cache = (
                table,
                self._food_contributions(table, rows, np.ones(len(table))),
            )
        return self._one_serving_cache[1]

    def _with_one_more(
        self, table: CatalogFrame, base: _State, candidates: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Scores and parts of the day with one serving more of each candidate food, all
        candidates at once: the day's sums, minus each candidate's contribution as it
        stands, plus its contribution with one serving more."""
        old = base.in_day[candidates]
        # Most candidates are not in the day: their gain is one serving's contribution,
        # worked out once per catalog; the few in the day are worked out here.
        sums = base.sums[None, :] + self._one_serving(table)[candidates]
        eaten = np.flatnonzero(old > 0)
        if len(eaten):
            rows = candidates[eaten]
            # The serving suggested is eaten as it is: its cultures count, even when the
            # day's own servings of the food were heated in a dish.
            live = None if base.live is None else base.live[rows]
            sums[eaten] += (
                self._food_contributions(
                    table, rows, old[eaten] + 1.0, None if live is None else live + 1.0
                )
                - self._food_contributions(table, rows, old[eaten], live)
                - self._one_serving(table)[rows]
            )
        # Plants: the candidate's species, with its grams added to the day's.
        code = table.species_code[candidates]
        had = base.species[code]
        min_g = self.config.parts["plants"]["min_g"]
        added = table.amounts[candidates, COLUMN["plant_g"]]
        sums[:, S["plants"]] += (code >= 0) & (had < min_g) & (had + added >= min_g)
        parts, _completeness, scores = self.points(sums)
        return scores, parts

    def _may_raise(self, table: CatalogFrame, base: _State, candidates: np.ndarray) -> np.ndarray:
        """Which candidates one serving of could raise the day at all: those in the day
        already (a second serving may pass a minimum portion), those adding to a part
        short of its target, a new plant species, or whole-food energy to a day short of
        it. A serving of any other food adds only to parts at their target, or to the
        limit load: its gain is at most zero, so it need not be worked out. With all
        foods as candidates this leaves a few hundred of over five thousand."""
        one = self._one_serving(table)
        values = base.sums[self._ramp_cols].copy()
        values[self._omega3_ramp] += self._ala_factor * base.sums[S["ala"]]
        short = values < self._ramp_zero + self._ramp_span
        columns = [int(c) for c in self._ramp_cols[short] if c != S["plants"]]
        if short[self._omega3_ramp]:
            columns.append(S["ala"])  # ALA counts toward the omega-3 ramp
        if self.complete_kcal(base.sums) < self.config.energy_full_kcal:
            columns.append(S["complete_kcal"])
            if base.sums[S["fat_kcal"]] < self.config.added_fat_kcal:
                columns.append(S["fat_kcal"])
        may = base.in_day[candidates] > 0
        if columns:
            may |= (one[np.ix_(candidates, np.array(columns))] != 0).any(axis=1)
        code = table.species_code[candidates]
        had = base.species[code]
        min_g = self.config.parts["plants"]["min_g"]
        added = table.amounts[candidates, COLUMN["plant_g"]]
        may |= (code >= 0) & (had < min_g) & (had + added >= min_g)
        return may

    def _ranked(
        self,
        table: CatalogFrame,
        base: _State,
        candidates: np.ndarray,
        now: float,
        top: int,
        replaces: int | None,
    ) -> list[Suggestion]:
        if not len(candidates) or top <= 0:
            return []
        if len(candidates) > PRUNE_FROM and self.config.min_gain > 0:
            candidates = candidates[self._may_raise(table, base, candidates)]
        scores, parts = self._with_one_more(table, base, candidates)
        gain = scores - now
        keep = gain >= self.config.min_gain
        candidates, gain, scores, parts = candidates[keep], gain[keep], scores[keep], parts[:, keep]
        if not len(candidates):
            return []
        in_day = (base.in_day[candidates] > 0).astype(np.int64)
        # One integer key orders like sorting by (-gain to 6 decimals, in the day, origin,
        # name): the name rank is unique, so the first ``top`` need no full sort.
        micro = np.rint(gain * 1e6).astype(np.int64)
        key = ((-micro * 2 + in_day) * 3 + table.origin_rank[candidates]) * len(
            table
        ) + table.name_order[candidates]
        if 0 < top < len(candidates):
            first = np.argpartition(key, top - 1)[:top]
            order = first[np.argsort(key[first])]
        else:
            order = np.argsort(key)[:top]
        result = []
        for i in order.tolist():
            position = int(candidates[i])
            result.append(
                Suggestion(
                    food_id=table.ids[position],
                    name=table.names[position],
                    serving_label=table.serving_labels[position],
                    gain=float(gain[i]),
                    new_score=float(scores[i]),
                    reason=self._reason(parts[:, i] - base.parts, replaces, table),
                    replaces=None if replaces is None else table.ids[replaces],
                    replaces_name=None if replaces is None else table.names[replaces],
                )
            )
        return result

    def _reason(self, delta: np.ndarray, replaces: int | None, table: CatalogFrame) -> str:
        labels = self.config.labels
        english = language() == SOURCE_LANGUAGE
        gains = [
            # the parts in lower case inside an English sentence; other languages keep
            # their words as written (German nouns keep their capital)
            _(labels[key]).lower() if english else _(labels[key])
            for key, change in zip(PART_KEYS, delta.tolist(), strict=True)
            if key != "limit" and change > 0.05
        ]
        if gains:
            # Translators: {parts} lists the score's parts a food adds to ("fiber, plants").
            text = _("Adds to {parts}").format(parts=_(", ").join(gains))
        else:
            text = _("Makes the day more complete")
        if replaces is not None:
            reason = text[0].lower() + text[1:] if english else text
            text = _("In place of {food}: {reason}").format(
                food=table.names[replaces], reason=reason
            )
        return text

    def suggest_entries(
        self,
        plan: Plan,
        day: int,
        candidates: Sequence[tuple[Entry, str]],
        top: int = 3,
    ) -> list[Suggestion]:
        """Entries, each with its name (dishes: a recipe's entry), ranked by how much
        adding one would raise the day's score: the day scored again with the entry's
        parts added, as if it were planned. Entries the resolver does not know, those
        holding a food of a tag the user avoids, those over ``suggest.max_kcal`` and
        gains below ``suggest.min_gain`` are left out; ties go by name."""
        plan.check_day(day)
        table = self.table()
        grouped = group_numpy(table, plan, [day], self.resolver)
        now = self._state(table, grouped.rows, grouped.servings, grouped.live)
        live_now = grouped.servings if grouped.live is None else grouped.live
        held: dict[int, list[float]] = {}
        for row, servings, live in zip(
            grouped.rows.tolist(), grouped.servings.tolist(), live_now.tolist(), strict=True
        ):
            held[row] = [servings, live]
        avoid = tag_mask(self.prefs.avoid_tags)
        energy = table.column("energy_kcal")
        found: list[Suggestion] = []
        for entry, name in candidates:
            added: dict[int, list[float]] = {row: list(pair) for row, pair in held.items()}
            parts = self.resolver.parts(entry)
            rows = [table.row_of.get(food_id, -1) for food_id, _s, _h in parts]
            if not parts or min(rows) < 0:
                continue
            if avoid and any(int(table.tag_mask[row]) & avoid for row in rows):
                continue
            kcal = float(energy[rows] @ np.array([part[1] for part in parts]))
            if kcal > self.config.suggest_max_kcal:  # a portion as the foods' are capped
                continue
            for row, (_food, servings, heated) in zip(rows, parts, strict=True):
                pair = added.setdefault(row, [0.0, 0.0])
                pair[0] += servings
                pair[1] += 0.0 if heated else servings
            keys = np.array(sorted(added), dtype=np.int64)
            servings_of = np.array([added[k][0] for k in keys.tolist()])
            live_of = np.array([added[k][1] for k in keys.tolist()])
            state = self._state(table, keys, servings_of, live_of)
            gain = state.score - now.score
            if gain < self.config.min_gain:
                continue
            found.append(
                Suggestion(
                    food_id=entry.food_id,
                    name=name,
                    serving_label=format_amount(entry.amount, entry.unit),
                    gain=gain,
                    new_score=state.score,
                    reason=self._reason(state.parts - now.parts, None, table),
                )
            )
        found.sort(key=lambda s: (-round(s.gain, 6), s.name.casefold()))
        return found[: max(top, 0)]

    def _tip(self, plan: Plan, day: int) -> str:
        best = self.suggest(plan, day, top=1, familiar_first=True)
        if not best:
            return ""
        s = best[0]
        return _("Adding {food} ({serving}) would raise it to {score}.").format(
            food=s.name, serving=s.serving_label, score=number(s.new_score)
        )
