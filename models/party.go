package models

import "strings"

// Party is a state, bloc or organisation that a plan binds, protects or
// involves. Everywhere else in the domain a party is named by its short name
// (`UA`, `NATO`): short names are unique and read well in terms and URLs.
type Party struct {
	ID        int64  `json:"id"`
	Name      string `json:"name" validate:"required,max=200"`
	ShortName string `json:"short_name" validate:"required,party"`
	Type      string `json:"type" validate:"required,oneof=state bloc alliance organisation group body"`
	RowStamps
}

// PartyInput is what a client sends to create a party.
type PartyInput struct {
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	Type      string `json:"type"`
}

// Party builds the party the input describes.
func (in PartyInput) Party() Party {
	return Party{Name: in.Name, ShortName: in.ShortName, Type: in.Type}
}

// PartyPatch changes some fields of a party; nil fields stay as they are.
type PartyPatch struct {
	Name      *string `json:"name"`
	ShortName *string `json:"short_name"`
	Type      *string `json:"type"`
}

// Apply writes the patch onto p.
func (pp PartyPatch) Apply(p *Party) {
	applyPatch(pp, p)
}

// Validate checks every field of the party. A short name typed in lower
// case ("tr") is taken in capitals: short names are capitals by
// convention, and refusing "tr" for "TR" helps nobody.
func (p *Party) Validate() error {
	p.ShortName = strings.ToUpper(strings.TrimSpace(p.ShortName))
	return validateStruct(p, "").Err()
}
