package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"plantracker/models"
)

func TestCreateProvisions(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		var in []models.Provision
		for i := range 7 {
			p := troopCap(f.draft.ID, 100000+i)
			p.Key = fmt.Sprintf("bulk-cap-%d", i)
			p.Point = fmt.Sprint(20 + i)
			p.Terms = json.RawMessage(`{"limit": ` + itoa(100000+i) + `, "party": "UA"}`) // not canonical: key order
			in = append(in, p)
		}
		in[3].Parties = append(in[3].Parties, models.ProvisionParty{Party: "RU", Role: "beneficiary"}) // stance defaults
		out, err := s.CreateProvisions(ctx, "bulk", in)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != len(in) {
			t.Fatalf("%d created of %d", len(out), len(in))
		}
		for i, p := range out {
			// What it returns is what is stored, and what CreateProvision
			// would have stored.
			stored, err := s.Provision(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if mustJSON(stored) != mustJSON(p) {
				t.Fatalf("returned %s\nstored   %s", mustJSON(p), mustJSON(stored))
			}
			if p.Version != 1 || string(p.Terms) != `{"party":"UA","limit":`+itoa(100000+i)+`}` {
				t.Fatalf("provision %d: version %d, terms %s", i, p.Version, p.Terms)
			}
			cs := changesFor(t, s, models.EntityProvision, p.ID)
			if len(cs) != 1 || cs[0].Action != models.ActionCreate || cs[0].Actor != "bulk" || string(cs[0].After) != mustJSON(p) {
				t.Fatalf("changes of provision %d: %+v", p.ID, cs)
			}
		}
		if got := out[3].Parties; len(got) != 2 || got[1].Stance != "unknown" {
			t.Fatalf("parties: %+v", got)
		}
		if hits, _ := s.Provisions(ctx, ProvisionFilter{DraftID: f.draft.ID, Query: "bulk cap"}); hits.Total != 7 {
			t.Fatalf("search finds %d of the new provisions", hits.Total)
		}
		if out, err := s.CreateProvisions(ctx, "bulk", nil); err != nil || len(out) != 0 {
			t.Fatalf("nothing to create: %v %v", out, err)
		}
	})
}

// One bad provision refuses them all, and names which.
func TestCreateProvisionsAllOrNothing(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		good := func(i int) models.Provision {
			p := troopCap(f.draft.ID, 1000+i)
			p.Key = fmt.Sprintf("cap-%d", i)
			return p
		}
		tests := []struct {
			name  string
			edit  func(ps []models.Provision)
			want  error
			field string
		}{
			{"invalid terms", func(ps []models.Provision) { ps[2].Terms = json.RawMessage(`{"party":"UA","limit":-1}`) }, nil, "[2].terms.limit"},
			{"unknown party", func(ps []models.Provision) { ps[1].Parties[0].Party = "XX" }, nil, "[1].parties[0].party"},
			{"unknown party in terms", func(ps []models.Provision) { ps[0].Terms = json.RawMessage(`{"party":"XX","limit":5}`) }, nil, "[0].terms.party"},
			{"no such draft", func(ps []models.Provision) { ps[1].DraftID = 999999 }, ErrNotFound, ""},
			{"a key twice", func(ps []models.Provision) { ps[2].Key = ps[0].Key }, ErrDuplicate, ""},
			{"a key the draft has", func(ps []models.Provision) { ps[1].Key = "troop-cap" }, ErrDuplicate, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := counts(t, s)
				ps := []models.Provision{good(0), good(1), good(2)}
				tt.edit(ps)
				_, err := s.CreateProvisions(ctx, "bulk", ps)
				var verr *models.ValidationError
				switch {
				case tt.want != nil && !errors.Is(err, tt.want):
					t.Fatalf("err = %v, want %v", err, tt.want)
				case tt.want == nil && (!errors.As(err, &verr) || !strings.Contains(err.Error(), tt.field)):
					t.Fatalf("err = %v, want a field error on %s", err, tt.field)
				}
				if after := counts(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Fatalf("rows changed: %v → %v", before, after)
				}
			})
		}
	})
}
