package ui

// entityFormPage is the page of a form that adds a record or edits one
// (the plan, event and source forms, the party's edit form): the record as
// stored, the form's fields, and whether someone else saved first.
type entityFormPage[M, V any] struct {
	Page
	IsNew   bool
	Stored  M // as stored now (editing)
	Form    V
	Changed bool // someone else saved first: Stored is their version
}
