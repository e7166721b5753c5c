package ui

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// Sources are the publications and documents facts rest on. The list
// shows each with what it says; editors add and correct them. A source's
// key is how citations name it, so it is set once, when it is added.

type sourcesPage struct {
	Page
	Sources []models.Source
}

type sourceFormPage struct {
	Page
	IsNew   bool
	Source  models.Source // as stored now (editing)
	Form    sourceFormView
	Changed bool // someone else saved first: Source is their version
}

// sourceFormView is the source form's fields.
type sourceFormView struct {
	Action                                       string
	Version                                      int
	Key, Publisher, Title, Date, URL, Lang, Note fieldView
	Quote                                        fieldView
	Errors                                       []summaryItem
}

func newSourceFormView(f form.Source, errs form.Errors, isNew bool) sourceFormView {
	s := newFieldSet(errs)
	v := sourceFormView{Version: f.Version,
		Key:       s.text("key", "Key", f.Key),
		Publisher: s.text("publisher", "Publisher", f.Publisher),
		Title:     s.text("title", "Title", f.Title),
		Date:      s.field("date", "Date", "date", f.Date),
		URL:       s.text("url", "Address (URL)", f.URL),
		Lang:      s.text("language", "Language", f.Language),
		Quote:     s.textarea("quote", "Quoted passage", f.Quote, 4),
		Note:      s.textarea("note", "Note", f.Note, 2),
	}
	v.Key.Required, v.Publisher.Required, v.Title.Required = isNew, true, true
	v.Key.Spell = "false"
	v.Key.Help = "How provisions cite it, set once: lower case and hyphens, such as reuters-2025-11-23-e3."
	v.Title.Help = "The headline or the document's title; where there is none, say what it is."
	v.URL.Help = "Only where the source is public and its address known."
	v.Lang.Help = "A language tag: en, uk, ru, de…"
	v.Quote.Help = "The passage the facts rest on, word for word, where there is one."
	v.Note.Help = "What a reader should know: “via Interfax-Ukraine”, “the title is ours”."
	v.Errors = s.summary()
	return v
}

// listSources serves GET /sources.
func (u *UI) listSources(c *gin.Context) {
	sources, err := u.store.Sources(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	render(c, http.StatusOK, "sources", &sourcesPage{Page: Page{Title: loc(c).T("nav.sources"), Section: "sources"}, Sources: sources})
}

// newSource serves GET /sources/new.
func (u *UI) newSource(c *gin.Context) {
	showSourceForm(c, http.StatusOK, models.Source{}, form.Source{Language: "en"}, form.Errors{}, false)
}

// createSource serves POST /sources.
func (u *UI) createSource(c *gin.Context) {
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseSource(c.Request.PostForm)
	src, err := u.store.CreateSource(c.Request.Context(), web.Actor(c), f.Model())
	if errs, ok := sourceFormErrors(err); ok {
		showSourceForm(c, http.StatusUnprocessableEntity, models.Source{}, f, errs, false)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.added", "Name", src.Reference()))
	seeOther(c, "/sources#source-"+src.Key)
}

// editSource serves GET /sources/:id/edit.
func (u *UI) editSource(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	src, err := u.store.Source(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	showSourceForm(c, http.StatusOK, src, form.FromSource(src), form.Errors{}, false)
}

// updateSource serves POST /sources/:id, refusing a save on a stale
// version the way the other forms do.
func (u *UI) updateSource(c *gin.Context) {
	editFlow[models.Source, form.Source]{
		openedFrom: "the sources page",
		parse:      form.ParseSource,
		version:    func(f *form.Source) *int { return &f.Version },
		save: func(ctx context.Context, actor string, id int64, f form.Source) (models.Source, error) {
			return u.store.UpdateSource(ctx, actor, id, f.Version, f.Patch())
		},
		load:        u.store.Source,
		fieldErrors: sourceFormErrors,
		show:        showSourceForm,
		keep:        func(current models.Source, f *form.Source) { f.Key = current.Key }, // a source's key is not edited
		saved: func(c *gin.Context, src models.Source) {
			setFlash(c, loc(c).T("flash.saved", "Name", src.Reference()))
			seeOther(c, "/sources#source-"+src.Key)
		},
	}.post(c)
}

func showSourceForm(c *gin.Context, status int, src models.Source, f form.Source, errs form.Errors, changed bool) {
	isNew := src.ID == 0
	v := newSourceFormView(f, errs, isNew)
	title := "New source"
	v.Action = "/sources"
	if !isNew {
		title = "Edit " + src.Key
		v.Action = "/sources/" + idString(src.ID)
	}
	render(c, status, "source_form", &sourceFormPage{Page: Page{Title: title, Section: "sources"},
		IsNew: isNew, Source: src, Form: v, Changed: changed})
}

// sourceFormErrors maps a failed source save onto the form: field errors,
// and a key already taken onto the key.
func sourceFormErrors(err error) (form.Errors, bool) {
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		return form.ErrorsFrom(verr), true
	case errors.Is(err, store.ErrDuplicate):
		var errs form.Errors
		errs.Add("key", "another source already has this key")
		return errs, true
	}
	return form.Errors{}, false
}
