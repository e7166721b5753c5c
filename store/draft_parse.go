package store

import (
	"context"
	"errors"

	"plantracker/models"
	"plantracker/models/parse"
)

// ParseDraftText reads a draft's text (parse.TextContext, stopping when
// ctx ends) against the
// parties table and, when one is named, the provisions of the base draft it
// revises. It saves nothing: the analyst reviews what it proposes, then
// creates the draft (CreateDraftWithProvisions).
func (s *Store) ParseDraftText(ctx context.Context, in parse.Input) (parse.Result, error) {
	if err := in.Validate(); err != nil {
		return parse.Result{}, err
	}
	parties, err := s.Parties(ctx)
	if err != nil {
		return parse.Result{}, err
	}
	var base []models.Provision
	if in.BaseDraft != 0 {
		base, err = s.DraftProvisions(ctx, in.BaseDraft)
		if errors.Is(err, ErrNotFound) {
			return parse.Result{}, models.Invalid("base_draft", "no draft %d", in.BaseDraft)
		}
		if err != nil {
			return parse.Result{}, err
		}
	}
	return parse.TextContext(ctx, in.Text, parse.Options{Parties: parties, Base: base})
}
