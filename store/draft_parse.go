package store

import (
	"context"
	"errors"

	"plantracker/models"
)

// ParseDraftText reads a draft's text (models.ParseDraft) against the
// parties table and, when one is named, the provisions of the base draft it
// revises. It saves nothing: the analyst reviews what it proposes, then
// creates the draft (CreateDraftWithProvisions).
func (s *Store) ParseDraftText(ctx context.Context, in models.ParseInput) (models.ParseResult, error) {
	if err := in.Validate(); err != nil {
		return models.ParseResult{}, err
	}
	parties, err := s.Parties(ctx)
	if err != nil {
		return models.ParseResult{}, err
	}
	var base []models.Provision
	if in.BaseDraft != 0 {
		base, err = s.DraftProvisions(ctx, in.BaseDraft)
		if errors.Is(err, ErrNotFound) {
			return models.ParseResult{}, models.Invalid("base_draft", "no draft %d", in.BaseDraft)
		}
		if err != nil {
			return models.ParseResult{}, err
		}
	}
	return models.ParseDraft(in.Text, models.ParseOptions{Parties: parties, Base: base}), nil
}
