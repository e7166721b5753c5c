package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// Party is the party form as typed.
type Party struct {
	Name, ShortName, Type string
	Version               int
}

// ParseParty reads a posted party form.
func ParseParty(v url.Values) Party {
	f := Party{Name: strings.TrimSpace(v.Get("name")), ShortName: strings.TrimSpace(v.Get("short_name")),
		Type: v.Get("type")}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	return f
}

// FromParty fills the form from a stored party.
func FromParty(p models.Party) Party {
	return Party{Name: p.Name, ShortName: p.ShortName, Type: p.Type, Version: p.Version}
}

// Model is the new party the form describes.
func (f Party) Model() models.Party {
	return models.Party{Name: f.Name, ShortName: f.ShortName, Type: f.Type}
}

// Patch is the change the form makes to a stored party.
func (f Party) Patch() models.PartyPatch {
	return models.PartyPatch{Name: &f.Name, ShortName: &f.ShortName, Type: &f.Type}
}
