package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"plantracker/models"
	"plantracker/models/worddiff"
)

// The changes of a provision's parties and of its wording.

// partyChanges compares the parties of two provisions by party and role:
// a party added to or removed from a role, or its stance in a role changed.
// Reordering the list changes nothing. Changes come by party, then role.
// A party the later provision does not name at all, where its parties go
// unrecorded (recording.partiesUnrecorded), is not recorded rather than
// removed; so is a stance a partial draft leaves unknown. A party named
// there in another role is removed from its old role: that is a report.
func partyChanges(a, b []models.ProvisionParty, rec recording, out []FieldChange) []FieldChange {
	if slices.EqualFunc(a, b, models.ProvisionParty.Equal) {
		return out
	}
	find := func(list []models.ProvisionParty, party, role string) (models.ProvisionParty, bool) {
		for _, pp := range list {
			if pp.Party == party && pp.Role == role {
				return pp, true
			}
		}
		return models.ProvisionParty{}, false
	}
	type partyChange struct {
		party, role, before, after string // stances; "" where the party does not have the role
		notRecorded                bool
	}
	named := func(list []models.ProvisionParty, party string) bool {
		return slices.ContainsFunc(list, func(pp models.ProvisionParty) bool { return pp.Party == party })
	}
	unrecorded := rec.partiesUnrecorded(b)
	var pcs []partyChange
	for _, pa := range a {
		pb, ok := find(b, pa.Party, pa.Role)
		switch {
		case !ok && unrecorded && !named(b, pa.Party):
			pcs = append(pcs, partyChange{pa.Party, pa.Role, pa.Stance, "", true})
		case ok && pb.Stance != pa.Stance && rec.laterPartial && unknownStance(pb.Stance) && !unknownStance(pa.Stance):
			pcs = append(pcs, partyChange{pa.Party, pa.Role, pa.Stance, pb.Stance, true})
		case !ok || pb.Stance != pa.Stance:
			pcs = append(pcs, partyChange{pa.Party, pa.Role, pa.Stance, pb.Stance, false})
		}
	}
	for _, pb := range b {
		if _, ok := find(a, pb.Party, pb.Role); !ok {
			pcs = append(pcs, partyChange{pb.Party, pb.Role, "", pb.Stance, false})
		}
	}
	slices.SortStableFunc(pcs, func(x, y partyChange) int {
		if c := strings.Compare(x.party, y.party); c != 0 {
			return c
		}
		return models.Roles.Index(x.role) - models.Roles.Index(y.role)
	})
	for _, pc := range pcs {
		role := strings.ToLower(models.Roles.Label(pc.role))
		fc := FieldChange{Field: "parties." + pc.party + "." + pc.role, Label: pc.party, Type: "party_role",
			Before: NotStated, After: NotStated}
		if pc.before != "" {
			fc.Before = role + ", stance " + stanceLabel(pc.before)
		}
		if pc.after != "" {
			fc.After = role + ", stance " + stanceLabel(pc.after)
		}
		switch {
		case pc.notRecorded && pc.after == "":
			fc = notRecorded(fc.Field, pc.party, "party_role", fc.Before)
		case pc.notRecorded:
			fc = notRecorded(fc.Field, pc.party, "party_role", fc.Before)
			fc.Summary = pc.party + ": " + role + ", stance not recorded (last known: " + stanceLabel(pc.before) + ")"
		case pc.before == "":
			fc.Added, fc.Delta = []string{pc.party}, "+"+pc.party
			fc.Summary = pc.party + ": added as " + role + ", stance " + stanceLabel(pc.after)
		case pc.after == "":
			fc.Removed, fc.Delta = []string{pc.party}, "−"+pc.party
			fc.Summary = pc.party + ": removed as " + role
		default:
			fc.Summary = pc.party + ": " + role + ", stance " + stanceLabel(pc.before) + " → " + stanceLabel(pc.after)
		}
		out = append(out, fc)
	}
	return out
}

// unknownStance reports whether a stance says nothing: none, or "unknown".
func unknownStance(s string) bool { return s == "" || s == "unknown" }

func stanceLabel(s string) string { return strings.ToLower(models.Stances.Label(s)) }

// wordingSummary sums a word diff up on one line: the changed words
// themselves when they are few ("Wording: −"Russian control" +"IAEA
// supervision""), else how many words went and came.
func wordingSummary(runs []worddiff.Run) string {
	const maxRunes = 120
	b := make([]byte, 0, 64)
	b = append(b, "Wording:"...)
	for _, r := range runs {
		if r.Op == worddiff.Equal {
			continue
		}
		b = append(b, ' ')
		if r.Op == worddiff.Delete {
			b = append(b, "−\""...)
		} else {
			b = append(b, "+\""...)
		}
		b = appendCollapsed(b, r.Text)
		b = append(b, '"')
		if len(b) > maxRunes && utf8.RuneCount(b) > maxRunes {
			deleted, inserted := 0, 0
			for _, r := range runs {
				switch r.Op {
				case worddiff.Delete:
					deleted += worddiff.CountWords(r.Text)
				case worddiff.Insert:
					inserted += worddiff.CountWords(r.Text)
				}
			}
			return "Wording: " + plural(deleted, "word") + " deleted, " + strconv.Itoa(inserted) + " inserted"
		}
	}
	return string(b)
}

// appendCollapsed appends s with its whitespace runs made single spaces and
// trimmed, or "(whitespace)" when that leaves nothing.
func appendCollapsed(b []byte, s string) []byte {
	start, space := len(b), false
	for _, r := range s {
		if worddiff.IsSpace(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	if len(b) == start {
		b = append(b, "(whitespace)"...)
	}
	return b
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
