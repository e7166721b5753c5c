package models

import (
	"encoding/json"
	"strconv"
	"strings"
)

// RenameParty returns the provision with every reference to the party
// short name old (its party links and the party-typed terms that
// PartyReferences finds) made to new instead, and whether there was any.
// The terms come back in canonical form. Parties are named by short name
// in terms, so renaming a party must rewrite them, or the provision would
// name a party that no longer exists.
func (p Provision) RenameParty(old, new string) (Provision, bool) {
	refs := p.PartyReferences()
	terms := map[string]bool{} // term fields naming old
	renamed := false
	out := p
	out.Parties = append([]ProvisionParty(nil), p.Parties...)
	for i := range out.Parties {
		if out.Parties[i].Party == old {
			out.Parties[i].Party, renamed = new, true
		}
	}
	for _, r := range refs {
		if name, ok := strings.CutPrefix(r.Field, "terms."); ok && r.Party == old {
			name, _, _ = strings.Cut(name, "[")
			terms[name] = true
		}
	}
	if len(terms) == 0 {
		return out, renamed
	}
	values := TermValues(p.Terms)
	for name := range terms {
		var list []string
		if json.Unmarshal(values[name], &list) == nil {
			for i := range list {
				if list[i] == old {
					list[i] = new
				}
			}
			values[name], _ = json.Marshal(list)
			continue
		}
		values[name] = json.RawMessage(strconv.Quote(new))
	}
	raw, err := json.Marshal(values)
	if err != nil {
		return p, false
	}
	out.Terms = raw
	if k, ok := KindByName(p.Kind); ok {
		if _, canonical, err := k.DecodeTerms(raw); err == nil {
			out.Terms = canonical
		}
	}
	return out, true
}
