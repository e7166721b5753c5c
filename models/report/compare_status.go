package report

import "plantracker/models"

// What became of a key from one draft to a later one, decided once for
// comparisons and matrices alike, and how the statuses read.
//
// The rules, with a the key's provision in the earlier draft (for a matrix:
// its last known one) and b in the later, nil where absent:
//
//   - b is withdrawn and a was not: removed (withdrawn);
//   - no a: added;
//   - no b, the later draft partial: not reported (a is carried over);
//   - no b, the later draft complete: removed;
//   - both: changed when they differ in substance, else unchanged (with
//     any sourcing-only changes listed apart).

// DiffStatuses are the statuses with their labels, in the order counts
// list them.
var DiffStatuses = models.Vocabulary{
	{Value: string(StatusAdded), Label: "Added"},
	{Value: string(StatusRemoved), Label: "Removed"},
	{Value: string(StatusChanged), Label: "Changed"},
	{Value: string(StatusNotReported), Label: "Not reported"},
	{Value: string(StatusUnchanged), Label: "Unchanged"},
}

// Label is the status in words: "Not reported".
func (s DiffStatus) Label() string { return DiffStatuses.Label(string(s)) }

// Symbol is the mark every surface shows beside a status's colour, so that
// it reads in black and white and as plain text too.
func (s DiffStatus) Symbol() string {
	switch s {
	case StatusAdded:
		return "+"
	case StatusRemoved:
		return "−"
	case StatusChanged:
		return "~"
	case StatusNotReported:
		return "…"
	case StatusUnchanged:
		return "="
	}
	return ""
}

// provisionWithdrawn is the provision status that removes a key.
const provisionWithdrawn = "withdrawn"

// presenceStatus decides a key's status from where it is present: added,
// removed or not reported; "" when both drafts have it and their fields
// decide (changed or unchanged). withdrawnNow reports a removal by
// withdrawal.
func presenceStatus(a, b *models.Provision, laterPartial bool) (status DiffStatus, withdrawnNow bool) {
	switch {
	case b != nil && b.Status == provisionWithdrawn && (a == nil || a.Status != provisionWithdrawn):
		return StatusRemoved, true
	case a == nil:
		return StatusAdded, false
	case b == nil && laterPartial:
		return StatusNotReported, false
	case b == nil:
		return StatusRemoved, false
	}
	return "", false
}

// IsSubstanceField reports whether a change of the field (a FieldChange's
// Field) changes what the provision provides: its kind, terms, parties and
// stances, wording or status. The other fields say where it comes from
// (citation or sources, sourcing level) or how it is numbered and labelled
// (point, title, category): a change of those alone leaves the row
// unchanged in substance, its changes listed apart as sourcing changes.
// The title is a label on purpose: it sums up the wording, whose change is
// substance, and the seed's reporting retitles almost every point.
func IsSubstanceField(field string) bool {
	switch field {
	case "sourcing", "citation", "sources", "point", "title", "category":
		return false
	}
	return true
}

// splitSourcing splits a provision's changes into substance and sourcing
// (with labels), each in the order given. Where all are of one kind (most
// rows), all is returned as that kind, not copied.
func splitSourcing(all []FieldChange) (substance, sourcing []FieldChange) {
	n := 0
	for i := range all {
		if IsSubstanceField(all[i].Field) {
			n++
		}
	}
	switch n {
	case len(all):
		return all, nil
	case 0:
		return nil, all
	}
	substance, sourcing = make([]FieldChange, 0, n), make([]FieldChange, 0, len(all)-n)
	for _, fc := range all {
		if IsSubstanceField(fc.Field) {
			substance = append(substance, fc)
		} else {
			sourcing = append(sourcing, fc)
		}
	}
	return substance, sourcing
}

// The notes a row or cell carries, naming the drafts.

func carriedNote(from, to string) string {
	return "carried over from " + from + ", not reported in " + to
}

func withdrawnNote(to string) string { return "withdrawn in " + to }

// perhapsNotNewNote goes with a key added after a partial draft: that draft
// may have had it without its reporting saying so.
func perhapsNotNewNote(from string) string {
	return "not reported in " + from + " (partial): it may not be new"
}
