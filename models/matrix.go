package models

// The matrix: N drafts side by side, one row per provision key (the union
// of the drafts' keys), one column per draft, each cell the provision's
// headline in that draft, marked where it differs from the column before.

// Matrix is N drafts side by side.
type Matrix struct {
	Drafts []DraftRef   `json:"drafts"`
	Rows   []MatrixRow  `json:"rows"`
	Counts MatrixCounts `json:"counts"`
	// Sources lists, once each, the citations of what the matrix shows: the
	// drafts' sources in column order, then the provisions' citations row by
	// row, column by column.
	Sources []string `json:"sources"`
}

// MatrixCounts says how many rows there are and how many of them vary.
type MatrixCounts struct {
	Rows   int `json:"rows"`
	Varies int `json:"varies"` // rows with a change somewhere along the drafts
}

// MatrixRow is one provision key across the drafts. Its category, kind,
// point and title are those of the last draft that has the key, and rows
// are ordered by them as a comparison's are: category, point, key.
type MatrixRow struct {
	Key           string `json:"key"`
	Category      string `json:"category"`
	CategoryLabel string `json:"category_label"`
	Kind          string `json:"kind"`
	KindLabel     string `json:"kind_label"`
	Point         string `json:"point,omitempty"`
	Title         string `json:"title"`
	// Varies is true when some cell differs from the cell before it.
	Varies bool         `json:"varies"`
	Cells  []MatrixCell `json:"cells"` // one per draft, in the drafts' order
}

// MatrixCell is one provision key in one draft.
type MatrixCell struct {
	// Present is false where the draft does not have the key.
	Present bool `json:"present"`
	// Diff is what became of the key since the previous column: added,
	// removed, changed or unchanged. It is empty in the first column and
	// where neither column has the key.
	Diff DiffStatus `json:"diff,omitempty"`
	// Changed marks a cell that differs from the previous column: the key
	// was added or removed, or some field of it changed (not only the
	// headline: the wording or a party's stance count too).
	Changed bool `json:"changed"`
	// ChangedFields names what changed since the previous column, by label
	// ("Limit", "Wording", "Parties", "Status"), once each.
	ChangedFields []string `json:"changed_fields,omitempty"`

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

// NewMatrix lays drafts side by side in the order given. Should a draft
// hold a key twice, its first provision counts.
func NewMatrix(drafts []DraftProvisions) Matrix {
	m := Matrix{Drafts: make([]DraftRef, len(drafts))}
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

	// A row is placed by the last draft that has its key.
	last := func(r int) *Provision {
		for col := n - 1; col >= 0; col-- {
			if i := at[r*n+col]; i >= 0 {
				return infos[col][i].p
			}
		}
		return nil // not reached: every key is in some draft
	}
	var c comparer
	rows := make([]MatrixRow, len(order))
	cells := make([]MatrixCell, len(order)*n)
	for k, r := range positionOrder(len(order), last) {
		row := &rows[k]
		p := last(r)
		*row = MatrixRow{Key: p.Key, Category: p.Category, CategoryLabel: Categories.Label(p.Category),
			Kind: p.Kind, KindLabel: kindLabel(p.Kind), Point: p.Point, Title: p.Title,
			Cells: cells[k*n : (k+1)*n : (k+1)*n]}
		var prev *provInfo
		for col := range n {
			cell := &row.Cells[col]
			var cur *provInfo
			if i := at[r*n+col]; i >= 0 {
				cur = &infos[col][i]
				if prev != nil && sameTerms(prev.p, cur.p) {
					prev.shareTerms(cur)
				}
				fillCell(cell, cur)
			}
			if col > 0 {
				c.markCell(cell, prev, cur)
				row.Varies = row.Varies || cell.Changed
			}
			prev = cur
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
	cell.Status, cell.StatusLabel = p.Status, ProvisionStatuses.Label(p.Status)
	cell.Sourcing, cell.SourcingLabel = p.Sourcing, Sourcings.Label(p.Sourcing)
	cell.Citation = p.CitationText()
}

// markCell compares a cell with the one before it (either may be absent).
func (c *comparer) markCell(cell *MatrixCell, prev, cur *provInfo) {
	switch {
	case prev == nil && cur == nil:
	case prev == nil:
		cell.Diff, cell.Changed = StatusAdded, true
	case cur == nil:
		cell.Diff, cell.Changed = StatusRemoved, true
	default:
		changes := c.changes(prev, cur, false)
		if len(changes) == 0 {
			cell.Diff = StatusUnchanged
			return
		}
		cell.Diff, cell.Changed = StatusChanged, true
		for _, fc := range changes {
			label := fc.Label
			if fc.Type == "party_role" {
				label = "Parties"
			}
			if len(cell.ChangedFields) == 0 || cell.ChangedFields[len(cell.ChangedFields)-1] != label {
				cell.ChangedFields = append(cell.ChangedFields, label)
			}
		}
	}
}
