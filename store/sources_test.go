package store

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/models"
)

// TestSources: sources are records that citations name by key. Reading a
// provision gives each citation its source's reference; a citation of a
// source that does not exist is refused at its field; a source still cited
// cannot be deleted, and says by what.
func TestSources(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()

		got := must(s.Provision(ctx, f.guarantee.ID))
		want := "Interfax-Ukraine, 21 Nov 2025: Trump offers Ukraine security guarantees"
		if len(got.Sources) != 1 || got.Sources[0].Reference != want {
			t.Errorf("sources %+v, want the reference %q", got.Sources, want)
		}
		if us := got.Parties[1]; us.StanceDate != "2025-11-21" || len(us.StanceSources) != 1 || us.StanceSources[0].Reference != want {
			t.Errorf("the US stance reads %+v", us)
		}

		tests := []struct {
			name  string
			write func() error
			field string
		}{
			{"provision cites an unknown source", func() error {
				p := troopCap(f.draft.ID, 1)
				p.Key, p.Sources = "other-cap", cites("axios-2025-11-20", "nowhere")
				_, err := s.CreateProvision(ctx, "x", p)
				return err
			}, "sources[1].source"},
			{"stance cites an unknown source", func() error {
				_, err := s.AddProvisionParty(ctx, "x", f.troopCap.ID, 0, models.ProvisionParty{Party: "RU", Role: "obligor",
					Stance: "supports", StanceSources: cites("nowhere")})
				return err
			}, "parties[1].stance_sources[0].source"},
			{"draft cites an unknown source", func() error {
				sources := cites("nowhere")
				_, err := s.UpdateDraft(ctx, "x", f.draft.ID, 0, models.DraftPatch{Sources: &sources})
				return err
			}, "sources[0].source"},
			{"stance without a source", func() error {
				_, err := s.AddProvisionParty(ctx, "x", f.troopCap.ID, 0, models.ProvisionParty{Party: "RU", Role: "obligor", Stance: "opposes"})
				return err
			}, "stance_sources"},
		}
		for _, tt := range tests {
			before := counts(t, s)
			var verr *models.ValidationError
			if err := tt.write(); !errors.As(err, &verr) || len(verr.Errors) != 1 || verr.Errors[0].Field != tt.field {
				t.Errorf("%s: got %v, want one error on %s", tt.name, err, tt.field)
			}
			if after := counts(t, s); !maps.Equal(before, after) {
				t.Errorf("%s: the refused write changed %v → %v", tt.name, before, after)
			}
		}

		src := must(s.SourceByKey(ctx, "axios-2025-11-20"))
		if err := s.DeleteSource(ctx, "x", src.ID, 0); !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "1 provision, 1 stance") {
			t.Errorf("deleting a cited source: %v", err)
		}
		if _, err := s.CreateSource(ctx, "x", models.Source{Key: src.Key, Publisher: "Again", Title: "Again"}); !errors.Is(err, ErrDuplicate) {
			t.Errorf("a second source with one key: %v", err)
		}

		// A correction of the source shows wherever it is cited.
		title := "The full text of the 28-point plan"
		if _, err := s.UpdateSource(ctx, "x", src.ID, src.Version, models.SourcePatch{Title: &title}); err != nil {
			t.Fatal(err)
		}
		cap, err := s.Provision(ctx, f.troopCap.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ref := cap.Sources[0].Reference; ref != "Axios, 20 Nov 2025: "+title {
			t.Errorf("after the correction the troop cap cites %q", ref)
		}
		if _, err := s.UpdateSource(ctx, "x", src.ID, src.Version, models.SourcePatch{Title: &title}); !errors.Is(err, ErrConflict) {
			t.Errorf("a stale source save: %v", err)
		}

		// An unused source goes, with its history.
		unused, err := s.CreateSource(ctx, "x", models.Source{Key: "unused", Publisher: "Nobody", Title: "Nothing"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSource(ctx, "x", unused.ID, unused.Version); err != nil {
			t.Fatal(err)
		}
		if ch := changesFor(t, s, models.EntitySource, unused.ID); len(ch) != 2 || ch[0].Action != models.ActionDelete { // newest first
			t.Errorf("the deleted source has %d changes, want its create and delete", len(ch))
		}
	})
}

// TestLegacyCitationsBecomeSources: a database from before sources were
// records opens with each free-text citation turned into a source record
// that its provisions cite.
func TestLegacyCitationsBecomeSources(t *testing.T) {
	path := filepath.Join(t.TempDir(), "legacy.db")
	s := openDSN(t, path)
	f := newFixture(t, s)
	ctx := context.Background()
	// Put the rows back as an older version wrote them.
	for _, stmt := range []string{
		`UPDATE provisions SET sources = '[]', citation = 'Axios, 20 Nov 2025 [sources/reported-drafts.md §A]'`,
		`UPDATE drafts SET sources = '["Interfax-Ukraine, 21 Nov 2025", "Axios, 20 Nov 2025 [sources/reported-drafts.md §A]"]'`,
	} {
		if err := s.write.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openDSN(t, path)
	p, err := s.Provision(ctx, f.troopCap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sources) != 1 || p.Sources[0].Reference != legacyPublisher+": Axios, 20 Nov 2025 [sources/reported-drafts.md §A]" ||
		p.Sources[0].Sourcing != "reported" {
		t.Errorf("the legacy citation became %+v", p.Sources)
	}
	d, err := s.Draft(ctx, f.draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sources) != 2 || d.Sources[1].Source != p.Sources[0].Source {
		t.Errorf("the draft's legacy sources became %+v; the same text should be one source", d.Sources)
	}
	if sources, _ := s.Sources(ctx); len(sources) != len(fixtureSources)+2 {
		t.Errorf("%d sources, want the fixture's and two legacy ones", len(sources))
	}
}

// TestSourceCitedByAPositionOrAStep: a source that only a stated position
// and an implementation step cite is still cited, and says by what; once
// they are gone it can be deleted.
func TestSourceCitedByAPositionOrAStep(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		src := must(s.CreateSource(ctx, "x", models.Source{Key: "only-the-record", Publisher: "Reuters",
			Title: "A source only the record around the texts cites", Date: "2026-01-02", URL: "https://example.org/a", Language: "en"}))
		pos := must(s.CreatePosition(ctx, "x", models.Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit",
			Op: ">=", Value: json.RawMessage(`800000`), Date: "2026-01-02", Quote: "800,000", Sources: cites(src.Key)}))
		step := must(s.CreateImplementationStep(ctx, "x", models.ImplementationStep{DraftID: f.draft.ID, Key: "troop-cap",
			Date: "2026-01-02", Score: 0, Evidence: "not begun", Sources: cites(src.Key)}))
		err := s.DeleteSource(ctx, "x", src.ID, 0)
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "cited by 1 stated position, 1 implementation step;") {
			t.Fatalf("deleting a source a position and a step cite: %v", err)
		}
		if err := s.DeletePosition(ctx, "x", pos.ID, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteImplementationStep(ctx, "x", step.ID, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSource(ctx, "x", src.ID, 0); err != nil {
			t.Errorf("deleting the source no one cites any more: %v", err)
		}
	})
}
