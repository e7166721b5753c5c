package export

import (
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// A comparison's field changes come from report in English: a label, two
// formatted values and a one-line summary. In another language they are
// made again from what each change records (its field, its type, its
// values' codes where the row has them), with the catalog's words. A
// summary of a shape not made again here (a long word diff's counts)
// keeps its English after the translated label.

// change is a field change as the language writes it.
type change struct{ Label, Before, After, Summary string }

// change is fc of row r in the language.
func (w words) change(r *report.ComparisonRow, fc report.FieldChange) change {
	if w.english() {
		return change{fc.Label, fc.Before, fc.After, fc.Summary}
	}
	c := change{Label: w.changeLabel(fc), Before: w.changeValue(r, fc, fc.Before, r.From),
		After: w.changeValue(r, fc, fc.After, r.To)}
	arrow := fc.Label + ": " + fc.Before + " → " + fc.After
	switch {
	case fc.NotRecorded:
		c.Summary = w.t("change.not_recorded", "Label", c.Label, "Before", c.Before)
	case fc.FormOnly:
		c.Summary = w.t("change.form_only", "Label", c.Label)
	case fc.Type == "wording" && fc.Summary == fc.Label+": changed":
		c.Summary = w.t("change.changed", "Label", c.Label)
	case fc.Type == "party_role" && len(fc.Added) > 0:
		c.Summary = c.Label + ": " + w.t("change.added_as", "Value", c.After)
	case fc.Type == "party_role" && len(fc.Removed) > 0:
		c.Summary = c.Label + ": " + w.t("change.removed_as", "Role", w.partyRole(fc))
	case fc.Type == "party_role":
		c.Summary = c.Label + ": " + w.t("change.role_stance", "Role", w.partyRole(fc),
			"Stance", w.stanceOf(fc, r.From)+" → "+w.stanceOf(fc, r.To))
	case fc.Summary == arrow || fc.Summary == arrow+" ("+fc.Delta+")":
		c.Summary = c.Label + ": " + c.Before + " → " + c.After
		if fc.Delta != "" {
			c.Summary += " (" + w.l.NumberText(fc.Delta, "") + ")"
		}
	case fc.Delta != "" && fc.Summary == fc.Label+": "+fc.Delta:
		c.Summary = c.Label + ": " + fc.Delta
	default: // the label translated, the rest as report wrote it
		c.Summary = c.Label + strings.TrimPrefix(fc.Summary, fc.Label)
	}
	return c
}

// changeLabel names a change: a term by its label, a party by its short
// name, the rest by the catalog's change.<field>.
func (w words) changeLabel(fc report.FieldChange) string {
	if name, ok := strings.CutPrefix(fc.Field, "terms."); ok {
		return w.term(models.Field{Name: name, Label: fc.Label})
	}
	if strings.HasPrefix(fc.Field, "parties.") {
		return fc.Label
	}
	return w.l.Or("change."+fc.Field, fc.Label)
}

// changeValue is one side of a change: a closed vocabulary's by its code
// (the row's side b has it), a party's part as its role and stance, a
// term's as the language writes numbers and yes or no; "—" and free text
// as they are.
func (w words) changeValue(r *report.ComparisonRow, fc report.FieldChange, v string, b *report.ProvisionBrief) string {
	switch {
	case v == report.NotStated:
		return v
	case v == report.NotRecordedValue:
		return w.l.T("compare.not_recorded")
	case b == nil:
		return v
	case fc.Type == "party_role":
		return w.partyPart(fc, b)
	case strings.HasPrefix(fc.Field, "terms."):
		return w.value(v)
	}
	switch fc.Field {
	case "status":
		return w.vocab("status", models.ProvisionStatuses, b.Status)
	case "sourcing":
		return w.vocab("sourcing", models.Sourcings, b.Sourcing)
	case "category":
		return w.vocab("category", models.Categories, r.Category)
	case "kind":
		return w.kind(b.Kind)
	}
	return v
}

// partyRole is the role of a party_role change ("parties.UA.obligor"),
// lower case, in the language.
func (w words) partyRole(fc report.FieldChange) string {
	role := fc.Field[strings.LastIndexByte(fc.Field, '.')+1:]
	return strings.ToLower(w.vocab("role", models.Roles, role))
}

// partyPart is a party's part on side b, "obligor, stance opposes", from
// the stance b records for the party in that role.
func (w words) partyPart(fc report.FieldChange, b *report.ProvisionBrief) string {
	return w.t("change.role_stance", "Role", w.partyRole(fc), "Stance", w.stanceOf(fc, b))
}

// stanceOf is the stance, lower case, that side b records for the party
// in the role of a party_role change; unknown when it records none.
func (w words) stanceOf(fc report.FieldChange, b *report.ProvisionBrief) string {
	stance := "unknown"
	role := fc.Field[strings.LastIndexByte(fc.Field, '.')+1:]
	for _, pp := range b.Parties {
		if b != nil && pp.Party == fc.Label && pp.Role == role && pp.Stance != "" {
			stance = pp.Stance
		}
	}
	return strings.ToLower(w.vocab("stance", models.Stances, stance))
}

// note is a comparison row's note (report's, in English: "withdrawn in
// v2", "carried over from v1, not reported in v2", "not reported in v1
// (partial): it may not be new") in the language.
func (w words) note(note string) string {
	if w.english() {
		return note
	}
	if to, ok := strings.CutPrefix(note, "withdrawn in "); ok {
		return w.t("note.withdrawn", "To", to)
	}
	if rest, ok := strings.CutPrefix(note, "carried over from "); ok {
		if from, to, ok := strings.Cut(rest, ", not reported in "); ok {
			return w.t("note.carried", "From", from, "To", to)
		}
	}
	if rest, ok := strings.CutPrefix(note, "not reported in "); ok {
		if from, ok := strings.CutSuffix(rest, " (partial): it may not be new"); ok {
			return w.t("note.perhaps_not_new", "From", from)
		}
	}
	return note
}
