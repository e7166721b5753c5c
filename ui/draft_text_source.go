package ui

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// The source of a draft's text, made on the review page itself: the
// review posts its whole state, so a source typed there (publisher, title,
// date, address) is created in the same request, before the draft, and the
// review is never lost to a trip to the sources page. "Add this source"
// creates it and lays the review out again with it chosen; "Create draft"
// with no source chosen creates the typed one first.

// inlineSourcePrefix names the review page's source inputs.
const inlineSourcePrefix = "new_source_"

// inlineSource is the review page's new source as typed.
type inlineSource struct {
	Publisher, Title, Date, URL string
}

func parseInlineSource(v url.Values) inlineSource {
	get := func(name string) string { return strings.TrimSpace(v.Get(inlineSourcePrefix + name)) }
	return inlineSource{Publisher: get("publisher"), Title: get("title"), Date: get("date"), URL: get("url")}
}

// Empty reports whether nothing was typed.
func (s inlineSource) Empty() bool {
	return s.Publisher == "" && s.Title == "" && s.Date == "" && s.URL == ""
}

// sourceKey proposes a source's key from its publisher and date
// ("axios-2025-11-20"), else its title.
func (s inlineSource) sourceKey() string {
	base := s.Publisher + " " + s.Date
	if strings.TrimSpace(base) == "" {
		base = s.Title
	}
	key := models.Slugify(base)
	if len(key) > 70 {
		key = strings.TrimRight(key[:70], "-")
	}
	return key
}

// inlineSourceStore is what creating the source needs of the store.
type inlineSourceStore interface {
	CreateSource(ctx context.Context, actor string, src models.Source) (models.Source, error)
}

// createInlineSource creates the typed source, its key made unique by a
// number where another source has it. Refused input comes back as errors
// on the review's source inputs.
func createInlineSource(ctx context.Context, st inlineSourceStore, actor string, s inlineSource) (models.Source, form.Errors, error) {
	var errs form.Errors
	key := s.sourceKey()
	for n := 1; n <= 20; n++ {
		k := key
		if n > 1 {
			k = key + "-" + strconv.Itoa(n)
		}
		src, err := st.CreateSource(ctx, actor, models.SourceInput{Key: k, Publisher: s.Publisher, Title: s.Title, Date: s.Date, URL: s.URL}.Source())
		var verr *models.ValidationError
		switch {
		case errors.Is(err, store.ErrDuplicate):
			continue
		case errors.As(err, &verr):
			for _, fe := range verr.Errors {
				name := fe.Field
				if i := strings.LastIndexByte(name, '.'); i >= 0 {
					name = name[i+1:]
				}
				if name == "key" {
					name = "publisher" // the key is made from it
				}
				errs.Add(inlineSourcePrefix+name, fe.Message)
			}
			return models.Source{}, errs, nil
		case err != nil:
			return models.Source{}, errs, err
		}
		return src, errs, nil
	}
	errs.Add(inlineSourcePrefix+"publisher", "too many sources have this publisher and date: choose one above")
	return models.Source{}, errs, nil
}
