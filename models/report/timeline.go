package report

import (
	"bytes"
	"strings"

	"plantracker/models"
)

// A provision's timeline: one key ("troop-cap") across every draft of every
// plan that mentions it, in the order of OrderDrafts, with its value in
// each. A draft that lacks the key is a gap, not a change: a partial draft
// did not report it; a complete draft removed it (or never had it, when
// the key had not appeared yet in its lineage). Pure code: the store loads
// the drafts and the key's provisions.

// TimelineState is what one draft says of the key.
type TimelineState string

const (
	// TimelineStated: the draft has the provision.
	TimelineStated TimelineState = "stated"
	// TimelineWithdrawn: the draft has it, with status withdrawn.
	TimelineWithdrawn TimelineState = "withdrawn"
	// TimelineNotReported: a partial draft that does not mention the key:
	// its reporting is silent, the value may well stand.
	TimelineNotReported TimelineState = "not_reported"
	// TimelineRemoved: a complete draft without the key, after it had
	// appeared in the draft's lineage.
	TimelineRemoved TimelineState = "removed"
	// TimelineAbsent: a complete draft without the key, before it appeared.
	TimelineAbsent TimelineState = "absent"
)

// Label is how a state reads in a list.
func (s TimelineState) Label() string {
	switch s {
	case TimelineStated:
		return "Stated"
	case TimelineWithdrawn:
		return "Withdrawn"
	case TimelineNotReported:
		return "Not reported"
	case TimelineRemoved:
		return "Removed"
	case TimelineAbsent:
		return "Not in this draft"
	}
	return string(s)
}

// Timeline is one provision key across drafts.
type Timeline struct {
	Key string `json:"key"`
	// Title and Kind are the latest stated provision's.
	Title     string           `json:"title"`
	Kind      string           `json:"kind"`
	KindLabel string           `json:"kind_label"`
	Plans     []PlanRef        `json:"plans"`   // the plans that mention the key, in order of first mention
	Entries   []TimelineEntry  `json:"entries"` // one per draft of those plans, in order
	Series    []TimelineSeries `json:"series"`  // the kind's numeric headline terms, for charts
}

// TimelineDraft is a draft as a timeline names it.
type TimelineDraft struct {
	ID         int64  `json:"id"`
	PlanID     int64  `json:"plan_id"`
	PlanTitle  string `json:"plan_title"`
	Number     int    `json:"number"`
	Label      string `json:"label"`
	Name       string `json:"name"` // "v2 Geneva revision"
	Date       string `json:"date,omitempty"`
	Status     string `json:"status"`
	Coverage   string `json:"coverage"`
	ForkedFrom *int64 `json:"forked_from,omitempty"`
	// Scenario: the draft is a scenario, not a proposal (isScenario); its
	// values are left off the series.
	Scenario bool `json:"scenario,omitempty"`
}

// TimelineEntry is one draft's word on the key.
type TimelineEntry struct {
	Draft TimelineDraft `json:"draft"`
	State TimelineState `json:"state"`
	// StateLabel reads "Not reported", "Removed", …
	StateLabel string `json:"state_label"`
	// Provision is the draft's provision of the key, when it has one.
	Provision *TimelineProvision `json:"provision,omitempty"`
	// LastKnown is where the key was last stated along the draft's lineage
	// (its forked-from draft, else the previous draft of its plan): the
	// value a gap carries over, or what a stated value changed from.
	LastKnown *TimelineLastKnown `json:"last_known,omitempty"`
	// Changed: stated, and its terms differ from the last known ones.
	Changed bool `json:"changed"`
}

// TimelineProvision is the provision of one draft, ready to show.
type TimelineProvision struct {
	ID       int64          `json:"id"`
	Point    string         `json:"point,omitempty"`
	Title    string         `json:"title"`
	Kind     string         `json:"kind"`
	Headline string         `json:"headline"`
	Terms    []TimelineTerm `json:"terms"`
	Text     string         `json:"text"`
	ProvisionStatus
	// WordingMismatches flag terms the wording contradicts, checked also
	// against the last known provision.
	WordingMismatches []models.Mismatch `json:"wording_mismatches"`
}

// TimelineTerm is one stated term.
type TimelineTerm struct {
	Field string `json:"field"`
	Label string `json:"label"`
	Value string `json:"value"`
}

// TimelineLastKnown points at the draft where the key was last stated.
type TimelineLastKnown struct {
	DraftID   int64  `json:"draft_id"`
	DraftName string `json:"draft_name"`
	Headline  string `json:"headline"`
}

// TimelineSeries is one numeric term's values over time, one line per plan.
type TimelineSeries struct {
	Field string         `json:"field"`
	Label string         `json:"label"`
	Unit  string         `json:"unit,omitempty"`
	Plans []TimelineLine `json:"plans"`
}

// TimelineLine is one plan's values of a term, in order.
type TimelineLine struct {
	PlanID    int64           `json:"plan_id"`
	PlanTitle string          `json:"plan_title"`
	Points    []TimelinePoint `json:"points"`
}

// TimelinePoint is one dated draft's value. Value is nil where the draft
// states no number: a gap (not reported), the end of the line (removed,
// withdrawn) or a provision that leaves the term unstated. A chart draws a
// value only where a draft states a number.
type TimelinePoint struct {
	DraftID   int64         `json:"draft_id"`
	DraftName string        `json:"draft_name"`
	Date      string        `json:"date"`
	State     TimelineState `json:"state"`
	Value     *float64      `json:"value"`
	// Words are what a draft that states the provision without a number
	// says instead ("as soon as possible"): a chart draws a labelled
	// marker there, never a line into it.
	Words string `json:"words,omitempty"`
	// JoinsFrom is the draft whose point the line comes from: the point's
	// predecessor in lineage within the plan (forked from, else the draft
	// numbered before it), when the line runs on into this point (a
	// number, a gap carrying one, or its end at a removal). Nil: no
	// segment leads into this point.
	JoinsFrom *int64 `json:"joins_from,omitempty"`
	// Carried is the value a not reported point carries over along the
	// lineage (drawn dashed: not known, not changed).
	Carried *float64 `json:"carried,omitempty"`
}

// NewTimeline builds the timeline of key from the plans, all the drafts of
// the plans that mention it, and the key's provisions in those drafts.
// parties name the parties for the wording check. Drafts of other plans are
// ignored; provisions of other keys or drafts too.
func NewTimeline(key string, plans []models.Plan, drafts []models.Draft, provisions []models.Provision, parties []models.Party) Timeline {
	tl := Timeline{Key: key, Plans: []PlanRef{}, Entries: []TimelineEntry{}, Series: []TimelineSeries{}}
	byDraft := map[int64]*models.Provision{}
	mentioned := map[int64]bool{} // plans
	draftPlan := map[int64]int64{}
	for _, d := range drafts {
		draftPlan[d.ID] = d.PlanID
	}
	for i := range provisions {
		p := &provisions[i]
		if p.Key != key {
			continue
		}
		if planID, ok := draftPlan[p.DraftID]; ok {
			if _, dup := byDraft[p.DraftID]; !dup {
				byDraft[p.DraftID] = p
			}
			mentioned[planID] = true
		}
	}
	titles := map[int64]string{}
	for _, pl := range plans {
		titles[pl.ID] = pl.Title
	}
	var ds []models.Draft
	for _, d := range drafts {
		if mentioned[d.PlanID] {
			ds = append(ds, d)
		}
	}
	OrderDrafts(ds, titles)

	pred := predecessors(ds)
	names := make(map[int64]string, len(ds))
	lastStated := map[int64]*models.Provision{} // by draft: the provision last stated up to and including it
	planSeen := map[int64]bool{}
	var latest *models.Provision
	for _, d := range ds {
		if !planSeen[d.PlanID] {
			planSeen[d.PlanID] = true
			tl.Plans = append(tl.Plans, PlanRef{ID: d.PlanID, Title: titles[d.PlanID]})
		}
		e := TimelineEntry{Draft: timelineDraft(d, titles)}
		// The lineage's last statement: walk the predecessors (they come
		// earlier in the order, so their entries are built).
		var last *models.Provision
		var lastDraft int64
		if pid, ok := pred[d.ID]; ok {
			last, lastDraft = lastStated[pid], stateDraft(lastStated[pid])
		}
		if last != nil {
			e.LastKnown = &TimelineLastKnown{DraftID: lastDraft, DraftName: names[lastDraft], Headline: last.Headline()}
		}
		p := byDraft[d.ID]
		switch {
		case p != nil:
			e.State = TimelineStated
			if p.Status == "withdrawn" {
				e.State = TimelineWithdrawn
			}
			e.Provision = timelineProvision(p, last, parties)
			e.Changed = e.State == TimelineStated && last != nil &&
				(last.Kind != p.Kind || !bytes.Equal(last.Terms, p.Terms))
			lastStated[d.ID] = p
			if e.State == TimelineStated {
				latest = p
			}
		case d.Partial():
			e.State = TimelineNotReported
			lastStated[d.ID] = last
		case last != nil:
			e.State = TimelineRemoved
		default:
			e.State = TimelineAbsent
		}
		e.StateLabel = e.State.Label()
		tl.Entries = append(tl.Entries, e)
		names[d.ID] = d.Name()
	}
	if latest == nil { // every mention withdrawn: name it by any
		for _, d := range ds {
			if p := byDraft[d.ID]; p != nil {
				latest = p
			}
		}
	}
	if latest != nil {
		tl.Title, tl.Kind, tl.KindLabel = latest.Title, latest.Kind, latest.Kind
		if k, ok := models.KindByName(latest.Kind); ok {
			tl.KindLabel = k.Label
		}
		tl.Series = timelineSeries(latest.Kind, tl.Plans, tl.Entries, byDraft, pred)
	}
	return tl
}

// stateDraft is the draft a remembered provision belongs to.
func stateDraft(p *models.Provision) int64 {
	if p == nil {
		return 0
	}
	return p.DraftID
}

// predecessors maps each draft to the draft before it in its lineage: the
// draft it was forked from when that is among drafts, else the previous
// draft of its plan (drafts are in timeline order).
func predecessors(drafts []models.Draft) map[int64]int64 {
	in := make(map[int64]bool, len(drafts))
	for _, d := range drafts {
		in[d.ID] = true
	}
	out := make(map[int64]int64, len(drafts))
	prevOfPlan := map[int64]models.Draft{}
	for _, d := range drafts {
		switch prev, ok := prevOfPlan[d.PlanID]; {
		case d.ForkedFromID != nil && in[*d.ForkedFromID]:
			out[d.ID] = *d.ForkedFromID
		case ok:
			out[d.ID] = prev.ID
		}
		if prev, ok := prevOfPlan[d.PlanID]; !ok || d.Number > prev.Number {
			prevOfPlan[d.PlanID] = d
		}
	}
	return out
}

func timelineDraft(d models.Draft, titles map[int64]string) TimelineDraft {
	return TimelineDraft{ID: d.ID, PlanID: d.PlanID, PlanTitle: titles[d.PlanID], Number: d.Number, Label: d.Label,
		Name: d.Name(), Date: d.Date, Status: d.Status, Coverage: d.Coverage, ForkedFrom: d.ForkedFromID,
		Scenario: isScenario(d)}
}

func timelineProvision(p, last *models.Provision, parties []models.Party) *TimelineProvision {
	tp := &TimelineProvision{ID: p.ID, Point: p.Point, Title: p.Title, Kind: p.Kind, Headline: p.Headline(),
		Terms: []TimelineTerm{}, Text: p.Text, ProvisionStatus: provisionStatusOf(p),
		WordingMismatches: models.WordingMismatches(*p, last, parties)}
	if tp.WordingMismatches == nil {
		tp.WordingMismatches = []models.Mismatch{}
	}
	for _, line := range p.TermLines() {
		tp.Terms = append(tp.Terms, TimelineTerm{Field: line.Field.Name, Label: line.Field.Label, Value: line.Value})
	}
	return tp
}

// timelineSeries gives every numeric headline term of the kind that some
// draft states its values, one line per plan, dated drafts only, each
// point joined to its predecessor in lineage (pred) within the plan.
// Drafts that are scenarios, not proposals, are left out (chartedDraft).
func timelineSeries(kind string, plans []PlanRef, entries []TimelineEntry, byDraft map[int64]*models.Provision, pred map[int64]int64) []TimelineSeries {
	out := []TimelineSeries{}
	k, ok := models.KindByName(kind)
	if !ok {
		return out
	}
	for _, f := range k.Fields {
		if !f.Headline || (f.Type != models.FieldInteger && f.Type != models.FieldNumber) {
			continue
		}
		s := TimelineSeries{Field: f.Name, Label: f.Label, Unit: f.Unit}
		stated := false
		for _, pl := range plans {
			line := TimelineLine{PlanID: pl.ID, PlanTitle: pl.Title, Points: []TimelinePoint{}}
			at := map[int64]int{} // draft → its point in the line
			for _, e := range entries {
				if e.Draft.PlanID != pl.ID || e.Draft.Date == "" || e.Draft.Scenario {
					continue
				}
				pt := TimelinePoint{DraftID: e.Draft.ID, DraftName: e.Draft.Name, Date: e.Draft.Date, State: e.State}
				p := byDraft[e.Draft.ID]
				if p != nil && e.State == TimelineStated && p.Kind == kind {
					terms := models.TermValues(p.Terms)
					if v, ok := models.TermNumber(terms[f.Name]); ok {
						pt.Value = &v
						stated = true
					} else {
						pt.Words = statedWords(k, f.Name, p)
					}
				}
				// The line runs on from the predecessor in lineage, within
				// the plan, that has a point in it.
				var from *TimelinePoint
				for id, n := e.Draft.ID, 0; n < len(entries); n++ {
					prev, ok := pred[id]
					if !ok {
						break
					}
					if i, ok := at[prev]; ok {
						from = &line.Points[i]
						break
					}
					id = prev
				}
				if level := pointLevel(from); level != nil {
					fromID := from.DraftID
					switch {
					case pt.Value != nil:
						pt.JoinsFrom = &fromID
					case pt.State == TimelineNotReported:
						pt.JoinsFrom, pt.Carried = &fromID, level
					case pt.State == TimelineRemoved || pt.State == TimelineWithdrawn:
						pt.JoinsFrom = &fromID // the line ends here
					}
				}
				at[e.Draft.ID] = len(line.Points)
				line.Points = append(line.Points, pt)
			}
			s.Plans = append(s.Plans, line)
		}
		if stated {
			out = append(out, s)
		}
	}
	return out
}

// pointLevel is the value a line is at after p: its number, or the one it
// carries over a gap; nil where the line does not go on.
func pointLevel(p *TimelinePoint) *float64 {
	switch {
	case p == nil:
		return nil
	case p.Value != nil:
		return p.Value
	}
	return p.Carried
}

// statedWords are what a provision says of a term it gives no number for:
// its other headline terms ("as soon as possible"), else its headline.
func statedWords(k *models.Kind, field string, p *models.Provision) string {
	var words []string
	for _, line := range p.TermLines() {
		if line.Field.Headline && line.Field.Name != field {
			words = append(words, line.Value)
		}
	}
	if len(words) > 0 {
		return strings.Join(words, ", ")
	}
	if h := p.Headline(); h != "" {
		return h
	}
	return "stated, no number"
}

// isScenario reports whether a draft is a scenario (standing "scenario"),
// not a proposal: its values are left off charts of what was proposed.
func isScenario(d models.Draft) bool { return d.Scenario() }
