package report

import (
	"slices"

	"plantracker/models"
)

// The matrix: N drafts side by side, one row per provision key (the union
// of the drafts' keys), one column per draft, each cell the provision's
// headline in that draft, marked where it differs from the key's last known
// value. Each column is compared with the nearest column before it that it
// descends from (a Geneva revision with the 28-point draft it was forked
// from, not with a European counter-proposal that happens to sit between
// them), else with the column before. Past a partial draft that does not
// mention a key, its last known value stays the one before: such a cell is
// not reported, shows that value muted, and is neither removed nor a
// change; the key's return in a later draft is compared with it, so a
// partial draft in between never reads as removed and then added again.
// The store lays the columns in reading order (InReadingOrder).

// Matrix is N drafts side by side.
type Matrix struct {
	Drafts []DraftRef `json:"drafts"`
	// ComparedWith says, for each column, which column its cells are
	// compared with: its nearest ancestor among the columns before it, else
	// the column before; -1 for the first.
	ComparedWith []int        `json:"compared_with"`
	Rows         []MatrixRow  `json:"rows"`
	Counts       MatrixCounts `json:"counts"`
	// Sources lists, once each, the citations of what the matrix shows: the
	// drafts' sources in column order, then the provisions' citations row by
	// row, column by column.
	Sources []string `json:"sources"`
}

// MatrixCounts says how many rows there are and how many of them vary.
type MatrixCounts struct {
	Rows   int `json:"rows"`
	Varies int `json:"varies"` // rows with a change somewhere along the drafts
	// NotReported counts the cells whose partial draft does not mention a
	// key an earlier column had.
	NotReported int `json:"not_reported"`
}

// MatrixRow is one provision key across the drafts. Its category, kind,
// point and title are those of the last draft that has the key, and rows
// are ordered by them as a comparison's are: category, point (where that
// draft gives none, the last one that does), key.
type MatrixRow struct {
	Key string `json:"key"`
	KeyLabels
	// Varies is true when some cell differs from the cell before it.
	Varies bool         `json:"varies"`
	Cells  []MatrixCell `json:"cells"` // one per draft, in the drafts' order
}

// MatrixCell is one provision key in one draft.
type MatrixCell struct {
	// Present is false where the draft does not have the key.
	Present bool `json:"present"`
	// Diff is what became of the key since its last known value: added,
	// removed, not_reported, changed or unchanged. It is empty in the first
	// column and where the key is neither here nor known before.
	Diff DiffStatus `json:"diff,omitempty"`
	// Changed marks a cell that differs in substance from the key's last
	// known value: the key was added or removed, or some field of it
	// changed (not only the headline: the wording or a party's stance count
	// too). A not reported cell, or one whose sourcing alone changed, is
	// not changed.
	Changed bool `json:"changed"`
	// ChangedFields names what changed in substance, by label ("Limit",
	// "Wording", "Parties", "Status"), once each; SourcingFields what
	// changed in sourcing only ("Sources", "Point").
	ChangedFields  []string `json:"changed_fields,omitempty"`
	SourcingFields []string `json:"sourcing_fields,omitempty"`
	// NotRecordedFields names what this draft does not record of the key's
	// last known value ("Parties", "Limit"): not removed, and not a change.
	NotRecordedFields []string `json:"not_recorded_fields,omitempty"`
	// Withdrawn: the cell is removed because this draft withdraws the key.
	Withdrawn bool `json:"withdrawn,omitempty"`
	// CarriedFrom names the draft whose value a not reported cell shows
	// ("v1 28-point draft"); the provision fields below are then that
	// draft's. Note says it in words, as a comparison row's does.
	CarriedFrom string `json:"carried_from,omitempty"`
	Note        string `json:"note,omitempty"`

	ProvisionID   int64  `json:"provision_id,omitempty"`
	Point         string `json:"point,omitempty"`
	Title         string `json:"title,omitempty"`
	Kind          string `json:"kind,omitempty"`
	KindLabel     string `json:"kind_label,omitempty"`
	Headline      string `json:"headline,omitempty"`
	Status        string `json:"status,omitempty"` // the provision's status in this draft
	StatusLabel   string `json:"status_label,omitempty"`
	Sourcing      string `json:"sourcing,omitempty"`
	SourcingLabel string `json:"sourcing_label,omitempty"`
	Citation      string `json:"citation,omitempty"`
}

// NewMatrix lays drafts side by side in the order given, each column
// compared with its nearest ancestor before it in lineage (nil: none, each
// column is compared with the one before). Should a draft hold a key
// twice, its first provision counts.
func NewMatrix(drafts []DraftProvisions, lineage Lineage) Matrix {
	m := Matrix{Drafts: make([]DraftRef, len(drafts)), ComparedWith: make([]int, len(drafts))}
	infos := make([][]provInfo, len(drafts))
	var ar arena
	// keys maps each key to its row; at[row*n+col] is the provision of that
	// key in that column, or -1.
	n := len(drafts)
	keys := map[string]int{}
	var at []int
	var order []string
	for col, d := range drafts {
		m.Drafts[col] = NewDraftRef(d.Draft)
		infos[col] = provInfos(d.Provisions, &ar)
		for i := range infos[col] {
			key := infos[col][i].p.Key
			row, ok := keys[key]
			if !ok {
				row = len(order)
				keys[key] = row
				order = append(order, key)
				for range n {
					at = append(at, -1)
				}
			}
			if at[row*n+col] == -1 {
				at[row*n+col] = i
			}
		}
	}

	// A row is described by the last draft that has its key, and placed by
	// it too, but with the point number of the last draft that gives one:
	// partial drafts' reporting often names no numbers.
	last := func(r int) *models.Provision {
		for col := n - 1; col >= 0; col-- {
			if i := at[r*n+col]; i >= 0 {
				return infos[col][i].p
			}
		}
		return nil // not reached: every key is in some draft
	}
	place := func(r int) *models.Provision {
		p := last(r)
		if p.Point != "" {
			return p
		}
		for col := n - 1; col >= 0; col-- {
			if i := at[r*n+col]; i >= 0 && infos[col][i].p.Point != "" {
				placed := *p
				placed.Point = infos[col][i].p.Point
				return &placed
			}
		}
		return p
	}
	for col := range n {
		m.ComparedWith[col] = col - 1
		for b := col - 1; b >= 0; b-- {
			if lineage.Descends(drafts[col].Draft.ID, drafts[b].Draft.ID) {
				m.ComparedWith[col] = b
				break
			}
		}
	}
	var c comparer
	rows := make([]MatrixRow, len(order))
	cells := make([]MatrixCell, len(order)*n)
	// known[col] is what a row knows of its key after column col: its last
	// known provision and that provision's column (past a partial draft
	// that does not mention it, it stays known), and whether a complete
	// draft lacked it since, so that its return is new rather than perhaps
	// only unreported before.
	type keyState struct {
		last    *provInfo
		lastCol int
		absent  bool
	}
	known := make([]keyState, n)
	for k, r := range positionOrder(len(order), place) {
		row := &rows[k]
		p := last(r)
		*row = MatrixRow{Key: p.Key, KeyLabels: keyLabelsOf(p), Cells: cells[k*n : (k+1)*n : (k+1)*n]}
		for col := range n {
			cell := &row.Cells[col]
			st := keyState{lastCol: -1}
			base := m.ComparedWith[col]
			if base >= 0 {
				st = known[base]
			}
			var cur *provInfo
			if i := at[r*n+col]; i >= 0 {
				cur = &infos[col][i]
				if st.last != nil && sameTerms(st.last.p, cur.p) {
					st.last.shareTerms(cur)
				}
				fillCell(cell, cur)
			}
			partial := drafts[col].Draft.Partial()
			if base >= 0 && (cur != nil || st.last != nil) {
				c.markCell(cell, st.last, cur, partial)
				switch {
				case cell.Diff == StatusNotReported:
					fillCell(cell, st.last)
					cell.Present, cell.CarriedFrom = false, m.Drafts[st.lastCol].Name
					cell.Note = carriedNote(cell.CarriedFrom, m.Drafts[col].Name)
					m.Counts.NotReported++
				case cell.Withdrawn:
					cell.Note = withdrawnNote(m.Drafts[col].Name)
				case cell.Diff == StatusAdded && !st.absent:
					cell.Note = perhapsNotNewNote(m.Drafts[base].Name)
				}
				row.Varies = row.Varies || cell.Changed
			}
			switch {
			case cur != nil:
				st = keyState{cur, col, false}
			case !partial:
				st = keyState{nil, -1, true}
			}
			known[col] = st
		}
	}
	m.Rows = rows

	var src sourceList
	for _, d := range m.Drafts {
		src.add(d.Sources...)
	}
	for r := range rows {
		for _, cell := range rows[r].Cells {
			src.add(cell.Citation)
		}
		if rows[r].Varies {
			m.Counts.Varies++
		}
	}
	m.Counts.Rows = len(rows)
	m.Sources = src.list()
	return m
}

func fillCell(cell *MatrixCell, pi *provInfo) {
	p := pi.p
	cell.Present = true
	cell.ProvisionID, cell.Point, cell.Title, cell.Kind, cell.KindLabel = p.ID, p.Point, p.Title, p.Kind, pi.kindLabel()
	cell.Headline = pi.headline()
	cell.Status, cell.StatusLabel = p.Status, models.ProvisionStatuses.Label(p.Status)
	cell.Sourcing, cell.SourcingLabel = p.Sourcing, models.Sourcings.Label(p.Sourcing)
	cell.Citation = p.CitationText()
}

// markCell compares a cell with the key's last known provision (either
// may be absent, not both).
func (c *comparer) markCell(cell *MatrixCell, last, cur *provInfo, partial bool) {
	var pl, pc *models.Provision
	if last != nil {
		pl = last.p
	}
	if cur != nil {
		pc = cur.p
	}
	status, withdrawnNow := presenceStatus(pl, pc, partial)
	cell.Diff, cell.Withdrawn = status, withdrawnNow
	switch status {
	case StatusAdded, StatusRemoved:
		cell.Changed = true
		return
	case StatusNotReported:
		return
	}
	c.rec = recording{drafts: true, laterPartial: partial}
	substance, sourcing := splitSourcing(c.changes(last, cur, false))
	var counted, unrecorded []FieldChange
	for _, fc := range substance {
		switch {
		case fc.NotRecorded:
			unrecorded = append(unrecorded, fc)
		case fc.Counted():
			counted = append(counted, fc)
		}
	}
	cell.ChangedFields, cell.SourcingFields = changedLabels(counted), changedLabels(sourcing)
	cell.NotRecordedFields = changedLabels(unrecorded)
	cell.Diff, cell.Changed = StatusUnchanged, len(counted) > 0
	if cell.Changed {
		cell.Diff = StatusChanged
	}
}

// changedLabels names changed fields by label, once each; a party's role
// changes are all "Parties".
func changedLabels(changes []FieldChange) []string {
	var out []string
	for _, fc := range changes {
		label := fc.Label
		if fc.Type == "party_role" {
			label = "Parties"
		}
		if !slices.Contains(out, label) {
			out = append(out, label)
		}
	}
	return out
}
