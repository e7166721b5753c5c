package ui

import (
	"context"
	"strconv"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/form"
)

// The provision form, new and edit alike. Its fields come from the kind
// registry: numbers are number inputs, enums selects, party lists
// multi-selects. Booleans are tri-state (a draft may not say), so they are
// selects of "not stated", yes and no rather than checkboxes, which can only
// say yes or no.

// emptyPartyRows and emptySourceRows are how many blank rows the form
// offers to fill in; with JavaScript, a button adds more.
const (
	emptyPartyRows  = 3
	emptySourceRows = 2
)

type provisionFormPage struct {
	Page
	Plan        models.Plan
	Draft       models.Draft
	IsNew       bool
	Action      string // where the form posts
	CancelURL   string
	ProvisionID int64
	Version     int
	Kind        *models.Kind
	Fields      map[string]fieldView
	Terms       []fieldView
	PartyRows   []partyRowView
	PartiesErr  string
	SourceRows  []sourceRowView
	SourcesErr  string
	// NoSources is true when there is no source to cite yet: the form
	// says where to add one.
	NoSources bool
	Errors    []summaryItem
	Conflict  *conflictView
	Wording   []models.Mismatch // the wording disagrees with the terms: save anyway? (provision_wording.go)
	// TranslationHidden rides along what the form does not edit of the
	// words in other languages (provision_form_translation.go).
	TranslationHidden []hiddenInput
}

// partyRowView is one row of the party table: party, role and stance,
// with the stance's date and first source; what the form does not edit
// of the stance's sources rides along in hidden inputs.
type partyRowView struct {
	Number                                int
	Party, Role, Stance                   fieldView
	StanceDate, StanceSource, StanceLevel fieldView
	Hidden                                []hiddenInput
}

// sourceRowView is one row of the sources table.
type sourceRowView struct {
	Number                    int
	Source, Sourcing, Locator fieldView
}

type hiddenInput struct{ Name, Value string }

// conflictView is what the form shows when someone else saved first.
type conflictView struct {
	Opened  int // the version the form was opened at
	Now     int // the version it is at now
	Current provisionView
	Theirs  []changeView         // their changes since the form was opened
	Yours   []report.FieldChange // what saving this form now would change
}

// kindButton is the id of the button that re-renders the form for the
// chosen kind; the kind select clicks it on change when JavaScript runs.
const kindButton = "change-kind"

// newProvisionFormPage lays out the form for f with errs beside their
// fields.
func (u *UI) newProvisionFormPage(ctx context.Context, draft models.Draft, f form.Provision, errs form.Errors) (*provisionFormPage, error) {
	plan, err := u.store.Plan(ctx, draft.PlanID)
	if err != nil {
		return nil, err
	}
	parties, sources, err := u.partiesAndSources(ctx)
	if err != nil {
		return nil, err
	}
	s := newFieldSet(errs)
	page := &provisionFormPage{Plan: plan, Draft: draft, Version: f.Version, Fields: map[string]fieldView{}}

	kind := s.field("kind", "Kind", "select", f.Kind)
	kind.Groups = kindGroups(f.Kind)
	kind.AutoSubmitButton = kindButton
	kind.Required = true
	page.Fields["kind"] = kind
	if k, ok := models.KindByName(f.Kind); ok {
		page.Kind = k
		for _, fd := range k.Fields {
			page.Terms = append(page.Terms, termField(s, fd, f, parties))
		}
	}

	key := s.text("key", "Key", f.Key)
	key.Required, key.Spell = true, "false"
	key.Help = "Names the subject across drafts, so comparisons can match it: lower case and hyphens, such as troop-cap."
	page.Fields["key"] = key
	point := s.text("point", "Point", f.Point)
	point.Help = "The draft's own number, or a range such as 15–20."
	page.Fields["point"] = point
	title := s.text("title", "Title", f.Title)
	title.Required = true
	page.Fields["title"] = title
	category := "the kind's"
	if page.Kind != nil {
		category = models.Categories.Label(page.Kind.Category)
	}
	page.Fields["category"] = s.choice("category", "Category", f.Category, "Default ("+category+")", models.Categories)
	page.Fields["text"] = s.textarea("text", "Wording", f.Text, min(4+len(f.Text)/120, 14)) // tall enough to read it whole
	page.Fields["status"] = s.choice("status", "Status", f.Status, "Default (Proposed)", models.ProvisionStatuses)
	sourcing := s.choice("sourcing", "Sourcing", f.Sourcing, "Choose…", models.Sourcings)
	sourcing.Required = true
	page.Fields["sourcing"] = sourcing

	translationFields(s, page, f, sources)

	page.SourceRows = sourceRowViews(s, f.Sources, sources)
	page.SourcesErr = errs.For("sources")
	page.NoSources = len(sources) == 0

	rows := append([]form.PartyRow(nil), f.Parties...)
	for range emptyPartyRows {
		rows = append(rows, form.PartyRow{Stance: "unknown"})
	}
	for i, r := range rows {
		page.PartyRows = append(page.PartyRows, partyRow(s, i, r, parties, sources))
	}
	page.PartiesErr = errs.For("parties")
	page.Errors = s.summary()
	return page, nil
}

// kindGroups lists the kinds by category, for the kind select.
func kindGroups(value string) []optionGroup {
	var out []optionGroup
	for _, cat := range models.Categories {
		g := optionGroup{Label: cat.Label}
		for _, k := range models.Kinds() {
			if k.Category == cat.Value {
				g.Options = append(g.Options, optionView{Value: k.Name, Label: k.Label, Selected: k.Name == value})
			}
		}
		if len(g.Options) > 0 {
			out = append(out, g)
		}
	}
	blank := optionGroup{Options: []optionView{{Value: "", Label: "Choose a kind…", Selected: value == ""}}}
	return append([]optionGroup{blank}, out...)
}

// termField is the input of one term, chosen by its type.
func termField(s *fieldSet, fd models.Field, f form.Provision, parties []models.Party) fieldView {
	name := form.TermsPrefix + fd.Name
	value := f.Term(fd.Name)
	var v fieldView
	switch fd.Type {
	case models.FieldInteger, models.FieldNumber:
		v = s.field(name, fd.Label, "number", value)
		v.Min, v.Max, v.Step = bound(fd.Min), bound(fd.Max), "1"
		if fd.Type == models.FieldNumber {
			v.Step = "any"
		}
	case models.FieldBoolean:
		v = s.choice(name, fd.Label, value, "Not stated", []models.Term{{Value: "true", Label: "Yes"}, {Value: "false", Label: "No"}})
	case models.FieldEnum:
		blank := "Not stated"
		if fd.Required {
			blank = "Choose…"
		}
		v = s.choice(name, fd.Label, value, blank, fd.Options)
	case models.FieldParty:
		v = s.choice(name, fd.Label, value, "None", partyTerms(parties))
	case models.FieldParties:
		// Checkboxes, the chosen parties first, in their stored order: a
		// form posts checked boxes in document order, so an unchanged form
		// saves the list unchanged (and an unknown party stays visible).
		v = checkboxField(s, name, fd.Label, f.Terms[fd.Name], partyTerms(parties))
	default:
		v = s.text(name, fd.Label, value)
	}
	v.Required = fd.Required
	v.Unit = fd.Unit
	if fd.Help != "" {
		v.Help = fd.Help
	}
	return v
}

func partyRow(s *fieldSet, i int, r form.PartyRow, parties []models.Party, sources []models.Source) partyRowView {
	prefix := form.PartiesPrefix + strconv.Itoa(i) + "."
	n := strconv.Itoa(i + 1)
	// The "cell" partial labels these for assistive technology only: the
	// table's column headers name them for everyone else.
	v := partyRowView{
		Number:       i + 1,
		Party:        s.choice(prefix+"party", "Party "+n, r.Party, "—", partyTerms(parties)),
		Role:         s.choice(prefix+"role", "Role "+n, r.Role, "Choose…", models.Roles),
		Stance:       s.choice(prefix+"stance", "Stance "+n, r.Stance, "", models.Stances),
		StanceDate:   s.field(prefix+"stance_date", "Stance date "+n, "date", r.StanceDate),
		StanceSource: s.choice(prefix+"stance_source", "Stance source "+n, r.StanceSource, "—", sourceTerms(sources, r.StanceSource)),
		StanceLevel:  s.choice(prefix+"stance_sourcing", "Stance sourcing "+n, r.StanceSourcing, "", models.Sourcings),
	}
	if r.StanceLocator != "" {
		v.Hidden = append(v.Hidden, hiddenInput{prefix + "stance_locator", r.StanceLocator})
	}
	if r.StanceMore != "" {
		v.Hidden = append(v.Hidden, hiddenInput{prefix + "stance_more", r.StanceMore})
	}
	return v
}

func sourceRow(s *fieldSet, i int, r form.SourceRow, sources []models.Source) sourceRowView {
	prefix := form.SourcesPrefix + strconv.Itoa(i) + "."
	n := strconv.Itoa(i + 1)
	return sourceRowView{
		Number:   i + 1,
		Source:   s.choice(prefix+"source", "Source "+n, r.Source, "—", sourceTerms(sources, r.Source)),
		Sourcing: s.choice(prefix+"sourcing", "Sourcing "+n, r.Sourcing, "", models.Sourcings),
		Locator:  s.text(prefix+"locator", "Where in it "+n, r.Locator),
	}
}

// sourceTerms are the sources as a select's options, newest first, with
// the chosen one kept even if it is unknown (so a save names it in its
// error instead of dropping it).
func sourceTerms(sources []models.Source, chosen string) []models.Term {
	out := make([]models.Term, 0, len(sources)+1)
	found := chosen == ""
	for _, src := range sources {
		out = append(out, models.Term{Value: src.Key, Label: src.Reference()})
		found = found || src.Key == chosen
	}
	if !found {
		out = append(out, models.Term{Value: chosen, Label: chosen + " (unknown source)"})
	}
	return out
}
