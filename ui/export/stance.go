package export

import (
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// A party's stance is a fact like a provision's terms: someone reported it,
// on some day. Every format prints it with its date and numbers its
// sources in the document's reference list, as it does a provision's.

// stanceWords is a party's part in a provision as the exports print it:
// "obligor, opposes as of 2025-11-24" (the date when the stance has one).
func (w words) stanceWords(role, stance, date string) string {
	s := strings.ToLower(w.vocab("role", models.Roles, role)) + ", " + strings.ToLower(w.vocab("stance", models.Stances, stance))
	if date != "" {
		s += " " + w.t("as_of_date", "Date", w.date(date))
	}
	return s
}

// stanceText is stanceWords followed by the stance's references:
// "obligor, opposes as of 2025-11-24 [3]".
func (f *Front) stanceText(role, stance, date string, cs []models.Citation) string {
	s := f.w.stanceWords(role, stance, date)
	if refs := f.refText(cs); refs != "" {
		s += " " + refs
	}
	return s
}

// numberParties numbers the sources of the parties' stances, in order.
func (f *Front) numberParties(ps []models.ProvisionParty) {
	for i := range ps {
		f.numberAll(ps[i].StanceSources)
	}
}

// changeCites is what a comparison's change cites on side b: a change of
// a party's part ("parties.UA.obligor") the sources of that party's
// stance there, when it has any; every other change the provision's own.
func changeCites(b *report.ProvisionBrief, field string) []models.Citation {
	if b == nil {
		return nil
	}
	if rest, ok := strings.CutPrefix(field, "parties."); ok {
		if dot := strings.LastIndexByte(rest, '.'); dot > 0 {
			party, role := rest[:dot], rest[dot+1:]
			for i := range b.Parties {
				if pp := &b.Parties[i]; pp.Party == party && pp.Role == role && len(pp.StanceSources) > 0 {
					return pp.StanceSources
				}
			}
		}
	}
	return b.Citations
}
