package models

import (
	"sort"
	"strconv"
	"strings"
)

// Who agrees: the reports that set parties' stated positions and stances
// beside what drafts offer. All pure: the store reads the rows, these
// functions make the reports.

// PlanDraft names a draft in a report.
type PlanDraft struct {
	ID       int64  `json:"id"`
	PlanID   int64  `json:"plan_id"`
	Plan     string `json:"plan"`
	Number   int    `json:"number"`
	Label    string `json:"label"`
	Date     string `json:"date,omitempty"`
	Coverage string `json:"coverage"`
}

// NewPlanDraft names d, of the plan titled plan.
func NewPlanDraft(d Draft, plan string) PlanDraft {
	return PlanDraft{ID: d.ID, PlanID: d.PlanID, Plan: plan, Number: d.Number, Label: d.Label, Date: d.Date, Coverage: d.Coverage}
}

// Name is how the draft reads in a line: "US peace framework v1 28-point draft".
func (d PlanDraft) Name() string {
	return strings.TrimSpace(d.Plan + " v" + strconv.Itoa(d.Number) + " " + d.Label)
}

// ProvisionRef names a provision in a report, with its headline terms.
type ProvisionRef struct {
	ID       int64  `json:"id"`
	Key      string `json:"key"`
	Point    string `json:"point,omitempty"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Category string `json:"category"`
	Headline string `json:"headline"`
}

// NewProvisionRef names p.
func NewProvisionRef(p Provision) ProvisionRef {
	return ProvisionRef{ID: p.ID, Key: p.Key, Point: p.Point, Title: p.Title, Kind: p.Kind, Category: p.Category, Headline: p.Headline()}
}

// PositionCheck is one position and what a check of one provision against
// it found.
type PositionCheck struct {
	Position Position `json:"position"`
	Verdict
}

// ProvisionPositions is one provision of a draft with the positions on its
// key, each checked.
type ProvisionPositions struct {
	Provision ProvisionRef    `json:"provision"`
	Checks    []PositionCheck `json:"checks"`
}

// DraftPositions is a draft checked against every stated position: per
// provision, the positions on its key; and the positions on keys the draft
// has no provision on (silent).
type DraftPositions struct {
	Draft      PlanDraft            `json:"draft"`
	Provisions []ProvisionPositions `json:"provisions"`
	Absent     []PositionCheck      `json:"absent"`
}

// CheckDraft checks the provisions of draft d against positions.
func CheckDraft(d PlanDraft, provisions []Provision, positions []Position) DraftPositions {
	out := DraftPositions{Draft: d, Provisions: []ProvisionPositions{}, Absent: []PositionCheck{}}
	byKey := map[string][]Position{}
	for _, pos := range positions {
		byKey[pos.Key] = append(byKey[pos.Key], pos)
	}
	has := map[string]bool{}
	for _, p := range provisions {
		has[p.Key] = true
		pp := ProvisionPositions{Provision: NewProvisionRef(p), Checks: []PositionCheck{}}
		for _, pos := range byKey[p.Key] {
			pp.Checks = append(pp.Checks, PositionCheck{Position: pos, Verdict: pos.Check(p)})
		}
		out.Provisions = append(out.Provisions, pp)
	}
	for _, pos := range positions {
		if !has[pos.Key] {
			out.Absent = append(out.Absent, PositionCheck{Position: pos, Verdict: absentVerdict(pos, d)})
		}
	}
	return out
}

func absentVerdict(pos Position, d PlanDraft) Verdict {
	outcome := VerdictSilent
	if pos.Term == "" {
		outcome = VerdictUnchecked
	}
	v := pos.verdict(outcome, ReasonDraftSilent)
	v.Partial = d.Coverage != "complete"
	what := "has no provision on " + pos.Key
	if v.Partial {
		what = "does not report " + pos.Key + " (partial)"
	}
	v.Line = "silent on " + pos.Party + "'s stated position: the draft " + what
	return v
}

// PartyProvision is a provision a party has a part in.
type PartyProvision struct {
	Draft     PlanDraft    `json:"draft"`
	Provision ProvisionRef `json:"provision"`
	Role      string       `json:"role"`
	// Relation says what the provision does to the party: binds (it is
	// the obligor), guarantees (its security is guaranteed: a beneficiary
	// of a security guarantee), benefits (another beneficiary), or the role
	// itself (guarantor, monitor, …).
	Relation      string     `json:"relation"`
	Stance        string     `json:"stance"`
	StanceDate    string     `json:"stance_date,omitempty"`
	StanceSources []Citation `json:"stance_sources"`
}

// DraftCheck is a position checked against one draft's provision on its key.
type DraftCheck struct {
	Draft       PlanDraft `json:"draft"`
	ProvisionID int64     `json:"provision_id"`
	Verdict
}

// PartyPosition is one of a party's positions with its checks against
// every draft that has a provision on the key, by date.
type PartyPosition struct {
	Position Position     `json:"position"`
	Checks   []DraftCheck `json:"checks"`
}

// PartyRecord is everything the record holds of one party: the provisions
// that bind it, guarantee for it, benefit it or give it another part, in
// every draft by date, with its stances; its stated positions with their
// verdicts.
type PartyRecord struct {
	Party      Party            `json:"party"`
	Provisions []PartyProvision `json:"provisions"`
	Positions  []PartyPosition  `json:"positions"`
	// DraftStances are the party's stances on drafts as a whole, by date.
	DraftStances []PartyDraftStance `json:"draft_stances"`
}

// PartyDraftStance is a party's stance on one draft as a whole.
type PartyDraftStance struct {
	Draft  PlanDraft   `json:"draft"`
	Stance DraftStance `json:"stance"`
}

// Relation is what a provision does to a party in role on it.
func Relation(role, kind string) string {
	switch {
	case role == "obligor":
		return "binds"
	case role == "beneficiary" && kind == "security_guarantee":
		return "guarantees"
	case role == "beneficiary":
		return "benefits"
	}
	return role
}

// NewPartyRecord builds a party's record from the drafts (by id), the
// provisions it has a part in, and positions (its own and others': only
// its own are kept), against allProvisions on the positions' keys.
// Its stances on drafts as a whole come as stored (by date).
func NewPartyRecord(party Party, drafts map[int64]PlanDraft, provisions []Provision, positions []Position, onKeys []Provision, stances []DraftStance) PartyRecord {
	rec := PartyRecord{Party: party, Provisions: []PartyProvision{}, Positions: []PartyPosition{}, DraftStances: []PartyDraftStance{}}
	for _, st := range stances {
		rec.DraftStances = append(rec.DraftStances, PartyDraftStance{Draft: drafts[st.DraftID], Stance: st})
	}
	for _, p := range provisions {
		for _, pp := range p.Parties {
			if pp.Party != party.ShortName {
				continue
			}
			rec.Provisions = append(rec.Provisions, PartyProvision{Draft: drafts[p.DraftID], Provision: NewProvisionRef(p),
				Role: pp.Role, Relation: Relation(pp.Role, p.Kind), Stance: pp.Stance, StanceDate: pp.StanceDate,
				StanceSources: CitationsOf(pp.StanceSources)})
		}
	}
	sort.SliceStable(rec.Provisions, func(i, j int) bool {
		a, b := rec.Provisions[i], rec.Provisions[j]
		if a.Draft.Date != b.Draft.Date {
			return a.Draft.Date < b.Draft.Date
		}
		if a.Draft.ID != b.Draft.ID {
			return a.Draft.ID < b.Draft.ID
		}
		return Provision{Point: a.Provision.Point}.SortKey() < Provision{Point: b.Provision.Point}.SortKey()
	})
	for _, pos := range positions {
		if pos.Party != party.ShortName {
			continue
		}
		pp := PartyPosition{Position: pos, Checks: []DraftCheck{}}
		for _, p := range onKeys {
			if p.Key == pos.Key {
				pp.Checks = append(pp.Checks, DraftCheck{Draft: drafts[p.DraftID], ProvisionID: p.ID, Verdict: pos.Check(p)})
			}
		}
		sort.SliceStable(pp.Checks, func(i, j int) bool { return pp.Checks[i].Draft.Date < pp.Checks[j].Draft.Date })
		rec.Positions = append(rec.Positions, pp)
	}
	return rec
}

// StanceCell is one party's part in one provision: its roles and its
// stance, with the stance's date and sources. A party without a role has an
// empty cell (no roles); one whose stance is unknown is not recorded.
type StanceCell struct {
	Party      string     `json:"party"`
	Roles      []string   `json:"roles"`
	Stance     string     `json:"stance"`
	StanceDate string     `json:"stance_date,omitempty"`
	Sources    []Citation `json:"sources"`
	Recorded   bool       `json:"recorded"`
}

// StanceRow is one provision's row of a stance map.
type StanceRow struct {
	Provision ProvisionRef `json:"provision"`
	Cells     []StanceCell `json:"cells"`
}

// StanceMap is a draft's provisions (rows) by parties (columns).
type StanceMap struct {
	Draft    PlanDraft   `json:"draft"`
	Category string      `json:"category,omitempty"`
	Party    string      `json:"party,omitempty"`
	Parties  []string    `json:"parties"`
	Rows     []StanceRow `json:"rows"`
}

// NewStanceMap lays out the provisions of draft d as a stance map. The
// columns are the parties with a part in any provision, most involved
// first; category keeps only the provisions of that category, party keeps
// that party's column and the provisions it has a part in.
func NewStanceMap(d PlanDraft, provisions []Provision, category, party string) StanceMap {
	m := StanceMap{Draft: d, Category: category, Party: party, Parties: []string{}, Rows: []StanceRow{}}
	count := map[string]int{}
	var keep []Provision
	for _, p := range provisions {
		if category != "" && p.Category != category {
			continue
		}
		if party != "" && !hasParty(p, party) {
			continue
		}
		keep = append(keep, p)
		for _, name := range p.PartyNames() {
			count[name]++
		}
	}
	if party != "" {
		m.Parties = []string{party}
	} else {
		for name := range count {
			m.Parties = append(m.Parties, name)
		}
		sort.Slice(m.Parties, func(i, j int) bool {
			a, b := m.Parties[i], m.Parties[j]
			if count[a] != count[b] {
				return count[a] > count[b]
			}
			return a < b
		})
	}
	for _, p := range keep {
		row := StanceRow{Provision: NewProvisionRef(p), Cells: make([]StanceCell, len(m.Parties))}
		for i, name := range m.Parties {
			cell := StanceCell{Party: name, Roles: []string{}, Stance: "", Sources: []Citation{}}
			for _, pp := range p.Parties {
				if pp.Party != name {
					continue
				}
				cell.Roles = append(cell.Roles, pp.Role)
				if pp.Stance != "" && pp.Stance != "unknown" && !cell.Recorded {
					cell.Stance, cell.StanceDate, cell.Sources, cell.Recorded = pp.Stance, pp.StanceDate, CitationsOf(pp.StanceSources), true
				}
			}
			if len(cell.Roles) > 0 && !cell.Recorded {
				cell.Stance = "unknown"
			}
			row.Cells[i] = cell
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

func hasParty(p Provision, party string) bool {
	for _, pp := range p.Parties {
		if pp.Party == party {
			return true
		}
	}
	return false
}

// GapTerm is one typed term a draft offers.
type GapTerm struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Value string `json:"value"`
}

// GapDraft is what one plan's latest draft offers on a key. Where that
// draft does not report the key (a partial draft), the value is the last
// known one, from the draft named in From.
type GapDraft struct {
	Draft     PlanDraft     `json:"draft"`
	From      *PlanDraft    `json:"from,omitempty"`
	Provision *ProvisionRef `json:"provision,omitempty"`
	Terms     []GapTerm     `json:"terms"`
	// Verdicts are the checks against Gaps.Positions, in their order.
	Verdicts []Verdict `json:"verdicts"`
}

// Gaps sets what each party asked on a key beside what the latest draft of
// every plan offers.
type Gaps struct {
	Key       string     `json:"key"`
	Kind      string     `json:"kind,omitempty"`
	Positions []Position `json:"positions"`
	Drafts    []GapDraft `json:"drafts"`
}

// GapSource is one plan's latest draft, and its provision on the key (or
// the last earlier draft's that has one, with that draft).
type GapSource struct {
	Latest    PlanDraft
	From      *PlanDraft
	Provision *Provision
}

// NewGaps builds the gaps view of key.
func NewGaps(key string, positions []Position, sources []GapSource) Gaps {
	g := Gaps{Key: key, Positions: positions, Drafts: []GapDraft{}}
	if g.Positions == nil {
		g.Positions = []Position{}
	}
	for _, pos := range positions {
		g.Kind = pos.Kind
	}
	for _, src := range sources {
		gd := GapDraft{Draft: src.Latest, From: src.From, Terms: []GapTerm{}, Verdicts: []Verdict{}}
		if src.Provision != nil {
			ref := NewProvisionRef(*src.Provision)
			gd.Provision = &ref
			if g.Kind == "" {
				g.Kind = src.Provision.Kind
			}
			for _, line := range src.Provision.TermLines() {
				gd.Terms = append(gd.Terms, GapTerm{Name: line.Field.Name, Label: line.Field.Label, Value: line.Value})
			}
		}
		for _, pos := range positions {
			if src.Provision == nil {
				gd.Verdicts = append(gd.Verdicts, absentVerdict(pos, src.Latest))
			} else {
				gd.Verdicts = append(gd.Verdicts, pos.Check(*src.Provision))
			}
		}
		g.Drafts = append(g.Drafts, gd)
	}
	return g
}
