package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

// Positions are records like the others: created, read, changed with a
// version check, deleted, each write in the audit trail; a draft is checked
// against them through the typed terms.
func TestPositions(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		in := models.Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=",
			Value: json.RawMessage(`800000`), Date: "2025-12-23", Quote: "800,000", Sources: cites("axios-2025-11-20")}
		p, err := s.CreatePosition(ctx, "ed", in)
		if err != nil {
			t.Fatal(err)
		}
		if p.Version != 1 || p.Party != "UA" || string(p.Value) != "800000" || p.Sources[0].Reference == "" {
			t.Errorf("created %+v", p)
		}
		sameValue(t, "position", p, must(s.Position(ctx, p.ID)))

		for name, bad := range map[string]models.Position{
			"unknown party":  {Party: "XX", Key: "troop-cap", Kind: "troop_cap", Words: "x", Date: "2025-12-23", Sources: cites("axios-2025-11-20")},
			"unknown source": {Party: "UA", Key: "troop-cap", Kind: "troop_cap", Words: "x", Date: "2025-12-23", Sources: cites("nowhere")},
			"bad term":       {Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "years", Op: ">=", Value: json.RawMessage(`1`), Date: "2025-12-23", Sources: cites("axios-2025-11-20")},
		} {
			var verr *models.ValidationError
			if _, err := s.CreatePosition(ctx, "ed", bad); !errors.As(err, &verr) {
				t.Errorf("%s: want a validation error, got %v", name, err)
			}
		}

		// The fixture's draft caps at 600,000: it crosses.
		dp, err := s.DraftPositions(ctx, f.draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, pp := range dp.Provisions {
			if pp.Provision.Key == "troop-cap" {
				found = len(pp.Checks) == 1 && pp.Checks[0].Verdict.Verdict == models.VerdictCrosses
			}
		}
		if !found {
			t.Errorf("draft positions %+v: want the troop cap crossing UA's position", dp)
		}

		if _, err := s.UpdatePosition(ctx, "ed", p.ID, 7, models.PositionPatch{RedLine: new(true)}); !errors.Is(err, ErrConflict) {
			t.Errorf("stale version: %v", err)
		}
		v := json.RawMessage(`500000`)
		up, err := s.UpdatePosition(ctx, "ed", p.ID, 1, models.PositionPatch{Value: &v, RedLine: new(true)})
		if err != nil {
			t.Fatal(err)
		}
		if up.Version != 2 || !up.RedLine || string(up.Value) != "500000" {
			t.Errorf("updated %+v", up)
		}
		sameValue(t, "updated position", up, must(s.Position(ctx, p.ID)))
		dp, _ = s.DraftPositions(ctx, f.draft.ID)
		for _, pp := range dp.Provisions {
			if pp.Provision.Key == "troop-cap" && pp.Checks[0].Verdict.Verdict != models.VerdictMeets {
				t.Errorf("600,000 against ≥ 500,000: %+v", pp.Checks[0])
			}
		}
		list, err := s.Positions(ctx, PositionFilter{Party: "UA"})
		if err != nil || len(list) != 1 {
			t.Errorf("UA's positions: %v %v", list, err)
		}
		if list, _ := s.Positions(ctx, PositionFilter{Party: "RU"}); len(list) != 0 {
			t.Errorf("RU's positions: %v", list)
		}
		// A party with a position cannot be deleted.
		ua, _ := s.PartyByShortName(ctx, "UA")
		if err := s.DeleteParty(ctx, "ed", ua.ID, 0); err == nil {
			t.Error("deleted a party that has a position")
		}
		if err := s.DeletePosition(ctx, "ed", p.ID, 1); !errors.Is(err, ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}
		if err := s.DeletePosition(ctx, "ed", p.ID, 2); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Position(ctx, p.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("after delete: %v", err)
		}
		cs := changesFor(t, s, models.EntityPosition, p.ID)
		if len(cs) != 3 {
			t.Errorf("%d changes, want create, update, delete", len(cs))
		}
	})
}

func TestImplementationSteps(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		ev, err := s.CreateImplementationStep(ctx, "ed", models.ImplementationStep{Event: "2026-02-05-prisoner-exchange",
			Date: "2026-02-05", Score: 3, Evidence: "157 for 157", Sources: cites("axios-2025-11-20")})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "step", ev, must(s.ImplementationStep(ctx, ev.ID)))
		pr, err := s.CreateImplementationStep(ctx, "ed", models.ImplementationStep{DraftID: f.draft.ID, Key: "troop-cap",
			Date: "2026-01-01", Score: 0, Evidence: "not begun", Sources: cites("axios-2025-11-20")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateImplementationStep(ctx, "ed", models.ImplementationStep{DraftID: f.draft.ID, Key: "no-such",
			Date: "2026-01-01", Score: 0, Evidence: "x", Sources: cites("axios-2025-11-20")}); err == nil {
			t.Error("a step on a provision the draft lacks")
		}
		all, _ := s.AllImplementationSteps(ctx)
		if len(all) != 2 || all[0].ID != pr.ID {
			t.Errorf("steps by date: %+v", all)
		}
		if byKey, _ := s.ImplementationSteps(ctx, ImplementationFilter{Key: "troop-cap"}); len(byKey) != 1 {
			t.Errorf("troop-cap steps: %+v", byKey)
		}
		// A draft with a step is not deleted from under it.
		if err := s.DeleteDraft(ctx, "ed", f.draft.ID, 0); err == nil {
			t.Error("deleted a draft with an implementation step")
		}
		up, err := s.UpdateImplementationStep(ctx, "ed", pr.ID, 1, models.ImplementationPatch{Score: new(2)})
		if err != nil || up.Score != 2 || up.Version != 2 {
			t.Fatalf("update: %+v %v", up, err)
		}
		if err := s.DeleteImplementationStep(ctx, "ed", pr.ID, 2); err != nil {
			t.Fatal(err)
		}
		if n := len(changesFor(t, s, models.EntityImplementation, pr.ID)); n != 3 {
			t.Errorf("%d changes", n)
		}
	})
}

// The party record, the stance map and the gaps view, on the fixture.
func TestAgreeReports(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if _, err := s.CreatePosition(ctx, "ed", models.Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=",
			Value: json.RawMessage(`800000`), Date: "2025-12-23", Sources: cites("axios-2025-11-20")}); err != nil {
			t.Fatal(err)
		}
		ua, _ := s.PartyByShortName(ctx, "UA")
		rec, err := s.PartyRecord(ctx, ua.ID)
		if err != nil {
			t.Fatal(err)
		}
		rel := map[string]string{}
		for _, pp := range rec.Provisions {
			rel[pp.Provision.Key] = pp.Relation
		}
		if rel["troop-cap"] != "binds" || rel["security-guarantee"] != "guarantees" {
			t.Errorf("relations %v", rel)
		}
		if len(rec.Positions) != 1 || len(rec.Positions[0].Checks) != 1 || rec.Positions[0].Checks[0].Verdict.Verdict != models.VerdictCrosses {
			t.Errorf("positions %+v", rec.Positions)
		}

		m, err := s.StanceMap(ctx, f.draft.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Rows) != 2 || len(m.Parties) != 3 {
			t.Fatalf("map %+v", m)
		}
		if m.Parties[0] != "UA" {
			t.Errorf("columns %v: UA has a part in both", m.Parties)
		}
		cell := m.Rows[0].Cells[0] // troop cap, UA
		if !cell.Recorded || cell.Stance != "opposes" || cell.Roles[0] != "obligor" {
			t.Errorf("UA on the troop cap: %+v", cell)
		}
		if only, _ := s.StanceMap(ctx, f.draft.ID, "", "US"); len(only.Rows) != 1 || len(only.Parties) != 1 {
			t.Errorf("US only: %+v", only)
		}
		if only, _ := s.StanceMap(ctx, f.draft.ID, "territory", ""); len(only.Rows) != 0 {
			t.Errorf("territory: %+v", only)
		}

		g, err := s.Gaps(ctx, "troop-cap")
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Drafts) != 1 || len(g.Drafts[0].Verdicts) != 1 || g.Drafts[0].Verdicts[0].Verdict != models.VerdictCrosses || len(g.Drafts[0].Terms) == 0 {
			t.Errorf("gaps %+v", g)
		}
		if _, err := s.Gaps(ctx, "nothing-here"); !errors.Is(err, ErrNotFound) {
			t.Errorf("gaps of an unknown key: %v", err)
		}
	})
}

// Positions and implementation steps go through an export and an import
// unchanged, and new ones get fresh ids after it.
func TestExportImportAgree(t *testing.T) {
	forEachDialect(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		src := open(t)
		f := newFixture(t, src)
		p, err := src.CreatePosition(ctx, "x", models.Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=",
			Value: json.RawMessage(`800000`), Date: "2025-12-23", Sources: cites("axios-2025-11-20")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := src.CreateImplementationStep(ctx, "x", models.ImplementationStep{DraftID: f.draft.ID, Key: "troop-cap",
			Date: "2026-01-01", Score: 1, Evidence: "begun", Sources: cites("axios-2025-11-20")}); err != nil {
			t.Fatal(err)
		}
		var first, second bytes.Buffer
		if err := src.Export(ctx, &first); err != nil {
			t.Fatal(err)
		}
		dst := open(t)
		if err := dst.Import(ctx, bytes.NewReader(first.Bytes())); err != nil {
			t.Fatal(err)
		}
		if err := dst.Export(ctx, &second); err != nil {
			t.Fatal(err)
		}
		if a, b := withoutExportTime(first.String()), withoutExportTime(second.String()); a != b || !strings.Contains(a, `"positions"`) {
			t.Fatalf("round trip differs or lacks positions:\n%s\n---\n%s", a, b)
		}
		sameValue(t, "position", p, must(dst.Position(ctx, p.ID)))
		q, err := dst.CreatePosition(ctx, "x", models.Position{Party: "RU", Key: "troop-cap", Kind: "troop_cap", Words: "smaller", Date: "2025-12-24", Sources: cites("axios-2025-11-20")})
		if err != nil || q.ID <= p.ID {
			t.Fatalf("create after import: %+v %v", q, err)
		}
	})
}
