package ui

import (
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/ui/form"
)

// fieldView is one labelled input of a form, as the "field" partial
// renders it: its control, its value as typed, and its error.
type fieldView struct {
	Name    string // the input's name: "title", "terms.limit"
	ID      string // its element id: "title", "terms-limit"
	Label   string
	Control string // text, textarea, number, select, multiselect (checkboxes), date
	Value   string
	Options []optionView
	Groups  []optionGroup // a select's options in groups, instead of Options
	Rows    int           // rows of a textarea

	Required         bool
	Unit, Help       string
	Min, Max, Step   string
	Error            string
	Spell            string // "false" for identifiers, which are not words
	AutoSubmitButton string // with JavaScript, a change clicks this button (the kind select)
}

type optionView struct {
	Value, Label string
	Selected     bool
}

type optionGroup struct {
	Label   string
	Options []optionView
}

func inputID(name string) string { return strings.ReplaceAll(name, ".", "-") }

// fieldSet builds a form's fields and remembers each one's label and id,
// so that the error summary can name and link every error.
type fieldSet struct {
	errs   form.Errors
	labels map[string]string
}

func newFieldSet(errs form.Errors) *fieldSet {
	return &fieldSet{errs: errs, labels: map[string]string{}}
}

func (s *fieldSet) field(name, label, control, value string) fieldView {
	s.labels[name] = label
	return fieldView{Name: name, ID: inputID(name), Label: label, Control: control, Value: value, Error: s.errs.For(name)}
}

func (s *fieldSet) text(name, label, value string) fieldView {
	return s.field(name, label, "text", value)
}

func (s *fieldSet) textarea(name, label, value string, rows int) fieldView {
	f := s.field(name, label, "textarea", value)
	f.Rows = rows
	return f
}

// choice is a select over a vocabulary, with a first blank option saying
// what choosing nothing means.
func (s *fieldSet) choice(name, label, value, blank string, vocab []models.Term) fieldView {
	f := s.field(name, label, "select", value)
	f.Options = options(value, blank, vocab)
	return f
}

func options(value, blank string, vocab []models.Term) []optionView {
	var out []optionView
	if blank != "" {
		out = append(out, optionView{Value: "", Label: blank, Selected: value == ""})
	}
	found := value == ""
	for _, t := range vocab {
		out = append(out, optionView{Value: t.Value, Label: t.Label, Selected: t.Value == value})
		found = found || t.Value == value
	}
	if !found { // keep a value the list no longer has, rather than silently changing it
		out = append(out, optionView{Value: value, Label: value, Selected: true})
	}
	return out
}

// partyTerms is the parties as a vocabulary: "UA — Ukraine".
func partyTerms(parties []models.Party) []models.Term {
	out := make([]models.Term, len(parties))
	for i, p := range parties {
		out[i] = models.Term{Value: p.ShortName, Label: p.ShortName + " — " + p.Name}
	}
	return out
}

// summaryItem is one line of the error summary above a form.
type summaryItem struct {
	Label, Message, Anchor string
}

// summary lists every error, linked to its input where the form has one.
func (s *fieldSet) summary() []summaryItem {
	var out []summaryItem
	for _, fe := range s.errs.All() {
		item := summaryItem{Message: fe.Message, Label: s.labels[fe.Input]}
		if item.Label != "" {
			item.Anchor = inputID(fe.Input)
		} else {
			item.Label = s.fallbackLabel(fe.Input)
		}
		out = append(out, item)
	}
	return out
}

func (s *fieldSet) fallbackLabel(input string) string {
	switch {
	case input == "" || input == "form":
		return "Form"
	case input == "terms":
		return "Terms"
	case input == "parties":
		return "Parties"
	}
	return input
}

// bound writes a term's min or max for a number input.
func bound(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
