package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// The forms of the record beyond the texts: an event, and a party's
// stance on a draft as a whole.

// Event is the event form as typed. Parties and drafts are the checked
// boxes; keys are typed, separated by commas or spaces.
type Event struct {
	Key, Date, EndDate, Kind, Title, Place, Summary, Keys string
	Parties                                               []string
	Drafts                                                []int64
	Sources                                               []SourceRow
	Version                                               int
}

// ParseEvent reads a posted event form.
func ParseEvent(v url.Values) Event {
	f := Event{Key: strings.TrimSpace(v.Get("key")), Date: strings.TrimSpace(v.Get("date")),
		EndDate: strings.TrimSpace(v.Get("end_date")), Kind: v.Get("kind"), Title: strings.TrimSpace(v.Get("title")),
		Place: strings.TrimSpace(v.Get("place")), Summary: strings.TrimSpace(v.Get("summary")),
		Keys: strings.TrimSpace(v.Get("keys"))}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	for _, p := range v["parties"] {
		if p = strings.TrimSpace(p); p != "" {
			f.Parties = append(f.Parties, p)
		}
	}
	for _, d := range v["drafts"] {
		if id, err := strconv.ParseInt(d, 10, 64); err == nil {
			f.Drafts = append(f.Drafts, id)
		}
	}
	f.Sources = parseSourceRows(v)
	return f
}

// FromEvent fills the form from a stored event.
func FromEvent(e models.Event) Event {
	return Event{Key: e.Key, Date: e.Date, EndDate: e.EndDate, Kind: e.Kind, Title: e.Title, Place: e.Place,
		Summary: e.Summary, Keys: strings.Join(e.Keys, ", "), Parties: append([]string(nil), e.Parties...),
		Drafts: append([]int64(nil), e.Drafts...), Sources: sourceRowsOf(e.Sources), Version: e.Version}
}

// KeyList is the typed keys as a list.
func (f Event) KeyList() []string {
	keys := []string{}
	for _, k := range strings.FieldsFunc(f.Keys, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' }) {
		keys = append(keys, strings.TrimSpace(k))
	}
	return keys
}

// Model is the new event the form describes.
func (f Event) Model() models.Event {
	return models.EventInput{Key: f.Key, Date: f.Date, EndDate: f.EndDate, Kind: f.Kind, Title: f.Title, Place: f.Place,
		Parties: f.Parties, Summary: f.Summary, Sources: citations(f.Sources), Drafts: f.Drafts, Keys: f.KeyList()}.Event()
}

// Patch is the change the form makes to a stored event: every field but
// the key.
func (f Event) Patch() models.EventPatch {
	parties, drafts, keys, sources := append([]string{}, f.Parties...), append([]int64{}, f.Drafts...), f.KeyList(), citations(f.Sources)
	return models.EventPatch{Date: &f.Date, EndDate: &f.EndDate, Kind: &f.Kind, Title: &f.Title, Place: &f.Place,
		Parties: &parties, Summary: &f.Summary, Sources: &sources, Drafts: &drafts, Keys: &keys}
}

// DraftStance is the form of a party's stance on a draft as a whole.
type DraftStance struct {
	Party, Stance, Date, Quote string
	Sources                    []SourceRow
	Version                    int
}

// ParseDraftStance reads a posted stance form.
func ParseDraftStance(v url.Values) DraftStance {
	f := DraftStance{Party: strings.TrimSpace(v.Get("party")), Stance: v.Get("stance"),
		Date: strings.TrimSpace(v.Get("date")), Quote: strings.TrimSpace(v.Get("quote"))}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	f.Sources = parseSourceRows(v)
	return f
}

// FromDraftStance fills the form from a stored stance.
func FromDraftStance(ds models.DraftStance) DraftStance {
	return DraftStance{Party: ds.Party, Stance: ds.Stance, Date: ds.Date, Quote: ds.Quote,
		Sources: sourceRowsOf(ds.Sources), Version: ds.Version}
}

// Model is the new stance on draft draftID the form describes.
func (f DraftStance) Model(draftID int64) models.DraftStance {
	return models.DraftStanceInput{Party: f.Party, Stance: f.Stance, Date: f.Date, Quote: f.Quote,
		Sources: citations(f.Sources)}.DraftStance(draftID)
}

// Patch is the change the form makes to a stored stance.
func (f DraftStance) Patch() models.DraftStancePatch {
	sources := citations(f.Sources)
	return models.DraftStancePatch{Party: &f.Party, Stance: &f.Stance, Date: &f.Date, Quote: &f.Quote, Sources: &sources}
}

// RecordErrors maps the store's field paths for events and stances onto
// their inputs: a party, draft or key list is one input each.
func RecordErrors(verr *models.ValidationError) Errors {
	var out Errors
	for _, fe := range ErrorsFrom(verr).All() {
		input := fe.Input
		for _, list := range []string{"parties", "drafts", "keys"} {
			if strings.HasPrefix(input, list+".") {
				input = list
			}
		}
		out.Add(input, fe.Message)
	}
	return out
}
