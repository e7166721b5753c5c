package ui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// Sources are the publications and documents facts rest on. The list
// shows each with what it says; editors add and correct them. A source's
// key is how citations name it, so it is set once, when it is added.

type sourcesPage struct {
	Page
	Sources []sourceListed
}

// sourceFormView is the source form's fields.
type sourceFormView struct {
	Action                                       string
	Version                                      int
	Key, Publisher, Title, Date, URL, Lang, Note fieldView
	Quote                                        fieldView
	// TranslationLanguage and TranslationQuote are the quote in one other
	// language; OtherTranslations, any further ones, ride along hidden.
	TranslationLanguage, TranslationQuote fieldView
	OtherTranslations                     string
	Errors                                []summaryItem
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
		TranslationLanguage: s.choice(form.TranslationPrefix+"language", "Language of the translation",
			f.Translation.Language, "—", models.TextLanguages),
		TranslationQuote:  s.textarea(form.TranslationPrefix+"quote", "Quoted passage, translated", f.Translation.Quote, 4),
		OtherTranslations: f.OtherTranslations,
	}
	v.Key.Required, v.Publisher.Required, v.Title.Required = isNew, true, true
	v.Key.Spell = "false"
	v.Key.Help = "How provisions cite it, set once: lower case and hyphens, such as reuters-2025-11-23-e3."
	v.Title.Help = "The headline or the document's title; where there is none, say what it is."
	v.URL.Help = "Only where the source is public and its address known."
	v.Lang.Help = "A language tag: en, uk, ru, de…"
	v.Quote.Help = "The passage the facts rest on, word for word, where there is one."
	v.Note.Help = "What a reader should know: “via Interfax-Ukraine”, “the title is ours”."
	v.TranslationQuote.Help = "The passage in that language; the quoted passage above stays the original, in the source's language."
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
	render(c, http.StatusOK, "sources", &sourcesPage{Page: Page{Title: loc(c).T("nav.sources"), Section: "sources"},
		Sources: sourcesListedFor(sources, pageLanguage(c))})
}

// sourceEntity declares the source's forms. A source's key is how
// citations name it, so the edit form does not change it.
func (u *UI) sourceEntity() formEntity {
	adding := newFlow[noParent, models.Source, form.Source]{
		blank:       func(*gin.Context) form.Source { return form.Source{Language: "en"} },
		parse:       form.ParseSource,
		add:         createModel(u.store.CreateSource, form.Source.Model),
		fieldErrors: sourceFormErrors,
		show:        showBlank(showSourceForm),
		added: func(c *gin.Context, _ noParent, src models.Source) {
			seeOtherSaying(c, "/sources#source-"+src.Key, loc(c).T("flash.added", "Name", src.Reference()))
		},
	}
	editing := editFlow[models.Source, form.Source, models.SourcePatch]{
		openedFrom: "the sources page",
		parse:      form.ParseSource, fill: form.FromSource, patch: form.Source.Patch,
		load: u.store.Source, save: u.store.UpdateSource,
		fieldErrors: sourceFormErrors,
		show:        showSourceForm,
		keep:        func(current models.Source, f *form.Source) { f.Key = current.Key },
		saved: func(c *gin.Context, src models.Source) {
			seeOtherSaying(c, "/sources#source-"+src.Key, loc(c).T("flash.saved", "Name", src.Reference()))
		},
	}
	return formEntity{name: models.EntitySource, section: "sources",
		newPath: "/sources/new", addPath: "/sources", rowPath: "/sources/:id",
		adding: adding, editing: editing, describe: describeRow(u.store.Source, describeSource), remove: u.store.DeleteSource}
}

func describeSource(_ context.Context, s models.Source, d deletion) (deletion, error) {
	d.Name = "the source " + s.Reference()
	d.Back, d.After = "/sources#source-"+s.Key, "/sources"
	return d, nil
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
	render(c, status, "source_form", &entityFormPage[models.Source, sourceFormView]{Page: Page{Title: title, Section: "sources"},
		IsNew: isNew, Stored: src, Form: v, Changed: changed})
}

// sourceFormErrors maps a failed source save onto the form: field errors,
// and a key already taken onto the key.
var sourceFormErrors = takenAs(form.SourceErrorsFrom, "key", "another source already has this key")
