package api

import (
	"context"

	"plantracker/models"
)

// SourceStore is what the source handlers need of the store.
type SourceStore interface {
	Sources(ctx context.Context) ([]models.Source, error)
	Source(ctx context.Context, id int64) (models.Source, error)
	CreateSource(ctx context.Context, actor string, s models.Source) (models.Source, error)
	UpdateSource(ctx context.Context, actor string, id int64, ifVersion int, patch models.SourcePatch) (models.Source, error)
	DeleteSource(ctx context.Context, actor string, id int64, ifVersion int) error
}
