package report

import (
	"encoding/json"

	"plantracker/models"
)

// The provision summary of one draft: what the exports (Markdown, PDF) and
// GET /api/v1/drafts/{id}/summary show.

// Summary is one draft's provisions, grouped by category, ready to show.
type Summary struct {
	Plan        PlanRef  `json:"plan"`
	Draft       DraftRef `json:"draft"`
	Description string   `json:"description,omitempty"` // the draft's
	// Signatories are the parties with a signature space, in the draft's
	// order.
	Signatories []PartyRef `json:"signatories"`
	// Groups holds the provisions by category, in Categories order; a
	// category without provisions is left out.
	Groups []SummaryGroup `json:"groups"`
	Count  int            `json:"count"` // provisions in all groups
	// Sources lists, once each, what the summary cites: the draft's sources,
	// then each provision's citation and its parties' stance sources, in the
	// order shown. Exports number their footnotes by it.
	Sources []string `json:"sources"`
}

// PlanRef names a plan.
type PlanRef struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	Origin     string `json:"origin,omitempty"`
	OriginName string `json:"origin_name,omitempty"`
}

// PartyRef is a party by short name and full name (the short name again
// when the party is not known).
type PartyRef struct {
	ShortName string `json:"short_name"`
	Name      string `json:"name"`
}

// SummaryGroup is the provisions of one category.
type SummaryGroup struct {
	Category   string             `json:"category"`
	Label      string             `json:"label"`
	Provisions []SummaryProvision `json:"provisions"`
}

// SummaryProvision is one provision as a summary shows it.
type SummaryProvision struct {
	ID        int64           `json:"id"`
	Point     string          `json:"point,omitempty"`
	Key       string          `json:"key"`
	Title     string          `json:"title"`
	Kind      string          `json:"kind"`
	KindLabel string          `json:"kind_label"`
	Headline  string          `json:"headline"`
	Terms     []FormattedTerm `json:"terms"`
	// Values are the terms as stored (JSON), for exports that give each
	// term a typed column (TermColumn); the API sends Terms.
	Values  json.RawMessage `json:"-"`
	Text    string          `json:"text,omitempty"`
	Parties []SummaryParty  `json:"parties"`
	ProvisionStatus
	Citation string `json:"citation"`
	// Citations are the provision's citations, structured (source key,
	// sourcing level, locator, reference), which Citation joins as text.
	Citations []models.Citation `json:"citations"`
	// WordingMismatches flag terms the wording contradicts ("wording still
	// says 600,000"), checked on the provision alone; omitted when none.
	WordingMismatches []models.Mismatch `json:"wording_mismatches,omitempty"`
}

// SummaryParty is a party's part in a provision, with labels.
type SummaryParty struct {
	PartyRef
	Role        string `json:"role"`
	RoleLabel   string `json:"role_label"`
	Stance      string `json:"stance"`
	StanceLabel string `json:"stance_label"`
	// StanceDate and StanceSources say when the party took the stance and
	// who reported it: a stance is a fact like a provision's terms, and the
	// exports number its sources in the same reference list.
	StanceDate    string            `json:"stance_date,omitempty"`
	StanceSources []models.Citation `json:"stance_sources,omitempty"`
}

// Summarize summarises a draft of plan: its provisions grouped by category
// (in Categories order; unknown categories last), within a category by point
// number (unnumbered last), then key. parties name the short names the draft
// uses; a short name not among them is shown as is.
func Summarize(plan models.Plan, draft models.Draft, provisions []models.Provision, parties []models.Party) Summary {
	names := make(map[string]string, len(parties))
	for _, p := range parties {
		names[p.ShortName] = p.Name
	}
	ref := func(short string) PartyRef {
		if name, ok := names[short]; ok && name != "" {
			return PartyRef{ShortName: short, Name: name}
		}
		return PartyRef{ShortName: short, Name: short}
	}
	s := Summary{
		Plan:        PlanRef{ID: plan.ID, Title: plan.Title, Origin: plan.Origin},
		Draft:       NewDraftRef(draft),
		Description: draft.Description,
		Signatories: make([]PartyRef, len(draft.Signatories)),
		Groups:      []SummaryGroup{},
	}
	if plan.Origin != "" {
		s.Plan.OriginName = ref(plan.Origin).Name
	}
	for i, short := range draft.Signatories {
		s.Signatories[i] = ref(short)
	}

	ps := make([]SummaryProvision, len(provisions))
	infos := provInfos(provisions, &arena{})
	for i := range provisions {
		p, pi := &provisions[i], &infos[i]
		terms := pi.termLines()
		if terms == nil {
			terms = []FormattedTerm{}
		}
		sp := SummaryProvision{ID: p.ID, Point: p.Point, Key: p.Key, Title: p.Title, Kind: p.Kind,
			KindLabel: kindLabel(p.Kind), Headline: pi.headline(), Terms: terms, Values: p.Terms, Text: p.Text,
			Parties:         make([]SummaryParty, len(p.Parties)),
			ProvisionStatus: provisionStatusOf(p), Citation: p.CitationText(),
			Citations: models.CitationsOf(p.Sources)}
		sp.WordingMismatches = models.WordingMismatches(*p, nil, parties)
		for j, pp := range p.Parties {
			sp.Parties[j] = SummaryParty{PartyRef: ref(pp.Party), Role: pp.Role, RoleLabel: models.Roles.Label(pp.Role),
				Stance: pp.Stance, StanceLabel: models.Stances.Label(pp.Stance), StanceDate: pp.StanceDate, StanceSources: pp.StanceSources}
		}
		ps[i] = sp
	}
	order := positionOrder(len(provisions), func(i int) *models.Provision { return &provisions[i] })

	var src sourceList
	src.add(NewDraftRef(draft).Sources...)
	for _, i := range order {
		cat := provisions[i].Category
		if n := len(s.Groups); n == 0 || s.Groups[n-1].Category != cat {
			s.Groups = append(s.Groups, SummaryGroup{Category: cat, Label: models.Categories.Label(cat)})
		}
		g := &s.Groups[len(s.Groups)-1]
		g.Provisions = append(g.Provisions, ps[i])
		src.add(ps[i].Citation)
		for _, pp := range ps[i].Parties {
			if len(pp.StanceSources) > 0 {
				src.add(models.CitationText(pp.StanceSources))
			}
		}
		s.Count++
	}
	s.Sources = src.list()
	return s
}
